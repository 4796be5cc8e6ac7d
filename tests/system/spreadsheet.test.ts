/**
 * The appendix in a real spreadsheet engine (LibreOffice, fresh profile, always recalculate on load):
 * recalculated values equal the core's totals and the published Sóc Trăng figures; an edited amount flows through
 * item total, source column, group, grand total and breakdown; the PDF is landscape A4 with the header repeated; user text stays
 * text; bad input gives a valid workbook or a named error.
 *
 * soffice runs: one xlsx→xlsx recalculation of every workbook, one PDF rendering.
 */
import { promises as fsp } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { Dec } from '../../src/core/base/decimal';
import { a1 } from '../../src/core/base/a1';
import { layoutPlan } from '../../src/core/layout/layout';
import { LayoutError } from '../../src/core/layout/messages';
import type { Plan } from '../../src/core/plan/model';
import type { SheetSpec } from '../../src/core/layout/sheetspec';
import { writeSpecsToFile } from '../../src/xlsx/writeSpec';
import { readWorkbookGrids, readWorkbookGridsExceljs } from '../../src/xlsx/readGrid';
import { checkGrid } from '../../src/core/checks/sheetCheck';
import { findSoffice, pdfInfo, pdfPageText, pdfPageToPng, recalculateXlsx, renderPdf, SofficeMissingError } from '../helpers/libreoffice';
import { basePlan, group, item, SOC_TRANG_PUBLISHED, socTrangSamplePlan } from '../helpers/fixtures';
import { colOfKey, expectedValues, rowOfTt } from '../helpers/specQuery';
import { bigPlan, milli, smallAmount, YEARS, type Oracle } from '../helpers/bigPlan';

const OUT = path.join(__dirname, '..', '..', 'test-output', 'layout');
const PNG = path.join(__dirname, '..', '..', 'test-output', 'phu-luc-p1.png');

const INJECTION = ['=1+1', '+84 xyz', '-abc', '@SUM(A1)', '\tx', '\r\nx', '=HYPERLINK("http://x","y")', '-'];

function badPlans(): Record<string, Plan> {
  const many = Array.from({ length: 200 }, (_, g) => group(`G${g + 1}`, `Nhóm ${g + 1}`, [
    item('1', `Dự án ${g + 1}.1`, { 2021: g + 1, 2023: 2 }, 'NSTW'),
    item('2', `Dự án ${g + 1}.2`, { 2022: '0.5' }, 'NSĐP'),
  ]));
  const twenty = basePlan([group('I', 'Hai mươi năm', [
    item('1', 'Dự án dài hạn', Object.fromEntries(Array.from({ length: 20 }, (_, i) => [2021 + i, i + 1])), 'NSTW'),
  ])], { years: { from: 2021, to: 2040 } });
  return {
    'bad-empty': basePlan([]),
    'bad-noamounts': basePlan([group('I', 'Nhóm', [item('1', 'Dự án chưa có kinh phí', {}), item('2', 'Dự án có', { 2021: 5 }, 'NSTW')])]),
    'bad-200groups': basePlan(many),
    'bad-20years': twenty,
    'bad-longtext': basePlan([group('I', 'Nhóm', [item('1', 'Dự án có mục tiêu rất dài', { 2022: 7 }, 'NSĐP', {
      objective: 'Mục tiêu dài. '.repeat(143).slice(0, 2000),
    })])]),
    'bad-codes': basePlan([item('1', 'a', { 2021: 1 }, 'NS*'), item('2', 'b', { 2021: 2 }, 'NSX'), item('3', 'c', { 2021: 4 }, '<1')], {
      sources: [{ code: 'NS*', label: 'Nguồn sao' }, { code: 'NSX', label: 'Nguồn X' }, { code: '<1', label: 'Nguồn nhỏ' }],
    }),
    'bad-duptt': basePlan([group('I', 'Nhóm', [item('1', 'Dự án A', { 2021: 1 }, 'NSTW'), item('1', 'Dự án B', { 2021: 2 }, 'NSTW')])]),
  };
}

/** 2,000 groups of two items: the top-level SUM would pass Excel's 8,192 characters, so the sheet uses SUBTOTALs. */
const GROUPS2000 = bigPlan(4000, 2, smallAmount);

interface Built { spec: SheetSpec; file: string; recalc: string }
const built: Record<string, Built> = {};
let pdf = '';

async function readBook(file: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets[0];
}

