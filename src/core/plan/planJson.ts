/**
 * The plan JSON format (schemas/plan.schema.json, docs/plan-json.md), JSON → Plan, without the schema validator:
 * the caller (src/app/planJson.ts) validates the data against the schema and hands its errors to buildPlanFromJson,
 * which turns the first one into a PlanJsonError, checks the rules the schema cannot say (unique source codes,
 * known source codes, finite amounts, text that fits a cell, the year-span rule) and builds the Plan with exact
 * decimals. Every problem is a PlanJsonError whose Vietnamese message starts with the path of the bad field,
 * e.g. "nodes[2].children[0].amounts.years.2021: phải là số".
 */
import { Dec, decOf } from '../base/decimal';
import { EXCEL, MAX_AMOUNT_DIGITS, PLAN } from '../base/limits';
import { planSizeProblem } from './planSize';
import { formatVi } from '../text/numbers';
import type {
  BreakdownRow, FieldKey, FundingSource, Group, Item, Plan, PlanMeta, PlanNode, RowAmounts, RowLoc,
  StatedTotal, StatedWords, YearSpan, LayoutPreset,
} from './model';
import { PLAN_JSON_MESSAGES as M } from './messages';
import { yearSpanProblem } from './settings';
import { PlanJsonError, isObj, schemaError, type SchemaIssue } from './planJsonErrors';
import { mapReleasing } from './compact';
import { emptyRecord } from '../base/record';

export { PlanJsonError, jsonPath, schemaError, type SchemaIssue } from './planJsonErrors';

/** Largest magnitude accepted for an amount (10^21 of any unit: beyond any public budget). */
const MAX_AMOUNT = new Dec(10).pow(MAX_AMOUNT_DIGITS);

type Json = unknown;
type Obj = Record<string, Json>;

// ---------------------------------------------------------------------------------------------
// JSON → Plan

/**
 * The exact Dec of an amount at `base`.`key` (the path is built only for an error): plain decimal strings without
 * decimal.js' parser (decOf), and the size limit without an abs() for any amount under 10^MAX_AMOUNT_DIGITS.
 */
function amountOf(x: Json, base: string, key: string): Dec {
  if (typeof x === 'number' && !Number.isFinite(x)) throw new PlanJsonError(at(base, key), M.notFinite);
  let d: Dec;
  try {
    d = decOf(typeof x === 'string' ? x : String(x));
  } catch {
    throw new PlanJsonError(at(base, key), M.notNumber);
  }
  if (!d.isFinite()) throw new PlanJsonError(at(base, key), M.notFinite);
  if (d.e >= MAX_AMOUNT_DIGITS && d.abs().gt(MAX_AMOUNT)) throw new PlanJsonError(at(base, key), M.tooLarge);
  return d;
}

function at(base: string, key: string): string {
  return base ? `${base}.${key}` : key;
}

/** The years of `base`.`key`, keyed by year. */
function yearRecord(x: Json, base: string, key: string): Record<number, Dec> {
  const out: Record<number, Dec> = emptyRecord();
  if (!isObj(x)) return out;
  const keys = Object.keys(x);
  const path = at(base, key);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    out[parseInt(k, 10)] = amountOf(x[k], path, k);
  }
  return out;
}

/** Source codes as written → NFC, once per distinct key of a plan (a 10,000-item plan repeats a few codes). */
type Codes = { known: Set<string>; nfc: Map<string, string> };

function codeOf(codes: Codes, k: string): string {
  let c = codes.nfc.get(k);
  if (c === undefined) codes.nfc.set(k, (c = k.normalize('NFC')));
  return c;
}

