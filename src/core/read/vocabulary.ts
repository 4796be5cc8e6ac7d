/**
 * Header and row-label words of appendix sheets, compared folded (foldWords): which header label names which
 * column role, and which row labels are totals. Funding-source words live in plan/sources.
 */
import { sourceCodeOf } from '../plan/sources';
import { foldWords } from '../text/fold';

export type SimpleField = 'tt' | 'name' | 'status' | 'lead' | 'coordinating' | 'period' | 'objective' | 'scale' | 'notes' | 'code';

export type ColRole =
  | { kind: 'field'; key: SimpleField }
  | { kind: 'sourceText' }
  | { kind: 'year'; year: number }
  | { kind: 'total' }
  | { kind: 'totalInvestment' }
  | { kind: 'annual'; year: number }
  /** Allocated, disbursed or cumulative before the plan year ("Kinh phí đã bố trí năm 2022"): not an amount checked. */
  | { kind: 'allocated'; year: number }
  /** underAnnual: under a heading naming the plan year ("Kế hoạch vốn năm 2023" over "Trong đó: Vốn đầu tư"). */
  | { kind: 'source'; code: string; label: string; underAnnual?: boolean }
  /** "Nguồn vốn": a source amount column or the source-text column, decided by the body. */
  | { kind: 'sourceish'; label: string };

const TT_WORDS = new Set(['tt', 'stt', 'so tt', 'so thu tu', 'thu tu', 'tt.', 'no']);
const YEAR_RE = /^(?:nam )?((?:19|20)\d\d)$/;
/** Investment vocabulary of a total column: "Tổng mức đầu tư (dự kiến)", "Tổng mức đầu tư/chi phí dự kiến", "TMĐT". */
const TOTAL_INVESTMENT_RE = /^(?:tong muc dau tu|tmdt)\b/;
/** "đã bố trí", "đã cấp", "lũy kế"...: an earlier allocation, not the plan year nor a phased year. */
const ALLOCATED_RE = /\b(?:da (?:bo tri|cap|giao|phan bo|giai ngan|thuc hien)|luy ke)\b.*\bnam ((?:19|20)\d\d)\b/;
const ANNUAL_RE = /(?:kinh phi|von|du toan|ke hoach|nhu cau|giai ngan|bo tri|phan bo).*\bnam ((?:19|20)\d\d)\b/;

export function isTTLabel(f: string): boolean {
  return TT_WORDS.has(f);
}

export function isNameLabel(f: string, loose = false): boolean {
  if (f.length > 120) return false;
  if (/\bten\b/.test(f) && /(du an|nhiem vu|de an|cong trinh|chuong trinh|hang muc|danh muc|noi dung|hoat dong|ke hoach)/.test(f)) return true;
  if (/^(du an|nhiem vu|de an|chuong trinh|danh muc|cong trinh|hang muc)\b/.test(f) && !/(moi|chuyen tiep)\b/.test(f)) return true;
  if (f === 'ten') return true;
  if (loose && /^noi dung( cong viec| nhiem vu| hoat dong)?$/.test(f)) return true;
  return false;
}

/** "Tổng", "Tổng kinh phí", "Tổng giai đoạn 2021-2025"...: a total column, unless it names one source or year. */
function isTotalColumn(f: string): boolean {
  return /^(tong|tong so|tong cong|cong|thanh tien|so tien|gia tri)$/.test(f) || /^tong (kinh phi|von|chi phi|nhu cau|du toan|so von|cong)\b/.test(f)
    || /^kinh phi( du kien| thuc hien| du toan)?$/.test(f) || /^so tien\b/.test(f)
    // "Tổng giai đoạn 2021-2025", "Tổng nhu cầu": a total, unless it names one source ("Tổng NSTW")
    || (/^tong\b/.test(f) && !TOTAL_INVESTMENT_RE.test(f) && sourceCodeOf(f.slice(4)) === undefined && !/\bnam (19|20)\d\d$/.test(f));
}

/** Descriptive columns read by their words (lead, objective, notes...). */
function descriptiveRole(f: string): ColRole | undefined {
  if (/\bchu tri\b/.test(f) || /chu dau tu/.test(f) || /^(don vi|co quan) (thuc hien|trien khai|quan ly)\b/.test(f)) {
    return { kind: 'field', key: 'lead' };
  }
  if (/phoi hop/.test(f)) return { kind: 'field', key: 'coordinating' };
  if (/muc tieu/.test(f)) return { kind: 'field', key: 'objective' };
  if (/quy mo/.test(f)) return { kind: 'field', key: 'scale' };
  if (/thoi gian|tien do|thoi han/.test(f)) return { kind: 'field', key: 'period' };
  if (/ghi chu/.test(f)) return { kind: 'field', key: 'notes' };
  if (/^ma( so| du an| dự an)?$/.test(f) || /^ma du an/.test(f)) return { kind: 'field', key: 'code' };
  return undefined;
}