/** The value a recalculated cell shows: formula result or plain value, as an exact decimal string. */
function valueOf(ws: ExcelJS.Worksheet, r: number, c: number): string | null {
  const cell = ws.getCell(r + 1, c + 1);
  // exceljs leaves a 0 result out of cell.value; cell.result has it.
  const v = cell.formula ? cell.result : cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return new Dec(v).toFixed();
  return typeof v === 'string' ? v : JSON.stringify(v);
}

beforeAll(async () => {
  await fsp.mkdir(OUT, { recursive: true });
  const plans: Record<string, Plan> = { 'soc-trang': socTrangSamplePlan(), ...badPlans(), 'groups-2000': GROUPS2000.plan };
  plans.injection = basePlan([group('I', '=SUM(1,2)', INJECTION.map((n, i) => item(String(i + 1), n, { 2021: i + 1 }, 'NSTW', { lead: n, objective: n })))]);
  for (const [name, plan] of Object.entries(plans)) {
    const spec = layoutPlan(plan, { words: true });
    const file = path.join(OUT, `${name}.xlsx`);
    await writeSpecsToFile([spec], file);
    built[name] = { spec, file, recalc: path.join(OUT, 'recalc', `${name}.xlsx`) };
  }
  // The edited copy: item II.2 2022 amount 15.000 → 16.250, cached results removed everywhere.
  const st = built['soc-trang'];
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(st.file);
  const ws = wb.worksheets[0];
  ws.eachRow((row) => row.eachCell((cell) => {
    const v = cell.value;
    if (v && typeof v === 'object' && 'formula' in v) cell.value = { formula: (v as ExcelJS.CellFormulaValue).formula } as ExcelJS.CellFormulaValue;
  }));
  const r = rowOfTt(st.spec, 'II', '2');
  ws.getCell(r + 1, colOfKey(st.spec, 'year:2022') + 1).value = 16250;
  const edited = path.join(OUT, 'soc-trang-edited.xlsx');
  await wb.xlsx.writeFile(edited);
  built['soc-trang-edited'] = { spec: st.spec, file: edited, recalc: path.join(OUT, 'recalc', 'soc-trang-edited.xlsx') };

  await recalculateXlsx(Object.values(built).map((b) => b.file), path.join(OUT, 'recalc'));
  [pdf] = await renderPdf([st.file], path.join(OUT, 'pdf'));
}, 600_000);

