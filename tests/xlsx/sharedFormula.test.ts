/** A shared formula whose master is missing (a damaged or hand-edited file): its cached result, never "[object Object]". */
import JSZip from 'jszip';
import { checkGrid } from '../../src/core/checks/sheetCheck';
import { readWorkbookGrids } from '../../src/xlsx/readGrid';
import { at, socTrang2125, toXlsx } from '../helpers/seedSheets';

it('a shared-formula cell without its master reads as its cached value; the sheet checks clean', async () => {
  const l = socTrang2125();
  const addr = at(l, 'I.1', 'total');
  const zip = await JSZip.loadAsync(await toXlsx(l));
  const name = Object.keys(zip.files).find((f) => /worksheets\/sheet1\.xml$/.test(f))!;
  const xml = await zip.file(name)!.async('string');
  const m = new RegExp(`<c r="${addr}"[^>]*>.*?</c>`).exec(xml)!;
  zip.file(name, xml.replace(m[0], m[0].replace('<v>', '<f t="shared" si="5"/><v>')));
  const [grid] = await readWorkbookGrids(await zip.generateAsync({ type: 'nodebuffer' }));
  expect(grid.cells[l.rowOf['I.1'] - 1][10]).toMatchObject({ value: 9559 });
  const fs = checkGrid(grid).findings;
  expect(fs.map((f) => `${f.code}@${f.cell}`)).toEqual(['TEXT_NUMBER@L9']);
  expect(fs.some((f) => (f.actual ?? '').includes('[object Object]'))).toBe(false);
});
