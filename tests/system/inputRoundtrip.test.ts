/**
 * The officer's path end to end: `danh-muc template` → the Sóc Trăng 2021-2025 figures typed into the input sheet
 * (some as Vietnamese text, one name that looks like a formula) → `danh-muc build` → LibreOffice recalculates the
 * appendix → every group, the grand total and the "Trong đó" rows equal the published figures. `build --sample`
 * goes through the same LibreOffice run. One soffice run for both workbooks.
 */
import { createHash } from 'crypto';
import { promises as fsp, readFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cliLines } from '../helpers/cliInProcess';
import type { Group, Item, Plan, PlanNode } from '../../src/core/plan/model';
import { planFromJsonText } from '../../src/app/planJson';
import { checkGrid } from '../../src/core/checks/sheetCheck';
import { planFromInputGrid } from '../../src/core/input/read';
import { readWorkbookGrids } from '../../src/xlsx/readGrid';
import { recalculateXlsx } from '../helpers/libreoffice';
import { appendixFigures, PUBLISHED, valuesGrid } from '../helpers/appendixFigures';
import { fillTemplate, type Filled } from '../helpers/fillTemplate';

const SAMPLE = path.join(__dirname, '..', '..', 'samples', 'soc-trang-2021-2025.plan.json');
const INJECTED = '=HYPERLINK("http://example.invalid","bấm vào đây")';
const LABELS = { 'NSĐP': ['NSĐP', 'Ngân sách địa phương'], NSTW: ['NSTW', 'Ngân sách trung ương'], 'ĐTPT': ['ĐTPT', 'Vốn đầu tư phát triển (trung hạn)'] };

let dir: string;
let sample: Plan;
const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

const cli = (args: string[]) => cliLines(dir, ...args);

function leaves(nodes: PlanNode[]): Item[] {
  return nodes.flatMap((n) => (n.kind === 'group' ? leaves(n.children) : [n, ...(n.children ? leaves(n.children) : [])]));
}

/** The fields an officer types, with amounts as exact strings. */
function typed(it: Item) {
  const amounts = (r: Record<string | number, { toFixed(): string; isZero(): boolean }>) =>
    Object.fromEntries(Object.entries(r).filter(([, d]) => !d.isZero()).map(([k, d]) => [k, d.toFixed()]));
  return {
    tt: it.tt, name: it.name, status: it.status, lead: it.lead, objective: it.objective, sourceText: it.sourceText,
    period: it.period, years: amounts(it.amounts.years), sources: amounts(it.amounts.sources),
  };
}

let filled: Filled;
const files = { template: '', input: '', out: '', sampleOut: '' };
let inputHash = '';
let buildOut: string[] = [];
let recalc: string[] = [];

beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'danh-muc-roundtrip-'));
  sample = planFromJsonText(readFileSync(SAMPLE, 'utf8'));
  files.template = path.join(dir, 'nhap-lieu.xlsx');
  files.input = path.join(dir, 'nhap-lieu-da-dien.xlsx');
  files.out = path.join(dir, 'phu-luc.xlsx');
  files.sampleOut = path.join(dir, 'mau.xlsx');
  const t = await cli(['template', '-o', 'nhap-lieu.xlsx', '--years', '2021-2025', '--sources', 'NSĐP,NSTW,ĐTPT']);
  expect(t).toMatchObject({ code: 0, err: [] });
  // Group III's amounts typed as text ("1.167"), item VI.3's name looks like a formula.
  filled = await fillTemplate(files.template, sample, files.input, {
    asText: (it) => leaves((sample.nodes[2] as Group).children).includes(it),
    name: (n) => (n.kind === 'item' && n.name.startsWith('Hỗ trợ tổ chức hội thi') ? INJECTED : n.name),
  });
  inputHash = sha(files.input);
  const b = await cli(['build', 'nhap-lieu-da-dien.xlsx', '-o', 'phu-luc.xlsx']);
  expect(b.err).toEqual([]);
  expect(b.code).toBe(0);
  buildOut = b.out;
  const s = await cli(['build', '--sample', '-o', 'mau.xlsx']);
  expect(s).toMatchObject({ code: 0, err: [] });
  recalc = await recalculateXlsx([files.out, files.sampleOut], path.join(dir, 'recalc'));
}, 180000);

