/** The plan JSON format (schemas/plan.schema.json, docs/plan-json.md), Plan → JSON: amounts as exact decimal strings. */
import { Dec, isDec, plain } from '../base/decimal';
import type { Plan, PlanNode, RowAmounts, RowLoc, YearSpan } from './model';
import { ITEM_TEXT_FIELDS } from './planJson';

type Obj = Record<string, unknown>;

function amountJson(d: Dec): string {
  return plain(d);
}

function yearsJson(r: Record<number, Dec>): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const k of Object.keys(r).sort()) {
    const v = r[k as unknown as number];
    if (isDec(v)) out[k] = amountJson(v);
  }
  return out;
}

function amountsJson(a: RowAmounts): Obj {
  const out: Obj = {};
  if (Object.keys(a.years).length) out.years = yearsJson(a.years);
  if (Object.keys(a.sources).length) {
    const s: Record<string, string> = Object.create(null);
    for (const [k, v] of Object.entries(a.sources)) if (isDec(v)) s[k] = amountJson(v);
    out.sources = s;
  }
  if (a.split && Object.keys(a.split).length) {
    const s: Record<string, Record<string, string>> = Object.create(null);
    for (const [k, v] of Object.entries(a.split)) s[k] = yearsJson(v);
    out.split = s;
  }
  if (a.total) out.total = amountJson(a.total);
  if (a.totalInvestment) out.totalInvestment = amountJson(a.totalInvestment);
  if (a.annual) out.annual = amountJson(a.annual);
  return out;
}

function spanJson(s: YearSpan): string {
  return s.from === s.to ? String(s.from) : `${s.from}-${s.to}`;
}

function locJson(l: RowLoc): Obj {
  return l.formulas ? { row: l.row, formulas: { ...l.formulas } } : { row: l.row };
}

function nodeJson(n: PlanNode): Obj {
  if (n.kind === 'group') {
    const o: Obj = { kind: 'group', level: n.level, tt: n.tt, name: n.name };
    if (n.stated) o.stated = amountsJson(n.stated);
    if (n.loc) o.loc = locJson(n.loc);
    o.children = n.children.map(nodeJson);
    return o;
  }
  const o: Obj = { kind: 'item', tt: n.tt, name: n.name };
  for (const f of ITEM_TEXT_FIELDS) if (n[f] !== undefined) o[f] = n[f];
  if (n.period) o.period = spanJson(n.period);
  o.amounts = amountsJson(n.amounts);
  if (n.children) o.children = n.children.map(nodeJson);
  if (n.loc) o.loc = locJson(n.loc);
  return o;
}

/** The plan as plan JSON (amounts as exact decimal strings); reading it back (src/app/planJson.ts planFromJsonData) gives p. */
export function planToJson(plan: Plan): Obj {
  const out: Obj = { format: 'danh-muc/plan@1', meta: { ...plan.meta } };
  if (plan.years) out.years = spanJson(plan.years);
  if (plan.planYear !== undefined) out.planYear = plan.planYear;
  if (plan.preset) out.preset = plan.preset;
  out.sources = plan.sources.map((s) => ({ ...s }));
  out.nodes = plan.nodes.map(nodeJson);
  if (plan.grandTotal) {
    const g: Obj = { amounts: amountsJson(plan.grandTotal.amounts) };
    if (plan.grandTotal.label) g.label = plan.grandTotal.label;
    if (plan.grandTotal.loc) g.loc = locJson(plan.grandTotal.loc);
    out.grandTotal = g;
  }
  if (plan.breakdown) {
    out.breakdown = plan.breakdown.map((b) => {
      const o: Obj = { sourceCode: b.sourceCode, label: b.label, amounts: amountsJson(b.amounts) };
      if (b.loc) o.loc = locJson(b.loc);
      return o;
    });
  }
  if (plan.statedTotals) {
    out.statedTotals = plan.statedTotals.map((t) => {
      const o: Obj = { value: amountJson(t.value), where: t.where };
      if (t.field) o.field = t.field;
      if (t.loc) o.loc = { ...t.loc };
      return o;
    });
  }
  if (plan.statedWords) {
    out.statedWords = plan.statedWords.map((w) => {
      const o: Obj = { text: w.text };
      if (w.figure) o.figure = amountJson(w.figure);
      if (w.loc) o.loc = { ...w.loc };
      return o;
    });
  }
  if (plan.sheet) out.sheet = { name: plan.sheet.name, columns: { ...plan.sheet.columns } };
  return out;
}
