/** Shared by the build and template commands: plan input (files, the embedded sample). */
import { existsSync } from 'fs';
import * as path from 'path';
import { CliError } from '../io';
import type { Plan } from '../../core/plan/model';
import { PlanJsonError } from '../../core/plan/planJson';
import { parsePlanJson, planFromJsonData } from '../../app/planJson';
import { parseJsonPieces } from './jsonPieces';

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

export { MAX_INPUT_BYTES, readInput } from './readInput';

export function looksLikeJson(buf: Buffer): boolean {
  const head = buf.subarray(0, 64).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  return head.startsWith('{') || head.startsWith('[');
}

export function planFromJsonBuffer(buf: Buffer, shown: string): Plan {
  // The text is dropped once parsed: the plan is built while only the parsed data is alive (100,000 items: the
  // text is ~70 MB as a JavaScript string).
  const data = jsonOf(buf, shown);
  try {
    return planFromJsonData(data, true);
  } catch (e) {
    throw planJsonCliError(e, shown);
  }
}

function jsonOf(buf: Buffer, shown: string): unknown {
  // A large file is parsed a piece at a time (jsonPieces.ts), never as one string; else, or when that fails, whole.
  const pieces = parseJsonPieces(buf, buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0);
  if (pieces !== undefined) return pieces;
  const text = buf.toString('utf8').replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new CliError(`tệp "${shown}" không có nội dung`);
  try {
    return parsePlanJson(text);
  } catch (e) {
    throw planJsonCliError(e, shown);
  }
}

function planJsonCliError(e: unknown, shown: string): unknown {
  return e instanceof PlanJsonError ? new CliError(`tệp kế hoạch "${shown}" không hợp lệ: ${e.message.split('\n')[0]}`) : e;
}

