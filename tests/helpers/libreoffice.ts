/**
 * LibreOffice (soffice) for tests: recalculate workbooks and render PDFs, the way a real spreadsheet engine sees them.
 *
 * - every run uses a fresh user profile whose registrymodifications.xcu sets Calc's OOXMLRecalcMode (and
 *   ODFRecalcMode) to 0 = "always recalculate on load", so the cached values our writer stores are never just read
 *   back: what the tests see is what LibreOffice computes from the formulas;
 * - one soffice at a time: calls are chained in this process and, across processes (jest workers, other
 *   engineers' test runs), wrapped in `flock` on a lock file;
 * - the locale is vi-VN (as on an officer's machine), so a PDF shows 441.115 and 4.967,667;
 * - several files per run (soffice converts them all in one start), generous timeouts;
 * - soffice missing → SofficeMissingError, so the tests FAIL (never skip): CI installs libreoffice-calc-nogui.
 */
import { execFile, execFileSync } from 'child_process';
import { promises as fsp, existsSync } from 'fs';
import * as os from 'os';
import * as path from 'path';

export class SofficeMissingError extends Error {
  constructor() {
    super('LibreOffice (soffice) was not found on PATH: install libreoffice-calc-nogui (scripts/setup.sh does). '
      + 'The spreadsheet-engine tests cannot run without it.');
    this.name = 'SofficeMissingError';
  }
}

export class SofficeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SofficeError';
  }
}

const LOCK_FILE = path.join(os.tmpdir(), 'danh-muc-soffice.lock');
const DEFAULT_TIMEOUT_MS = 240_000;

let cachedBinary: string | undefined;

/** The first of `candidates` (paths or command names) that exists; SofficeMissingError when none does. */
export function findSoffice(candidates: string[]): string {
  for (const c of candidates) {
    try {
      const p = c.includes('/') ? c : execFileSync('sh', ['-c', 'command -v "$1"', 'sh', c], { encoding: 'utf8' }).trim();
      if (p && existsSync(p)) return p;
    } catch { /* not this one */ }
  }
  throw new SofficeMissingError();
}

/** The soffice executable: $SOFFICE when set (and then only it), else soffice / libreoffice on PATH. */
export function sofficeBinary(): string {
  cachedBinary ??= findSoffice(process.env.SOFFICE ? [process.env.SOFFICE] : ['soffice', 'libreoffice']);
  return cachedBinary;
}

const hasFlock = (() => {
  try { execFileSync('sh', ['-c', 'command -v flock'], { encoding: 'utf8' }); return true; } catch { return false; }
})();

export const REGISTRY_XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>vi-VN</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooLocale" oor:op="fuse"><value>vi-VN</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" oor:op="fuse"><value>false</value></prop></item>
</oor:items>
`;

/** A fresh profile directory with the always-recalculate setting; returns its file:// URL and path. */
export async function freshProfile(): Promise<{ dir: string; url: string }> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'danh-muc-lo-profile-'));
  await fsp.mkdir(path.join(dir, 'user'), { recursive: true });
  await fsp.writeFile(path.join(dir, 'user', 'registrymodifications.xcu'), REGISTRY_XCU, 'utf8');
  return { dir, url: `file://${dir}` };
}

let queue: Promise<unknown> = Promise.resolve();

function serialised<T>(job: () => Promise<T>): Promise<T> {
  const next = queue.then(job, job);
  queue = next.catch(() => undefined);
  return next;
}

function run(cmd: string, args: string[], timeoutMs: number): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024, killSignal: 'SIGKILL' }, (err, stdout, stderr) => {
      if (err) reject(new SofficeError(`soffice failed (${err.message.split('\n')[0]}): ${stderr || stdout}`));
      else resolve({ stdout, stderr });
    });
  });
}

export type ConvertTarget = 'xlsx' | 'pdf';

/**
 * Converts `files` with one soffice run into `outDir` (created), returning the output paths in input order.
 * Inputs must have distinct base names. Throws SofficeError when an output is missing.
 */
export async function convertWithLibreOffice(
  files: string[], target: ConvertTarget, outDir: string, timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<string[]> {
  const bin = sofficeBinary();
  if (files.length === 0) return [];
  const bases = files.map((f) => path.basename(f).replace(/\.[^.]+$/, ''));
  if (new Set(bases).size !== bases.length) throw new SofficeError('convertWithLibreOffice: input base names must differ');
  await fsp.mkdir(outDir, { recursive: true });
  const outs = bases.map((b) => path.join(path.resolve(outDir), `${b}.${target}`));
  for (const o of outs) await fsp.rm(o, { force: true });
  // Word documents render through Writer's PDF export, workbooks through Calc's
  const writer = files.every((f) => /\.(docx|odt)$/i.test(f));
  const filter = target === 'xlsx' ? 'xlsx:Calc MS Excel 2007 XML' : writer ? 'pdf:writer_pdf_Export' : 'pdf:calc_pdf_Export';
  return serialised(async () => {
    const profile = await freshProfile();
    try {
      const args = [
        '--headless', '--norestore', '--nologo', '--nodefault', '--nolockcheck',
        `-env:UserInstallation=${profile.url}`,
        '--convert-to', filter, '--outdir', path.resolve(outDir), ...files.map((f) => path.resolve(f)),
      ];
      const res = hasFlock
        ? await run('flock', [LOCK_FILE, bin, ...args], timeoutMs)
        : await run(bin, args, timeoutMs);
      const missing = outs.filter((o) => !existsSync(o));
      if (missing.length > 0) {
        throw new SofficeError(`soffice produced no ${missing.map((m) => path.basename(m)).join(', ')}: ${res.stderr || res.stdout}`);
      }
      return outs;
    } finally {
      await fsp.rm(profile.dir, { recursive: true, force: true });
    }
  });
}

/** xlsx → xlsx through LibreOffice: the outputs hold the values LibreOffice computed from the formulas. */
export function recalculateXlsx(files: string[], outDir: string): Promise<string[]> {
  return convertWithLibreOffice(files, 'xlsx', outDir);
}

/** Renders workbooks (or Word documents, all of one kind per call) to PDF with LibreOffice. */
export function renderPdf(files: string[], outDir: string): Promise<string[]> {
  return convertWithLibreOffice(files, 'pdf', outDir);
}

/** pdfinfo: pages and the page size (points) of the first page. */
export function pdfInfo(file: string): { pages: number; width: number; height: number; sizes: { width: number; height: number }[] } {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = parseInt(/Pages:\s+(\d+)/.exec(out)?.[1] ?? '0', 10);
  const m = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(out);
  // every page's own size (pdfinfo -f 1 -l N prints "Page    n size: w x h pts")
  const all = pages > 0 ? execFileSync('pdfinfo', ['-f', '1', '-l', String(pages), file], { encoding: 'utf8' }) : '';
  const sizes = [...all.matchAll(/Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+)/g)].map((x) => ({ width: Number(x[1]), height: Number(x[2]) }));
  return { pages, width: m ? Number(m[1]) : 0, height: m ? Number(m[2]) : 0, sizes };
}

/** pdftotext of one page (1-based), layout kept. */
export function pdfPageText(file: string, page: number): string {
  return execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
}

/** PNG of one page (1-based) at `dpi`, written to `outPng` (pdftoppm -singlefile). */
export function pdfPageToPng(file: string, page: number, outPng: string, dpi = 60): void {
  const base = outPng.replace(/\.png$/, '');
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file, base]);
}
