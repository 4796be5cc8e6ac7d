/**
 * No data loss on the xlsx side (issue 6), beyond what tests/reader and tests/cli already assert:
 *
 *  - `danh-muc check` never writes the checked file nor its folder — bytes, inode, size, mtime and ctime of the file
 *    and mtime/ctime of the folder are equal after the check (a temporary or lock file created and removed would
 *    change the folder's times) — for a clean file, a file with error findings, with --json / --sheet /
 *    --stated-total / --tolerance, in-process and as a subprocess;
 *  - `danh-muc build` never overwrites an existing workbook without --force (subprocess, a real workbook of the user),
 *    never follows a symbolic link to clobber its target, and a build that fails late (after the input was read and
 *    while laying out) leaves an existing output untouched even with --force; the input file is only read.
 */
import { promises as fsp, type Stats } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { cliIn } from '../helpers/cliInProcess';
import { layoutPlan } from '../../src/core/layout/layout';
import { planToJson } from '../../src/core/plan/planJsonWrite';
import { writeSpecsToBuffer } from '../../src/xlsx/writeSpec';
import { bigPlan } from '../helpers/bigPlan';
import { runCli } from '../helpers/cliProcess';
import { fillTemplate } from '../helpers/fillTemplate';

let dir: string;

interface Snapshot {
  bytes: Buffer;
  file: Pick<Stats, 'ino' | 'size' | 'mtimeMs' | 'ctimeMs' | 'mode'>;
  folder: Pick<Stats, 'mtimeMs' | 'ctimeMs'>;
  listing: string[];
}

async function snapshot(file: string): Promise<Snapshot> {
  const st = await fsp.stat(file);
  const ds = await fsp.stat(path.dirname(file));
  return {
    bytes: await fsp.readFile(file),
    file: { ino: st.ino, size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, mode: st.mode },
    folder: { mtimeMs: ds.mtimeMs, ctimeMs: ds.ctimeMs },
    listing: (await fsp.readdir(path.dirname(file))).sort(),
  };
}

async function expectUntouched(file: string, before: Snapshot): Promise<void> {
  const after = await snapshot(file);
  expect(after.bytes.equals(before.bytes)).toBe(true);
  expect(after.file).toEqual(before.file);
  expect(after.folder).toEqual(before.folder);
  expect(after.listing).toEqual(before.listing);
}

/** Waits past the file system's timestamp granularity, so that any write would show in mtime/ctime. */
const tick = () => new Promise((r) => setTimeout(r, 30));

beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'danh-muc-h7-noloss-'));
  const clean = await writeSpecsToBuffer([layoutPlan(bigPlan(300, 30).plan)]);
  await fsp.mkdir(path.join(dir, 'check'));
  await fsp.writeFile(path.join(dir, 'check', 'sach.xlsx'), clean);
  // The same appendix with a typed amount that breaks its item, its group and the breakdown.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(clean as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets[0];
  ws.getCell('F9').value = 123456.789;
  await wb.xlsx.writeFile(path.join(dir, 'check', 'loi.xlsx'));
}, 60_000);

afterAll(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

describe('check never writes the checked file or its folder', () => {
  const variants: [string, string[], number][] = [
    ['sach.xlsx', [], 0],
    ['sach.xlsx', ['--json'], 0],
    ['sach.xlsx', ['--sheet', 'Phụ lục 02', '--stated-total', '1'], 1],
    ['loi.xlsx', [], 1],
    ['loi.xlsx', ['--json', '--tolerance', '0,001'], 1],
  ];

  test.each(variants)('in-process: %s %j → exit %i, untouched', async (name, opts, code) => {
    const file = path.join(dir, 'check', name);
    const before = await snapshot(file);
    await tick();
    const r = await cliIn(path.join(dir, 'check'), 'check', name, ...opts);
    expect(r.err).toBe('');
    expect(r.code).toBe(code);
    if (name === 'loi.xlsx') expect(r.out).toMatch(/ROW_YEARS_SUM|GROUP_SUBTOTAL/);
    await tick();
    await expectUntouched(file, before);
  });

  test.each(variants)('subprocess: %s %j → exit %i, untouched', async (name, opts, code) => {
    const file = path.join(dir, 'check', name);
    const before = await snapshot(file);
    await tick();
    const r = await runCli(['check', name, ...opts], path.join(dir, 'check'));
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code, stderr: '' });
    await tick();
    await expectUntouched(file, before);
  });
});

