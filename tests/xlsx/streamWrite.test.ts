/**
 * The streaming writer (streamWrite.ts + zipStream.ts): a valid ZIP whose every part's CRC checks, no data
 * descriptors; the in-memory exceljs writer (kept for adding sheets to a loaded workbook) appends to a streamed
 * file without touching its sheets; a failure half-way leaves neither the output nor a temporary file.
 */
import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { layoutPlan } from '../../src/core/layout/layout';
import type { SheetSpec } from '../../src/core/layout/sheetspec';
import { writeSpecToWorkbook, XlsxWriteError } from '../../src/xlsx/writeSpec';
import { streamSpecsToBuffer as writeSpecsToBuffer } from '../../src/xlsx/streamWrite';
import { writeWorkbook } from '../../src/xlsx/workbook';
import { basePlan, group, item, socTrangPlan } from '../helpers/fixtures';

let dir: string;
beforeAll(async () => { dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'danhmuc-stream-')); });
afterAll(async () => { await fsp.rm(dir, { recursive: true, force: true }); });

/** Local file headers of a ZIP, in order: name, general-purpose flags, method, CRC, sizes. */
function localHeaders(buf: Buffer): { name: string; flags: number; method: number; crc: number; csize: number; size: number }[] {
  const out = [];
  let p = 0;
  while (buf.readUInt32LE(p) === 0x04034b50) {
    const n = buf.readUInt16LE(p + 26);
    const x = buf.readUInt16LE(p + 28);
    const h = { name: buf.toString('utf8', p + 30, p + 30 + n), flags: buf.readUInt16LE(p + 6), method: buf.readUInt16LE(p + 8),
      crc: buf.readUInt32LE(p + 14), csize: buf.readUInt32LE(p + 18), size: buf.readUInt32LE(p + 22) };
    out.push(h);
    p += 30 + n + x + h.csize;
  }
  return out;
}

describe('streaming writer', () => {
  test('a ZIP with sizes and CRCs in every local header, each CRC checked on reading', async () => {
    const buf = await writeSpecsToBuffer([layoutPlan(socTrangPlan(), { words: true })]);
    const heads = localHeaders(buf);
    expect(heads.map((h) => h.name).sort()).toEqual([
      '[Content_Types].xml', '_rels/.rels', 'docProps/app.xml', 'docProps/core.xml', 'xl/_rels/workbook.xml.rels',
      'xl/sharedStrings.xml', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml',
    ]);
    for (const h of heads) expect([h.name, h.flags & 0x08, h.method, h.size > 0, h.crc !== 0]).toEqual([h.name, 0, 8, true, true]);
    const zip = await JSZip.loadAsync(buf, { checkCRC32: true });
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheet).toContain('<pane xSplit="2"');
    expect(sheet).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
  });

  test('a sheet of 3,000 rows (megabytes of XML) is deflated in chunks and reads back whole', async () => {
    const items = Array.from({ length: 3_000 }, (_, i) => item(String(i + 1), `Dự án số ${i + 1} <&> "x"`, { 2021: i + 1 }, 'NSTW'));
    const spec = layoutPlan(basePlan([group('I', 'Nhóm', items)]));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await writeSpecsToBuffer([spec]) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const last = spec.roles!.item[spec.roles!.item.length - 1];
    expect(ws.getCell(last + 1, 2).value).toBe('Dự án số 3000 <&> "x"');
    expect(ws.rowCount).toBe(spec.rows.length);
  });

  test('the in-memory writer adds a sheet to a streamed workbook and leaves the first one as it was', async () => {
    const a = layoutPlan(socTrangPlan(), { sheetName: 'Phụ lục 02' });
    const b = layoutPlan(basePlan([item('1', 'x', { 2021: '4967.667' }, 'NSTW')]), { sheetName: 'Phụ lục (2)' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await writeSpecsToBuffer([a]) as unknown as ArrayBuffer);
    const before = wb.worksheets[0].getSheetValues().map((r) => JSON.stringify(r)).join('\n');
    expect(() => writeSpecToWorkbook(wb, a)).toThrow(XlsxWriteError);
    writeSpecToWorkbook(wb, b);
    const again = new ExcelJS.Workbook();
    await again.xlsx.load(await wb.xlsx.writeBuffer());
    expect(again.worksheets.map((w) => w.name)).toEqual(['Phụ lục 02', 'Phụ lục (2)']);
    expect(again.worksheets[0].getSheetValues().map((r) => JSON.stringify(r)).join('\n')).toBe(before);
    expect(again.worksheets[1].getCell(b.roles!.item[0] + 1, 2).value).toBe('x');
  });

  test('a failure half-way leaves no output and no temporary file', async () => {
    const spec = layoutPlan(basePlan([group('I', 'Nhóm', Array.from({ length: 5000 }, (_, i) => item(String(i + 1), `Dự án ${i}`, { 2021: 1 }, 'NSTW')))]));
    const rows: SheetSpec['rows'] = spec.rows.map((r) => ({ ...r, cells: [...r.cells] }));
    rows[rows.length - 3].cells[1] = { t: 'text', v: 'x'.repeat(40000) };
    const out = path.join(dir, 'hong.xlsx');
    await expect(writeWorkbook([{ ...spec, rows }], out)).rejects.toThrow(/32767/);
    expect(await fsp.readdir(dir)).toEqual([]);
  });

  test('releasing rows as they are written gives the same parts, and only then drops the spec\'s rows', async () => {
    const parts = async (file: string) => {
      const zip = await JSZip.loadAsync(await fsp.readFile(file));
      const names = Object.keys(zip.files).filter((n) => n !== 'docProps/core.xml').sort();
      return Promise.all(names.map(async (n) => [n, await zip.file(n)!.async('string')]));
    };
    const kept = layoutPlan(socTrangPlan(), { words: true });
    const released = layoutPlan(socTrangPlan(), { words: true });
    const rowCount = kept.rows.length;
    await writeWorkbook([kept], path.join(dir, 'giu.xlsx'));
    await writeWorkbook([released], path.join(dir, 'tha.xlsx'), { releaseRows: true });
    expect(await parts(path.join(dir, 'tha.xlsx'))).toEqual(await parts(path.join(dir, 'giu.xlsx')));
    expect(kept.rows.every((r) => r !== undefined && r.cells.length > 0)).toBe(true);
    expect(released.rows).toHaveLength(rowCount);
    expect(released.rows.every((r) => r === undefined)).toBe(true);
    await fsp.rm(path.join(dir, 'giu.xlsx'));
    await fsp.rm(path.join(dir, 'tha.xlsx'));
  });
});
