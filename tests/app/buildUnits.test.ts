/**
 * Units are a property of the amounts: building in another unit converts every amount exactly (never relabels),
 * the number format shows the decimals the unit needs, the words read the same amount of đồng; the command line's
 * --unit goes through the same use case. The xlsx assertions read the written workbook back with exceljs.
 */
import ExcelJS from 'exceljs';
import * as os from 'os';
import * as path from 'path';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { buildAppendix } from '../../src/app/build';
import { checkSheet } from '../../src/app/check';
import { AppError } from '../../src/app/errors';
import { planFromJsonData } from '../../src/app/planJson';
import { cliIn } from '../helpers/cliInProcess';
import { Dec } from '../../src/core/base/decimal';
import { itemsOf } from '../../src/core/plan/tree';
import type { Plan } from '../../src/core/plan/model';
import { readWorkbookGrids } from '../../src/xlsx/readGrid';
import { writeSpecsToBuffer } from '../../src/xlsx/writeSpec';
import sample from '../../samples/soc-trang-2021-2025.plan.json';

const plan = (): Plan => planFromJsonData(sample);

/** The written workbook's first item amount cell (value and number format) and the check of its sheet. */
async function roundTrip(built: ReturnType<typeof buildAppendix>) {
  const buf = await writeSpecsToBuffer([built.spec]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets[0];
  const row = built.spec.roles!.item[0];
  const col = built.spec.rows[row].cells.findIndex((c) => c?.t === 'num');
  const cell = ws.getCell(row + 1, col + 1);
  const [grid] = await readWorkbookGrids(buf);
  return { value: cell.value, numFmt: cell.numFmt, check: checkSheet(grid) };
}

describe('building in another unit converts the amounts', () => {
  test('441.115 triệu đồng = 441,115 tỷ đồng; the words read the same đồng', async () => {
    const base = buildAppendix(plan(), { words: true });
    const ty = buildAppendix(plan(), { unit: 'tỷ đồng', words: true });
    expect(base.headline.value.toFixed()).toBe('441115');
    expect(ty.headline.value.toFixed()).toBe('441.115');
    expect(ty.plan.meta.unit).toBe('tỷ đồng');
    expect(ty.words).toBe(base.words);
    expect(ty.words).toMatch(/^Bốn trăm bốn mươi mốt tỷ, một trăm mười lăm triệu đồng/);
    // every item amount, exactly
    const a = itemsOf(base.plan.nodes);
    const b = itemsOf(ty.plan.nodes);
    expect(b.length).toBe(a.length);
    a.forEach((it, i) => {
      for (const [y, v] of Object.entries(it.amounts.years)) expect(b[i].amounts.years[Number(y)].equals(v.div(1000))).toBe(true);
    });
    // the plan passed in is unchanged
    expect(plan().meta.unit).toBe('triệu đồng');
  });

  test('the xlsx: amounts divided by 1,000 with three decimals shown, and the sheet checks clean', async () => {
    const base = buildAppendix(plan(), { words: true });
    const ty = buildAppendix(plan(), { unit: 'tỷ đồng', words: true });
    const b = await roundTrip(base);
    const t = await roundTrip(ty);
    expect(typeof b.value).toBe('number');
    expect(new Dec(String(t.value)).equals(new Dec(String(b.value)).div(1000))).toBe(true);
    expect(t.numFmt).toBe('#,##0.000');
    expect(t.check.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(t.check.summary.grandTotal).toBe('441.115');
    expect(t.check.summary.unit).toBe('tỷ đồng');
  });

  test('in đồng: whole numbers, no decimals', async () => {
    const d = buildAppendix(plan(), { unit: 'đồng', words: true });
    expect(d.headline.value.toFixed()).toBe('441115000000');
    const r = await roundTrip(d);
    expect(r.numFmt).toBe('#,##0');
    expect(r.check.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('a unit needing more decimals than a cell shows is refused clearly', () => {
    const p = plan();
    const it = itemsOf(p.nodes)[0];
    const y = Number(Object.keys(it.amounts.years)[0]);
    it.amounts.years[y] = new Dec('1.5');
    p.meta.unit = 'đồng';
    expect(() => buildAppendix(p, { unit: 'tỷ đồng' })).toThrow(AppError);
    expect(() => buildAppendix(p, { unit: 'tỷ đồng' })).toThrow(/Không đổi được sang tỷ đồng: số [\d.,]+ đồng cần hơn 6 chữ số thập phân/);
  });

  test('a sheet whose unit label and words disagree: WORDS_MISMATCH', async () => {
    const built = buildAppendix(plan(), { words: true });
    const buf = await writeSpecsToBuffer([built.spec]);
    const [grid] = await readWorkbookGrids(buf);
    // relabel the unit line without converting (what the pane once did)
    let relabelled = 0;
    for (const row of grid.cells) {
      row?.forEach((c, i) => {
        if (c && typeof c.value === 'string' && /ĐVT/.test(c.value) && /Triệu đồng/.test(c.value)) {
          row[i] = { ...c, value: c.value.replace('Triệu đồng', 'Tỷ đồng') };
          relabelled++;
        }
        // the words line alone (no figure of its own): it is read against the table's total
        if (c && typeof c.value === 'string' && c.value.includes('Bằng chữ')) row[i] = { ...c, value: c.value.slice(c.value.indexOf('Bằng chữ')).replace(/\)$/, '') };
      });
    }
    expect(relabelled).toBe(1);
    const codes = checkSheet(grid).findings.map((f) => f.code);
    expect(codes).toContain('WORDS_MISMATCH');
  });
});

test('the "Hằng năm" preset on a plan without annual amounts is refused, not built with zeros', () => {
  expect(() => buildAppendix(plan(), { preset: 'annual' })).toThrow(/Mẫu “Hằng năm” cần năm kế hoạch và kinh phí năm/);
});

describe('the command line: build --unit', () => {
  let dir: string;
  beforeAll(() => { dir = mkdtempSync(path.join(os.tmpdir(), 'build-unit-')); });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const cli = (...args: string[]) => cliIn(dir, ...args);

  test('--unit "tỷ đồng" converts; the file holds 441,115 with three decimals', async () => {
    const r = await cli('build', '--sample', '--unit', 'tỷ đồng', '-o', 'ty.xlsx');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/441,115 tỷ đồng \(Bằng chữ: Bốn trăm bốn mươi mốt tỷ, một trăm mười lăm triệu đồng/);
    const [grid] = await readWorkbookGrids(readFileSync(path.join(dir, 'ty.xlsx')));
    const res = checkSheet(grid);
    expect(res.summary.grandTotal).toBe('441.115');
    expect(res.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('a unit it cannot read exits 2 with the setting\'s message', async () => {
    const r = await cli('build', '--sample', '--unit', 'đô la', '-o', 'x.xlsx');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/đơn vị/i);
  });

  test('--preset annual on the sample is refused clearly', async () => {
    const r = await cli('build', '--sample', '--preset', 'annual', '-o', 'a.xlsx');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Hằng năm/);
  });
});
