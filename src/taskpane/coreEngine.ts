/**
 * The Engine of the pane over the real core: checkGrid (sheet checks), layoutPlan (appendix), amountToWords,
 * parseAmount, the embedded sample plan, the input sheet (template.ts), spread and renumbering. Core errors
 * (LayoutError, NumberingError, ...) carry Vietnamese messages; they become UserErrors here.
 */
import type { Engine, BuildOptions, InputOptions } from './engine';
import { UserError } from './engine';
import type { Grid } from '../core/base/grid';
import type { Plan } from '../core/plan/model';
import { Dec, plain } from '../core/base/decimal';
import { checkGrid } from '../core/checks/sheetCheck';
import { layoutPlan } from '../core/layout/layout';
import { amountToWords } from '../core/text/words';
import { parseAmount } from '../core/text/numbers';
import { UNITS, type Unit } from '../core/plan/model';
import { applyBuildOptions } from './buildOptions';
import { inputTemplateSpec, planFromInputSheet, spreadWrites, renumberWrites } from './inputSheet';

const asUnit = (u: string): Unit | undefined => (UNITS as readonly string[]).includes(u) ? (u as Unit) : undefined;

function userError(e: unknown): never {
  if (e instanceof Error && e.message) throw new UserError(e.message);
  throw new UserError('Đã xảy ra lỗi không mong đợi.');
}

export const coreEngine: Engine = {
  check(grid, opts) {
    const tolerance = opts.tolerance !== undefined ? new Dec(opts.tolerance) : undefined;
    const statedTotal = opts.statedTotal !== undefined ? new Dec(opts.statedTotal) : undefined;
    return checkGrid(grid, { tolerance, statedTotal, statedTotalWhere: statedTotal ? 'tổng nêu trong văn bản (nhập ở ngăn Kiểm tra)' : undefined });
  },

  words(amount, unit) {
    return amountToWords(amount, { unit: asUnit(unit) ?? 'đồng' });
  },

  readAmount(text) {
    const p = parseAmount(text);
    if (p.kind === 'number') {
      if (p.value.isNegative()) return { error: 'Số không được âm.' };
      return { value: plain(p.value) };
    }
    if (p.kind === 'empty') return { error: 'Chưa nhập số.' };
    return { error: p.reason };
  },

  async samplePlan(): Promise<Plan> {
    const { samplePlan } = await import(/* webpackChunkName: "sample" */ './sample');
    return samplePlan();
  },

  planFromInput(grid: Grid) {
    try {
      return planFromInputSheet(grid);
    } catch (e) {
      return userError(e);
    }
  },

  layout(plan: Plan, opts: BuildOptions) {
    try {
      const p = applyBuildOptions(plan, opts);
      return layoutPlan(p, { preset: opts.preset, words: true });
    } catch (e) {
      return userError(e);
    }
  },

  inputTemplate(opts: InputOptions) {
    try {
      return inputTemplateSpec(opts);
    } catch (e) {
      return userError(e);
    }
  },

  spreadWrites(grid, row, total) {
    try {
      return spreadWrites(grid, row, total);
    } catch (e) {
      return userError(e);
    }
  },

  renumberWrites(grid) {
    try {
      return renumberWrites(grid);
    } catch (e) {
      return userError(e);
    }
  },
};
