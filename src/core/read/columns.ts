/**
 * Column roles from the header words: each column's own label first, then the merged label above it ("Dự kiến
 * phân kỳ" over years, "Nguồn vốn" over sources); a "Nguồn vốn" column holding text is the source-text column,
 * and so is an unlabelled column holding "Vốn ..."/"Ngân sách ..." text. Then the amount columns.
 */
import { containsWords, looksLikeSourceText, sourceCodeOf } from '../plan/sources';
import { foldWords } from '../text/fold';
import { cellText, isBlank, rowOf } from './cells';
import { firstTableHeader } from './header';
import { parseCell } from './amounts';
import type { AmountCol, Column, ReadState } from './state';
import { classifyLabel, roleKey, type ColRole, type SimpleField } from './vocabulary';

/** Role of column c from the band's labels (own label, merged parents above it). */
function columnRole(own: string, parents: string[]): ColRole | undefined {
  const role = classifyLabel(own, parents);
  if (role || parents.length === 0) return role;
  // An own label we do not know under a known parent; or only the parent is known.
  const pr = classifyLabel(parents[parents.length - 1], parents.slice(0, -1));
  if (pr && (pr.kind === 'sourceish' || pr.kind === 'source')) {
    const code = sourceCodeOf(own) ?? own.trim().toUpperCase().slice(0, 20);
    return { kind: 'source', code, label: own.trim() };
  }
  return undefined;
}

/** The role a column keeps given the roles already taken (undefined: dropped). */
function unusedRole(role: ColRole, used: Set<string>): ColRole | undefined {
  const key = roleKey(role);
  // Only the first column of a kind keeps a descriptive role (e.g. two "Nội dung" columns), total or year.
  if ((role.kind === 'field' || role.kind === 'total' || role.kind === 'totalInvestment' || role.kind === 'year') && used.has(key)) {
    return undefined;
  }
  if (role.kind === 'source') {
    let code = role.code;
    let n = 2;
    while (used.has('source:' + code)) code = `${role.code}_${n++}`;
    return { ...role, code };
  }
  return role;
}

export function assignColumns(s: ReadState, band: number[], texts: string[][]): void {
  const used = new Set<string>();
  for (let c = 0; c < s.width; c++) {
    const labels: string[] = [];
    for (let i = 0; i < band.length; i++) {
      const t = texts[i][c];
      if (t && (labels.length === 0 || foldWords(labels[labels.length - 1]) !== foldWords(t))) labels.push(t);
    }
    if (labels.length === 0) continue;
    const own = labels[labels.length - 1];
    const found = columnRole(own, labels.slice(0, -1));
    const role = found && unusedRole(found, used);
    if (!role) continue;
    used.add(roleKey(role));
    s.columns.push({ col: c, role, label: own.trim() });
  }
  // "Nội dung" as the name when no other name column exists (Bình Dương style lists name it otherwise).
  if (colOf(s, 'name') === undefined) {
    const nd = s.columns.find((x) => x.role.kind === 'field' && x.role.key === 'scale' && foldWords(x.label).startsWith('noi dung'));
    if (nd) nd.role = { kind: 'field', key: 'name' };
  }
  resolveTotals(s.columns);
}

/**
 * A total column is read by its header words, not by how many year columns stand beside it:
 *  - investment vocabulary ("Tổng mức đầu tư", "Tổng mức đầu tư/chi phí dự kiến", "TMĐT") beside a single
 *    year column ("Năm 2023", "2023") and no annual or other total column is an annual plan: the year column
 *    is the plan year's amount (checked with ANNUAL_EXCEEDS_TOTAL: at most the total investment), not a
 *    phased year that must add up to the total (ROW_YEARS_SUM);
 *  - investment vocabulary with no year or several years (and no annual or other total column) is the row
 *    total, and the years (if any) must add up to it;
 *  - total vocabulary ("Tổng", "Tổng kinh phí", "Tổng cộng"...) is always the row total, whatever the
 *    number of years: "Tổng kinh phí" + "2021" is a one-year phasing whose year must equal the total.
 * Several "Kinh phí năm X" columns are phased years, not one annual amount.
 */
function resolveTotals(columns: Column[]): void {
  const hasAnnual = columns.some((x) => x.role.kind === 'annual');
  const hasTotal = columns.some((x) => x.role.kind === 'total');
  if (!hasAnnual && !hasTotal && columns.some((x) => x.role.kind === 'totalInvestment')) {
    const yearCols = columns.filter((x) => x.role.kind === 'year');
    const only = yearCols.length === 1 ? yearCols[0] : undefined;
    if (only && only.role.kind === 'year') {
      only.role = { kind: 'annual', year: only.role.year };
    } else {
      for (const x of columns) if (x.role.kind === 'totalInvestment') x.role = { kind: 'total' };
    }
  }
  const annuals = columns.filter((x) => x.role.kind === 'annual');
  if (annuals.length > 1) {
    for (const x of annuals) if (x.role.kind === 'annual') x.role = { kind: 'year', year: x.role.year };
  }
}

/** The column where "TT" was found is the TT column, whatever a merged label over it says. */
export function pinTTColumn(s: ReadState, ttCol: number, headerRow: number): void {
  s.columns = s.columns.filter((x) => x.col !== ttCol && !(x.role.kind === 'field' && x.role.key === 'tt'));
  s.columns.push({ col: ttCol, role: { kind: 'field', key: 'tt' }, label: cellText(rowOf(s.grid, headerRow)[ttCol]) });
  s.columns.sort((p, q) => p.col - q.col);
}