function amountsOf(x: Json, path: string, codes: Codes): RowAmounts {
  if (!isObj(x)) return { years: emptyRecord<Dec>(), sources: emptyRecord<Dec>() };
  // The years' record made once (an empty dictionary made and dropped per item is ~180 bytes of garbage each).
  const years = x.years !== undefined ? yearRecord(x.years, path, 'years') : emptyRecord<Dec>();
  const a: RowAmounts = { years, sources: emptyRecord<Dec>() };
  if (isObj(x.sources)) {
    const src = x.sources;
    const srcPath = at(path, 'sources');
    for (const k of Object.keys(src)) {
      const code = codeOf(codes, k);
      if (!codes.known.has(code)) throw new PlanJsonError(`${path}.sources.${k}`, M.unknownSource);
      if (Object.prototype.hasOwnProperty.call(a.sources, code)) throw new PlanJsonError(`${path}.sources.${k}`, M.sourceKeyTwice(code));
      a.sources[code] = amountOf(src[k], srcPath, k);
    }
  }
  if (isObj(x.split)) {
    const split: Record<string, Record<number, Dec>> = emptyRecord();
    a.split = split;
    for (const [k, v] of Object.entries(x.split)) {
      const code = codeOf(codes, k);
      if (!codes.known.has(code)) throw new PlanJsonError(`${path}.split.${k}`, M.unknownSource);
      if (Object.prototype.hasOwnProperty.call(split, code)) throw new PlanJsonError(`${path}.split.${k}`, M.sourceKeyTwice(code));
      split[code] = yearRecord(v, at(path, 'split'), k);
    }
  }
  for (const f of ['total', 'totalInvestment', 'annual'] as const) {
    if (x[f] !== undefined) a[f] = amountOf(x[f], path, f);
  }
  return a;
}

function spanOf(x: Json, path: string): YearSpan | undefined {
  if (x === undefined) return undefined;
  let from: number, to: number;
  if (typeof x === 'string') {
    const m = /^\s*(\d{4})\s*(?:[-–]\s*(\d{4})\s*)?$/.exec(x);
    if (!m) throw new PlanJsonError(path, M.badSpan);
    from = parseInt(m[1], 10);
    to = m[2] ? parseInt(m[2], 10) : from;
  } else if (isObj(x)) {
    from = x.from as number;
    to = x.to as number;
  } else {
    throw new PlanJsonError(path, M.badSpan);
  }
  if (to < from) throw new PlanJsonError(path, M.spanReversed(from, to));
  // The one year-span rule (base/limits YEARS) of the command line, the pane and the input sheet.
  const why = yearSpanProblem(from, to);
  if (why) throw new PlanJsonError(path, why);
  return { from, to };
}

function rowLocOf(x: Json): RowLoc | undefined {
  if (!isObj(x)) return undefined;
  const loc: RowLoc = { row: x.row as number };
  if (isObj(x.formulas)) loc.formulas = { ...(x.formulas as Record<string, string>) } as RowLoc['formulas'];
  return loc;
}

function cellLocOf(x: Json): { row: number; col: number } | undefined {
  return isObj(x) ? { row: x.row as number, col: x.col as number } : undefined;
}

function str(x: Json): string | undefined {
  return typeof x === 'string' ? x.normalize('NFC') : undefined;
}

/** Item text fields, in the order plan JSON writes them. */
export const ITEM_TEXT_FIELDS = ['status', 'lead', 'coordinating', 'objective', 'scale', 'notes', 'code', 'sourceText'] as const;

function itemOf(x: Obj, path: string, codes: Codes): Item {
  const item: Item = {
    kind: 'item',
    tt: str(x.tt) ?? '',
    name: str(x.name) ?? '',
    amounts: amountsOf(x.amounts, `${path}.amounts`, codes),
  };
  for (const f of ITEM_TEXT_FIELDS) {
    const v = str(x[f]);
    if (v !== undefined) item[f] = v;
  }
  const period = spanOf(x.period, `${path}.period`);
  if (period) item.period = period;
  if (Array.isArray(x.children)) {
    item.children = x.children.map((c, i) => itemOf(c as Obj, `${path}.children[${i}]`, codes));
  }
  const loc = rowLocOf(x.loc);
  if (loc) item.loc = loc;
  return item;
}

