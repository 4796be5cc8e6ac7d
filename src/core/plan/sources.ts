/**
 * The funding-source vocabulary: the one table of words that name a source family (trung ương, địa phương,
 * đầu tư phát triển, xã hội hóa, ODA, sự nghiệp, nguồn khác), and its two readings:
 *  - `sourceCodeOf`: the canonical code a column or row label names ("Ngân sách tỉnh" → NSĐP), from the words
 *    that name a source outright (`names`), most specific family first;
 *  - `sourcesInText` / `matchSourceText`: which of a plan's sources a free text names ("Vốn sự nghiệp địa
 *    phương", "Đầu tư công Trung hạn", "Vốn sự nghiệp TW"). The text and each source (its code, label and
 *    "Trong đó" label) are read as families, from `names` and the looser `hints` ("tỉnh", "TW", "đầu tư"); the
 *    weak family (sự nghiệp) counts only when the text names no strong family. An exact label or code match
 *    wins over families.
 * Words are folded (foldWords) and match whole words.
 */
import type { FundingSource } from './model';
import { foldWords } from '../text/fold';

interface SourceFamily {
  /** the canonical source code a label naming this family gets */
  code: string;
  /** sự nghiệp: counts in a free text only when no other family is named */
  weak?: true;
  /** folded phrases that name the source outright */
  names: readonly string[];
  /** looser words that point at the family when a free text is matched against a plan's own sources */
  hints?: readonly string[];
}

/** Most specific first: the first family a label names is its canonical source. */
const FAMILIES: readonly SourceFamily[] = [
  { code: 'ĐTPT', names: ['dtpt', 'dau tu phat trien', 'trung han', 'dau tu cong', 'von dau tu'], hints: ['dau tu'] },
  { code: 'NSTW', names: ['nstw', 'ns tw', 'ngan sach trung uong', 'ns trung uong', 'trung uong', 'von tw', 'nguon tw'], hints: ['tw'] },
  {
    code: 'NSĐP',
    names: ['nsdp', 'ns dp', 'ngan sach dia phuong', 'dia phuong', 'ngan sach tinh', 'ns tinh', 'ngan sach huyen',
      'ns huyen', 'ngan sach xa', 'von tinh'],
    hints: ['dp', 'tinh', 'huyen'],
  },
  { code: 'XHH', names: ['xa hoi hoa', 'xhh'] },
  { code: 'ODA', names: ['oda', 'von vay', 'vien tro'] },
  { code: 'VSN', weak: true, names: ['von su nghiep', 'su nghiep'], hints: ['sn'] },
  { code: 'KHAC', names: ['nguon khac', 'von khac', 'khac'] },
];

/** The table with each phrase padded by spaces once, for whole-word tests. */
const PADDED = FAMILIES.map((s) => ({
  code: s.code,
  weak: s.weak === true,
  names: s.names.map(pad),
  hints: (s.hints ?? []).map(pad),
}));

function pad(phrase: string): string {
  return ' ' + phrase + ' ';
}

/** Words that mark a cell as naming a funding source at all ("Vốn ...", "Ngân sách ...", "Nguồn ..."). */
const SOURCE_TEXT_WORDS = /\b(von|ngan sach|ns|nguon|kinh phi)\b/;

/** True when the folded text reads like a funding source ("Vốn sự nghiệp", "Ngân sách tỉnh"). */
export function looksLikeSourceText(folded: string): boolean {
  return SOURCE_TEXT_WORDS.test(folded);
}

/** The folded phrase stands in the folded text (foldWords) as whole words. */
export function containsWords(folded: string, phrase: string): boolean {
  return pad(folded).includes(pad(phrase));
}

function anyIn(padded: string, phrases: readonly string[]): boolean {
  for (const w of phrases) if (padded.includes(w)) return true;
  return false;
}

/** Which canonical source a label names ("Tổng nguồn sự nghiệp địa phương" → NSĐP). */
export function sourceCodeOf(label: string): string | undefined {
  const f = foldWords(label);
  if (f.length === 0 || f.length > 200) return undefined;
  const padded = pad(f);
  for (const s of PADDED) if (anyIn(padded, s.names)) return s.code;
  return undefined;
}

