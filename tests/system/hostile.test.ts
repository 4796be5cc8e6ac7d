/**
 * The command line on hostile files, as a real subprocess (issue 6): for `check` and for `build`, every kind of file
 * that is not a workbook we can read — truncated, a .docx renamed, empty, password-protected (OLE/CFB container with
 * an EncryptionInfo stream), a legacy .xls, random bytes, a zip of junk, a broken workbook part, a folder, a missing
 * path — exits 2 with exactly one line on stderr, in Vietnamese, naming the file, with no stack trace, nothing on
 * stdout, and no file left behind. In-process tests (tests/reader, tests/cli) cannot see what Node itself prints
 * (warnings, unhandled rejections, a crash after the exit code is set); these runs do.
 */
import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import { layoutPlan } from '../../src/core/layout/layout';
import { writeSpecsToBuffer } from '../../src/xlsx/writeSpec';
import { bigPlan } from '../helpers/bigPlan';
import { runCli, type CliRun } from '../helpers/cliProcess';

let dir: string;

/** A compound-file (OLE2/CFB) header with one directory entry: how Excel stores a password-protected .xlsx. */
function oleFile(streamName: string): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 0x18); // minor version
  header.writeUInt16LE(0x0003, 0x1a); // major version 3
  header.writeUInt16LE(0xfffe, 0x1c); // little endian
  header.writeUInt16LE(9, 0x1e); // 512-byte sectors
  const entry = Buffer.alloc(128);
  Buffer.from(`${streamName}\0`, 'utf16le').copy(entry, 0);
  entry.writeUInt16LE((streamName.length + 1) * 2, 64);
  entry[66] = 2; // stream
  return Buffer.concat([header, entry, Buffer.alloc(384)]);
}

async function zipOf(entries: Record<string, string>): Promise<Buffer> {
  const z = new JSZip();
  for (const [k, v] of Object.entries(entries)) z.file(k, v);
  return z.generateAsync({ type: 'nodebuffer' });
}

const CT = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';

/** name → [bytes (or 'dir' / 'missing'), what the one line must say]. */
async function hostileFiles(): Promise<[string, Buffer | 'dir' | 'missing', RegExp][]> {
  const good = await writeSpecsToBuffer([layoutPlan(bigPlan(40, 10).plan)]);
  let seed = 12345;
  const random = Buffer.from(Array.from({ length: 64 * 1024 }, () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed & 0xff; }));
  return [
    ['cat-cut.xlsx', good.subarray(0, Math.floor(good.length / 2)), /cắt cụt|hỏng/],
    ['van-ban.xlsx', await zipOf({ '[Content_Types].xml': CT, 'word/document.xml': '<w:document/>' }), /Word \(\.docx\)/],
    ['rong.xlsx', Buffer.alloc(0), /rỗng/],
    ['mat-khau.xlsx', oleFile('EncryptionInfo'), /mật khẩu/],
    ['excel-cu.xlsx', oleFile('Workbook'), /Excel cũ \(\.xls\)/],
    ['ngau-nhien.xlsx', random, /không phải bảng tính|không nhận ra/],
    ['zip-rac.xlsx', await zipOf({ 'a.txt': 'không phải bảng tính' }), /không chứa bảng tính|thiếu xl\/workbook/],
    ['hong.xlsx', await zipOf({ '[Content_Types].xml': CT, 'xl/workbook.xml': '<workbook><sheets><sheet name="A" r:id="rId9"', '_rels/.rels': '<' }), /hỏng|không chứa trang tính|không đầy đủ/],
    ['thu-muc.xlsx', 'dir', /thư mục/],
    ['khong-co.xlsx', 'missing', /không tìm thấy/],
  ];
}

const cases: { cmd: 'check' | 'build'; name: string; why: RegExp }[] = [];
const made: Record<string, Buffer | 'dir' | 'missing'> = {};
const runs = new Map<string, CliRun>();

beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'danh-muc-h7-hostile-'));
  for (const [name, bytes, why] of await hostileFiles()) {
    made[name] = bytes;
    if (bytes === 'dir') await fsp.mkdir(path.join(dir, name));
    else if (bytes !== 'missing') await fsp.writeFile(path.join(dir, name), bytes);
    for (const cmd of ['check', 'build'] as const) cases.push({ cmd, name, why });
  }
  // Two subprocesses at a time (the machine has two cores).
  const queue = [...cases];
  const worker = async () => {
    for (let c = queue.shift(); c; c = queue.shift()) {
      const args = c.cmd === 'check' ? ['check', c.name] : ['build', c.name, '-o', `ra-${c.name}`];
      runs.set(`${c.cmd} ${c.name}`, await runCli(args, dir));
    }
  };
  await Promise.all([worker(), worker()]);
}, 240_000);

afterAll(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

describe('exit 2 with exactly one clear line, for check and build', () => {
  test('every hostile file was tried with both commands', () => {
    expect(runs.size).toBe(20);
  });

  test.each(['cat-cut.xlsx', 'van-ban.xlsx', 'rong.xlsx', 'mat-khau.xlsx', 'excel-cu.xlsx', 'ngau-nhien.xlsx', 'zip-rac.xlsx', 'hong.xlsx', 'thu-muc.xlsx', 'khong-co.xlsx'])('%s', (name) => {
    for (const cmd of ['check', 'build'] as const) {
      // a Word plan is told by its content: `check` reads it as one (the test after this one); `build` refuses it
      if (cmd === 'check' && name === 'van-ban.xlsx') continue;
      const r = runs.get(`${cmd} ${name}`)!;
      const why = cases.find((c) => c.name === name)!.why;
      expect({ cmd, code: r.code, signal: r.signal, stdout: r.stdout }).toEqual({ cmd, code: 2, signal: null, stdout: '' });
      const lines = r.stderr.split('\n');
      expect([cmd, lines.length, lines[1]]).toEqual([cmd, 2, '']); // one line, ended by a newline
      const line = lines[0];
      expect(line.startsWith(`danh-muc ${cmd}: `)).toBe(true);
      expect([cmd, line]).toEqual([cmd, expect.stringMatching(why)]);
      expect(line).toContain(`"${name}"`.replace(/^"khong-co\.xlsx"$/, 'khong-co.xlsx'));
      expect(line).not.toMatch(/lỗi không mong đợi|\bat .+:\d+|Error:|TypeError|\[object/);
      expect(line).toBe(line.normalize('NFC'));
      expect(line.length).toBeLessThan(400);
    }
  });

  test('a Word document named .xlsx is checked as the Word plan it is: no table in it, one UNREADABLE_TABLE (exit 1)', () => {
    const r = runs.get('check van-ban.xlsx')!;
    expect([r.code, r.signal, r.stderr]).toEqual([1, null, '']);
    expect(r.stdout).toContain('[UNREADABLE_TABLE] Văn bản "van-ban.xlsx" không có bảng nào');
  });

  test('nothing was written: only the hostile files themselves are in the folder', async () => {
    const expected = Object.entries(made).filter(([, b]) => b !== 'missing').map(([n]) => n).sort();
    expect((await fsp.readdir(dir)).sort()).toEqual(expected);
    for (const [name, bytes] of Object.entries(made)) {
      if (Buffer.isBuffer(bytes)) expect([name, (await fsp.readFile(path.join(dir, name))).equals(bytes)]).toEqual([name, true]);
    }
  });
});
