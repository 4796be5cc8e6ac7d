/**
 * An annual plan through the input sheet: `template --years 2023` (preset "Hằng năm", a Tổng mức đầu tư column),
 * the Trà Vinh 2023 list (seed 001, Phụ lục III) typed in, `build`: the appendix states the published 72.524
 * triệu đồng for 2023, and the check finds no error.
 */
import { promises as fsp, readFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cliLines } from '../helpers/cliInProcess';
import type { Item, PlanNode } from '../../src/core/plan/model';
import { planFromJsonText } from '../../src/app/planJson';
import { checkGrid } from '../../src/core/checks/sheetCheck';
import { planFromInputGrid } from '../../src/core/input/read';
import { computeTotals } from '../../src/core/plan/totals';
import { readWorkbookGrids } from '../../src/xlsx/readGrid';
import { fillTemplate } from '../helpers/fillTemplate';

const SAMPLE = path.join(__dirname, '..', '..', 'samples', 'tra-vinh-2023.plan.json');
let dir: string;

const cli = (...args: string[]) => cliLines(dir, ...args);

const leaves = (nodes: PlanNode[]): Item[] => nodes.flatMap((n) => (n.kind === 'group' ? leaves(n.children) : [n]));

beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'danh-muc-annual-'));
});
afterAll(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

test('Trà Vinh 2023: template, fill, build; 72.524 triệu đồng for 2023 as published', async () => {
  const sample = planFromJsonText(readFileSync(SAMPLE, 'utf8'));
  const t = await cli('template', '-o', 'mau.xlsx', '--years', '2023', '--sources', 'ĐT=Vốn đầu tư,SN=Vốn sự nghiệp');
  expect(t).toMatchObject({ code: 0, err: [] });
  await fillTemplate(path.join(dir, 'mau.xlsx'), sample, path.join(dir, 'in.xlsx'));

  const input = planFromInputGrid((await readWorkbookGrids(path.join(dir, 'in.xlsx')))[0]);
  expect(input).toMatchObject({ preset: 'annual', planYear: 2023, years: { from: 2023, to: 2023 } });
  // The 2023 column is read as each item's "Kinh phí năm 2023".
  expect(leaves(input.nodes).map((it) => [it.tt, it.amounts.totalInvestment?.toFixed(), it.amounts.annual?.toFixed(), it.amounts.years[2023]]))
    .toEqual(leaves(sample.nodes).map((it) => [it.tt, it.amounts.totalInvestment?.toFixed(), it.amounts.annual?.toFixed(), undefined]));
  expect(computeTotals(input).grand.annual.toFixed()).toBe('72524');

  const b = await cli('build', 'in.xlsx', '-o', 'phu-luc.xlsx');
  expect(b.code).toBe(0);
  expect(b.out[0]).toMatch(/^Đã tạo phụ lục "Phụ lục III" từ trang "Nhập liệu": 9 dự án, 0 nhóm; kinh phí năm 2023 72\.524 triệu đồng \(Bằng chữ: Bảy mươi hai tỷ, năm trăm hai mươi bốn triệu đồng\)/);
  const [g] = await readWorkbookGrids(path.join(dir, 'phu-luc.xlsx'));
  const header = g.cells.findIndex((r) => r?.[0]?.value === 'TT');
  const annualCol = (g.cells[header] ?? []).findIndex((c) => typeof c?.value === 'string' && /năm 2023/.test(c.value));
  expect(annualCol).toBeGreaterThan(0);
  const totalRow = g.cells.find((r) => r?.some((c) => c?.value === 'Tổng cộng'));
  expect(totalRow?.[annualCol]?.value).toBe(72524);
  const r = checkGrid(g);
  expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
});
