/**
 * Checks of figures stated outside the table: STATED_TOTAL (totals in the plan text or given by the user) and
 * WORDS_MISMATCH (amounts written in words).
 */
import { Dec, ZERO, eqWithin, isDec, plain } from '../base/decimal';
import type { FieldKey } from '../plan/model';
import { DEFAULTS } from '../plan/settings';
import { headline } from '../plan/totals';
import { convertUnit } from '../text/numbers';
import { amountToWords, canSayInWords, extractWords, wordsToAmount } from '../text/words';
import { CheckOptionsError, add, cellAt, colName, compare, shortName, vi, type CheckContext, type CheckOptions } from './context';
import { CHECK_MESSAGES as M } from './messages';

/** The figure the table shows for a field: the grand-total row where it states it, else the computed total. */
function tableFigure(ctx: CheckContext, field: FieldKey): Dec {
  const gt = ctx.plan.grandTotal?.amounts;
  const g = ctx.totals.grand;
  if (field.startsWith('year:')) {
    const y = parseInt(field.slice(5), 10);
    return gt?.years?.[y] ?? g.years[y] ?? ZERO;
  }
  if (field.startsWith('source:')) {
    const c = field.slice(7);
    return gt?.sources?.[c] ?? g.sources[c] ?? ZERO;
  }
  if (field === 'total' || field === 'totalInvestment' || field === 'annual') return gt?.[field] ?? g[field];
  return gt?.total ?? g.total;
}

/** How a message names the table figure of a field ("tổng cộng", "tổng năm 2021"...). */
function figureName(ctx: CheckContext, field: FieldKey): string {
  if (field === 'total') return M.statedGrandTotal;
  if (field === 'totalInvestment' || field === 'annual') return colName(ctx, { kind: field }).toLowerCase();
  return field.startsWith('year:') ? M.statedYearTotal(field.slice(5)) : M.statedSourceTotal(field.slice(7));
}

/** STATED_TOTAL: the plan's stated totals and the user's one against the table. Throws CheckOptionsError. */
export function statedTotals(ctx: CheckContext, opts: CheckOptions): void {
  const { plan } = ctx;
  const list = [...(plan.statedTotals ?? [])];
  if (opts.statedTotal !== undefined) {
    if (!isDec(opts.statedTotal) || !opts.statedTotal.isFinite()) {
      throw new CheckOptionsError(M.badStatedTotal(String(opts.statedTotal)));
    }
    list.push({ value: opts.statedTotal, where: M.userStatedTotal });
  }
  const unit = plan.meta?.unit ?? DEFAULTS.unit;
  const head = headline(plan, ctx.totals).field;
  for (const st of list) {
    if (!isDec(st.value) || !st.value.isFinite()) continue;
    const field: FieldKey = st.field ?? head;
    const table = tableFigure(ctx, field);
    const v = st.value;
    const what = figureName(ctx, field);
    const extra = st.at !== undefined ? { where: st.at } : cellAt(ctx, st.loc);
    compare(ctx, 'STATED_TOTAL', v, table,
      (d) => M.statedTotal(st.where, vi(v), unit, what, vi(table), d),
      extra);
  }
}

/** WORDS_MISMATCH: each amount in words against its figure (the headline figure by default), in đồng. */
export function words(ctx: CheckContext): void {
  const { plan } = ctx;
  const unit = plan.meta?.unit ?? DEFAULTS.unit;
  for (const w of plan.statedWords ?? []) {
    if (typeof w.text !== 'string') continue;
    const figure = w.figure ?? headline(plan, ctx.totals).value;
    const figureDong = convertUnit(figure, unit, 'đồng');
    const read = wordsToAmount(extractWords(w.text) ?? w.text);
    const extra = w.at !== undefined ? { where: w.at } : cellAt(ctx, w.loc);
    if (!canSayInWords(figureDong)) {
      // 10^21 đồng or more, or finer than 10^-18 đồng: no Vietnamese sentence reads this figure.
      add(ctx, 'WORDS_MISMATCH', M.wordsUnsayable(shortName(w.text), vi(figureDong)),
        { ...extra, expected: plain(figureDong), actual: w.text });
      continue;
    }
    const right = amountToWords(figureDong);
    if (read === undefined) {
      add(ctx, 'WORDS_MISMATCH', M.wordsUnreadable(shortName(w.text), vi(figureDong), right),
        { ...extra, expected: plain(figureDong), actual: w.text });
      continue;
    }
    const tolDong = convertUnit(ctx.tol, unit, 'đồng');
    if (!eqWithin(read, figureDong, tolDong)) {
      add(ctx, 'WORDS_MISMATCH', M.wordsMismatch(shortName(w.text), vi(read), vi(figureDong), right),
        { ...extra, expected: plain(figureDong), actual: plain(read) });
    }
  }
}
