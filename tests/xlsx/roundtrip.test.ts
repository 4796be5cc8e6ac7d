/** writeSpec round trip: SheetSpec → xlsx (exceljs) → read back → every cell, merge and format equals the spec. */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { Dec } from '../../src/core/base/decimal';
import { a1 } from '../../src/core/base/a1';
import { layoutPlan } from '../../src/core/layout/layout';
import type { SheetSpec } from '../../src/core/layout/sheetspec';
import { sanitizeText, writeSpecsToBuffer, writeSpecToWorkbook, XlsxWriteError } from '../../src/xlsx/writeSpec';
import { streamSpecsToBuffer } from '../../src/xlsx/streamWrite';
import { basePlan, group, item, socTrangPlan } from '../helpers/fixtures';

/** Both writers: the streaming one (new files: build, template) and exceljs's in-memory model. */
const WRITERS = [['streaming', streamSpecsToBuffer], ['exceljs in memory', writeSpecsToBuffer]] as const;
let writeBuffer: (specs: SheetSpec[]) => Promise<Buffer> = streamSpecsToBuffer;

async function roundTrip(specs: SheetSpec[]): Promise<ExcelJS.Workbook> {
  const buf = await writeBuffer(specs);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

function compareSheet(spec: SheetSpec, ws: ExcelJS.Worksheet): void {
  expect(ws.name).toBe(spec.name);
  // widths
  spec.columns.forEach((c, i) => {
    expect(ws.getColumn(i + 1).width).toBeDefined();
    expect(Math.abs((ws.getColumn(i + 1).width as number) - c.width)).toBeLessThan(0.02);
  });
  // merges
  const merges = (ws.model as unknown as { merges: string[] }).merges.slice().sort();
  const expected = spec.merges.map((m) => `${a1(m.r0, m.c0)}:${a1(m.r1, m.c1)}`).sort();
  expect(merges).toEqual(expected);
  const slave = new Set<string>();
  for (const m of spec.merges) for (let r = m.r0; r <= m.r1; r++) for (let c = m.c0; c <= m.c1; c++) if (r !== m.r0 || c !== m.c0) slave.add(`${r},${c}`);
  // every list validation, at both corners of its range
  for (const v of spec.validations ?? []) {
    for (const [r, c] of [[v.range.r0, v.range.c0], [v.range.r1, v.range.c1]]) {
      const dv = ws.getCell(r + 1, c + 1).dataValidation;
      expect([a1(r, c), dv?.type, dv?.formulae]).toEqual([a1(r, c), 'list', [`"${v.list.join(',')}"`]]);
    }
  }
  // cells
  spec.rows.forEach((row, r) => {
    if (row.height !== undefined) expect([r, ws.getRow(r + 1).height]).toEqual([r, row.height]);
    row.cells.forEach((cs, c) => {
      if (!cs) return;
      const cell = ws.getCell(r + 1, c + 1);
      const where = a1(r, c);
      if (!slave.has(`${r},${c}`)) {
        switch (cs.t) {
          case 'text':
            expect([where, cell.type, cell.value]).toEqual([where, ExcelJS.ValueType.String, sanitizeText(cs.v)]);
            break;
          case 'num':
            expect([where, new Dec(cell.value as number).toFixed()]).toEqual([where, cs.v]);
            break;
          case 'formula':
            expect([where, cell.formula, new Dec(cell.result as number).toFixed()]).toEqual([where, cs.f, cs.result]);
            break;
          case 'empty':
            expect([where, cell.value]).toEqual([where, null]);
            break;
        }
      }
      const st = cs.s ? spec.styles[cs.s] : undefined;
      if (!st) return;
      expect([where, cell.font?.name, cell.font?.size, !!cell.font?.bold, !!cell.font?.italic, !!cell.font?.underline])
        .toEqual([where, st.font?.name, st.font?.size, !!st.font?.bold, !!st.font?.italic, !!st.font?.underline]);
      expect([where, cell.font?.color?.argb]).toEqual([where, st.font?.color ? `FF${st.font.color}` : undefined]);
      const fill = cell.fill?.type === 'pattern' && cell.fill.pattern === 'solid' ? cell.fill.fgColor?.argb : undefined;
      expect([where, fill]).toEqual([where, st.fill ? `FF${st.fill}` : undefined]);
      if (st.numFmt) expect([where, cell.numFmt]).toEqual([where, st.numFmt]);
      expect([where, cell.alignment?.horizontal, cell.alignment?.vertical, !!cell.alignment?.wrapText])
        .toEqual([where, st.h, st.v, !!st.wrap]);
      const b = cell.border;
      const bordered = !!(b?.top?.style === 'thin' && b.bottom?.style === 'thin' && b.left?.style === 'thin' && b.right?.style === 'thin');
      expect([where, bordered]).toEqual([where, !!st.border]);
    });
  });
}

describe.each(WRITERS)('SheetSpec → xlsx (%s writer) → exceljs', (_name, writer) => {
  beforeEach(() => { writeBuffer = writer; });

  test('Sóc Trăng appendix: every cell, merge, format, width, height, print setting', async () => {
    const spec = layoutPlan(socTrangPlan(), { words: true });
    const wb = await roundTrip([spec]);
    const ws = wb.worksheets[0];
    compareSheet(spec, ws);
    const ps = ws.pageSetup;
    expect(ps.paperSize).toBe(9);
    expect(ps.orientation).toBe('landscape');
    expect([ps.fitToPage, ps.fitToWidth, ps.fitToHeight]).toEqual([true, 1, 0]);
    expect(ps.margins?.left).toBeCloseTo(spec.print!.margins.left, 6);
    expect(ps.printTitlesRow).toBe(`${spec.print!.titleRows!.from + 1}:${spec.print!.titleRows!.to + 1}`);
    expect(ps.printArea).toBe(`A1:O${spec.rows.length}`);
    expect(ws.headerFooter.oddFooter).toContain('Trang &P/&N');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: spec.freeze!.rows });
    const dv = (ws as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }).dataValidations.model;
    const rules = Object.values(dv);
    expect(rules.length).toBeGreaterThan(0);
    expect(rules[0]).toMatchObject({ type: 'list', formulae: ['"NSĐP,NSTW,ĐTPT"'] });
  });

  test('the workbook asks Excel to recalculate on load', async () => {
    const buf = await writeBuffer([layoutPlan(socTrangPlan())]);
    const zip = await JSZip.loadAsync(buf);
    expect(await zip.file('xl/workbook.xml')!.async('string')).toContain('fullCalcOnLoad="1"');
  });

  test('several sheets, presets, decimals', async () => {
    const a = layoutPlan(socTrangPlan(), { sheetName: 'Phụ lục 02' });
    const b = layoutPlan(basePlan([group('I', 'Nhóm', [item('1', 'x', { 2021: '4967.667' }, 'NSTW')])]), { sheetName: 'Phụ lục (2)' });
    const wb = await roundTrip([a, b]);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Phụ lục 02', 'Phụ lục (2)']);
    compareSheet(a, wb.worksheets[0]);
    compareSheet(b, wb.worksheets[1]);
    expect(b.styles.itemNum.numFmt).toBe('#,##0.000');
  });

  test('formula-looking and control-character text stays text', async () => {
    const names = ['=1+1', '+84 xyz', '-abc', '@SUM(A1)', '\tx', '\r\nx', 'a\u0001b', ' lead', '\uD800x'];
    const spec = layoutPlan(basePlan([group('I', 'Nhóm', names.map((n, i) => item(String(i + 1), n, { 2021: 1 }, 'NSTW')))]));
    const ws = (await roundTrip([spec])).worksheets[0];
    const got = spec.roles!.item.map((r) => ws.getCell(r + 1, 2).value);
    expect(got).toEqual(['=1+1', '+84 xyz', '-abc', '@SUM(A1)', '\tx', '\nx', 'ab', ' lead', 'x']);
    for (const r of spec.roles!.item) expect(ws.getCell(r + 1, 2).type).toBe(ExcelJS.ValueType.String);
  });

  test('named errors instead of a corrupt file', () => {
    const spec = layoutPlan(basePlan([item('1', 'x', { 2021: 1 }, 'NSTW')]));
    const wb = new ExcelJS.Workbook();
    writeSpecToWorkbook(wb, spec);
    expect(() => writeSpecToWorkbook(wb, spec)).toThrow(XlsxWriteError); // same sheet name
    expect(() => writeSpecToWorkbook(new ExcelJS.Workbook(), { ...spec, name: 'a/b' })).toThrow(XlsxWriteError);
    expect(() => writeSpecToWorkbook(new ExcelJS.Workbook(), { ...spec, merges: [...spec.merges, { r0: 0, c0: 0, r1: 0, c1: 1 }] })).toThrow(/chồng/);
    const rows = spec.rows.map((r) => ({ ...r, cells: [...r.cells] }));
    rows[0].cells[0] = { t: 'num', v: '12345678901234567890' };
    expect(() => writeSpecToWorkbook(new ExcelJS.Workbook(), { ...spec, rows })).toThrow(/độ chính xác/);
    rows[0].cells[0] = { t: 'text', v: 'x'.repeat(40000) };
    expect(() => writeSpecToWorkbook(new ExcelJS.Workbook(), { ...spec, rows })).toThrow(/32767/);
  });
});
