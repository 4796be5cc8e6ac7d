/**
 * The plan JSON format (schemas/plan.schema.json, docs/plan-json.md): load with validation, save.
 *
 * planFromJson validates the data against the schema (ajv) and a few rules the schema cannot say
 * (unique source codes, known source codes, finite amounts), then builds the Plan with exact decimals.
 * Any problem throws PlanJsonError whose Vietnamese message starts with the path of the bad field,
 * e.g. "nodes[2].children[0].amounts.years.2021: phải là số".
 */
// eslint-disable-next-line no-restricted-imports -- TEMPORARY: schema validation moves to src/app
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
// eslint-disable-next-line no-restricted-imports -- TEMPORARY: schema validation moves to src/app
import schema from '../../../schemas/plan.schema.json';
import { Dec, isDec, plain } from '../base/decimal';
import type {
  BreakdownRow, FieldKey, FundingSource, Group, Item, Plan, PlanMeta, PlanNode, RowAmounts, RowLoc,
  StatedTotal, StatedWords, YearSpan, LayoutPreset,
} from './model';

export class PlanJsonError extends Error {
  /** Path of the bad field ("nodes[2].amounts.years.2021"), "" for the whole document. */
  readonly path: string;
  constructor(path: string, reason: string) {
    super(`${path || '(tài liệu)'}: ${reason}`.normalize('NFC'));
    this.name = 'PlanJsonError';
    this.path = path;
  }
}

export const PLAN_SCHEMA: object = schema;

/** Largest magnitude accepted for an amount (10^21 of any unit: beyond any public budget). */
const MAX_AMOUNT = new Dec('1e21');

let validator: ValidateFunction | undefined;
function validate(): ValidateFunction {
  if (!validator) {
    const ajv = new Ajv({ allErrors: false, strict: false });
    validator = ajv.compile(schema);
  }
  return validator;
}

type Json = unknown;
type Obj = Record<string, Json>;

