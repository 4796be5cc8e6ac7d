/**
 * A compression bomb (issue 6): a 1.5 MB .xlsx whose worksheet part inflates to 1.5 GB. `danh-muc check` and
 * `danh-muc build` must answer with exit 2 and one line — not hang, not die of memory. Today they do (exceljs cannot
 * hold the part as one string and the reader names the file as damaged); this guards it.
 */
import { createWriteStream, promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { runCli, type CliRun } from '../helpers/cliProcess';

const INFLATED = 1536 * 1024 * 1024;

const PARTS: Record<string, string> = {
  '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  '_rels/.rels': '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  'xl/workbook.xml': '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Phụ lục" sheetId="1" r:id="rId1"/></sheets></workbook>',
  'xl/_rels/workbook.xml.rels': '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
};

interface Entry { name: Buffer; crc: number; comp: number; size: number; offset: number }

/** Writes a zip (deflate, no zip64: every size < 4 GB) whose last entry is `bombName` inflating to INFLATED bytes. */
async function writeBomb(file: string, bombName: string): Promise<void> {
  const out = createWriteStream(file);
  const write = (b: Buffer) => new Promise<void>((res, rej) => out.write(b, (e) => (e ? rej(e) : res())));
  const entries: Entry[] = [];
  let offset = 0;
  const local = (e: Omit<Entry, 'offset'>) => {
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0); h.writeUInt16LE(20, 4); h.writeUInt16LE(0, 6); h.writeUInt16LE(8, 8);
    h.writeUInt32LE(e.crc >>> 0, 14); h.writeUInt32LE(e.comp, 18); h.writeUInt32LE(e.size, 22); h.writeUInt16LE(e.name.length, 26);
    return Buffer.concat([h, e.name]);
  };
  for (const [name, text] of Object.entries(PARTS)) {
    const data = Buffer.from(text, 'utf8');
    const comp = zlib.deflateRawSync(data);
    const e = { name: Buffer.from(name), crc: zlib.crc32(data), comp: comp.length, size: data.length };
    const head = local(e);
    entries.push({ ...e, offset });
    await write(head); await write(comp);
    offset += head.length + comp.length;
  }
  // The bomb: compress first (to learn its size and CRC), then write header + data.
  const start = Buffer.from('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>');
  const end = Buffer.from('</sheetData></worksheet>');
  const chunk = Buffer.alloc(64 * 1024 * 1024, 0x20);
  const deflate = zlib.createDeflateRaw({ level: 1 });
  const parts: Buffer[] = [];
  deflate.on('data', (b: Buffer) => parts.push(b));
  const done = new Promise((res) => deflate.on('end', res));
  let crc = zlib.crc32(start);
  deflate.write(start);
  for (let n = 0; n < INFLATED / chunk.length; n++) {
    crc = zlib.crc32(chunk, crc);
    if (!deflate.write(chunk)) await new Promise((res) => deflate.once('drain', res));
  }
  crc = zlib.crc32(end, crc);
  deflate.end(end);
  await done;
  const comp = Buffer.concat(parts);
  const e = { name: Buffer.from(bombName), crc, comp: comp.length, size: start.length + INFLATED + end.length };
  const head = local(e);
  entries.push({ ...e, offset });
  await write(head); await write(comp);
  offset += head.length + comp.length;
  const cd = Buffer.concat(entries.map((x) => {
    const h = Buffer.alloc(46);
    h.writeUInt32LE(0x02014b50, 0); h.writeUInt16LE(20, 4); h.writeUInt16LE(20, 6); h.writeUInt16LE(0, 8); h.writeUInt16LE(8, 10);
    h.writeUInt32LE(x.crc >>> 0, 16); h.writeUInt32LE(x.comp, 20); h.writeUInt32LE(x.size, 24); h.writeUInt16LE(x.name.length, 28);
    h.writeUInt32LE(x.offset, 42);
    return Buffer.concat([h, x.name]);
  }));
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0); eocd.writeUInt16LE(entries.length, 8); eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12); eocd.writeUInt32LE(offset, 16);
  await write(cd); await write(eocd);
  await new Promise((res) => out.end(res));
}

let dir: string;
const runs: Record<string, CliRun> = {};
let size = 0;

beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'danh-muc-h7-bomb-'));
  await writeBomb(path.join(dir, 'bom.xlsx'), 'xl/worksheets/sheet1.xml');
  size = (await fsp.stat(path.join(dir, 'bom.xlsx'))).size;
  runs.check = await runCli(['check', 'bom.xlsx'], dir, { measure: true, timeoutMs: 90_000 });
  runs.build = await runCli(['build', 'bom.xlsx', '-o', 'ra.xlsx'], dir, { measure: true, timeoutMs: 90_000 });
}, 240_000);

afterAll(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

test('the bomb is small on disk and really inflates (a well-formed zip)', async () => {
  expect(size).toBeLessThan(16 * 1024 * 1024);
  expect(INFLATED / size).toBeGreaterThan(100);
});

test.each(['check', 'build'])('%s: exit 2, one line naming the file, no crash, nothing written', async (cmd) => {
  const r = runs[cmd];
  console.log(`zip bomb (${(size / 1e6).toFixed(1)} MB → ${INFLATED / 1048576} MB): ${cmd} exit ${r.code} in ${(r.ms / 1000).toFixed(1)} s, maxRSS ${r.maxRssMb} MB`);
  expect({ code: r.code, signal: r.signal, stdout: r.stdout }).toEqual({ code: 2, signal: null, stdout: '' });
  expect(r.stderr.split('\n')).toHaveLength(2);
  expect(r.stderr).toMatch(new RegExp(`^danh-muc ${cmd}: .*"bom\\.xlsx"`));
  expect(r.stderr).not.toMatch(/FATAL|heap|lỗi không mong đợi/);
  expect((await fsp.readdir(dir)).sort()).toEqual(['bom.xlsx']);
});