describe('Sóc Trăng 2021-2025 recalculated by LibreOffice', () => {
  test('every formula cell equals the core value (SheetSpec result) cell by cell', async () => {
    const { spec, recalc } = built['soc-trang'];
    const ws = await readBook(recalc);
    let formulas = 0;
    spec.rows.forEach((row, r) => row.cells.forEach((cell, c) => {
      if (cell?.t === 'formula') {
        formulas++;
        expect([a1(r, c), valueOf(ws, r, c)]).toEqual([a1(r, c), cell.result]);
      }
      if (cell?.t === 'num') expect([a1(r, c), valueOf(ws, r, c)]).toEqual([a1(r, c), cell.v]);
    }));
    expect(formulas).toBeGreaterThan(100);
  });

  test('the published figures: grand total, years, sources, groups, breakdown', async () => {
    const { spec, recalc } = built['soc-trang'];
    const ws = await readBook(recalc);
    const P = SOC_TRANG_PUBLISHED;
    const totalRow = spec.roles!.total[0];
    expect(valueOf(ws, totalRow, colOfKey(spec, 'total'))).toBe(P.grandTotal);
    for (const [y, v] of Object.entries(P.years)) expect(valueOf(ws, totalRow, colOfKey(spec, `year:${y}`))).toBe(v);
    for (const [s, v] of Object.entries(P.sources)) expect(valueOf(ws, totalRow, colOfKey(spec, `source:${s}`))).toBe(v);
    for (const g of P.groups) {
      const r = rowOfTt(spec, g.tt);
      expect(valueOf(ws, r, colOfKey(spec, 'total'))).toBe(g.total);
      g.years.forEach((v, i) => expect(valueOf(ws, r, colOfKey(spec, `year:${2021 + i}`))).toBe(v));
    }
    const bd = spec.roles!.breakdown.slice(1); // after "Trong đó:"
    expect(bd).toHaveLength(3);
    ['NSĐP', 'NSTW', 'ĐTPT'].forEach((code, k) => {
      P.breakdown[code].forEach((v, i) => expect(valueOf(ws, bd[k], colOfKey(spec, `year:${2021 + i}`))).toBe(v));
      expect(valueOf(ws, bd[k], colOfKey(spec, 'total'))).toBe(P.sources[code]);
    });
    // the core's own values agree with the published ones too
    expect(expectedValues(spec, totalRow, 'total')).toBe(P.grandTotal);
  });

  test('an edited amount flows to the item total, its group, the grand total and the breakdown', async () => {
    const { spec, recalc } = built['soc-trang-edited'];
    const ws = await readBook(recalc);
    const delta = 1250;
    const y22 = colOfKey(spec, 'year:2022');
    const tot = colOfKey(spec, 'total');
    const itemRow = rowOfTt(spec, 'II', '2');
    expect(valueOf(ws, itemRow, y22)).toBe('16250');
    expect(valueOf(ws, itemRow, tot)).toBe(String(65000 + delta));
    const g = rowOfTt(spec, 'II');
    expect(valueOf(ws, g, y22)).toBe(String(50000 + delta));
    expect(valueOf(ws, g, tot)).toBe(String(161260 + delta));
    const totalRow = spec.roles!.total[0];
    expect(valueOf(ws, totalRow, tot)).toBe(String(441115 + delta));
    expect(valueOf(ws, totalRow, y22)).toBe(String(131571 + delta));
    const nstw = spec.roles!.breakdown[2];
    expect(valueOf(ws, nstw, y22)).toBe(String(45000 + delta));
    expect(valueOf(ws, nstw, tot)).toBe(String(145000 + delta));
    // other sources unchanged
    expect(valueOf(ws, spec.roles!.breakdown[1], y22)).toBe('12071');
    // the item's source column, its group's and the grand total's follow too
    const nstwCol = colOfKey(spec, 'source:NSTW');
    expect(valueOf(ws, itemRow, nstwCol)).toBe(String(65000 + delta));
    expect(valueOf(ws, g, nstwCol)).toBe(String(85000 + delta));
    expect(valueOf(ws, totalRow, nstwCol)).toBe(String(145000 + delta));
  });

  test('the edited appendix checks clean but for its words line, which no formula can follow', async () => {
    const { spec, recalc } = built['soc-trang-edited'];
    const [grid] = await readWorkbookGrids(recalc);
    const errors = checkGrid(grid).findings.filter((f) => f.severity === 'error');
    const wordsRow = spec.rows.findIndex((row) => row.cells.some((c) => c?.t === 'text' && c.v.includes('(Bằng chữ:')));
    expect(wordsRow).toBeGreaterThan(spec.roles!.total[0]);
    expect(errors.map((f) => f.code)).toEqual(['STATED_TOTAL']);
    expect(errors[0].cell).toMatch(new RegExp(`^[A-Z]+${wordsRow + 1}$`));
  });
});

describe('the streaming reader on LibreOffice\'s files', () => {
  test('every workbook as written and as LibreOffice saved it reads to the very grids the exceljs reader gave', async () => {
    for (const b of Object.values(built)) {
      for (const file of [b.file, b.recalc]) expect([file, await readWorkbookGrids(file)]).toStrictEqual([file, await readWorkbookGridsExceljs(file)]);
    }
  });
});

describe('the printed appendix (PDF by LibreOffice)', () => {
  test('landscape A4 pages, header repeated on every page, PNG of page 1', async () => {
    const info = pdfInfo(pdf);
    expect(info.width).toBeGreaterThan(info.height);
    expect(Math.round(info.width)).toBe(842); // A4 landscape in points
    expect(Math.round(info.height)).toBe(595);
    // 22 projects with long objectives: three pages, as the appendix prints today (a change here is a layout change
    // to look at in the PNG, not noise), every one of them A4 landscape
    expect(info.pages).toBe(3);
    expect(info.sizes.map((p) => [Math.round(p.width), Math.round(p.height)])).toEqual(Array(3).fill([842, 595]));
    const p1 = pdfPageText(pdf, 1);
    expect(p1).toContain('PHỤ LỤC 02');
    expect(p1).toContain('DANH MỤC CÁC DỰ ÁN DỰ KIẾN TRIỂN KHAI GIAI ĐOẠN 2021-2025');
    for (let p = 2; p <= info.pages; p++) {
      const t = pdfPageText(pdf, p);
      expect(t).toContain('Tên dự án');
      expect(t).toContain('2021');
      expect(t).toContain('NSĐP');
      expect(t).toContain(`Trang ${p}/${info.pages}`);
    }
    const last = pdfPageText(pdf, info.pages);
    expect(last).toContain('Tổng cộng');
    expect(last).toContain('441.115');
    expect(last.replace(/\s+/g, ' ')).toContain('Bằng chữ: Bốn trăm bốn mươi mốt tỷ, một trăm mười lăm triệu đồng');
    expect(last).toContain('Trong đó');
    expect(last).toContain('12.071');
    pdfPageToPng(pdf, 1, PNG, 110);
    const png = await fsp.stat(PNG);
    expect(png.size).toBeGreaterThan(10_000);
  });
});

