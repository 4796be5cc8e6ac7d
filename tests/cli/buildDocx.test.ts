/**
 * danh-muc build -o phu-luc.docx in-process: the output's extension picks the Word writer; the same input checks and
 * the same no-overwrite rule as for .xlsx; the help text names .docx.
 */
import { createHash } from 'crypto';
import { promises as fsp, readFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import { cliIn } from '../helpers/cliInProcess';

let dir: string;

/** The command line in-process (cliIn), its output as lines. */
async function cli(...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const lines = (t: string): string[] => (t === '' ? [] : t.replace(/\n$/, '').split('\n'));
  const r = await cliIn(dir, ...args);
  return { code: r.code, out: lines(r.out), err: lines(r.err) };
}

const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

beforeEach(async () => { dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'danh-muc-docx-cli-')); });
afterEach(async () => { await fsp.rm(dir, { recursive: true, force: true }); });

test('build --sample -o phu-luc.docx writes a Word document of the appendix and says so', async () => {
  const r = await cli('build', '--sample', '--words', '-o', 'phu-luc.docx');
  expect(r.code).toBe(0);
  expect(r.out.join('\n')).toMatch(/Đã tạo phụ lục "Phụ lục 02".*441\.115 triệu đồng.*phu-luc\.docx/);
  const zip = await JSZip.loadAsync(readFileSync(path.join(dir, 'phu-luc.docx')));
  const doc = await zip.file('word/document.xml')!.async('string');
  expect(doc).toContain('w:orient="landscape"');
  expect(doc).toContain('>441.115</w:t>');
  expect(doc).toContain('Bằng chữ: Bốn trăm bốn mươi mốt tỷ');
  expect(await fsp.readdir(dir)).toEqual(['phu-luc.docx']); // no temporary file left
});

test('an existing .docx is never overwritten without --force; with --force it is replaced', async () => {
  const out = path.join(dir, 'phu-luc.docx');
  await fsp.writeFile(out, 'việc của cán bộ');
  const before = sha(out);
  const r = await cli('build', '--sample', '-o', 'phu-luc.docx');
  expect(r.code).toBe(2);
  expect(r.err).toHaveLength(1);
  expect(r.err[0]).toMatch(/đã có; không ghi đè/);
  expect(sha(out)).toBe(before);
  const f = await cli('build', '--sample', '-o', 'phu-luc.docx', '--force');
  expect(f.code).toBe(0);
  expect(readFileSync(out).subarray(0, 2).toString('latin1')).toBe('PK');
});

test('other extensions are refused naming both; --help names .docx', async () => {
  const r = await cli('build', '--sample', '-o', 'phu-luc.doc');
  expect(r.code).toBe(2);
  expect(r.err[0]).toMatch(/đuôi \.xlsx hoặc \.docx/);
  expect(await fsp.readdir(dir)).toEqual([]);
  const h = await cli('build', '--help');
  expect(h.out.join('\n')).toContain('phu-luc.docx');
});
