/**
 * Checks of the text fields of rows: NUMBERING (the TT column), MISSING_FIELD, DUPLICATE_ITEM and SOURCE_MISMATCH
 * (the source text against the source columns).
 */
import { Dec, ZERO } from '../base/decimal';
import { sourceKey, type FieldKey, type Group, type Item, type PlanNode, type RowAmounts } from '../plan/model';
import { sourcesInText } from '../plan/sources';
import { walkPlan } from '../plan/tree';
import { classifyTT, sequenceIssues, sequenceKind, type TTKind } from '../text/numbering';
import { add, nodeName, shortName, vi, where, type CheckContext } from './context';
import { CHECK_MESSAGES as M, type Label } from './messages';

/**
 * Whether items are expected to name a lead unit and a funding source: the sheet has such a column, or (a plan
 * without a sheet) some item fills one in.
 */
export function fieldExpectations(ctx: CheckContext): { lead: boolean; source: boolean } {
  const cols = ctx.plan.sheet?.columns;
  if (cols) {
    return {
      lead: cols.lead !== undefined,
      source: cols.sourceText !== undefined || Object.keys(cols).some((k) => k.startsWith('source:')),
    };
  }
  let lead = false;
  let source = false;
  for (const { node: n } of walkPlan(ctx.plan.nodes)) {
    if (n.kind !== 'item') continue;
    if (n.lead && n.lead.trim()) lead = true;
    if ((n.sourceText && n.sourceText.trim()) || Object.keys(n.amounts?.sources ?? {}).length) source = true;
  }
  return { lead, source };
}

/** A lead unit written in. */
const hasLead = (it: Item): boolean => !!it.lead && it.lead.trim() !== '';

/**
 * MISSING_FIELD of an item: name, lead unit (when expected), funding source (leaves, when expected). The lead unit
 * of an item split into sub-items may be written on the item or on every sub-item ("1 | Nhóm" over "1.1 | Dự án |
 * Sở TT&TT"; "1 | Dự án | Sở TT&TT" over "1.1 | hạng mục"): either is enough.
 */
export function missing(ctx: CheckContext, it: Item, isParent: boolean, name: Label, parent?: Item): void {
  const miss = (field: FieldKey, what: string): void => {
    add(ctx, 'MISSING_FIELD', M.missing(name, what), where(ctx, it.loc, field));
  };
  if (!it.name || !it.name.trim()) miss('name', M.missingName);
  if (ctx.expects.lead && !hasLead(it) && !(parent && hasLead(parent)) && !(isParent && it.children!.every(hasLead))) {
    miss('lead', M.missingLead);
  }
  if (ctx.expects.source && !isParent) {
    const a = it.amounts ?? { years: Object.create(null), sources: Object.create(null) };
    const hasAmount = anyNonZero(a.sources) || hasOwnKey(a.split);
    if (!hasAmount && !(it.sourceText && it.sourceText.trim())) {
      const cols = ctx.plan.sheet?.columns;
      const at: FieldKey = cols?.sourceText !== undefined || !cols
        ? 'sourceText'
        : (Object.keys(cols).find((k) => k.startsWith('source:')) as FieldKey);
      miss(at, M.missingSource);
    }
  }
}

/** Some value of the record is not zero (Object.values(rec).some(…), without the array). */
function anyNonZero(rec: Record<string, Dec> | undefined): boolean {
  if (rec) for (const k in rec) if (Object.prototype.hasOwnProperty.call(rec, k) && !rec[k].isZero()) return true;
  return false;
}

/** The record has an own key (Object.keys(rec).length > 0). */
function hasOwnKey(rec: object | undefined): boolean {
  if (rec) for (const k in rec) if (Object.prototype.hasOwnProperty.call(rec, k)) return true;
  return false;
}