function nodeOf(x: Obj, path: string, codes: Codes, depth: number): PlanNode {
  if (x.kind !== 'group') return itemOf(x, path, codes);
  const level = (x.level as 1 | 2 | undefined) ?? (depth === 0 ? 1 : 2);
  if (depth >= 2) throw new PlanJsonError(path, M.groupTooDeep);
  const g: Group = {
    kind: 'group',
    level,
    tt: str(x.tt) ?? '',
    name: str(x.name) ?? '',
    children: (x.children as Obj[]).map((c, i) => nodeOf(c, `${path}.children[${i}]`, codes, depth + 1)),
  };
  if (x.stated !== undefined) g.stated = amountsOf(x.stated, `${path}.stated`, codes);
  const loc = rowLocOf(x.loc);
  if (loc) g.loc = loc;
  return g;
}

/** Some string value longer than Excel's limit on one cell's text; iterative, and no path built for the good ones. */
function hasTooLongText(data: Json): boolean {
  const stack: Json[] = [data];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (v.length > EXCEL.maxCellText) return true;
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) stack.push(v[i]);
    } else if (isObj(v)) {
      for (const k in v) stack.push(v[k]);
    }
  }
  return false;
}

/**
 * The first string value longer than Excel's limit on the text of one cell (a longer text could never be written
 * into the appendix), with its path; iterative: no stack limit on deep data.
 */
function firstTooLongText(data: Json): { path: string; length: number } | undefined {
  if (!hasTooLongText(data)) return undefined;
  const stack: { v: Json; path: string }[] = [{ v: data, path: '' }];
  while (stack.length > 0) {
    const { v, path } = stack.pop()!;
    if (typeof v === 'string') {
      if (v.length > EXCEL.maxCellText) return { path, length: v.length };
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: `${path}[${i}]` });
    } else if (isObj(v)) {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) stack.push({ v: v[keys[i]], path: path ? `${path}.${keys[i]}` : keys[i] });
    }
  }
  return undefined;
}

/** The plan's size within PLAN (sources, rows of the tree), before anything else is looked at. Throws PlanJsonError. */
export function checkPlanSize(data: unknown): void {
  const p = planSizeProblem(data);
  if (p) throw new PlanJsonError(p.path, p.message);
}

function sourcesOf(list: Obj[]): FundingSource[] {
  const sources: FundingSource[] = [];
  const codes = new Map<string, string>();
  if (list.length > PLAN.maxSources) {
    throw new PlanJsonError('sources', M.tooManySources(formatVi(new Dec(list.length)), formatVi(new Dec(PLAN.maxSources))));
  }
  list.forEach((s, i) => {
    const code = (s.code as string).normalize('NFC').trim();
    const first = codes.get(code);
    if (first !== undefined) throw new PlanJsonError(`sources[${i}].code`, M.sourceRepeated(code, first, s.code as string));
    codes.set(code, s.code as string);
    const src: FundingSource = { code, label: (s.label as string).normalize('NFC') };
    if (typeof s.breakdownLabel === 'string') src.breakdownLabel = s.breakdownLabel.normalize('NFC');
    sources.push(src);
  });
  return sources;
}

function metaOf(m: Obj): PlanMeta {
  const meta: PlanMeta = { title: str(m.title) ?? '', unit: m.unit as PlanMeta['unit'] };
  for (const f of ['appendixNo', 'attachedTo', 'issuer', 'docNumber', 'docDate', 'yearsLabel', 'sourcesLabel'] as const) {
    const v = str(m[f]);
    if (v !== undefined) meta[f] = v;
  }
  return meta;
}

function nodesOf(list: Obj[], codes: Codes, consume: boolean): PlanNode[] {
  try {
    return mapReleasing(list, consume, (n, i) => nodeOf(n, `nodes[${i}]`, codes, 0));
  } catch (e) {
    if (e instanceof RangeError) throw new PlanJsonError('nodes', M.tooDeep);
    throw e;
  }
}

