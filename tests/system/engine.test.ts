/**
 * The real pipeline through a real spreadsheet engine (issue 6), with ONE LibreOffice run for the batch:
 *
 * Decimal exactness. LibreOffice computes in binary doubles, so what is honest to assert there is agreement at the
 * precision the sheet shows (3 decimals): every formula cell of a 10,000-item three-decimal appendix — written
 * WITHOUT cached results, so each value is LibreOffice's own — rounds (half up, 3 dp) to the core's exact result;
 * amounts up to 10^12 with 3 decimals (15 significant digits, the most a double and Excel hold) survive exactly at
 * 3 dp, and so do float traps (0.1 + 0.2; a thousand times 0.001). Then the recalculated file goes back through
 * readGrid → checkGrid with no false finding (the reader reads doubles at Excel's 15 digits). An amount whose total
 * needs more than 15 significant digits is refused by the writer with a named error instead of silently rounded.
 *
 * Formula injection. Names and texts beginning with "=", "+", "-", "@", tab, CR, LF, a HYPERLINK and a DDE payload
 * ("=cmd|' /C calc'!A0"), in every text field of items and groups and in the heading and header labels, are written
 * as text: read back with exceljs they are strings without a formula, in the written file and after LibreOffice
 * recalculated and re-saved it; and the check path (readGrid → checkGrid) reads them as the same text, no formula.
 */
import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { Dec } from '../../src/core/base/decimal';
import { a1 } from '../../src/core/base/a1';
import type { Grid } from '../../src/core/base/grid';
import { layoutPlan } from '../../src/core/layout/layout';
import type { Group, Item, Plan, PlanNode } from '../../src/core/plan/model';
import type { SheetSpec } from '../../src/core/layout/sheetspec';
import { checkGrid } from '../../src/core/checks/sheetCheck';
import { readWorkbookGrids } from '../../src/xlsx/readGrid';
import { sanitizeText, writeSpecsToFile, writeSpecsToBuffer, XlsxWriteError } from '../../src/xlsx/writeSpec';
import { recalculateXlsx } from '../helpers/libreoffice';
import { bigPlan, milli, type BigPlan } from '../helpers/bigPlan';
import { INJECTIONS } from '../helpers/injections';


function item(tt: string, name: string, years: Record<number, string>, source: string, extra: Partial<Item> = {}): Item {
  const y: Record<number, Dec> = {};
  let total = new Dec(0);
  for (const [k, v] of Object.entries(years)) { y[parseInt(k, 10)] = new Dec(v); total = total.plus(v); }
  return { kind: 'item', tt, name, amounts: { years: y, sources: { [source]: total } }, ...extra };
}
const group = (tt: string, name: string, children: PlanNode[]): Group => ({ kind: 'group', level: 1, tt, name, children });
const SOURCES = [{ code: 'NSTW', label: 'Ngân sách trung ương' }, { code: 'NSĐP', label: 'Ngân sách địa phương' }];
const plan = (nodes: PlanNode[], over: Partial<Plan> = {}): Plan => ({
  meta: { title: 'Danh mục kiểm thử', unit: 'triệu đồng', appendixNo: '02' },
  years: { from: 2021, to: 2025 }, sources: SOURCES, nodes, ...over,
});

/** Item texts: every text field carries an injection; names stay distinct. */
function injectionPlan(): Plan {
  const items = INJECTIONS.map((t, i) => item(String(i + 1), t, { 2021: String(i + 1), 2023: '0.5' }, i % 2 ? 'NSĐP' : 'NSTW', {
    lead: t, status: t, objective: t, sourceText: t, notes: t, scale: t, code: t, coordinating: t,
  }));
  return plan([group('I', '=SUM(1,2)', items.slice(0, 10)), group('II', "=cmd|' /C calc'!A0", items.slice(10))]);
}

