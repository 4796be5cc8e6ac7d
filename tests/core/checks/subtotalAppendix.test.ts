/**
 * An appendix too big for a SUM grand total (2,000 groups) is laid out with SUBTOTAL(9, …) formulas; checking it
 * must give no error: SUBTOTAL skips the nested SUBTOTALs, so nothing is added twice (no false DOUBLE_COUNT).
 */
import { layoutPlan } from '../../../src/core/layout/layout';
import { checkGrid } from '../../../src/core/checks/sheetCheck';
import { basePlan, group, item } from '../../helpers/fixtures';
import { gridOfSpec } from '../../helpers/gridOf';

test('a 2,000-group appendix made with SUBTOTALs checks clean', () => {
  const nodes = Array.from({ length: 2000 }, (_, k) => group(`G${k + 1}`, `Nhóm ${k + 1}`, [
    item('1', `Dự án ${k + 1}.1`, { 2021: k + 1 }, 'NSTW'),
    item('2', `Dự án ${k + 1}.2`, { 2023: '0.5' }, 'NSĐP'),
  ]));
  const spec = layoutPlan(basePlan(nodes));
  const tot = spec.roles!.total[0];
  expect(spec.rows[tot].cells.some((c) => c?.t === 'formula' && /^SUBTOTAL\(9,/.test(c.f))).toBe(true);
  const r = checkGrid(gridOfSpec(spec));
  expect(r.summary.items).toBe(4000);
  expect(r.findings.filter((f) => f.severity === 'error').map((f) => `${f.code}@${f.cell}`)).toEqual([]);
});