/** SOURCE_MISMATCH: an amount in a source column that the item's source text does not name. */
export function sourceMismatch(ctx: CheckContext, it: Item, a: RowAmounts, name: Label): void {
  const text = it.sourceText;
  if (!text || !text.trim()) return;
  const named = sourcesInText(text, ctx.plan.sources ?? []);
  if (named.length === 0) return;
  const inCols = new Set<string>([...Object.keys(a.sources ?? {}), ...Object.keys(a.split ?? {})]);
  for (const code of inCols) {
    const v = a.sources?.[code] ?? Object.values(a.split?.[code] ?? {}).reduce((acc: Dec, x) => acc.plus(x as Dec), ZERO);
    if (v.isZero() || named.includes(code)) continue;
    add(ctx, 'SOURCE_MISMATCH', M.sourceMismatch(name, text.trim(), vi(v), code),
      { ...where(ctx, it.loc, sourceKey(code)), expected: named.join(', '), actual: code });
  }
}

/** NUMBERING: the TT of groups and items of each list of siblings, then of the lists below. */
export function numbering(ctx: CheckContext, nodes: PlanNode[], parentItem: Item | undefined): void {
  const groups = nodes.filter((n): n is Group => n.kind === 'group');
  const items = nodes.filter((n): n is Item => n.kind === 'item');
  if (groups.length) {
    const tts = groups.map((g) => g.tt ?? '');
    sequence(ctx, groups, tts, sequenceKind(tts));
  }
  if (items.length) {
    const tts = items.map((i) => i.tt ?? '');
    if (parentItem) {
      const prefix = classifyTT(parentItem.tt ?? '').core;
      if (prefix) sequence(ctx, items, tts, 'dotted', prefix);
    // Items all marked "-" (or "+") are a list without numbers: no sequence to check.
    } else if (!tts.every((t) => /^[-+*•–·]$/.test(t.trim()))) sequence(ctx, items, tts, 'number');
  }
  for (const g of groups) numbering(ctx, g.children ?? [], undefined);
  for (const i of items) if (i.children && i.children.length) numbering(ctx, i.children, i);
}

function sequence(ctx: CheckContext, nodes: PlanNode[], tts: string[], kind: TTKind, prefix?: string): void {
  if (kind === 'none' || kind === 'other') return;
  const issues = sequenceIssues(tts, kind, prefix ? { prefix } : undefined);
  for (const is of issues) {
    const n = nodes[is.index];
    add(ctx, 'NUMBERING', M.numbering(is.actual, n.kind === 'group', shortName(n.name), is.expected),
      { ...where(ctx, n.loc, 'tt'), expected: is.expected, actual: is.actual });
  }
}

/**
 * A name as compared for duplicates: NFC, lower case, runs of spaces as one space, no trailing punctuation.
 * Same result as `normalize('NFC').toLowerCase().replace(/\s+/g, ' ').replace(/[\s.;,:]+$/, '').trim()`, skipping
 * the replacements that would change nothing (most names have single spaces and end with a letter).
 */
function nameKey(name: string | undefined): string {
  let k = (name ?? '').normalize('NFC').toLowerCase();
  if (ODD_SPACE.test(k)) k = k.replace(/\s+/g, ' ');
  if (k.length > 0 && TAIL_PUNCT.test(k[k.length - 1])) k = k.replace(/[\s.;,:]+$/, '');
  return k.trim();
}
/** A whitespace character other than a single space: /\s+/g → ' ' would change the text. */
const ODD_SPACE = /[^\S ]| {2}/;
const TAIL_PUNCT = /[\s.;,:]/;

/** DUPLICATE_ITEM: two items of the same name among the items (through groups) or among one item's sub-items. */
export function duplicates(ctx: CheckContext): void {
  const seen = new Map<string, Item>();
  const visit = (nodes: PlanNode[], scope: string): void => {
    for (const n of nodes) {
      if (n.kind === 'group') {
        visit(n.children ?? [], scope);
        continue;
      }
      const key = nameKey(n.name);
      if (key) {
        const k = `${scope}\u0000${key}`;
        const first = seen.get(k);
        if (first) {
          add(ctx, 'DUPLICATE_ITEM', M.duplicate(nodeName(n), first.tt ?? '', shortName(first.name)),
            { ...where(ctx, n.loc, 'name'), actual: n.name });
        } else seen.set(k, n);
      }
      if (n.children && n.children.length) visit(n.children, `${scope}/${n.tt ?? ''}:${key}`);
    }
  };
  visit(ctx.plan.nodes, '');
}