/** The families a folded text names: the strong ones, or the weak ones. */
function families(folded: string, weak: boolean): Set<string> {
  const padded = pad(folded);
  const out = new Set<string>();
  for (const s of PADDED) if (s.weak === weak && (anyIn(padded, s.names) || anyIn(padded, s.hints))) out.add(s.code);
  return out;
}

interface SourceKeys {
  code: string;
  exact: Set<string>;
  strong: Set<string>;
  weak: Set<string>;
}

const cache = new WeakMap<readonly FundingSource[], SourceKeys[]>();
const textCache = new WeakMap<readonly FundingSource[], Map<string, string[]>>();

function keysOf(sources: readonly FundingSource[]): SourceKeys[] {
  let k = cache.get(sources);
  if (!k) {
    k = sources.map((s) => {
      const texts = [s.code, s.label, s.breakdownLabel ?? ''].map(foldWords).filter((t) => t !== '');
      const strong = new Set<string>();
      const weak = new Set<string>();
      for (const t of texts) {
        families(t, false).forEach((f) => strong.add(f));
        families(t, true).forEach((f) => weak.add(f));
      }
      return { code: s.code, exact: new Set(texts), strong, weak };
    });
    cache.set(sources, k);
  }
  return k;
}

/** Every source code the text names (in the plan's source order); [] when it names none or is empty. */
export function sourcesInText(text: string | undefined, sources: readonly FundingSource[]): string[] {
  if (typeof text !== 'string' || !Array.isArray(sources) || sources.length === 0) return [];
  let memo = textCache.get(sources);
  if (!memo) textCache.set(sources, (memo = new Map()));
  let hit = memo.get(text);
  if (!hit) {
    hit = namedIn(text, sources);
    if (memo.size < 10000) memo.set(text, hit);
  }
  return [...hit];
}

function namedIn(text: string, sources: readonly FundingSource[]): string[] {
  const t = foldWords(text);
  if (t === '') return [];
  const keys = keysOf(sources);
  const exact = keys.filter((k) => k.exact.has(t));
  if (exact.length > 0) return exact.map((k) => k.code);
  const strong = families(t, false);
  if (strong.size > 0) {
    return keys.filter((k) => [...k.strong].some((f) => strong.has(f))).map((k) => k.code);
  }
  const weak = families(t, true);
  if (weak.size > 0) return keys.filter((k) => [...k.weak].some((f) => weak.has(f))).map((k) => k.code);
  return [];
}

/** The one source code the text names, or undefined when it names none or several. */
export function matchSourceText(text: string | undefined, sources: readonly FundingSource[]): string | undefined {
  const codes = sourcesInText(text, sources);
  return codes.length === 1 ? codes[0] : undefined;
}

/** Kinds of capital that are no funding source of their own: domestic and foreign capital. */
const KINDS: readonly { code: string; names: readonly string[] }[] = [
  { code: 'TRONG_NUOC', names: ['trong nuoc'] },
  { code: 'NUOC_NGOAI', names: ['nuoc ngoai', 'oda', 'von vay', 'vien tro'] },
];

/**
 * The kind of capital a "Trong đó" label names ("- Vốn đầu tư" → ĐTPT, "Vốn sự nghiệp" → VSN, "Vốn trong nước" →
 * TRONG_NUOC, "Vốn nước ngoài" → NUOC_NGOAI, "Vốn ngân sách trung ương" → NSTW), or undefined.
 */
export function capitalKindOf(label: string): string | undefined {
  const f = foldWords(label);
  if (f.length === 0 || f.length > 200) return undefined;
  const padded = pad(f);
  for (const k of KINDS) if (anyIn(padded, k.names.map(pad))) return k.code;
  return sourceCodeOf(label);
}

/** Which of `kinds` (capitalKindOf codes) a free text names ("Vốn sự nghiệp địa phương" among ĐTPT, VSN → VSN). */
export function kindsNamedIn(text: string | undefined, kinds: readonly string[]): string[] {
  if (typeof text !== 'string') return [];
  const f = foldWords(text);
  if (f === '') return [];
  const padded = pad(f);
  return kinds.filter((k) => {
    const extra = KINDS.find((x) => x.code === k);
    if (extra) return anyIn(padded, extra.names.map(pad));
    const fam = PADDED.find((x) => x.code === k);
    return !!fam && (anyIn(padded, fam.names) || anyIn(padded, fam.hints));
  });
}