/** Heading and header labels: title, attached-to line, years/sources labels, source labels, breakdown labels. */
function labelPlan(): Plan {
  return plan([group('I', 'Nhóm', [item('1', 'Dự án', { 2021: '1' }, 'NSTW'), item('2', 'Dự án khác', { 2022: '2' }, '=A1')])], {
    meta: { title: "=cmd|' /C calc'!A0", attachedTo: '=HYPERLINK("http://example.invalid")', unit: 'triệu đồng', appendixNo: '+1', yearsLabel: '@năm', sourcesLabel: '-Nguồn' },
    sources: [{ code: 'NSTW', label: '=SUM(A1)', breakdownLabel: '+Tổng nguồn' }, { code: '=A1', label: '\tNguồn tab', breakdownLabel: "=cmd|' /C calc'!A0" }],
  });
}

/** Float traps and the largest amounts a double holds to 3 decimals (15 significant digits). */
function edgePlan(): Plan {
  const thousandths = Array.from({ length: 1000 }, (_, i) => item(String(i + 1), `Dự án nhỏ ${i + 1}`, { 2024: '0.001' }, 'NSĐP'));
  return plan([
    group('I', 'Bẫy số thực', [
      item('1', 'Không phẩy một cộng không phẩy hai', { 2021: '0.1', 2022: '0.2' }, 'NSTW'),
      item('2', 'Mười hai chữ số', { 2021: '123456789012.345', 2025: '0.001' }, 'NSTW'),
      item('3', 'Mười hai chữ số nữa', { 2022: '376543210987.653' }, 'NSĐP'),
      item('4', 'Bảy phần nghìn', { 2023: '0.007' }, 'NSĐP'),
    ]),
    group('II', 'Một nghìn lần 0,001', thousandths),
  ]);
}
function maxPlan(): Plan {
  return plan([group('I', 'Lớn nhất', [item('1', 'Chín trăm chín mươi chín tỷ...', { 2021: '999999999999.999' }, 'NSTW')])]);
}

/** 600 random names (any Unicode, control characters, lone surrogates) each behind an injection prefix. */
const RANDOM_NAMES: string[] = fc.sample(
  fc.tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', ''), fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }))
    .map(([p, t]) => p + t),
  { numRuns: 600, seed: 42 },
);
function randomPlan(): Plan {
  return plan([group('I', 'Tên ngẫu nhiên', RANDOM_NAMES.map((t, i) => item(String(i + 1), t, { 2021: '1' }, 'NSTW', { lead: t })))]);
}

/** A copy of the spec without cached formula results: the engine must compute every one. */
function withoutResults(spec: SheetSpec): SheetSpec {
  return {
    ...spec,
    rows: spec.rows.map((r) => ({ ...r, cells: r.cells.map((c) => (c && c.t === 'formula' ? { t: 'formula', f: c.f, s: c.s } : c)) })),
  };
}

let dir: string;
let big: BigPlan;
const specs: Record<string, SheetSpec> = {};
const files: Record<string, string> = {};
const recalc: Record<string, string> = {};

beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'danh-muc-h7-engine-'));
  big = bigPlan(10_000, 100);
  const plans: Record<string, Plan> = {
    dec10k: big.plan, edge: edgePlan(), max: maxPlan(), inject: injectionPlan(), labels: labelPlan(), random: randomPlan(),
  };
  for (const [name, p] of Object.entries(plans)) {
    specs[name] = layoutPlan(p, { words: name !== 'dec10k' });
    files[name] = path.join(dir, `${name}.xlsx`);
    await writeSpecsToFile([['inject', 'labels', 'random'].includes(name) ? specs[name] : withoutResults(specs[name])], files[name]);
  }
  const outs = await recalculateXlsx(Object.values(files), path.join(dir, 'recalc'));
  Object.keys(files).forEach((k, i) => { recalc[k] = outs[i]; });
}, 600_000);

