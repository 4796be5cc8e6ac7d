/**
 * Crafted and damaged workbooks on the reading side (issue 6), beyond the fixed list of hostile files:
 *
 *  - 3,000 mutations of a real appendix's XML parts (cut, holes, stray markup, out-of-range addresses, styles and
 *    shared-string indexes that do not exist, error and inline-string cells) through readWorkbookGrids → checkGrid:
 *    each is a named UnreadableWorkbookError (a one-line reason for the CLI) or a check result, never another
 *    exception (which the CLI could only report as "lỗi không mong đợi");
 *  - a cell on Excel's last row (1,048,576) is legal and is read and checked;
 *  - a cell beyond Excel's last row (a crafted 30 KB file: row 99,999,999) is refused politely — exit 2, one
 *    line, no signal and no V8 "FATAL ERROR ... heap out of memory" — by check and build, in a process with a
 *    512 MB heap: readGrid refuses a row beyond Excel's last ('beyond-sheet') instead of filling every row up to
 *    it, which once exhausted the heap (exit 134; see the report of H7);
 *  - merges as large as a sheet (below).
 */
import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import fc from 'fast-check';
import JSZip from 'jszip';
import { layoutPlan } from '../../src/core/layout/layout';
import { checkGrid } from '../../src/core/checks/sheetCheck';
import { readWorkbookGrids, UnreadableWorkbookError } from '../../src/xlsx/readGrid';
import { writeSpecsToBuffer } from '../../src/xlsx/writeSpec';
import { bigPlan } from '../helpers/bigPlan';
import { runCli } from '../helpers/cliProcess';

let parts: Record<string, string>;
let dir: string;

beforeAll(async () => {
  const good = await writeSpecsToBuffer([layoutPlan(bigPlan(20, 5).plan)]);
  const zip = await JSZip.loadAsync(good);
  parts = {};
  for (const n of Object.keys(zip.files)) if (!zip.files[n].dir) parts[n] = await zip.file(n)!.async('string');
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'danh-muc-h7-limits-'));
});
afterAll(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

async function zipParts(p: Record<string, string>): Promise<Buffer> {
  const z = new JSZip();
  for (const [n, t] of Object.entries(p)) z.file(n, t);
  return z.generateAsync({ type: 'nodebuffer' });
}

const STRAY = ['<', '>', '"', '&', '<c r="ZZZ0"/>', '<v>abc</v>', 'r="A0"', '<mergeCell ref="A1:XFE9"/>', 's="999"', 't="s"',
  '<v>99999</v>', 'r="A1048577"', '<f>SUM(A1:A1048576)</f>', 't="e"', '<c r="B2" t="inlineStr"><is><t>x</t></is></c>', '<row r="0">', '\u0000'];

type Mutation = { part: number; op: 'cut' | 'hole' | 'stray' | 'rows'; at: number; len: number; stray: number };

function mutate(p: Record<string, string>, m: Mutation): Record<string, string> {
  const names = Object.keys(p);
  const victim = names[m.part % names.length];
  let t = p[victim];
  const at = Math.floor(m.at * t.length);
  if (m.op === 'cut') t = t.slice(0, at);
  else if (m.op === 'hole') t = t.slice(0, at) + t.slice(at + m.len);
  else if (m.op === 'stray') t = t.slice(0, at) + STRAY[m.stray % STRAY.length] + t.slice(at);
  else t = t.replace(/r="([A-Z]+)(\d+)"/g, (s, c: string, r: string) => ((parseInt(r, 10) + m.len) % 7 === 0 ? `r="${c}${parseInt(r, 10) * 97}"` : s));
  return { ...p, [victim]: t };
}

test('3,000 damaged appendices: a named UnreadableWorkbookError or a check result, nothing else', async () => {
  const mutation: fc.Arbitrary<Mutation> = fc.record({
    part: fc.nat(), op: fc.constantFrom('cut', 'hole', 'stray', 'rows'), at: fc.double({ min: 0, max: 1, noNaN: true }),
    len: fc.integer({ min: 1, max: 60 }), stray: fc.nat(),
  });
  let readable = 0;
  let refused = 0;
  await fc.assert(fc.asyncProperty(mutation, async (m) => {
    const buf = await zipParts(mutate(parts, m));
    try {
      const grids = await readWorkbookGrids(buf);
      for (const g of grids) expect(Array.isArray(checkGrid(g).findings)).toBe(true);
      readable++;
    } catch (e) {
      if (!(e instanceof UnreadableWorkbookError)) throw e;
      expect(e.message).not.toContain('\n');
      refused++;
    }
  }), { numRuns: 3000, seed: 6 });
  expect(readable).toBeGreaterThan(300);
  expect(refused).toBeGreaterThan(300);
}, 120_000);

async function withLastRow(row: number, file: string): Promise<void> {
  const sheet = Object.keys(parts).find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))!;
  const t = parts[sheet].replace('</sheetData>', `<row r="${row}"><c r="B${row}" t="inlineStr"><is><t>Ghi chú ở dòng cuối</t></is></c></row></sheetData>`);
  await fsp.writeFile(path.join(dir, file), await zipParts({ ...parts, [sheet]: t }));
}

