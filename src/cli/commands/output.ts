/** Shared by build and template: where the output goes, refusing to lose existing work. */
import { promises as fsp } from 'fs';
import * as path from 'path';
import { CliError } from '../io';
import { OutputExistsError, withFreeNames, writeFileAtomic, writeWorkbook } from '../../xlsx/workbook';
import { XlsxWriteError } from '../../xlsx/specCheck';
import type { SheetSpec } from '../../core/layout/sheetspec';
import type { StreamedBook } from '../../xlsx/streamRows';

/** The -o path, absolute, checked: one of `exts` (.xlsx by default), folder exists, not an existing file unless force. */
export async function checkOutput(
  out: string | undefined, cwd: string, force: boolean, example: string, exts: readonly string[] = ['.xlsx'],
): Promise<string> {
  if (!out) throw new CliError(`thiếu tệp ra: -o <${exts.map((e) => `tệp${e}`).join(' | ')}> (ví dụ: ${example})`);
  const abs = path.resolve(cwd, out);
  if (!exts.includes(path.extname(abs).toLowerCase())) throw new CliError(`tệp ra phải có đuôi ${exts.join(' hoặc ')}: "${out}"`);
  let st;
  try {
    st = await fsp.stat(path.dirname(abs));
  } catch {
    throw new CliError(`thư mục của tệp ra không tồn tại: "${path.dirname(abs)}"`);
  }
  if (!st.isDirectory()) throw new CliError(`"${path.dirname(abs)}" không phải thư mục`);
  const existing = await fsp.lstat(abs).catch(() => undefined);
  if (existing?.isDirectory()) throw new CliError(`"${out}" là một thư mục, không phải tệp`);
  if (existing && !force) throw new CliError(`tệp "${out}" đã có; không ghi đè (thêm --force nếu muốn ghi đè)`);
  return abs;
}

/**
 * Write the workbook (or, for a .docx path, the Word document) atomically; file-system and writer failures become
 * one-line CLI errors. The specs are consumed: an .xlsx writer releases their rows as it writes them.
 */
export async function writeOutput(
  specs: SheetSpec[], abs: string, shown: string, force: boolean, warn: (line: string) => void, book?: StreamedBook,
): Promise<string[]> {
  const warnings: string[] = [];
  try {
    if (path.extname(abs).toLowerCase() === '.docx') {
      // the Word writer (the docx package, ~40 ms to load) only for a .docx output
      const docx = await import('../../docx/writeDocx');
      try {
        await writeFileAtomic(abs, Buffer.from(await docx.writeDocx(specs)), force);
      } catch (e) {
        if (e instanceof docx.DocxWriteError) throw new CliError(`không ghi được tệp Word: ${e.message}`);
        throw e;
      }
      return withFreeNames(specs).map((s) => s.name);
    }
    const names = await writeWorkbook(specs, abs, { overwrite: force, warnings, releaseRows: true, book });
    for (const w of warnings) warn(`Lưu ý: ${w}`);
    return names;
  } catch (e) {
    if (e instanceof OutputExistsError) throw new CliError(`tệp "${shown}" đã có; không ghi đè (thêm --force nếu muốn ghi đè)`);
    if (e instanceof XlsxWriteError) throw xlsxWriteCliError(e);
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new CliError(`không có quyền ghi tệp "${shown}"`);
    if (code === 'ENOSPC') throw new CliError(`ổ đĩa đầy, không ghi được "${shown}"`);
    throw e;
  }
}

/** A SheetSpec the .xlsx writer refused (while writing, or while a layout streamed its rows into it). */
export const xlsxWriteCliError = (e: XlsxWriteError): CliError => new CliError(`không ghi được tệp Excel: ${e.message}`);
