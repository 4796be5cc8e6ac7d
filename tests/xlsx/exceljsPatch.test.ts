/**
 * The exceljs patch (src/xlsx/exceljsPatch.ts) rests on exceljs internals: these tests fail as soon as exceljs
 * changes underneath it (another version installed, the patched method renamed or reshaped, merges kept
 * differently), so that the patch is looked at again before it silently stops guarding the reader.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { installExceljsPatch, worksheetPrototype, MAX_MERGE_CELLS } from '../../src/xlsx/exceljsPatch';
import { readWorkbookGrids, UnreadableWorkbookError } from '../../src/xlsx/readGrid';
import pkg from '../../package.json';

async function tinyWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Gộp');
  ws.getCell('A1').value = 'TT';
  ws.getCell('B2').value = 'Nguồn vốn';
  ws.mergeCells('B2:C3');
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The tiny workbook with its merge replaced by ref (a crafted file: exceljs itself would build every cell). */
async function withMerge(ref: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await tinyWorkbook());
  const name = Object.keys(zip.files).find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))!;
  const xml = await zip.file(name)!.async('string');
  const crafted = xml.replace('ref="B2:C3"', `ref="${ref}"`);
  expect(crafted).not.toBe(xml);
  zip.file(name, crafted);
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe('exceljs under the patch', () => {
  test('the installed exceljs is the version package.json pins exactly (4.4.0)', () => {
    expect(pkg.dependencies.exceljs).toBe('4.4.0');
    expect(require('exceljs/package.json').version).toBe(pkg.dependencies.exceljs);
  });

  test('before patching, Worksheet#_parseMergeCells(model) is exceljs’ own, called by the model setter', () => {
    const proto = worksheetPrototype();
    const parse = proto._parseMergeCells;
    expect(typeof parse).toBe('function');
    expect(parse!.name).toBe('_parseMergeCells');
    expect(parse!.length).toBe(1);
    expect(typeof proto.mergeCellsWithoutStyle).toBe('function');
    const setter = Object.getOwnPropertyDescriptor(proto, 'model')?.set;
    expect(String(setter)).toContain('this._parseMergeCells(value)');
  });

  test('installing twice wraps the method once', () => {
    const proto = worksheetPrototype();
    installExceljsPatch();
    const patched = proto._parseMergeCells;
    expect(patched!.name).toBe('guarded');
    installExceljsPatch();
    expect(proto._parseMergeCells).toBe(patched);
  });

  test('a tiny workbook: the merge reads as one range, its other cells empty', async () => {
    const [g] = await readWorkbookGrids(await tinyWorkbook());
    expect(g.merges).toEqual([{ r0: 1, c0: 1, r1: 2, c1: 2 }]);
    expect(g.cells[1][1]).toMatchObject({ value: 'Nguồn vốn' });
    expect(g.cells[1][2] ?? null).toBeNull();
    expect(g.cells[2]?.[1] ?? null).toBeNull();
  });

  test('a merge over the limit is refused before exceljs builds its cells; one at the limit is read', async () => {
    const err = await readWorkbookGrids(await withMerge('A1:XFD1048576')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnreadableWorkbookError);
    expect((err as UnreadableWorkbookError).reason).toBe('merge-too-large');
    expect((err as UnreadableWorkbookError).message).toContain('A1:XFD1048576 (17.179.869.184 ô)');
    expect(MAX_MERGE_CELLS).toBe(200000);
    const [g] = await readWorkbookGrids(await withMerge('B2:C100001')); // 2 × 100,000 cells: exactly the limit
    expect(g.merges).toEqual([{ r0: 1, c0: 1, r1: 100000, c1: 2 }]);
  });
});