function isObj(x: Json): x is Obj {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** "/nodes/2/children/0/amounts/years/2021" → "nodes[2].children[0].amounts.years.2021" using the data's shapes. */
export function jsonPath(data: Json, pointer: string): string {
  if (!pointer) return '';
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let out = '';
  let cur: Json = data;
  for (const p of parts) {
    if (Array.isArray(cur)) {
      out += `[${p}]`;
      cur = cur[parseInt(p, 10)];
    } else {
      out += out ? `.${p}` : p;
      cur = isObj(cur) ? cur[p] : undefined;
    }
  }
  return out;
}

const TYPE_VI: Record<string, string> = {
  string: 'phải là chuỗi văn bản',
  number: 'phải là số',
  integer: 'phải là số nguyên',
  object: 'phải là đối tượng {…}',
  array: 'phải là danh sách […]',
  boolean: 'phải là true/false',
};

function reasonOf(e: ErrorObject): { extraPath?: string; reason: string } {
  const p = e.params as Record<string, unknown>;
  const isAmount = e.schemaPath.includes('/amount/');
  switch (e.keyword) {
    case 'required':
      return { extraPath: String(p.missingProperty), reason: 'thiếu trường bắt buộc' };
    case 'additionalProperties':
      return { extraPath: String(p.additionalProperty), reason: 'trường không có trong định dạng' };
    case 'type': {
      if (isAmount) return { reason: 'phải là số' };
      const t = String(p.type).split(',')[0];
      return { reason: TYPE_VI[t] ?? `phải có kiểu ${String(p.type)}` };
    }
    case 'pattern':
      if (isAmount) return { reason: 'phải là số (dạng "1559" hoặc "4967.667")' };
      if (e.schemaPath.includes('fieldKey')) return { reason: 'không phải tên cột hợp lệ (total, year:2021, source:NSĐP...)' };
      return { reason: `sai định dạng (mẫu ${String(p.pattern)})` };
    case 'enum':
      return { reason: `phải là một trong: ${((p.allowedValues as unknown[]) ?? []).map((v) => JSON.stringify(v)).join(', ')}` };
    case 'const':
      return { reason: `phải là ${JSON.stringify(p.allowedValue)}` };
    case 'minLength':
      return { reason: 'không được để trống' };
    case 'minimum':
      return { reason: `phải lớn hơn hoặc bằng ${String(p.limit)}` };
    case 'maximum':
      return { reason: `phải nhỏ hơn hoặc bằng ${String(p.limit)}` };
    case 'oneOf':
      return { reason: 'sai định dạng khoảng năm (ví dụ "2021-2025", "2023" hoặc {"from": 2021, "to": 2025})' };
    default:
      return { reason: `không hợp lệ (${e.keyword})` };
  }
}

function schemaError(data: Json, errors: ErrorObject[]): PlanJsonError {
  const named = errors.find((x) => x.propertyName !== undefined);
  if (named) {
    // A bad key (e.g. a year that is not 4 digits): the key itself is the bad field.
    const base = jsonPath(data, named.instancePath);
    const key = String(named.propertyName);
    return new PlanJsonError(base ? `${base}.${key}` : key, 'tên khóa không hợp lệ (năm phải là 4 chữ số)');
  }
  const e = errors.find((x) => x.keyword === 'oneOf')
    ?? errors.find((x) => x.keyword !== 'if')
    ?? errors[0];
  const { extraPath, reason } = reasonOf(e);
  let path = jsonPath(data, e.instancePath);
  if (extraPath !== undefined) path = path ? `${path}.${extraPath}` : extraPath;
  return new PlanJsonError(path, reason);
}

// ---------------------------------------------------------------------------------------------
// JSON → Plan

function amountOf(x: Json, path: string): Dec {
  if (typeof x === 'number' && !Number.isFinite(x)) throw new PlanJsonError(path, 'phải là số hữu hạn');
  let d: Dec;
  try {
    d = new Dec(String(x));
  } catch {
    throw new PlanJsonError(path, 'phải là số');
  }
  if (!d.isFinite()) throw new PlanJsonError(path, 'phải là số hữu hạn');
  if (d.abs().gt(MAX_AMOUNT)) throw new PlanJsonError(path, 'số quá lớn');
  return d;
}

function yearRecord(x: Json, path: string): Record<number, Dec> {
  const out: Record<number, Dec> = {};
  if (!isObj(x)) return out;
  for (const [k, v] of Object.entries(x)) out[parseInt(k, 10)] = amountOf(v, `${path}.${k}`);
  return out;
}

function amountsOf(x: Json, path: string, codes: Set<string>): RowAmounts {
  const a: RowAmounts = { years: {}, sources: {} };
  if (!isObj(x)) return a;
  if (x.years !== undefined) a.years = yearRecord(x.years, `${path}.years`);
  if (isObj(x.sources)) {
    for (const [k, v] of Object.entries(x.sources)) {
      const code = k.normalize('NFC');
      if (!codes.has(code)) throw new PlanJsonError(`${path}.sources.${k}`, 'mã nguồn vốn không có trong danh sách "sources"');
      a.sources[code] = amountOf(v, `${path}.sources.${k}`);
    }
  }
  if (isObj(x.split)) {
    a.split = {};
    for (const [k, v] of Object.entries(x.split)) {
      const code = k.normalize('NFC');
      if (!codes.has(code)) throw new PlanJsonError(`${path}.split.${k}`, 'mã nguồn vốn không có trong danh sách "sources"');
      a.split[code] = yearRecord(v, `${path}.split.${k}`);
    }
  }
  for (const f of ['total', 'totalInvestment', 'annual'] as const) {
    if (x[f] !== undefined) a[f] = amountOf(x[f], `${path}.${f}`);
  }
  return a;
}

function spanOf(x: Json, path: string): YearSpan | undefined {
  if (x === undefined) return undefined;
  let from: number, to: number;
  if (typeof x === 'string') {
    const m = /^\s*(\d{4})\s*(?:[-–]\s*(\d{4})\s*)?$/.exec(x);
    if (!m) throw new PlanJsonError(path, 'sai định dạng khoảng năm');
    from = parseInt(m[1], 10);
    to = m[2] ? parseInt(m[2], 10) : from;
  } else if (isObj(x)) {
    from = x.from as number;
    to = x.to as number;
  } else {
    throw new PlanJsonError(path, 'sai định dạng khoảng năm');
  }
  if (to < from) throw new PlanJsonError(path, `năm kết thúc ${to} trước năm bắt đầu ${from}`);
  if (to - from > 200) throw new PlanJsonError(path, 'khoảng năm quá dài');
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

const ITEM_TEXT_FIELDS = ['status', 'lead', 'coordinating', 'objective', 'scale', 'notes', 'code', 'sourceText'] as const;

function itemOf(x: Obj, path: string, codes: Set<string>): Item {
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

function nodeOf(x: Obj, path: string, codes: Set<string>, depth: number): PlanNode {
  if (x.kind !== 'group') return itemOf(x, path, codes);
  const level = (x.level as 1 | 2 | undefined) ?? (depth === 0 ? 1 : 2);
  if (depth >= 2) throw new PlanJsonError(path, 'nhóm lồng quá hai cấp (I, II... rồi A, B...)');
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

/** Excel's limit on the text of one cell: a longer text could never be written into the appendix. */
export const MAX_TEXT = 32767;

function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** The first string value longer than MAX_TEXT, with its path (iterative: no stack limit on deep data). */
function firstTooLongText(data: Json): { path: string; length: number } | undefined {
  const stack: { v: Json; path: string }[] = [{ v: data, path: '' }];
  while (stack.length > 0) {
    const { v, path } = stack.pop()!;
    if (typeof v === 'string') {
      if (v.length > MAX_TEXT) return { path, length: v.length };
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: `${path}[${i}]` });
    } else if (isObj(v)) {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) stack.push({ v: v[keys[i]], path: path ? `${path}.${keys[i]}` : keys[i] });
    }
  }
  return undefined;
}

/** Validate plan JSON (already parsed) and build the Plan. Throws PlanJsonError. */
export function planFromJson(data: unknown): Plan {
  let ok: boolean;
  try {
    ok = validate()(data) as boolean;
  } catch (e) {
    if (e instanceof RangeError) throw new PlanJsonError('', 'cấu trúc lồng nhau quá sâu');
    throw e;
  }
  if (!ok) throw schemaError(data, validate().errors ?? []);
  const long = firstTooLongText(data);
  if (long) {
    throw new PlanJsonError(long.path, `văn bản dài ${groupDigits(long.length)} ký tự, quá giới hạn ${groupDigits(MAX_TEXT)} ký tự của một ô Excel`);
  }
  const d = data as Obj;

  const sources: FundingSource[] = [];
  const codes = new Set<string>();
  (d.sources as Obj[]).forEach((s, i) => {
    const code = (s.code as string).normalize('NFC').trim();
    if (codes.has(code)) throw new PlanJsonError(`sources[${i}].code`, `mã nguồn vốn "${code}" bị trùng`);
    codes.add(code);
    const src: FundingSource = { code, label: (s.label as string).normalize('NFC') };
    if (typeof s.breakdownLabel === 'string') src.breakdownLabel = s.breakdownLabel.normalize('NFC');
    sources.push(src);
  });

  const m = d.meta as Obj;
  const meta: PlanMeta = { title: str(m.title) ?? '', unit: m.unit as PlanMeta['unit'] };
  for (const f of ['appendixNo', 'attachedTo', 'issuer', 'docNumber', 'docDate', 'yearsLabel', 'sourcesLabel'] as const) {
    const v = str(m[f]);
    if (v !== undefined) meta[f] = v;
  }

  const plan: Plan = { meta, sources, nodes: [] };
  const years = spanOf(d.years, 'years');
  if (years) plan.years = years;
  if (typeof d.planYear === 'number') plan.planYear = d.planYear;
  if (typeof d.preset === 'string') plan.preset = d.preset as LayoutPreset;

  try {
    plan.nodes = (d.nodes as Obj[]).map((n, i) => nodeOf(n, `nodes[${i}]`, codes, 0));
  } catch (e) {
    if (e instanceof RangeError) throw new PlanJsonError('nodes', 'cấu trúc lồng nhau quá sâu');
    throw e;
  }

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
      if (!codes.has(code)) throw new PlanJsonError(`breakdown[${i}].sourceCode`, 'mã nguồn vốn không có trong danh sách "sources"');
      const row: BreakdownRow = {
        sourceCode: code,
        label: str(b.label) ?? sources.find((s) => s.code === code)?.breakdownLabel ?? code,
        amounts: amountsOf(b.amounts, `breakdown[${i}].amounts`, codes),
      };
      const loc = rowLocOf(b.loc);
      if (loc) row.loc = loc;
      return row;
    });
  }
  if (Array.isArray(d.statedTotals)) {
    plan.statedTotals = (d.statedTotals as Obj[]).map((s, i): StatedTotal => {
      const t: StatedTotal = { value: amountOf(s.value, `statedTotals[${i}].value`), where: str(s.where) ?? 'kế hoạch' };
      if (typeof s.field === 'string') {
        const f = s.field.normalize('NFC');
        if (f.startsWith('source:') && !codes.has(f.slice(7))) {
          throw new PlanJsonError(`statedTotals[${i}].field`, 'mã nguồn vốn không có trong danh sách "sources"');
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
      if (s.figure !== undefined) w.figure = amountOf(s.figure, `statedWords[${i}].figure`);
      const loc = cellLocOf(s.loc);
      if (loc) w.loc = loc;
      return w;
    });
  }
  if (isObj(d.sheet)) {
    plan.sheet = {
      name: d.sheet.name as string,
      columns: { ...(d.sheet.columns as Record<string, number>) } as Partial<Record<FieldKey, number>>,
    };
  }
  return plan;
}

/** Parse JSON text and load it; a syntax error becomes a PlanJsonError too. */
export function planFromJsonText(text: string): Plan {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new PlanJsonError('', `không phải JSON hợp lệ (${(e as Error).message})`);
  }
  return planFromJson(data);
}

// ---------------------------------------------------------------------------------------------
// Plan → JSON

function amountJson(d: Dec): string {
  return plain(d);
}

function yearsJson(r: Record<number, Dec>): Record<string, string> {
  const out: Record<string, string> = {};
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
    const s: Record<string, string> = {};
    for (const [k, v] of Object.entries(a.sources)) if (isDec(v)) s[k] = amountJson(v);
    out.sources = s;
  }
  if (a.split && Object.keys(a.split).length) {
    const s: Record<string, Record<string, string>> = {};
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

/** The plan as plan JSON (amounts as exact decimal strings); planFromJson(planToJson(p)) equals p. */
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
