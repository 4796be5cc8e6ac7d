/**
 * Writing whole workbooks safely (streamed, so a large appendix never sits whole in memory): every sheet gets a free name, the file is written to a temporary file in
 * the same folder and only then moved into place, so a failure never leaves a half-written output, and an
 * existing file is never replaced unless the caller says so.
 */
import { promises as fsp } from 'fs';
import * as path from 'path';
import type { SheetSpec } from '../core/layout/sheetspec';
import { freeSheetName } from '../core/layout/sheetNames';
import type { FileHandle } from 'fs/promises';
import { streamSpecsToFile } from './streamWrite';
import type { StreamedBook } from './streamRows';

/** The output file already exists and overwriting was not asked for. */
export class OutputExistsError extends Error {
  constructor(public readonly file: string) {
    super(`tệp "${file}" đã có; không ghi đè (dùng --force nếu muốn ghi đè)`);
    this.name = 'OutputExistsError';
  }
}

/** Specs renamed so that no two sheets share a name (case-insensitive), in order. */
export function withFreeNames(specs: SheetSpec[], existing: string[] = []): SheetSpec[] {
  const taken = [...existing];
  return specs.map((s) => {
    const name = freeSheetName(taken, s.name);
    taken.push(name);
    return name === s.name ? s : { ...s, name };
  });
}

export interface WriteWorkbookOptions {
  /** Replace an existing file at outPath. Default false: throw OutputExistsError. */
  overwrite?: boolean;
  /** Receives what was written otherwise than asked (a list validation Excel cannot take). */
  warnings?: string[];
  /** The caller never reads the specs again: their rows are released as they are written (see streamWrite.ts). */
  releaseRows?: boolean;
  /** The book the first spec's body rows were streamed into as laid out (streamRows.ts). */
  book?: StreamedBook;
}

/**
 * Writes the sheets to outPath atomically: the package is streamed (streamWrite.ts) into a temporary file next to
 * outPath, then linked (no overwrite) or renamed (overwrite) into place. Returns the sheet names used.
 */
export async function writeWorkbook(specs: SheetSpec[], outPath: string, opts: WriteWorkbookOptions = {}): Promise<string[]> {
  const named = withFreeNames(specs);
  if (!opts.overwrite && (await exists(outPath))) throw new OutputExistsError(outPath);
  await writeFileAtomic(outPath, (fh) => streamSpecsToFile(named, fh, { warnings: opts.warnings, releaseRows: opts.releaseRows, book: opts.book }), opts.overwrite ?? false);
  return named.map((s) => s.name);
}

async function exists(p: string): Promise<boolean> {
  try {
    await fsp.lstat(p);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
}

/**
 * Temp file in the same folder, then into place; the temp file is removed on any failure. `data` is the bytes, or
 * a function that writes them into the open temporary file.
 */
export async function writeFileAtomic(
  outPath: string, data: Buffer | ((fh: FileHandle) => Promise<void>), overwrite: boolean,
): Promise<void> {
  const dir = path.dirname(path.resolve(outPath));
  const tmp = path.join(dir, `.${path.basename(outPath)}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
  try {
    const fh = await fsp.open(tmp, 'wx');
    try {
      if (Buffer.isBuffer(data)) await fh.writeFile(data);
      else await data(fh);
    } finally {
      await fh.close();
    }
    if (overwrite) {
      await fsp.rename(tmp, outPath);
    } else {
      // link() fails with EEXIST instead of replacing: no window in which another file could be clobbered.
      try {
        await fsp.link(tmp, outPath);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw new OutputExistsError(outPath);
        // File systems without hard links: check, then rename.
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw e;
        if (await exists(outPath)) throw new OutputExistsError(outPath);
        await fsp.rename(tmp, outPath);
      }
    }
  } finally {
    await fsp.rm(tmp, { force: true });
  }
}
