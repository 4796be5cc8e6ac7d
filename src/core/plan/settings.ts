/**
 * The settings of a plan as people type them — unit, year span, funding-source list, layout preset — with ONE
 * parser and ONE validation rule each, and the defaults in one table. The command line, the task pane, plan JSON
 * and the input sheet all call these, so the same text gets the same answer and the same Vietnamese message.
 */
import { YEARS } from '../base/limits';
import { fold, normText } from '../text/fold';
import { UNIT_WORDS, parseUnitLine } from '../text/numbers';
import type { FundingSource, LayoutPreset, Unit, YearSpan } from './model';
import { UNITS } from './model';
import { SETTING_MESSAGES as M } from './messages';

/** A setting that cannot be understood (unit, years, sources, preset). Its message is Vietnamese, for the user. */
export class SettingError extends Error {
  constructor(message: string) {
    super(message.normalize('NFC'));
    this.name = 'SettingError';
  }
}

/** Defaults used wherever the user gives nothing: the current medium-term period, the common sources and unit. */
export const DEFAULTS = {
  years: { from: 2026, to: 2030 } as YearSpan,
  yearsText: '2026-2030',
  sourceCodes: 'NSTW,NSĐP,ĐTPT',
  unit: 'triệu đồng' as Unit,
  preset: 'medium-term' as LayoutPreset,
} as const;

/** Standard funding-source codes and their Vietnamese labels. */
export const STANDARD_SOURCES: readonly FundingSource[] = [
  { code: 'NSTW', label: 'Ngân sách trung ương' },
  { code: 'NSĐP', label: 'Ngân sách địa phương' },
  { code: 'NST', label: 'Ngân sách tỉnh' },
  { code: 'NSH', label: 'Ngân sách huyện' },
  { code: 'ĐTPT', label: 'Vốn đầu tư phát triển (trung hạn)' },
  { code: 'SN', label: 'Vốn sự nghiệp' },
  { code: 'XHH', label: 'Xã hội hóa' },
  { code: 'KHAC', label: 'Khác' },
];

/** The standard source a code names, also typed without "Đ" or in lower case ("nsdp" → NSĐP). */
export function standardSource(code: string): FundingSource | undefined {
  const f = fold(code).replace(/\s+/g, '');
  return STANDARD_SOURCES.find((s) => fold(s.code) === f);
}

/** Whether a year span is within the one rule (YEARS in base/limits); the Vietnamese reason when it is not. */
export function yearSpanProblem(from: number, to: number): string | undefined {
  if (!Number.isInteger(from) || !Number.isInteger(to)) return M.yearsNotWhole;
  if (from < YEARS.min || to > YEARS.max || to < YEARS.min || from > YEARS.max) return M.yearsOutOfRange(YEARS.min, YEARS.max);
  if (from > to) return M.yearsReversed;
  if (to - from + 1 > YEARS.maxSpan) return M.yearsTooLong(YEARS.maxSpan);
  return undefined;
}

/** A year span given as two numbers (the pane's fields). Throws SettingError. */
export function checkYearSpan(from: number, to: number): YearSpan {
  const why = yearSpanProblem(from, to);
  if (why) throw new SettingError(`${why}: ${from}-${to}`);
  return { from, to };
}

/** "2021-2025", "2021 – 2025", "2021 đến 2025", "2023" → YearSpan. Throws SettingError. */
export function parseYearSpan(text: string): YearSpan {
  const t = String(text).normalize('NFC').trim();
  const m = /^(\d{4})(?:\s*(?:-|–|—|÷|đến)\s*(\d{4}))?$/u.exec(t);
  if (!m) throw new SettingError(M.yearsNotSpan(t));
  const from = parseInt(m[1], 10);
  const to = m[2] ? parseInt(m[2], 10) : from;
  const why = yearSpanProblem(from, to);
  if (why) throw new SettingError(`${why}: "${t}"`);
  return { from, to };
}

/** A funding-source code: letters, digits, "_", ".", "-"; 1 to 20 characters. */
export const SOURCE_CODE_RE = /^[\p{L}\p{N}_.-]{1,20}$/u;

/**
 * "NSTW,NSĐP,ĐTPT" → sources with their standard labels; user codes allowed, with a label: "ABC=Vốn ABC"
 * (a code without "=label" that is not standard is its own label). Separators "," or ";". Throws SettingError.
 */
export function parseSourceCodes(text: string): FundingSource[] {
  const parts = String(text).normalize('NFC').split(/[,;]/).map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length === 0) throw new SettingError(M.sourcesEmpty);
  const out: FundingSource[] = [];
  const seen = new Set<string>();
  for (const p of parts) {
    const eq = p.indexOf('=');
    const rawCode = (eq >= 0 ? p.slice(0, eq) : p).trim();
    const label = eq >= 0 ? p.slice(eq + 1).trim() : undefined;
    if (rawCode === '') throw new SettingError(M.sourceCodeMissing(p));
    const std = standardSource(rawCode);
    const code = std ? std.code : rawCode.toUpperCase();
    if (!SOURCE_CODE_RE.test(code)) throw new SettingError(M.sourceCodeBad(rawCode));
    if (eq >= 0 && !label) throw new SettingError(M.sourceLabelMissing(code));
    if (seen.has(fold(code))) throw new SettingError(M.sourceRepeated(code));
    seen.add(fold(code));
    out.push({ code, label: label ?? std?.label ?? code });
  }
  return out;
}

/** "Triệu đồng", "triệu", "tr", "tr.đ", "tỷ", "ĐVT: nghìn đồng" → Unit; undefined when not a unit. */
export function parseUnitText(text: string): Unit | undefined {
  const t = normText(String(text));
  if (t === '') return undefined;
  const direct = UNITS.find((u) => u === t) ?? UNIT_WORDS.get(t) ?? UNIT_WORDS.get(t.replace(/\.$/, ''));
  return direct ?? parseUnitLine(/^(đvt|dvt|đơn vị)/u.test(t) ? t : `ĐVT: ${t}`);
}

/** parseUnitText, or a SettingError naming the accepted units. */
export function readUnit(text: string): Unit {
  const u = parseUnitText(text);
  if (!u) throw new SettingError(M.unitUnknown(String(text).trim()));
  return u;
}

/** The unit as written in the sheet: "Triệu đồng". */
export function unitLabel(u: Unit): string {
  return u.charAt(0).toUpperCase() + u.slice(1);
}

/** The layout presets, in the order the pane lists them, with their Vietnamese names. */
export const PRESET_LABELS: Readonly<Record<LayoutPreset, string>> = {
  'medium-term': 'Trung hạn',
  annual: 'Hằng năm',
  flat: 'Danh sách',
  completed: 'Đã thực hiện',
};

/** "Trung hạn", "trung han", "medium-term" → preset; undefined when not one. */
export function parsePresetText(text: string): LayoutPreset | undefined {
  const f = fold(String(text));
  for (const [k, label] of Object.entries(PRESET_LABELS) as [LayoutPreset, string][]) {
    if (f === k || f === fold(label)) return k;
  }
  return undefined;
}

/** parsePresetText, or a SettingError naming the presets. */
export function readPreset(text: string): LayoutPreset {
  const p = parsePresetText(text);
  if (!p) throw new SettingError(M.presetUnknown(String(text).trim()));
  return p;
}
