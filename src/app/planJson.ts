/**
 * Loading plan JSON: parse, validate against schemas/plan.schema.json (ajv), then build the Plan with the core
 * (core/plan/planJson.ts: the rules the schema cannot say, exact decimals, Vietnamese messages by path). Every
 * problem is a PlanJsonError. In the pane's bundle `ajv` is the precompiled validator (src/taskpane/ajvPrecompiled.ts,
 * webpack alias), so the options here must match the ones webpack.config.js compiles with.
 */
import Ajv, { type ValidateFunction } from 'ajv';
import schema from '../../schemas/plan.schema.json';
import { PLAN_JSON_MESSAGES as M } from '../core/plan/messages';
import type { Plan } from '../core/plan/model';
import { PlanJsonError, buildPlanFromJson, checkPlanSize } from '../core/plan/planJson';

export const PLAN_SCHEMA: object = schema;

let validator: ValidateFunction | undefined;
function validate(): ValidateFunction {
  if (!validator) {
    const ajv = new Ajv({ allErrors: false, strict: false });
    validator = ajv.compile(schema);
  }
  return validator;
}

/**
 * Validate plan JSON (already parsed) and build the Plan. Throws PlanJsonError. `consume`: the data is the caller's
 * to drop (the command line's parsed file), and each top-level node's parsed tree is released once built.
 */
export function planFromJsonData(data: unknown, consume = false): Plan {
  checkPlanSize(data);
  let ok: boolean;
  try {
    ok = validate()(data) as boolean;
  } catch (e) {
    if (e instanceof RangeError) throw new PlanJsonError('', M.tooDeep);
    throw e;
  }
  return buildPlanFromJson(data, ok ? undefined : validate().errors ?? [], consume);
}

/** Parse JSON text; a syntax error becomes a PlanJsonError. */
export function parsePlanJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new PlanJsonError('', M.notJson((e as Error).message));
  }
}

/** Parse JSON text and load it; a syntax error becomes a PlanJsonError too. */
export function planFromJsonText(text: string): Plan {
  return planFromJsonData(parsePlanJson(text));
}
