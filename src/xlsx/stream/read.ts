/**
 * The streaming workbook reader: an .xlsx (path or bytes) → plain Grids, without exceljs. The zip's central
 * directory is read here (src/xlsx/zipGuard.ts), the parts the grids need — workbook, relationships, shared strings,
 * styles, worksheets — are inflated one at a time as streams within the package limits and parsed with saxes;
 * nothing else in the package is ever inflated. Grids are those the exceljs reader gave (src/xlsx/readGrid.ts,
 * compared in tests/xlsx/streamReader.test.ts).
 *
 * Input that is not a readable workbook throws UnreadableWorkbookError with a one-line Vietnamese reason.
 */
import { promises as fsp } from 'fs';
import type { Grid } from '../../core/base/grid';
import { Dec } from '../../core/base/decimal';
import { EXCEL, PACKAGE } from '../../core/base/limits';
import { formatVi } from '../../core/text/numbers';
import { sniffWorkbook, UnreadableWorkbookError } from '../readErrors';
import { packageError } from '../readMessages';
import { PackageLimit } from '../zipGuard';
import { CellTooLong, CorruptSheet, MergeLimit, newCellPool, resetPooling } from './cells';
import { readRels, readSharedStrings, readStyles, readWorkbook } from './parts';
import { readSheet, type SheetContext } from './sheet';
import { ZipParts } from './zipParts';

const n = (x: number) => formatVi(new Dec(x));

async function bytesOf(pathOrBuffer: string | Buffer | Uint8Array): Promise<Buffer> {
  if (typeof pathOrBuffer !== 'string') return Buffer.isBuffer(pathOrBuffer) ? pathOrBuffer : Buffer.from(pathOrBuffer);
  try {
    return await fsp.readFile(pathOrBuffer);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'không tìm thấy tệp' : code === 'EISDIR' ? 'đây là thư mục, không phải tệp'
      : code === 'EACCES' ? 'không có quyền đọc tệp' : 'không đọc được tệp';
    throw new UnreadableWorkbookError(`${why}: ${pathOrBuffer}`, 'not-found');
  }
}

/** Every worksheet of a workbook as a Grid, in workbook order. */
export async function readWorkbookGrids(pathOrBuffer: string | Buffer | Uint8Array): Promise<Grid[]> {
  const buf = await bytesOf(pathOrBuffer);
  const sniffed = sniffWorkbook(buf);
  if (sniffed) throw sniffed;
  let sheet = '';
  try {
    const zip = new ZipParts(buf);
    if (!zip.has('xl/workbook.xml')) throw new PackageLimit('corrupt', 'xl/workbook.xml');
    const { sheets, date1904 } = await readWorkbook(zip);
    if (sheets.length === 0) throw new UnreadableWorkbookError('tệp không chứa trang tính nào', 'no-sheets');
    const ctx: SheetContext = { strings: await readSharedStrings(zip), styles: await readStyles(zip), date1904, cells: 0, merged: { cells: 0 }, pool: new Map(),
      cellPool: newCellPool() };
    const grids: Grid[] = [];
    for (const s of sheets) {
      sheet = s.name;
      resetPooling(ctx.cellPool);
      const rels = s.part.replace(/^xl\/worksheets\/(.*)$/, 'xl/worksheets/_rels/$1.rels');
      grids.push(await readSheet(zip, s.part, s.name, ctx, await readRels(zip, rels)));
    }
    return grids;
  } catch (e) {
    throw asUnreadable(e, sheet);
  }
}

/** The one Vietnamese line for anything the reader refuses; anything else is passed on unchanged. */
function asUnreadable(e: unknown, sheet: string): unknown {
  if (e instanceof UnreadableWorkbookError) return e;
  if (e instanceof PackageLimit) return new UnreadableWorkbookError(...packageError(e));
  if (e instanceof MergeLimit) {
    return new UnreadableWorkbookError(e.total
      ? `tệp có tổng cộng hơn ${n(PACKAGE.maxMergedCells)} ô nằm trong vùng gộp ô (giới hạn tổng số ô gộp), quá nhiều cho một bảng phụ lục; hãy bỏ gộp ô rồi lưu lại`
      : `tệp có vùng gộp ô ${e.ref} (${n(e.cells)} ô), quá lớn cho một bảng phụ lục; hãy bỏ gộp ô rồi lưu lại`, 'merge-too-large');
  }
  if (e instanceof CellTooLong) {
    return new UnreadableWorkbookError(
      `ô ${e.address} của trang "${sheet}" chứa ${n(e.length)} ký tự, quá giới hạn ${n(EXCEL.maxCellText)} ký tự một ô của Excel; không kiểm tra tệp này`,
      'cell-too-long');
  }
  if (e instanceof CorruptSheet) {
    if (e.kind === 'rows') {
      return new UnreadableWorkbookError(
        `trang "${sheet}" có ô ở dòng ${n(e.figure)}, ngoài giới hạn ${n(EXCEL.maxRows)} dòng của Excel; tệp không do Excel tạo`, 'beyond-sheet');
    }
    if (e.kind === 'cols') {
      return new UnreadableWorkbookError(
        `trang "${sheet}" có ô ở cột thứ ${n(e.figure)}, ngoài giới hạn ${n(EXCEL.maxCols)} cột của Excel; tệp không do Excel tạo`, 'beyond-sheet');
    }
    return new UnreadableWorkbookError('tệp .xlsx bị hỏng hoặc không đầy đủ; hãy mở bằng Excel rồi lưu lại', 'corrupt');
  }
  // A damaged directory (offsets past the end, lengths that do not add up) is a damaged file, nothing else.
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ERR_OUT_OF_RANGE' || code === 'ERR_BUFFER_OUT_OF_BOUNDS') {
    return new UnreadableWorkbookError(...packageError(new PackageLimit('corrupt', '')));
  }
  return e;
}
