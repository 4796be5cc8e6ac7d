/**
 * Stands in for ajv in the browser bundle (webpack alias). ajv compiles validators with `new Function`, which the
 * pane's Content-Security-Policy forbids (no 'unsafe-eval'); webpack.config.js instead generates the plan-schema
 * validator as plain code at build time (ajv standalone, same options as src/app/planJson.ts) and this class hands it out.
 * Only the plan schema is compiled in the pane.
 */
const validatePlan = require('danh-muc-plan-validator') as ((data: unknown) => boolean) & { errors?: unknown[] | null };

export default class Ajv {
  constructor(_opts?: unknown) {}
  compile(_schema: unknown): typeof validatePlan {
    return validatePlan;
  }
}
