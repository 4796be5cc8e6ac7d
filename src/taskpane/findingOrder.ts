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
  onlyErrors: boolean;
  /** one code, or all */
  code?: FindingCode;
  ignored: ReadonlySet<string>;
}

/** The findings to review, in order, in sections per severity. */
export function reviewSections(findings: readonly Finding[], sheet: string, filter: ReviewFilter): ReviewSection[] {
  const shown = findings.filter((f) => !filter.ignored.has(ignoreKey(f, sheet))
    && (!filter.onlyErrors || f.severity === 'error') && (!filter.code || f.code === filter.code));
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
