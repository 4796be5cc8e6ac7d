/**
 * The one rule for "is this an input sheet" (isInputGrid, used by the CLI's build and the pane): the template, empty
 * or filled, counts, and so does one whose "Thông tin phụ lục" block was deleted; an appendix made by layoutPlan
 * from any sample, and a bare TT / Tên table, do not.
 */
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import type { Grid } from '../../../src/core/base/grid';
import { layoutPlan } from '../../../src/core/layout/layout';
import type { LayoutPreset } from '../../../src/core/plan/model';
import { planFromJsonText } from '../../../src/app/planJson';
import { findInputHeader, isInputGrid } from '../../../src/core/input/sheet';
import { templateSpec } from '../../../src/core/input/write';
import { socTrangSamplePlan } from '../../helpers/fixtures';
import { gridOf, gridOfSpec } from '../../helpers/gridOf';

const DIR = path.join(__dirname, '..', '..', '..', 'samples');
const SAMPLES = readdirSync(DIR).filter((f) => f.endsWith('.plan.json')).sort();
const planOf = (file: string) => planFromJsonText(readFileSync(path.join(DIR, file), 'utf8'));

/** The template with its rows between the title and the band (the "Thông tin phụ lục" block) deleted. */
function withoutInfoBlock(grid: Grid): Grid {
  const header = findInputHeader(grid)!;
  return { ...grid, cells: [grid.cells[0], ...grid.cells.slice(header - 1)], merges: [] };
}

const emptyTemplate = gridOfSpec(templateSpec());
const filledTemplate = gridOfSpec(templateSpec({ plan: socTrangSamplePlan() }));

/** [case, is an input sheet, grid]; every grid but the last has a TT / Tên header, so the marks decide. */
const cases: [string, boolean, () => Grid][] = [
  ['the empty template', true, () => emptyTemplate],
  ['the empty template of an annual plan', true, () => gridOfSpec(templateSpec({ years: { from: 2024, to: 2024 } }))],
  ['the empty template, preset flat', true, () => gridOfSpec(templateSpec({ preset: 'flat' }))],
  ['a template filled with the sample', true, () => filledTemplate],
  ...SAMPLES.map((f): [string, boolean, () => Grid] => [`a template filled with ${f}`, true, () => gridOfSpec(templateSpec({ plan: planOf(f) }))]),
  ['the template without its "Thông tin phụ lục" block (the CLI accepted it)', true, () => withoutInfoBlock(filledTemplate)],
  ['a header with other titles under an "ĐVT" label', true, () => gridOf([[null, 'ĐVT', 'Triệu đồng'], ['TT', 'Tên nhiệm vụ', '2021']])],
  ['a header under "Tiêu đề:" and "ĐVT:" labels (the pane accepted them)', true, () => gridOf([[null, 'Tiêu đề:', 'Danh mục'], [null, 'ĐVT:', 'Triệu đồng'], ['TT', 'Tên dự án', '2021']])],
  ['the appendix built from the sample', false, () => gridOfSpec(layoutPlan(socTrangSamplePlan(), { words: true }))],
  ...SAMPLES.map((f): [string, boolean, () => Grid] => [`the appendix built from ${f}`, false, () => gridOfSpec(layoutPlan(planOf(f)))]),
  ...(['medium-term', 'flat', 'completed'] as LayoutPreset[]).map((preset): [string, boolean, () => Grid] =>
    [`the sample's appendix, preset ${preset}`, false, () => gridOfSpec(layoutPlan(socTrangSamplePlan(), { preset }))]),
  ['a grid with only a TT / Tên header', false, () => gridOf([['TT', 'Tên dự án', 'Tổng kinh phí'], ['1', 'Dự án A', 5]])],
  ['a TT / Tên header under an appendix heading', false, () => gridOf([['PHỤ LỤC'], ['ĐVT: Triệu đồng'], ['TT', 'Tên dự án', 'Mục tiêu', 'Tổng kinh phí'], ['I', 'Nhóm']])],
  ['a grid without a header', false, () => gridOf([[null, 'ĐVT', 'Triệu đồng'], ['Dự án A', 5]])],
];

describe('isInputGrid: the one rule for "is this an input sheet"', () => {
  test.each(cases)('%s → %s', (name, expected, grid) => {
    const g = grid();
    expect(findInputHeader(g) !== undefined).toBe(name !== 'a grid without a header');
    expect(isInputGrid(g)).toBe(expected);
  });
});
