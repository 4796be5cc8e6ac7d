/** buildAppendix: one build computes the plan's totals once, shared by the layout, the headline and the checks. */
import { buildAppendix } from '../../src/app/build';
import * as totals from '../../src/core/plan/totals';
import { loadSample } from '../helpers/planBuilders';

test('layout, headline and checks of one build share a single totals pass', () => {
  const spy = jest.spyOn(totals, 'computeTotals');
  try {
    const built = buildAppendix(loadSample('soc-trang-2021-2025'), { words: true });
    expect(built.headline.value.toFixed()).toBe(built.check.summary.grandTotal);
    const results = spy.mock.results.map((r) => r.value);
    expect(results.length).toBeGreaterThanOrEqual(3);
    expect(new Set(results).size).toBe(1);
  } finally {
    spy.mockRestore();
  }
});