afterAll(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

test('the filled input sheet reads back as the sample plan, item by item', async () => {
  const grids = await readWorkbookGrids(files.input);
  const plan = planFromInputGrid(grids.find((g) => g.sheet === 'Nhập liệu')!);
  expect(plan.nodes.map((n) => [n.tt, n.name])).toEqual(sample.nodes.map((n) => [n.tt, n.name]));
  const expected = leaves(sample.nodes).map(typed).map((x) => (x.name.startsWith('Hỗ trợ tổ chức hội thi') ? { ...x, name: INJECTED } : x));
  expect(leaves(plan.nodes).map(typed)).toEqual(expected);
  expect(plan.meta).toMatchObject({ appendixNo: '02', unit: 'triệu đồng', title: sample.meta.title, attachedTo: sample.meta.attachedTo });
  expect(filled.rows.size).toBe(28);
});

test('build prints one Vietnamese line: items, groups, total in figures and words, output path', () => {
  expect(buildOut).toHaveLength(1);
  expect(buildOut[0]).toBe(
    `Đã tạo phụ lục "Phụ lục 02" từ trang "Nhập liệu": 22 dự án, 6 nhóm; tổng cộng 441.115 triệu đồng ` +
    `(Bằng chữ: Bốn trăm bốn mươi mốt tỷ, một trăm mười lăm triệu đồng) → ${files.out}`);
});

test('the input workbook is left untouched; only the new file is added', async () => {
  expect(sha(files.input)).toBe(inputHash);
  expect((await fsp.readdir(dir)).filter((f) => !f.startsWith('recalc')).sort())
    .toEqual(['mau.xlsx', 'nhap-lieu-da-dien.xlsx', 'nhap-lieu.xlsx', 'phu-luc.xlsx']);
});

test('LibreOffice recalculates the built appendix to the published figures', async () => {
  const g = await valuesGrid(recalc[0]);
  expect(g.sheet).toBe('Phụ lục 02');
  const f = appendixFigures(g, PUBLISHED.years, LABELS);
  expect(f.grand.total).toBe(PUBLISHED.grand.total);
  expect(f.grand.years).toEqual(PUBLISHED.grand.years);
  expect(f.grand.sources).toEqual(PUBLISHED.grand.sources);
  expect(Object.keys(f.groups)).toEqual(Object.keys(PUBLISHED.groups));
  for (const [tt, want] of Object.entries(PUBLISHED.groups)) {
    expect([tt, PUBLISHED.years.map((y) => f.groups[tt].years[y])]).toEqual([tt, want.years]);
    expect([tt, ['NSĐP', 'NSTW', 'ĐTPT'].map((s) => f.groups[tt].sources[s])]).toEqual([tt, want.sources]);
  }
  for (const [code, want] of Object.entries(PUBLISHED.breakdown)) {
    expect([code, PUBLISHED.years.map((y) => f.breakdown[code][y])]).toEqual([code, want]);
  }
});

test('checking the built appendix (danh-muc check\'s core) finds no error and the published grand total', async () => {
  for (const file of [files.out, recalc[0]]) {
    const [g] = await readWorkbookGrids(file);
    const r = checkGrid(g);
    expect(r.recognized).toBe(true);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.summary).toMatchObject({ items: 22, groups: 6, grandTotal: '441115' });
  }
});

test('a name typed as "=HYPERLINK(...)" stays text in the appendix, before and after LibreOffice', async () => {
  for (const file of [files.out, recalc[0]]) {
    const [g] = await readWorkbookGrids(file);
    const cell = appendixFigures(g, PUBLISHED.years, LABELS).nameCell(INJECTED);
    expect(cell).toBeDefined();
    expect(cell!.formula).toBeUndefined();
    expect(cell!.value).toBe(INJECTED);
  }
});

test('build --sample: LibreOffice opens it and computes the published grand total', async () => {
  const g = await valuesGrid(recalc[1]);
  const f = appendixFigures(g, PUBLISHED.years, LABELS);
  expect(f.grand.total).toBe('441115');
  expect(f.grand.years).toEqual(PUBLISHED.grand.years);
  expect(f.breakdown['ĐTPT']).toEqual(Object.fromEntries(PUBLISHED.years.map((y, i) => [y, PUBLISHED.breakdown['ĐTPT'][i]])));
});