describe('2,000 groups (SUBTOTAL formulas) recalculated by LibreOffice', () => {
  test('every formula equals the core value, the totals equal the BigInt oracle', async () => {
    const { spec, recalc } = built['groups-2000'];
    const ws = await readBook(recalc);
    const wrong: string[] = [];
    let formulas = 0;
    spec.rows.forEach((row, r) => row.cells.forEach((cell, c) => {
      if (cell?.t !== 'formula') return;
      formulas++;
      if (valueOf(ws, r, c) !== cell.result) wrong.push(`${a1(r, c)} ${cell.f}: ${valueOf(ws, r, c)} ≠ ${cell.result}`);
    }));
    expect(wrong).toEqual([]);
    expect(formulas).toBeGreaterThan(2000 * 8);
    const tot = spec.roles!.total[0];
    expect(String(ws.getCell(tot + 1, colOfKey(spec, 'total') + 1).formula)).toMatch(/^SUBTOTAL\(9,/);
    const o: Oracle = GROUPS2000.oracle;
    const shown = (r: number, key: string) => valueOf(ws, r, colOfKey(spec, key));
    expect(shown(tot, 'total')).toBe(milli(o.grand));
    expect(YEARS.map((y) => shown(tot, `year:${y}`))).toEqual(o.years.map(milli));
    expect([...o.sources.keys()].map((k) => shown(tot, `source:${k}`))).toEqual([...o.sources.values()].map(milli));
    expect(spec.roles!.group.map((r) => shown(r, 'total'))).toEqual(o.groups.map(milli));
  });
});

describe('user text stays text', () => {
  test.each(['written', 'recalculated'] as const)('formula-looking names, units and objectives (%s file)', async (which) => {
    const b = built.injection;
    const ws = await readBook(which === 'written' ? b.file : b.recalc);
    const rows = b.spec.roles!.item;
    INJECTION.forEach((text, i) => {
      const expected = text.replace(/\r\n?/g, '\n');
      for (const key of ['name', 'lead', 'objective']) {
        const cell = ws.getCell(rows[i] + 1, colOfKey(b.spec, key) + 1);
        expect(cell.type).toBe(ExcelJS.ValueType.String);
        expect(cell.value).toBe(expected);
      }
    });
    const g = ws.getCell(b.spec.roles!.group[0] + 1, colOfKey(b.spec, 'name') + 1);
    expect(g.value).toBe('=SUM(1,2)');
  });
});

describe('bad input: a valid workbook that LibreOffice opens and recalculates right', () => {
  test.each(['bad-empty', 'bad-noamounts', 'bad-200groups', 'bad-20years', 'bad-longtext', 'bad-duptt', 'bad-codes'])('%s', async (name) => {
    const { spec, recalc } = built[name];
    const ws = await readBook(recalc);
    let n = 0;
    spec.rows.forEach((row, r) => row.cells.forEach((cell, c) => {
      if (cell?.t === 'formula') { n++; expect([a1(r, c), valueOf(ws, r, c)]).toEqual([a1(r, c), cell.result]); }
    }));
    expect(n).toBeGreaterThan(0);
  });

  test('exact figures of the synthetic plans', () => {
    const s = built['bad-200groups'].spec;
    // Σ over g of (g+1 + 2 + 0.5) = 20100 + 400 + 100
    expect(expectedValues(s, s.roles!.total[0], 'total')).toBe('20600');
    expect(s.styles.itemNum.numFmt).toBe('#,##0.0');
    const t = built['bad-20years'].spec;
    expect(expectedValues(t, t.roles!.total[0], 'total')).toBe('210');
    expect(built['bad-empty'].spec.roles!.item).toHaveLength(0);
  });

  test('an amount in an undeclared source or year is a named LayoutError, not a dropped figure', () => {
    expect(() => layoutPlan(basePlan([item('1', 'X', { 2021: 1 }, 'XHH')]))).toThrow(LayoutError);
    expect(() => layoutPlan(basePlan([item('1', 'X', { 2030: 1 }, 'NSTW')]))).toThrow(/ngoài các năm/);
  });
});

describe('the LibreOffice helper', () => {
  test('a missing soffice is a named error (the tests fail, never skip)', () => {
    expect(() => findSoffice(['/nonexistent/soffice', 'no-such-soffice-binary'])).toThrow(SofficeMissingError);
    expect(findSoffice(['no-such-soffice-binary', 'soffice'])).toMatch(/soffice$/);
  });
});