/** The grand-total and "Trong đó" rows as stated, when the data has them. */
function totalRowsOf(d: Obj, plan: Plan, codes: Codes): void {
  if (isObj(d.grandTotal)) {
    const gt = d.grandTotal;
    plan.grandTotal = { amounts: amountsOf(gt.amounts, 'grandTotal.amounts', codes) };
    if (typeof gt.label === 'string') plan.grandTotal.label = gt.label.normalize('NFC');
    const loc = rowLocOf(gt.loc);
    if (loc) plan.grandTotal.loc = loc;
  }
  if (Array.isArray(d.breakdown)) {
    plan.breakdown = (d.breakdown as Obj[]).map((b, i): BreakdownRow => {
      const code = (b.sourceCode as string).normalize('NFC');
      if (!codes.known.has(code)) throw new PlanJsonError(`breakdown[${i}].sourceCode`, M.unknownSource);
      const row: BreakdownRow = {
        sourceCode: code,
        label: str(b.label) ?? plan.sources.find((s) => s.code === code)?.breakdownLabel ?? code,
        amounts: amountsOf(b.amounts, `breakdown[${i}].amounts`, codes),
      };
      const loc = rowLocOf(b.loc);
      if (loc) row.loc = loc;
      return row;
    });
  }
}

/** Totals stated in figures and in words outside the table, when the data has them. */
function statedOf(d: Obj, plan: Plan, codes: Codes): void {
  if (Array.isArray(d.statedTotals)) {
    plan.statedTotals = (d.statedTotals as Obj[]).map((s, i): StatedTotal => {
      const t: StatedTotal = { value: amountOf(s.value, `statedTotals[${i}]`, 'value'), where: str(s.where) ?? M.defaultWhere };
      if (typeof s.field === 'string') {
        const f = s.field.normalize('NFC');
        if (f.startsWith('source:') && !codes.known.has(f.slice(7))) {
          throw new PlanJsonError(`statedTotals[${i}].field`, M.unknownSource);
        }
        t.field = f as FieldKey;
      }
      const loc = cellLocOf(s.loc);
      if (loc) t.loc = loc;
      return t;
    });
  }
  if (Array.isArray(d.statedWords)) {
    plan.statedWords = (d.statedWords as Obj[]).map((s, i): StatedWords => {
      const w: StatedWords = { text: (s.text as string).normalize('NFC') };
      if (s.figure !== undefined) w.figure = amountOf(s.figure, `statedWords[${i}]`, 'figure');
      const loc = cellLocOf(s.loc);
      if (loc) w.loc = loc;
      return w;
    });
  }
}

/**
 * Build the Plan from parsed plan JSON and the errors a validator of schemas/plan.schema.json reported for it
 * (empty or absent when the data is valid; the data must have been validated). Throws PlanJsonError.
 * `consume`: data.nodes' elements are released once built (mapReleasing), for data nothing reads afterwards.
 */
export function buildPlanFromJson(data: unknown, schemaErrors: readonly SchemaIssue[] | null | undefined, consume = false): Plan {
  checkPlanSize(data);
  if (schemaErrors && schemaErrors.length > 0) throw schemaError(data, schemaErrors);
  const long = firstTooLongText(data);
  if (long) throw new PlanJsonError(long.path, M.textTooLong(formatVi(new Dec(long.length)), formatVi(new Dec(EXCEL.maxCellText))));
  const d = data as Obj;
  const sources = sourcesOf(d.sources as Obj[]);
  const codes: Codes = { known: new Set(sources.map((s) => s.code)), nfc: new Map() };
  const plan: Plan = { meta: metaOf(d.meta as Obj), sources, nodes: [] };
  const years = spanOf(d.years, 'years');
  if (years) plan.years = years;
  if (typeof d.planYear === 'number') plan.planYear = d.planYear;
  if (typeof d.preset === 'string') plan.preset = d.preset as LayoutPreset;
  plan.nodes = nodesOf(d.nodes as Obj[], codes, consume);
  totalRowsOf(d, plan, codes);
  statedOf(d, plan, codes);
  if (isObj(d.sheet)) {
    plan.sheet = {
      name: d.sheet.name as string,
      columns: { ...(d.sheet.columns as Record<string, number>) } as Partial<Record<FieldKey, number>>,
    };
  }
  return plan;
}
