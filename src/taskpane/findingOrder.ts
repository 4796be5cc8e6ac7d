/**
 * The review order of findings, like Excel's Error Checking but with root causes first: a finding whose `causedBy`
 * names the cell of another listed finding is shown under that root cause (whatever its severity); roots are grouped
 * by severity, roots with consequences first. Ignored findings (kept in the workbook's settings) are left out.
 */
import type { Finding, FindingCode, Severity } from '../core/checks/findings';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** The key "Bỏ qua" remembers a finding by: code, sheet and cell (stable across checks of the same sheet). */
export function ignoreKey(f: Finding, sheet: string): string {
  return `${f.code}|${f.sheet ?? sheet}|${f.cell ?? ''}`;
}

/** The parts of an ignore key, to list it. */
export function parseIgnoreKey(key: string): { code: string; sheet: string; cell: string } {
  const [code = '', sheet = '', cell = ''] = key.split('|');
  return { code, sheet, cell };
}

export interface ReviewEntry {
  finding: Finding;
  /** the root cause it follows from, when shown under one */
  root?: Finding;
}

export interface ReviewSection {
  severity: Severity;
  /** roots of this severity, each followed by its consequences */
  entries: ReviewEntry[];
  /** how many roots there are (consequences not counted) */
  roots: number;
}

export interface ReviewFilter {
  /** one severity, or all */
  severity?: Severity;
  /** one code, or all */
  code?: FindingCode;
  ignored: ReadonlySet<string>;
}

export interface FilterCounts {
  /** findings not ignored, all severities */
  all: number;
  /** per severity (every code) */
  severity: Record<Severity, number>;
  /** per code, within the chosen severity, in the order the codes first appear */
  codes: [FindingCode, number][];
  /** within the chosen severity, every code */
  inSeverity: number;
}

/** The counts the review's filters show beside each choice (ignored findings not counted). */
export function filterCounts(findings: readonly Finding[], sheet: string, filter: Pick<ReviewFilter, 'severity' | 'ignored'>): FilterCounts {
  const severity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const codes = new Map<FindingCode, number>();
  let all = 0;
  let inSeverity = 0;
  for (const f of findings) {
    if (filter.ignored.has(ignoreKey(f, sheet))) continue;
    all++;
    severity[f.severity]++;
    if (filter.severity && f.severity !== filter.severity) continue;
    inSeverity++;
    codes.set(f.code, (codes.get(f.code) ?? 0) + 1);
  }
  return { all, severity, codes: [...codes], inSeverity };
}

/** The findings to review, in order, in sections per severity. */
export function reviewSections(findings: readonly Finding[], sheet: string, filter: ReviewFilter): ReviewSection[] {
  const shown = findings.filter((f) => !filter.ignored.has(ignoreKey(f, sheet))
    && (!filter.severity || f.severity === filter.severity) && (!filter.code || f.code === filter.code));
  const byCell = new Map<string, Finding>();
  for (const f of shown) if (f.cell && !byCell.has(f.cell)) byCell.set(f.cell, f);
  // the top root of each finding, following causedBy links; a finding on a cycle stays a root
  const rootOf = (f: Finding): Finding | undefined => {
    const seen = new Set<Finding>([f]);
    let cur = f;
    for (;;) {
      const p = cur.causedBy ? byCell.get(cur.causedBy) : undefined;
      if (!p) return cur === f ? undefined : cur;
      if (seen.has(p)) return undefined;
      seen.add(p);
      cur = p;
    }
  };
  const children = new Map<Finding, Finding[]>();
  const roots: Finding[] = [];
  for (const f of shown) {
    const r = rootOf(f);
    if (r) children.set(r, [...(children.get(r) ?? []), f]);
    else roots.push(f);
  }
  return SEVERITIES.map((severity) => {
    const mine = roots.filter((f) => f.severity === severity);
    const ordered = [...mine.filter((f) => children.has(f)), ...mine.filter((f) => !children.has(f))];
    const entries: ReviewEntry[] = [];
    for (const f of ordered) {
      entries.push({ finding: f });
      for (const c of children.get(f) ?? []) entries.push({ finding: c, root: f });
    }
    return { severity, entries, roots: mine.length };
  }).filter((s) => s.entries.length > 0);
}
