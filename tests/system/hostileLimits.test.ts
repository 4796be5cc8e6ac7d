/**
 * Limits before work (issue 12), the command line as a real process: every hostile input — a device, a FIFO, a
 * newline in a path, merges whose total is huge, media parts that inflate to gigabytes, a sheet with more rows than
 * the reader takes, plans with too many sources, source codes that are JavaScript's own property names or differ
 * only in Unicode normalisation — ends quickly with a result, or exit 2 and exactly one Vietnamese line naming the
 * limit, never a library's message and never memory exhaustion.
 */
import { execFileSync } from 'child_process';
import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import { layoutPlan } from '../../src/core/layout/layout';
import { writeSpecsToBuffer } from '../../src/xlsx/writeSpec';
import { bigPlan } from '../helpers/bigPlan';
import { runCli, type CliRun } from '../helpers/cliProcess';

let dir: string;
let good: Buffer;

beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'danhmuc-limits-'));
  good = await writeSpecsToBuffer([layoutPlan(bigPlan(20, 4).plan)]);
});

afterAll(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

/** Exit 2, nothing on stdout, one line on stderr matching `why`, no library text. */
function oneLine(r: CliRun, why: RegExp): void {
  expect({ code: r.code, signal: r.signal, stdout: r.stdout }).toEqual({ code: 2, signal: null, stdout: '' });
  const lines = r.stderr.split('\n');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toBe('');
  expect(lines[0]).toMatch(why);
  expect(lines[0]).not.toMatch(/Cannot|undefined|function|TypeError|Error:|\bat .+:\d+|lỗi không mong đợi/);
}

/** `good` with its first worksheet part replaced by edit(xml), and extra parts added. */
async function edited(edit: (xml: string) => string, extra: Record<string, Buffer> = {}): Promise<Buffer> {
  const z = await JSZip.loadAsync(good);
  const xml = await z.file('xl/worksheets/sheet1.xml')!.async('string');
  z.file('xl/worksheets/sheet1.xml', edit(xml));
  for (const [k, v] of Object.entries(extra)) z.file(k, v, { compression: 'DEFLATE', compressionOptions: { level: 1 } });
  return z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

async function file(name: string, bytes: Buffer | string): Promise<string> {
  await fsp.writeFile(path.join(dir, name), bytes);
  return name;
}

function plan(codes: string[], amountKeys: string[] = codes): string {
  return JSON.stringify({
    format: 'danh-muc/plan@1', meta: { title: 'Kế hoạch', unit: 'triệu đồng' }, years: '2021-2022',
    sources: codes.map((code) => ({ code, label: code })),
    nodes: [{ kind: 'group', level: 1, tt: 'I', name: 'Nhóm', children: [1, 2].map((i) => ({
      kind: 'item', tt: String(i), name: `Dự án ${i}`, amounts: { sources: Object.fromEntries(amountKeys.map((k) => [k, '1.5'])) },
    })) }],
  });
}

describe('files that are not regular files', () => {
  test('check /dev/zero ends at once with one line, reading nothing', async () => {
    const r = await runCli(['check', '/dev/zero'], dir, { timeoutMs: 20_000 });
    oneLine(r, /"\/dev\/zero" không phải tệp thông thường/);
    expect(r.ms).toBeLessThan(15_000);
  });

  test('check of a FIFO does not wait for a writer', async () => {
    const fifo = path.join(dir, 'ong.xlsx');
    execFileSync('mkfifo', [fifo]);
    const r = await runCli(['check', 'ong.xlsx'], dir, { timeoutMs: 20_000 });
    oneLine(r, /"ong\.xlsx" không phải tệp thông thường/);
  });

  test('a newline in a path stays on one line; "--" ends the options', async () => {
    oneLine(await runCli(['check', 'a\nb.xlsx'], dir), /không tìm thấy tệp "a\\nb\.xlsx"/);
    await file('-la.xlsx', good);
    const r = await runCli(['check', '--', '-la.xlsx'], dir);
    expect([r.code, r.stderr]).toEqual([0, '']);
  });
});

describe('workbook packages', () => {
  test('merges small each but huge together: refused naming the total limit', async () => {
    // 150 merges of 1,400 cells each (the per-merge limit is 200,000): 210,000 cells together
    const refs = Array.from({ length: 150 }, (_, i) => `X${1000 + i * 700}:Y${1000 + i * 700 + 699}`);
    const name = await file('gop.xlsx', await edited((x) => x.replace(/<mergeCells[^]*?<\/mergeCells>/, '').replace('</sheetData>',
      `</sheetData><mergeCells count="${refs.length}">${refs.map((r) => `<mergeCell ref="${r}"/>`).join('')}</mergeCells>`)));
    oneLine(await runCli(['check', name], dir, { measure: true }), /tổng cộng hơn 200\.000 ô .*giới hạn tổng số ô gộp/);
  });

  test('media parts that inflate to 600 MB are never inflated: the check ends with its result in little memory', async () => {
    const zeros = Buffer.alloc(200 * 1024 * 1024);
    const name = await file('anh.xlsx', await edited((x) => x, { 'xl/media/image1.png': zeros, 'xl/media/image2.png': zeros, 'docProps/thumbnail.jpeg': zeros }));
    expect((await fsp.stat(path.join(dir, name))).size).toBeLessThan(3 * 1024 * 1024);
    const r = await runCli(['check', name, '--json'], dir, { measure: true });
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(JSON.parse(r.stdout).summary.sheets[0].items).toBe(20);
    expect(r.maxRssMb).toBeLessThan(400);
  }, 180_000); // zipping 600 MB of zeros in the test itself takes most of it on a loaded machine

  test('a worksheet part over the per-part inflated limit: one line naming the part and the limit', async () => {
    const pad = ' '.repeat(210 * 1024 * 1024);
    const name = await file('phong.xlsx', await edited((x) => x.replace('</worksheet>', `${pad}</worksheet>`)));
    oneLine(await runCli(['check', name], dir, { measure: true }), /"xl\/worksheets\/sheet1\.xml" .*hơn 200 MB \(giới hạn mỗi phần/);
  }, 180_000); // zipping 600 MB of zeros in the test itself takes most of it on a loaded machine

  test('a sheet with more rows than the reader takes: one line naming the row limit', async () => {
    const rows = Array.from({ length: 150_001 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>1</v></c></row>`).join('');
    const name = await file('dong.xlsx', await edited((x) => x.replace(/<sheetData>[^]*<\/sheetData>|<sheetData\/>/, `<sheetData>${rows}</sheetData>`).replace(/<mergeCells[^]*?<\/mergeCells>/, '')));
    oneLine(await runCli(['check', name], dir), /hơn 150\.000 dòng, quá giới hạn 150\.000 dòng/);
  }, 60_000);
});

describe('plans', () => {
  test('source codes named like JavaScript properties are ordinary codes', async () => {
    await file('proto.json', plan(['__proto__', 'constructor', 'toString']));
    const r = await runCli(['build', 'proto.json', '-o', 'proto.xlsx'], dir);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(/tổng cộng 9 triệu đồng/);
    const c = await runCli(['check', 'proto.xlsx', '--json'], dir);
    expect(JSON.parse(c.stdout).summary.errors).toBe(0);
  });

  test('two keys of one source that differ only in normalisation: an error naming it, no amount dropped', async () => {
    await file('nfc.json', plan(['Ã'], ['Ã', 'A\u0303']));
    oneLine(await runCli(['build', 'nfc.json', '-o', 'nfc.xlsx'], dir), /"Ã" được ghi hai lần/);
    await file('nfc2.json', plan(['Ã', 'A\u0303'], []));
    oneLine(await runCli(['build', 'nfc2.json', '-o', 'nfc2.xlsx'], dir), /sources\[1\]\.code: mã nguồn vốn "Ã" bị trùng với "Ã"/);
  });

  test('20,000 sources: refused before any work, naming the limit', async () => {
    await file('nhieu.json', plan(Array.from({ length: 20_000 }, (_, i) => `S${i}`), []));
    oneLine(await runCli(['build', 'nhieu.json', '-o', 'n.xlsx'], dir, { measure: true }), /20\.000 nguồn vốn, quá giới hạn 1\.000/);
  });

  test('a plan of 10^6 items: refused before any work, naming the limit, in little memory', async () => {
    const items = Array.from({ length: 1_000_000 }, (_, i) => `{"tt":"${i + 1}","name":"x"}`).join(',');
    await file('trieu.json', `{"format":"danh-muc/plan@1","meta":{"title":"K","unit":"triệu đồng"},"years":"2021-2022",`
      + `"sources":[{"code":"A","label":"A"}],"nodes":[{"kind":"group","level":1,"tt":"I","name":"N","children":[${items}]}]}`);
    const r = await runCli(['build', 'trieu.json', '-o', 't.xlsx'], dir, { measure: true, timeoutMs: 60_000 });
    oneLine(r, /quá giới hạn 200\.000 dòng của một kế hoạch/);
    expect(r.maxRssMb).toBeLessThan(1024);
    await expect(fsp.stat(path.join(dir, 't.xlsx'))).rejects.toThrow();
  });

  test('template --sources "=1+1" names what is missing, not a code ""', async () => {
    const r = await runCli(['template', '--sources', '=1+1', '-o', 't.xlsx'], dir);
    oneLine(r, /thiếu mã nguồn vốn trước dấu "=" trong "=1\+1"/);
    expect(r.stderr).not.toContain('""');
  });
});
