/**
 * Formula injection through the second way in (issue 6): an input workbook (`danh-muc template`) where an officer
 * typed names, lead units and objectives beginning with "=", "+", "-", "@", tab, CR, LF, a HYPERLINK or a DDE payload
 * — as text, the way Excel stores what is typed after an apostrophe or into a text-formatted cell — built with
 * `danh-muc build`: the appendix holds each of them as a string, no formula, and so does the input file after the build.
 */
import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { cliIn } from '../helpers/cliInProcess';
import { Dec } from '../../src/core/base/decimal';
import type { Group, Item, Plan } from '../../src/core/plan/model';
import { sanitizeText } from '../../src/xlsx/writeSpec';
import { fillTemplate } from '../helpers/fillTemplate';
import { INJECTIONS } from '../helpers/injections';

let dir: string;
beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'danh-muc-h7-input-'));
});
afterAll(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

const cli = (...args: string[]) => cliIn(dir, ...args);

function injectedPlan(): Plan {
  const items: Item[] = INJECTIONS.map((t, i) => ({
    kind: 'item', tt: String(i + 1), name: t, lead: t, objective: t,
    amounts: { years: { 2021: new Dec(i + 1) }, sources: { NSTW: new Dec(i + 1) } },
  }));
  const g: Group = { kind: 'group', level: 1, tt: 'I', name: 'Nhóm có tên thường', children: items };
  return {
    meta: { title: 'Danh mục kiểm thử', unit: 'triệu đồng' }, years: { from: 2021, to: 2025 },
    sources: [{ code: 'NSTW', label: 'Ngân sách trung ương' }], nodes: [g],
  };
}

test('typed formula-looking texts in the input sheet are strings in the appendix, never formulas', async () => {
  expect((await cli('template', '-o', 'mau.xlsx', '--years', '2021-2025', '--sources', 'NSTW')).code).toBe(0);
  const filled = await fillTemplate(path.join(dir, 'mau.xlsx'), injectedPlan(), path.join(dir, 'nhap-lieu.xlsx'));
  const r = await cli('build', 'nhap-lieu.xlsx', '-o', 'phu-luc.xlsx');
  expect({ code: r.code, err: r.err.split('\n')[0].startsWith('Lưu ý') || r.err === '' }).toEqual({ code: 0, err: true });

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(dir, 'phu-luc.xlsx'));
  const ws = wb.worksheets[0];
  const seen = new Map<string, number>();
  ws.eachRow((row) => row.eachCell((cell) => {
    // the layout's own formulas only: SUM, SUMIF, and a one-source item's source cell referring to its total (K9)
    expect(cell.formula === undefined || /^(SUM|SUMIF)\(/.test(cell.formula) || /^[A-Z]{1,3}[1-9]\d*$/.test(cell.formula)).toBe(true);
    if (typeof cell.value === 'string') seen.set(cell.value, (seen.get(cell.value) ?? 0) + 1);
  }));
  for (const t of INJECTIONS) {
    // name, lead unit and objective: three string cells holding the typed text (the input reader trims its edges)
    expect([t, seen.get(sanitizeText(t).trim()) ?? 0]).toEqual([t, 3]);
  }

  // The input file still holds the texts as typed (the build only read it; XML stores a CR as a line feed).
  const inWb = new ExcelJS.Workbook();
  await inWb.xlsx.readFile(path.join(dir, 'nhap-lieu.xlsx'));
  const inWs = inWb.getWorksheet('Nhập liệu')!;
  INJECTIONS.forEach((t, i) => {
    const cell = inWs.getRow(filled.rows.get(`I/${i + 1}`)!).getCell(filled.cols.get('name')!);
    expect([t, cell.type, cell.value]).toEqual([t, ExcelJS.ValueType.String, t.replace(/\r\n?/g, '\n')]);
  });
});
