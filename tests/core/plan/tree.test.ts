/**
 * A damaged plan tree (a cycle, one node under two parents, nesting thousands deep, a node that is neither group nor
 * item) handed to the core directly, not through the plan JSON loader: every entry point answers with its own named
 * error, never a stack overflow.
 */
import { checkPlan } from '../../../src/core/checks/checks';
import { layoutPlan } from '../../../src/core/layout/layout';
import { LayoutError } from '../../../src/core/layout/messages';
import type { Group, Plan, PlanNode } from '../../../src/core/plan/model';
import { MAX_TREE_DEPTH, treeProblem } from '../../../src/core/plan/model';
import { NumberingError, renumber } from '../../../src/core/text/numbering';
import { computeTotals, TotalsError } from '../../../src/core/plan/totals';
import { basePlan, group, item } from '../../helpers/fixtures';

function cyclic(): Plan {
  const g = group('I', 'Vòng', [item('1', 'Dự án', { 2021: 5 }, 'NSTW')]);
  g.children.push(g);
  return basePlan([g]);
}
function itemCycle(): Plan {
  const it = item('1', 'Dự án có con', { 2021: 5 }, 'NSTW');
  it.children = [item('1.1', 'Con', { 2021: 5 }, 'NSTW')];
  it.children[0].children = [it];
  return basePlan([group('I', 'Nhóm', [it])]);
}
function shared(): Plan {
  const it = item('1', 'Dùng chung', { 2021: 5 }, 'NSTW');
  return basePlan([group('I', 'Một', [it]), group('II', 'Hai', [it])]);
}
function deep(levels: number): Plan {
  let node: PlanNode = item('1', 'Đáy', { 2021: 1 }, 'NSTW');
  for (let i = 0; i < levels; i++) node = { kind: 'group', level: 2, tt: 'A', name: `Tầng ${i}`, children: [node] } as Group;
  return basePlan([node]);
}
function notANode(): Plan {
  return basePlan([group('I', 'Nhóm', [{ kind: 'row' } as unknown as PlanNode, null as unknown as PlanNode])]);
}

const damaged: [string, () => Plan, RegExp][] = [
  ['a group inside itself', cyclic, /xuất hiện hai lần/],
  ['a sub-item holding its parent', itemCycle, /xuất hiện hai lần/],
  ['one item under two groups', shared, /"1 Dùng chung" xuất hiện hai lần/],
  ['20,000 nested groups', () => deep(20_000), /lồng quá sâu/],
  ['a node that is neither group nor item', notANode, /không phải nhóm hay dự án/],
];

describe.each(damaged)('%s', (_what, make, message) => {
  test('computeTotals: TotalsError', () => {
    expect(() => computeTotals(make())).toThrow(TotalsError);
    expect(() => computeTotals(make())).toThrow(message);
  });
  test('checkPlan: TotalsError', () => {
    expect(() => checkPlan(make())).toThrow(TotalsError);
  });
  test('layoutPlan: LayoutError', () => {
    expect(() => layoutPlan(make())).toThrow(LayoutError);
    expect(() => layoutPlan(make())).toThrow(message);
  });
  test('renumber: NumberingError', () => {
    expect(() => renumber(make())).toThrow(NumberingError);
    expect(() => renumber(make())).toThrow(message);
  });
});

describe('treeProblem', () => {
  test('a sound tree, up to the depth limit, has none', () => {
    expect(treeProblem(basePlan([group('I', 'Nhóm', [group('A', 'Nhóm con', [item('1', 'x', { 2021: 1 }, 'NSTW')], 2)])]).nodes)).toBeUndefined();
    expect(treeProblem(deep(MAX_TREE_DEPTH - 1).nodes)).toBeUndefined();
    expect(treeProblem(deep(MAX_TREE_DEPTH).nodes)).toMatch(/lồng quá sâu/);
    expect(treeProblem([])).toBeUndefined();
  });
  test('children that are not an array', () => {
    expect(treeProblem([{ kind: 'group', level: 1, tt: 'I', name: 'x', children: 'abc' }])).toMatch(/không phải một mảng/);
  });
});