export function colOf(s: ReadState, key: SimpleField): number | undefined {
  const c = s.columns.find((x) => x.role.kind === 'field' && x.role.key === key);
  return c?.col;
}

const SIGNATURE = /^(?:(?:tm|kt|tl|tuq|q) |(?:pho )?(?:chu tich|giam doc)$|noi nhan\b)/;

/** Where columnStats stops reading the body that starts at `bodyStart` (the same for every column). */
function statsEnd(s: ReadState, bodyStart: number): number {
  if (s.statsEnd?.from !== bodyStart) {
    s.statsEnd = { from: bodyStart, to: firstTableHeader(s.grid, bodyStart, Math.min(s.grid.cells.length, bodyStart + 2000), s.width) };
  }
  return s.statsEnd.to;
}

/** What the body of a column holds: numbers, texts, texts that name sources (first 2000 rows). */
function columnStats(s: ReadState, bodyStart: number, col: number): { num: number; text: number; sourceWords: number } {
  // Down to a table header below (a page's repeated header, or the next table on the sheet: not this column's);
  // found once for all the columns (it folds the text of every cell of up to 2000 rows)
  const rowsN = statsEnd(s, bodyStart);
  let num = 0, text = 0, sourceWords = 0;
  // A header repeated on every page ("Vốn đầu tư" again under "Trong đó") is not the column's content either.
  const heads = new Set<string>();
  for (let r = Math.max(0, s.headerFirst); r < bodyStart; r++) {
    const t = cellText(rowOf(s.grid, r)[col]);
    if (t) heads.add(foldWords(t));
  }
  for (let r = bodyStart; r < rowsN; r++) {
    const c = rowOf(s.grid, r)[col];
    if (isBlank(c) || c?.error) continue;
    if (typeof c?.value === 'number') {
      num++;
      continue;
    }
    const t = cellText(c);
    // The signature block under the table ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH") is not the column's content.
    if (SIGNATURE.test(foldWords(t)) || heads.has(foldWords(t))) continue;
    const p = parseCell(s, r, col, t, true);
    if (p.kind === 'number') num++;
    else if (p.kind === 'invalid') {
      text++;
      if (looksLikeSourceText(foldWords(t))) sourceWords++;
    }
  }
  return { num, text, sourceWords };
}

/** A "Nguồn vốn" column holding text is the source-text column; unlabelled text columns of sources too. */
export function decideSourceish(s: ReadState, bodyStart: number, ttCol: number): void {
  let hasSourceText = s.columns.some((x) => x.role.kind === 'sourceText');
  for (const x of s.columns) {
    if (x.role.kind === 'source') {
      // A source column whose cells are words ("Vốn đầu tư") is the source-text column after all.
      const st = columnStats(s, bodyStart, x.col);
      if (st.text >= 2 && st.text > st.num) x.role = { kind: 'sourceish', label: x.label };
    }
    if (x.role.kind !== 'sourceish') continue;
    const st = columnStats(s, bodyStart, x.col);
    if (st.num > st.text) {
      x.role = { kind: 'source', code: sourceCodeOf(x.label) ?? 'NV', label: x.label };
    } else if (!hasSourceText) {
      x.role = { kind: 'sourceText' };
      hasSourceText = true;
    }
  }
  s.columns = s.columns.filter((x) => x.role.kind !== 'sourceish');
  if (hasSourceText) return;
  // An unlabelled column to the right of the amounts whose cells name sources (seed 000's last column).
  const taken = new Set(s.columns.map((x) => x.col));
  for (let c = 0; c < s.width; c++) {
    if (taken.has(c) || c === ttCol) continue;
    const st = columnStats(s, bodyStart, c);
    if (st.sourceWords >= 2 && st.sourceWords * 2 >= st.text && st.num === 0) {
      s.columns.push({ col: c, role: { kind: 'sourceText' }, label: '' });
      return;
    }
  }
}

function amountCol(x: Column): AmountCol | undefined {
  const r = x.role;
  switch (r.kind) {
    case 'year': {
      const y = r.year;
      return { col: x.col, key: `year:${y}`, put: (a, v) => { a.years[y] = v; } };
    }
    case 'source': {
      const code = r.code;
      return { col: x.col, key: `source:${code}`, put: (a, v) => { a.sources[code] = v; } };
    }
    case 'total':
      return { col: x.col, key: 'total', put: (a, v) => { a.total = v; } };
    case 'totalInvestment':
      return { col: x.col, key: 'totalInvestment', put: (a, v) => { a.totalInvestment = v; } };
    case 'annual':
      return { col: x.col, key: 'annual', put: (a, v) => { a.annual = v; } };
    default:
      return undefined;
  }
}

export function buildAmountCols(s: ReadState): void {
  for (const x of s.columns) {
    const ac = amountCol(x);
    if (ac) s.amountCols.push(ac);
  }
  s.amountCols.sort((p, q) => p.col - q.col);
}

/** The column of a "Trong đó" row's source: the source's own header label or code in the row label, else its canonical kind. */
export function mapSource(s: ReadState, label: string, codes: string[]): string | undefined {
  if (codes.length === 0) return undefined;
  const f = foldWords(label);
  for (const x of s.columns) {
    if (x.role.kind !== 'source') continue;
    const lf = foldWords(x.label);
    if (lf.length >= 2 && containsWords(f, lf)) return x.role.code;
  }
  const canon = sourceCodeOf(label);
  if (canon === undefined) return undefined;
  if (codes.includes(canon)) return canon;
  // A column labelled otherwise but of the same canonical kind.
  for (const x of s.columns) if (x.role.kind === 'source' && sourceCodeOf(x.label) === canon) return x.role.code;
  return undefined;
}