/** Source columns: "Nguồn vốn" (decided by the body), "Nguồn vốn NSTW", "NSĐP", a code under "Nguồn vốn". */
function sourceRole(own: string, f: string, pf: string): ColRole | undefined {
  if (/\bhoac\b/.test(f) && /\bvon\b/.test(f)) return { kind: 'sourceish', label: own.trim() };
  if (/^(nguon von|nguon kinh phi|loai von|co cau nguon von|nguon von dau tu)\b/.test(f)) {
    // A label naming one source ("Nguồn vốn NSTW") is that source; the bare "Nguồn vốn" is decided by the body.
    const code = sourceCodeOf(f.replace(/^(nguon von|nguon kinh phi|loai von|nguon von dau tu)\b/, ''));
    return code ? { kind: 'source', code, label: own.trim() } : { kind: 'sourceish', label: own.trim() };
  }
  const code = f.length <= 60 ? sourceCodeOf(f) : undefined;
  if (code) return { kind: 'source', code, label: own.trim() };
  if (/(nguon von|phan ky|nguon kinh phi|von dau tu)/.test(pf) && f.length <= 40) {
    if (/(nguon von|nguon kinh phi|von dau tu)/.test(pf)) return { kind: 'source', code: own.trim().toUpperCase(), label: own.trim() };
  }
  return undefined;
}

/** Role of a column from its own header label; parents are the merged labels above it. */
export function classifyLabel(own: string, parents: string[]): ColRole | undefined {
  // "(Triệu đồng)", "(tr.đ)" and other bracketed notes do not change a column's role.
  const bare = own.replace(/\([^)]*\)/g, ' ').trim();
  const f = foldWords(bare || own);
  const pf = parents.map(foldWords).join(' | ');
  if (f.length === 0) return undefined;
  if (isTTLabel(f)) return { kind: 'field', key: 'tt' };
  const y = YEAR_RE.exec(f);
  if (y) return { kind: 'year', year: parseInt(y[1], 10) };
  if (/(^| )chuyen tiep\b/.test(f) || /^(du an |nhiem vu )?moi\b/.test(f) || /\bmoi (hoac|hay) chuyen tiep\b/.test(f)) {
    return { kind: 'field', key: 'status' };
  }
  if (/\bnoi dung\b/.test(f) && !isNameLabel(f)) return { kind: 'field', key: 'scale' };
  if (isNameLabel(f)) return { kind: 'field', key: 'name' };
  if (TOTAL_INVESTMENT_RE.test(f)) return { kind: 'totalInvestment' };
  const al = ALLOCATED_RE.exec(f);
  if (al) return { kind: 'allocated', year: parseInt(al[1], 10) };
  const an = ANNUAL_RE.exec(f);
  if (an) return { kind: 'annual', year: parseInt(an[1], 10) };
  const role = isTotalColumn(f) ? { kind: 'total' as const } : descriptiveRole(f) ?? sourceRole(own, f, pf);
  return underYearHeading(role, parents);
}

/**
 * Amounts under a heading naming one year: "Tổng số" under "Kế hoạch vốn năm 2023" is that year's amount (not
 * the row total); any amount under "Kinh phí đã bố trí năm 2022" is that earlier allocation (not a source).
 */
function underYearHeading(role: ColRole | undefined, parents: string[]): ColRole | undefined {
  if (!role || !['total', 'source', 'sourceish'].includes(role.kind)) return role;
  for (let i = parents.length - 1; i >= 0; i--) {
    const pf = foldWords(parents[i]);
    const al = ALLOCATED_RE.exec(pf);
    if (al) return { kind: 'allocated', year: parseInt(al[1], 10) };
    const an = ANNUAL_RE.exec(pf);
    if (an) {
      if (role.kind === 'total') return { kind: 'annual', year: parseInt(an[1], 10) };
      return role.kind === 'source' ? { ...role, underAnnual: true } : role;
    }
  }
  return role;
}

/** One key per role: two columns of the same key are one role read twice. */
export function roleKey(r: ColRole): string {
  switch (r.kind) {
    case 'field': return r.key;
    case 'year': return `year:${r.year}`;
    case 'source': return `source:${r.code}`;
    case 'annual': return 'annual';
    case 'allocated': return `allocated:${r.year}`;
    default: return r.kind;
  }
}

/** "Tổng cộng", "TỔNG", "Cộng"...: the label of a grand-total row. */
export function isTotalLabel(t: string): boolean {
  const f = foldWords(t);
  if (f.length === 0 || f.length > 60) return false;
  return /^(tong cong|tong so|tong|cong|tong cong toan bo|tong cong kinh phi|tong kinh phi|tong von|cong toan bo|tong cong ca|tong toan bo|tong cong \(?[ivx]+.*)$/.test(f)
    || /^tong cong\b/.test(f);
}