afterAll(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

async function sheetOf(file: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets[0];
}

/** What LibreOffice computed in a cell (formula result or value), as the number it stored. */
function engineNumber(ws: ExcelJS.Worksheet, r: number, c: number): number | undefined {
  const cell = ws.getCell(r + 1, c + 1);
  const v = cell.formula ? cell.result : cell.value;
  return typeof v === 'number' ? v : undefined;
}

/** Every amount cell of a spec compared with the engine's value at 3 dp; returns the cells that disagree. */
function disagreements(spec: SheetSpec, ws: ExcelJS.Worksheet): { formulas: number; numbers: number; bad: string[]; inexact: number } {
  let formulas = 0;
  let numbers = 0;
  let inexact = 0;
  const bad: string[] = [];
  spec.rows.forEach((row, r) => row.cells.forEach((cell, c) => {
    const exact = cell?.t === 'num' ? cell.v : cell?.t === 'formula' ? cell.result : undefined;
    if (exact === undefined) return;
    if (cell?.t === 'formula') formulas++; else numbers++;
    const v = engineNumber(ws, r, c);
    if (v === undefined) { bad.push(`${a1(r, c)}: no number (exact ${exact})`); return; }
    const got = new Dec(v);
    if (!got.equals(exact)) inexact++;
    if (!got.toDecimalPlaces(3, Dec.ROUND_HALF_UP).equals(exact)) bad.push(`${a1(r, c)}: ${got.toFixed()} ≠ ${exact}`);
  }));
  return { formulas, numbers, bad, inexact };
}

describe('decimal exactness through LibreOffice (doubles): agreement at 3 decimals', () => {
  test('10,000 three-decimal items: every formula LibreOffice computed rounds to the exact result', async () => {
    const ws = await sheetOf(recalc.dec10k);
    const d = disagreements(specs.dec10k, ws);
    expect(d.bad).toEqual([]);
    // per item: its total (SUM of years) and its one source cell (= its total); groups, grand total, breakdown
    expect(d.formulas).toBeGreaterThan(10_000 * 2 + 100 * 8 + 8);
    expect(d.numbers).toBe(10_000 * 5); // 5 years per item; the other source cells are empty
    const totalRow = specs.dec10k.roles!.total[0];
    const totalCol = specs.dec10k.columns.findIndex((c) => c.key === 'total');
    expect(new Dec(engineNumber(ws, totalRow, totalCol)!).toDecimalPlaces(3).toFixed()).toBe(milli(big.oracle.grand));
  });

  test('…and the recalculated file checks clean: readGrid → checkGrid, no finding, exact grand total', async () => {
    const [grid] = await readWorkbookGrids(recalc.dec10k);
    const r = checkGrid(grid);
    expect(r.recognized).toBe(true);
    expect(r.findings.map((f) => `${f.code}@${f.cell} ${f.message}`)).toEqual([]);
    expect(r.summary).toMatchObject({ items: 10_000, groups: 100, grandTotal: milli(big.oracle.grand) });
  });

  test.each(['edge', 'max'])('%s amounts (float traps, up to 10^12 with 3 decimals) agree at 3 dp and check clean', async (name) => {
    const ws = await sheetOf(recalc[name]);
    const d = disagreements(specs[name], ws);
    expect(d.bad).toEqual([]);
    expect(d.formulas).toBeGreaterThan(10);
    const [grid] = await readWorkbookGrids(recalc[name]);
    const r = checkGrid(grid);
    expect(r.findings.filter((f) => f.severity === 'error').map((f) => `${f.code}@${f.cell} ${f.message}`)).toEqual([]);
  });

  test('the edge figures themselves: 0.1 + 0.2, 1000 × 0.001, 999.999.999.999,999', async () => {
    const e = specs.edge;
    const tot = e.columns.findIndex((c) => c.key === 'total');
    const ws = await sheetOf(recalc.edge);
    const val = (r: number) => new Dec(engineNumber(ws, r, tot)!).toDecimalPlaces(3).toFixed();
    expect(val(e.roles!.item[0])).toBe('0.3');
    expect(val(e.roles!.group[1])).toBe('1');
    expect(val(e.roles!.total[0])).toBe('500000000001.306');
    const m = specs.max;
    expect(new Dec(engineNumber(await sheetOf(recalc.max), m.roles!.total[0], tot)!).toFixed()).toBe('999999999999.999');
  });

  test('a total needing more than 15 significant digits is refused by name, never rounded silently', async () => {
    // 999.999.999.999,999 + 0,002 = 1.000.000.000.000,001: a double holds it, but Excel keeps and shows 15 digits
    // (1.000.000.000.000,00) and the reader reads 15 digits, so the built sheet would check wrong against itself.
    const p = plan([group('I', 'Quá lớn', [
      item('1', 'a', { 2021: '999999999999.999' }, 'NSTW'), item('2', 'b', { 2021: '0.002' }, 'NSTW'),
    ])]);
    expect(() => layoutPlan(p)).toThrow(expect.objectContaining({ name: 'LayoutError', code: 'TOO_PRECISE' }));
    expect(() => layoutPlan(p)).toThrow(/^Ô [A-Z]+\d+: số 1\.000\.000\.000\.000,001 cần hơn 15 chữ số có nghĩa/);
    // The writer refuses such a number on its own too (a SheetSpec made elsewhere).
    const spec = layoutPlan(maxPlan());
    const rows = spec.rows.map((r) => ({ ...r, cells: [...r.cells] }));
    rows[spec.roles!.item[0]].cells[spec.columns.findIndex((c) => c.key === 'year:2021')] = { t: 'num', v: '1000000000000.001' };
    const err = await writeSpecsToBuffer([{ ...spec, rows }]).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(XlsxWriteError);
    expect((err as Error).message).toMatch(/^Ô [A-Z]+\d+: số "1000000000000.001" vượt quá độ chính xác của Excel \(15 chữ số\)\.$/);
  });
});

/** Every text cell of the spec whose text is one of `texts`: [row, col, text as stored]. */
function injectedCells(spec: SheetSpec, texts: string[]): [number, number, string][] {
  const set = new Set(texts);
  const out: [number, number, string][] = [];
  spec.rows.forEach((row, r) => row.cells.forEach((cell, c) => {
    if (cell?.t === 'text' && (set.has(cell.v) || set.has(cell.v.toLocaleLowerCase('vi')) || [...set].some((t) => cell.v.toLocaleUpperCase('vi') === t.toLocaleUpperCase('vi')))) {
      out.push([r, c, sanitizeText(cell.v)]);
    }
  }));
  return out;
}

describe('formula injection: written as text, read back as the same text', () => {
  const cases = [
    ['inject', () => INJECTIONS.concat(['=SUM(1,2)'])],
    ['labels', () => ["=cmd|' /C calc'!A0", '=HYPERLINK("http://example.invalid")', '+1', '@năm', '-Nguồn', '=SUM(A1)', '+Tổng nguồn', '\tNguồn tab', '=A1']],
  ] as const;

  test.each(cases)('%s: every injected text is in the layout as a text cell', (name, texts) => {
    const cells = injectedCells(specs[name], [...texts()]);
    // each injected text appears (item fields: 9 text columns shown at most per item in the default preset)
    const seen = new Set(cells.map(([, , v]) => v));
    for (const t of texts()) {
      if (name === 'labels' && (t === '+1' || t.startsWith('=HYPERLINK'))) continue; // inside "PHỤ LỤC +1" / "(...)"
      expect([t, seen.has(sanitizeText(t)) || seen.has(sanitizeText(t).toLocaleUpperCase('vi'))]).toEqual([t, true]);
    }
  });

  test.each(['written', 'recalculated'] as const)('exceljs reads each of them as a string, no formula (%s file)', async (which) => {
    for (const name of ['inject', 'labels'] as const) {
      const ws = await sheetOf(which === 'written' ? files[name] : recalc[name]);
      const cells = injectedCells(specs[name], name === 'inject' ? [...INJECTIONS, '=SUM(1,2)'] : [...cases[1][1]()]);
      // inject: 5 text columns of the preset (name, status, lead, objective, source text) × each text, + 2 group names
      expect(cells.length).toBe(name === 'inject' ? INJECTIONS.length * 5 + 2 : 9);
      for (const [r, c, text] of cells) {
        const cell = ws.getCell(r + 1, c + 1);
        expect([name, a1(r, c), cell.type, cell.formula ?? null, cell.value]).toEqual([name, a1(r, c), ExcelJS.ValueType.String, null, text]);
      }
    }
  });

  test('LibreOffice evaluated none of them: no cell of the recalculated sheet holds a formula outside the layout’s own', async () => {
    for (const name of ['inject', 'labels'] as const) {
      const ws = await sheetOf(recalc[name]);
      const spec = specs[name];
      ws.eachRow((row, rn) => row.eachCell((cell, cn) => {
        const mine = spec.rows[rn - 1]?.cells[cn - 1];
        if (cell.formula) expect([name, cell.address, mine?.t]).toEqual([name, cell.address, 'formula']);
        if (mine?.t === 'text') expect([name, cell.address, typeof cell.value]).toEqual([name, cell.address, 'string']);
      }));
    }
  });

  test.each(['written', 'recalculated'] as const)('the check path reads the same texts, no formula, names as items (%s file)', async (which) => {
    const [grid]: Grid[] = await readWorkbookGrids(which === 'written' ? files.inject : recalc.inject);
    for (const [r, c, text] of injectedCells(specs.inject, [...INJECTIONS, '=SUM(1,2)'])) {
      const gc = grid.cells[r]?.[c];
      expect([a1(r, c), gc?.value, gc?.formula, gc?.error]).toEqual([a1(r, c), text, undefined, undefined]);
    }
    const res = checkGrid(grid);
    expect(res.recognized).toBe(true);
    const names: string[] = [];
    const walk = (ns: PlanNode[]) => ns.forEach((n) => { names.push(n.name); if (n.kind === 'group') walk(n.children); });
    walk(res.plan!.nodes);
    // The grid holds each text exactly (above); the recogniser trims the edges of a name (a leading tab or line break).
    const asName = (t: string) => sanitizeText(t).trim();
    expect(names).toEqual(['=SUM(1,2)', ...INJECTIONS.slice(0, 10).map(asName), "=cmd|' /C calc'!A0", ...INJECTIONS.slice(10).map(asName)]);
    expect(res.findings.filter((f) => f.severity === 'error').map((f) => `${f.code}@${f.cell}`)).toEqual([]);
    expect(res.findings.some((f) => f.code === 'FORMULA_ERROR')).toBe(false);
  });
});

describe('600 random texts (any Unicode) behind injection prefixes', () => {
  test.each(['written', 'recalculated'] as const)('read back as the text the writer stores, no formula (%s file)', async (which) => {
    const spec = specs.random;
    const ws = await sheetOf(which === 'written' ? files.random : recalc.random);
    const nameCol = spec.columns.findIndex((c) => c.key === 'name');
    const leadCol = spec.columns.findIndex((c) => c.key === 'lead');
    const bad: string[] = [];
    spec.roles!.item.forEach((r, i) => {
      const stored = sanitizeText(RANDOM_NAMES[i]);
      for (const c of [nameCol, leadCol]) {
        const cell = ws.getCell(r + 1, c + 1);
        // LibreOffice re-saves a text mixing scripts as rich-text runs (a fallback font for characters Times New Roman
        // lacks): the text is the runs joined.
        const v = cell.value as unknown;
        const got = v === null ? '' : typeof v === 'object' && v && 'richText' in v
          ? (v as ExcelJS.CellRichTextValue).richText.map((x) => x.text).join('') : v;
        if (cell.formula || got !== stored) bad.push(`${a1(r, c)} ${JSON.stringify(stored)} → ${JSON.stringify(got)}${cell.formula ? ` =${cell.formula}` : ''}`);
      }
    });
    expect(bad).toEqual([]);
  });
});
