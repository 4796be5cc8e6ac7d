/** Reading an input file (plan, input workbook, workbook to check) with its limits checked before any byte is read. */
import { promises as fsp } from 'fs';
import { CliError } from '../io';

/** Max input size read into memory (a plan or input workbook is far smaller). */
export const MAX_INPUT_BYTES = 200 * 1024 * 1024;

export async function readInput(file: string, shown: string): Promise<Buffer> {
  let st;
  try {
    st = await fsp.stat(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new CliError(`không tìm thấy tệp "${shown}"`);
    if (code === 'EACCES') throw new CliError(`không có quyền đọc tệp "${shown}"`);
    throw e;
  }
  if (st.isDirectory()) throw new CliError(`"${shown}" là một thư mục, không phải tệp`);
  // A FIFO would wait forever, a device (/dev/zero) never ends: only regular files are read.
  if (!st.isFile()) throw new CliError(`"${shown}" không phải tệp thông thường (chỉ đọc tệp trên đĩa, không đọc thiết bị, ống dẫn hay socket)`);
  if (st.size === 0) throw new CliError(`tệp rỗng (0 byte): "${shown}"`);
  if (st.size > MAX_INPUT_BYTES) {
    throw new CliError(`tệp "${shown}" quá lớn (${Math.ceil(st.size / 1048576)} MB; giới hạn kích thước tệp vào là ${MAX_INPUT_BYTES / 1048576} MB)`);
  }
  try {
    return await fsp.readFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EACCES') throw new CliError(`không có quyền đọc tệp "${shown}"`);
    throw e;
  }
}
