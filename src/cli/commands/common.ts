/** Shared by the build and template commands: plan input (files, the embedded sample). */
import { existsSync, promises as fsp } from 'fs';
import * as path from 'path';
import { CliError } from '../io';
import type { Plan } from '../../core/plan/model';
import { PlanJsonError } from '../../core/plan/planJson';
import { planFromJsonText } from '../../app/planJson';

export const SAMPLE_FILE = path.join('samples', 'soc-trang-2021-2025.plan.json');

/** The embedded sample, found relative to this package (src/cli/commands or build/src/cli/commands), not the cwd. */
export function samplePath(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const p = path.join(dir, SAMPLE_FILE);
    if (existsSync(p) && existsSync(path.join(dir, 'package.json'))) return p;
    dir = path.dirname(dir);
  }
  throw new CliError(`không tìm thấy mẫu có sẵn ${SAMPLE_FILE} trong gói cài đặt`);
}

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
  if (st.size === 0) throw new CliError(`tệp "${shown}" rỗng (0 byte)`);
  if (st.size > MAX_INPUT_BYTES) throw new CliError(`tệp "${shown}" quá lớn (${Math.round(st.size / 1048576)} MB; tối đa ${MAX_INPUT_BYTES / 1048576} MB)`);
  try {
    return await fsp.readFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EACCES') throw new CliError(`không có quyền đọc tệp "${shown}"`);
    throw e;
  }
}

export function looksLikeJson(buf: Buffer): boolean {
  const head = buf.subarray(0, 64).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  return head.startsWith('{') || head.startsWith('[');
}

export function planFromJsonBuffer(buf: Buffer, shown: string): Plan {
  const text = buf.toString('utf8').replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new CliError(`tệp "${shown}" không có nội dung`);
  try {
    return planFromJsonText(text);
  } catch (e) {
    if (e instanceof PlanJsonError) throw new CliError(`tệp kế hoạch "${shown}" không hợp lệ: ${e.message.split('\n')[0]}`);
    throw e;
  }
}