describe('build never loses existing work', () => {
  let work: string;
  beforeEach(async () => {
    work = await fsp.mkdtemp(path.join(dir, 'build-'));
  });

  async function userWorkbook(file: string): Promise<void> {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Bảng của tôi').addRow(['Số liệu người dùng đã nhập', 441115]);
    await wb.xlsx.writeFile(file);
  }

  test('an existing workbook is kept without --force (subprocess), byte for byte, times included', async () => {
    const out = path.join(work, 'phu-luc.xlsx');
    await userWorkbook(out);
    const before = await snapshot(out);
    await tick();
    const r = await runCli(['build', '--sample', '-o', 'phu-luc.xlsx'], work);
    expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 2, stdout: '' });
    expect(r.stderr).toBe('danh-muc build: tệp "phu-luc.xlsx" đã có; không ghi đè (thêm --force nếu muốn ghi đè)\n');
    await tick();
    await expectUntouched(out, before);
  });

  test('a symbolic link at the output path: refused without --force; with --force the link is replaced, its target never written', async () => {
    const elsewhere = await fsp.mkdtemp(path.join(dir, 'elsewhere-'));
    const target = path.join(elsewhere, 'bao-cao-quan-trong.xlsx');
    await userWorkbook(target);
    const before = await snapshot(target);
    await fsp.symlink(target, path.join(work, 'phu-luc.xlsx'));
    await tick();
    const refused = await cliIn(work, 'build', '--sample', '-o', 'phu-luc.xlsx');
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/đã có; không ghi đè/);
    const forced = await cliIn(work, 'build', '--sample', '-o', 'phu-luc.xlsx', '--force');
    expect(forced.code).toBe(0);
    await tick();
    await expectUntouched(target, before);
    expect((await fsp.lstat(path.join(work, 'phu-luc.xlsx'))).isSymbolicLink()).toBe(false);
  });

  test('a build that fails while laying out leaves an existing output untouched, even with --force, and no temporary file', async () => {
    const out = path.join(work, 'phu-luc.xlsx');
    await userWorkbook(out);
    // A plan whose grand total needs 16 significant digits: read fine, refused by the layout.
    const p = planToJson(bigPlan(2, 10, (i) => (i === 0 ? 999_999_999_999_999n : 2n)).plan);
    await fsp.writeFile(path.join(work, 'qua-lon.plan.json'), JSON.stringify(p));
    const before = await snapshot(out);
    await tick();
    for (const force of [[], ['--force']]) {
      const r = await runCli(['build', 'qua-lon.plan.json', '-o', 'phu-luc.xlsx', ...force], work);
      expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 2, stdout: '' });
      expect(r.stderr.split('\n')).toHaveLength(2);
      expect(r.stderr).toMatch(force.length ? /không lập được phụ lục: Ô [A-Z]+\d+: số .* cần hơn 15 chữ số có nghĩa/ : /đã có; không ghi đè/);
    }
    await tick();
    await expectUntouched(out, before);
  });

  test('the input workbook of a build is only read', async () => {
    expect((await cliIn(work, 'template', '-o', 'mau.xlsx', '--years', '2021-2025', '--sources', 'NSĐP,NSTW,ĐTPT')).code).toBe(0);
    const input = path.join(work, 'nhap-lieu.xlsx');
    await fillTemplate(path.join(work, 'mau.xlsx'), bigPlan(30, 10).plan, input);
    const before = await snapshot(input);
    await tick();
    const r = await runCli(['build', 'nhap-lieu.xlsx', '-o', 'phu-luc.xlsx'], work);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Đã tạo phụ lục "Phụ lục 02" từ trang "Nhập liệu": 30 dự án, 3 nhóm/);
    await tick();
    const after = await snapshot(input);
    expect(after.bytes.equals(before.bytes)).toBe(true);
    expect(after.file).toEqual(before.file);
    expect(after.listing).toEqual([...before.listing, 'phu-luc.xlsx'].sort());
  });
});