test('a note on Excel’s last row (1,048,576) is read and the table still checks', async () => {
  await withLastRow(1_048_576, 'dong-cuoi.xlsx');
  const r = await runCli(['check', 'dong-cuoi.xlsx', '--json'], dir, { maxOldSpaceMb: 512, timeoutMs: 60_000 });
  expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
  expect(JSON.parse(r.stdout).summary.sheets[0]).toMatchObject({ recognized: true, items: 20, groups: 4 });
}, 70_000);

test.each(['check', 'build'])('a cell beyond Excel’s last row (row 99,999,999, a 30 KB file): %s exits 2 with one line, no crash', async (cmd) => {
  await withLastRow(99_999_999, 'qua-dong.xlsx');
  const args = cmd === 'check' ? ['check', 'qua-dong.xlsx'] : ['build', 'qua-dong.xlsx', '-o', 'ra.xlsx'];
  const r = await runCli(args, dir, { maxOldSpaceMb: 512, timeoutMs: 60_000 });
  expect({ code: r.code, signal: r.signal, stdout: r.stdout, fatal: /FATAL|heap out of memory/.test(r.stderr) })
    .toEqual({ code: 2, signal: null, stdout: '', fatal: false });
  expect(r.stderr.split('\n')).toHaveLength(2);
  expect(r.stderr).toMatch(new RegExp(`^danh-muc ${cmd}: .*"qua-dong\\.xlsx"`));
}, 70_000);

/**
 * Merged ranges as large as a sheet, in a file of a few kilobytes. exceljs marks every cell of a merge when it loads
 * a workbook, so a crafted "A1:XFD1048576" (17 billion cells) would exhaust any heap inside loadWorkbook: the reader
 * looks at the merges first (src/xlsx/exceljsPatch.ts) and refuses one over 200,000 cells (see the report of H7).
 * Two whole columns merged (an officer can do that; about 1.3 GB if loaded) are checked with Node's default heap; a
 * whole row and the whole sheet with a 512 MB heap.
 */
test.each([['A1:XFD1048576', 512], ['A8:B1048576', 0], ['C8:XFD8', 512]])('a merge %s: check answers (a result or one line), no crash (heap limit %s MB, 0 = Node’s default)', async (ref, heap) => {
  const sheet = Object.keys(parts).find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))!;
  const t = parts[sheet].replace(/<mergeCells count="(\d+)">/, (_s, c: string) => `<mergeCells count="${parseInt(c, 10) + 1}"><mergeCell ref="${ref}"/>`);
  expect(t).not.toBe(parts[sheet]);
  const file = `gop-${ref.replace(':', '-')}.xlsx`;
  await fsp.writeFile(path.join(dir, file), await zipParts({ ...parts, [sheet]: t }));
  const r = await runCli(['check', file], dir, { maxOldSpaceMb: heap || undefined, timeoutMs: 60_000 });
  expect({ signal: r.signal, fatal: /FATAL|heap out of memory/.test(r.stderr) }).toEqual({ signal: null, fatal: false });
  expect([0, 1, 2]).toContain(r.code);
  if (r.code === 2) expect(r.stderr.split('\n')).toHaveLength(2);
  else expect(r.stderr).toBe('');
}, 70_000);
