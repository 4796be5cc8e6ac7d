/** The pane's Engine over the application layer (src/app): the same flows, rules and messages as the command line. */
import type { Engine } from './engine';
import type { Plan } from '../core/plan/model';
import { buildAppendix } from '../app/build';
import { checkSheet, pulledSheets } from '../app/check';
import { AppError } from '../app/errors';
import { findInputSheet, inputTemplate, planFromInputSheet, renumberWrites, spreadWrites } from '../app/input';
import { sourcesSetting, yearSpanSetting } from '../app/settings';
import { readAmountField, wordsOfAmount } from '../app/words';

/** The message of an AppError the call throws, or undefined when it passes. */
function problemOf(f: () => unknown): string | undefined {
  try {
    f();
    return undefined;
  } catch (e) {
    if (e instanceof AppError) return e.message;
    throw e;
  }
}

export const coreEngine: Engine = {
  check: (grid, opts, others) => checkSheet(grid, {
    tolerance: opts.tolerance,
    statedTotal: opts.statedTotal,
    statedTotalWhere: opts.statedTotalWhere ?? 'ô “Tổng nêu trong văn bản” của ngăn Kiểm tra',
  }, others),
  pulledSheets: (grid) => pulledSheets(grid),
  words: (amount, unit) => wordsOfAmount(amount, unit),
  readAmount: (text) => readAmountField(text),
  yearsProblem: (from, to) => problemOf(() => yearSpanSetting(from, to)),
  sourcesProblem: (text) => problemOf(() => sourcesSetting(text)),
  async openWord(bytes, name) {
    const { openWord } = await import(/* webpackChunkName: "word" */ './wordOpen');
    return openWord(bytes, name);
  },
  async wordBytes(spec) {
    const { wordBytes } = await import(/* webpackChunkName: "word-write" */ './wordSave');
    return wordBytes(spec);
  },
  async samplePlan(): Promise<Plan> {
    const { samplePlan } = await import(/* webpackChunkName: "sample" */ './sample');
    return samplePlan();
  },
  findInputSheet: (names, read, prefs) => findInputSheet(names, read, prefs),
  planFromInput: (grid) => planFromInputSheet(grid),
  layout: (plan, opts) => buildAppendix(plan, { ...opts, words: true }).spec,
  inputTemplate: (opts) => inputTemplate(opts),
  spreadWrites: (grid, row, total) => spreadWrites(grid, row, total),
  renumberWrites: (grid) => renumberWrites(grid),
};
