/**
 * Reading a free-text funding source ("Vốn sự nghiệp địa phương", "Đầu tư công Trung hạn", "Vốn sự nghiệp TW")
 * as one of the plan's source codes.
 *
 * A text and each source (its code, label and "Trong đó" label) are read as families: TW (trung ương, TW),
 * ĐP (địa phương, ĐP, tỉnh, huyện), ĐTPT (đầu tư phát triển, ĐTPT, trung hạn, đầu tư công, vốn đầu tư),
 * XHH (xã hội hóa), ODA, KHAC (nguồn khác), and the weak family SN (sự nghiệp) used only when the text names
 * no strong family. An exact label or code match wins over families.
 */
import type { FundingSource } from './model';

const STRONG: [string, RegExp][] = [
  ['TW', /\btw\b|trung uong|nstw/],
  ['DP', /\bdp\b|dia phuong|nsdp|\btinh\b|\bhuyen\b/],
  ['DTPT', /dtpt|dau tu phat trien|trung han|dau tu cong|\bdau tu\b/],
  ['XHH', /xa hoi hoa|\bxhh\b/],
  ['ODA', /\boda\b|von vay/],
  ['KHAC', /\bkhac\b/],
];
const WEAK: [string, RegExp][] = [['SN', /su nghiep|\bsn\b/]];

/** Lowercase, no diacritics, đ → d, punctuation → spaces. */
export function foldSource(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function families(folded: string, table: [string, RegExp][]): Set<string> {
  const out = new Set<string>();
  for (const [name, re] of table) if (re.test(folded)) out.add(name);
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
      const texts = [s.code, s.label, s.breakdownLabel ?? ''].map(foldSource).filter((t) => t !== '');
      const strong = new Set<string>();
      const weak = new Set<string>();
      for (const t of texts) {
        families(t, STRONG).forEach((f) => strong.add(f));
        families(t, WEAK).forEach((f) => weak.add(f));
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
  const t = foldSource(text);
  if (t === '') return [];
  const keys = keysOf(sources);
  const exact = keys.filter((k) => k.exact.has(t));
  if (exact.length > 0) return exact.map((k) => k.code);
  const strong = families(t, STRONG);
  if (strong.size > 0) {
    return keys.filter((k) => [...k.strong].some((f) => strong.has(f))).map((k) => k.code);
  }
  const weak = families(t, WEAK);
  if (weak.size > 0) return keys.filter((k) => [...k.weak].some((f) => weak.has(f))).map((k) => k.code);
  return [];
}

/** The one source code the text names, or undefined when it names none or several. */
export function matchSourceText(text: string | undefined, sources: readonly FundingSource[]): string | undefined {
  const codes = sourcesInText(text, sources);
  return codes.length === 1 ? codes[0] : undefined;
}
