/**
 * Settings as the front ends receive them (text typed in a field or given as an option), read with the core's
 * single parsers (core/plan/settings.ts). Every failure is an AppError naming its field, with the same message
 * whichever front end asked.
 */
import type { Dec } from '../core/base/decimal';
import type { FundingSource, LayoutPreset, Unit, YearSpan } from '../core/plan/model';
import { SettingError, parseSourceCodes, parseYearSpan, readPreset, readUnit } from '../core/plan/settings';
import { parseAmount } from '../core/text/numbers';
import { AppError, type SettingField } from './errors';
import { APP_MESSAGES as M } from './messages';

function setting<T>(field: SettingField, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof SettingError) throw new AppError(e.message, field);
    throw e;
  }
}

/**
 * A year span: "2021-2025" / "2023" in one text (the command line), or two fields "2021" and "2025" (the pane),
 * which are read as the one text "2021-2025" so that both get the same answer.
 */
export function yearSpanSetting(from: string, to?: string): YearSpan {
  const text = to === undefined ? from : `${from.trim()}-${to.trim()}`;
  return setting('years', () => parseYearSpan(text));
}

/** "NSTW, NSĐP, ĐTPT" or "ABC=Vốn ABC" → funding sources. */
export function sourcesSetting(text: string): FundingSource[] {
  return setting('sources', () => parseSourceCodes(text));
}

/** "triệu đồng", "tr", "Tỷ đồng", "nghìn" → Unit. */
export function unitSetting(text: string): Unit {
  return setting('unit', () => readUnit(text));
}

/** "medium-term", "Trung hạn", "annual", "Hằng năm"… → preset. */
export function presetSetting(text: string): LayoutPreset {
  return setting('preset', () => readPreset(text));
}

/** An amount typed by the user ("441.115", "1,8 tỷ"), with the unit it names if any. Negative amounts refused. */
export function amountSetting(text: string, field: SettingField = 'amount'): { value: Dec; unit?: Unit } {
  const p = parseAmount(text);
  if (p.kind === 'empty') throw new AppError(M.amountEmpty, field);
  if (p.kind !== 'number') throw new AppError(M.amountUnreadable(text.trim(), p.kind === 'invalid' ? p.reason : undefined), field);
  if (p.value.isNegative()) throw new AppError(M.amountNegative, field);
  return { value: p.value, unit: p.unitInText };
}
