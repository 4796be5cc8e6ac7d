/**
 * The errors of plan JSON (planJson.ts): PlanJsonError, whose Vietnamese message starts with the path of the bad
 * field, and the one a JSON-schema validator's errors become.
 */
import { PLAN_JSON_MESSAGES as M } from './messages';

export class PlanJsonError extends Error {
  /** Path of the bad field ("nodes[2].amounts.years.2021"), "" for the whole document. */
  readonly path: string;
  constructor(path: string, reason: string) {
    super(`${path || M.wholeDocument}: ${reason}`.normalize('NFC'));
    this.name = 'PlanJsonError';
    this.path = path;
  }
}

/** What the core reads of a JSON-schema validator's error (ajv's ErrorObject has these fields). */
export interface SchemaIssue {
  /** JSON pointer of the bad value ("/nodes/2/amounts"). */
  instancePath: string;
  /** The schema keyword that failed ("required", "type", "pattern"...). */
  keyword: string;
  /** The keyword's details (missingProperty, type, pattern, allowedValues, limit...). */
  params: object;
  /** JSON pointer of the keyword in the schema ("#/definitions/amount/pattern"). */
  schemaPath: string;
  /** Set when the bad thing is a property name (propertyNames). */
  propertyName?: string;
}

type Json = unknown;
type Obj = Record<string, Json>;

export function isObj(x: Json): x is Obj {
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

function reasonOf(e: SchemaIssue): { extraPath?: string; reason: string } {
  const p = e.params as Record<string, unknown>;
  const isAmount = e.schemaPath.includes('/amount/');
  switch (e.keyword) {
    case 'required':
      return { extraPath: String(p.missingProperty), reason: M.required };
    case 'additionalProperties':
      return { extraPath: String(p.additionalProperty), reason: M.unknownField };
    case 'type': {
      if (isAmount) return { reason: M.notNumber };
      const t = String(p.type).split(',')[0];
      return { reason: M.types[t] ?? M.ofType(String(p.type)) };
    }
    case 'pattern':
      if (isAmount) return { reason: M.amountPattern };
      if (e.schemaPath.includes('fieldKey')) return { reason: M.fieldKeyPattern };
      return { reason: M.pattern(String(p.pattern)) };
    case 'enum':
      return { reason: M.oneOfValues(((p.allowedValues as unknown[]) ?? []).map((v) => JSON.stringify(v)).join(', ')) };
    case 'const':
      return { reason: M.constValue(JSON.stringify(p.allowedValue)) };
    case 'minLength':
      return { reason: M.empty };
    case 'minimum':
      return { reason: M.minimum(String(p.limit)) };
    case 'maximum':
      return { reason: M.maximum(String(p.limit)) };
    case 'oneOf':
      return { reason: M.spanOneOf };
    default:
      return { reason: M.invalid(e.keyword) };
  }
}

/** The PlanJsonError for a validator's errors (not empty): the most telling one, at the path of its field. */
export function schemaError(data: Json, errors: readonly SchemaIssue[]): PlanJsonError {
  const named = errors.find((x) => x.propertyName !== undefined);
  if (named) {
    // A bad key (e.g. a year that is not 4 digits): the key itself is the bad field.
    const base = jsonPath(data, named.instancePath);
    const key = String(named.propertyName);
    return new PlanJsonError(base ? `${base}.${key}` : key, M.badKey);
  }
  const e = errors.find((x) => x.keyword === 'oneOf')
    ?? errors.find((x) => x.keyword !== 'if')
    ?? errors[0];
  const { extraPath, reason } = reasonOf(e);
  let path = jsonPath(data, e.instancePath);
  if (extraPath !== undefined) path = path ? `${path}.${extraPath}` : extraPath;
  return new PlanJsonError(path, reason);
}
