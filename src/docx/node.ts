/**
 * Reading a .docx in Node: a regular file within the input size limit (as an .xlsx), inflated by node:zlib with a
 * cap on each part's output (a compression bomb stops at the limit), then the browser-safe reader (readDocx.ts).
 */
import { promises as fsp } from 'fs';
import * as zlib from 'zlib';
import { MAX_FILE_BYTES, type Inflater } from '../core/base/zipPackage';
import type { WordDocument } from '../core/word/document';
import { DOCX_MESSAGES as M, UnreadableDocxError } from './messages';
import { readDocx } from './readDocx';

/** Node's raw inflate with a cap on the output: undefined once the output would pass `cap` bytes. */
export const nodeInflater: Inflater = (data, cap) => new Promise((resolve, reject) => {
  zlib.inflateRaw(data, { maxOutputLength: cap }, (err, out) => {
    if (!err) resolve(new Uint8Array(out.buffer, out.byteOffset, out.byteLength));
    else if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') resolve(undefined);
    else reject(err);
  });
});

async function fileBytes(file: string): Promise<Buffer> {
  let st;
  try {
    st = await fsp.stat(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' || code === 'ENOTDIR' ? 'không tìm thấy tệp' : code === 'EACCES' ? 'không có quyền đọc tệp' : 'không đọc được tệp';
    throw new UnreadableDocxError(`${why}: ${file}`, 'not-found');
  }
  if (!st.isFile()) throw new UnreadableDocxError(`"${file}" không phải tệp thông thường`, 'not-found');
  if (st.size === 0) throw new UnreadableDocxError(M.empty, 'empty');
  if (st.size > MAX_FILE_BYTES) throw new UnreadableDocxError(M.fileSize, 'too-large');
  return fsp.readFile(file);
}

/** A .docx (path or bytes) as the core's WordDocument; UnreadableDocxError with one Vietnamese line otherwise. */
export async function readDocxFile(pathOrBytes: string | Uint8Array, name?: string): Promise<WordDocument> {
  const bytes = typeof pathOrBytes === 'string' ? await fileBytes(pathOrBytes) : pathOrBytes;
  return readDocx(bytes, nodeInflater, name ?? (typeof pathOrBytes === 'string' ? pathOrBytes : undefined));
}

export { looksLikeDocx } from './sniff';
