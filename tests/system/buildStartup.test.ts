/**
 * `build` loads what its input and output need (issue 12, start-up): a plan JSON → .xlsx build in a real subprocess
 * never loads the Word writer (docx), the input-sheet reader or the sheet checker (the finder of a named sheet brings
 * it all); an input sheet → .docx build loads them, and says so with a good file each time.
 */
import { execFile } from 'child_process';
import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { compiledMain, ROOT } from '../helpers/cliProcess';

jest.setTimeout(120_000);

let dir: string;
let runs = 0;
beforeAll(async () => { dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'danh-muc-startup-')); });
afterAll(async () => { await fsp.rm(dir, { recursive: true, force: true }); });

/** Runs the command line in its own process; its exit code and the modules it loaded (relative to the compiled src, or a package name). */
function loaded(args: string[]): Promise<{ code: number; modules: string[] }> {
  const main = compiledMain();
  const src = path.dirname(path.dirname(main));
  const script = `require(${JSON.stringify(main)}).main(process.argv.slice(1)).then((code) => {
    const mods = Object.keys(require.cache).map((k) => k.includes('node_modules') ? k.replace(/.*node_modules[\\\\/]/, '').split(/[\\\\/]/)[0]
      : require('path').relative(${JSON.stringify(src)}, k).split(require('path').sep).join('/'));
    require('fs').writeFileSync(process.env.MODULES_OUT, JSON.stringify({ code, modules: [...new Set(mods)] }));
  });`;
  const out = path.join(dir, `modules-${++runs}.json`);
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['-e', script, ...args], { cwd: dir, env: { ...process.env, MODULES_OUT: out } }, (err) => {
      if (err) reject(err);
      else fsp.readFile(out, 'utf8').then((t) => resolve(JSON.parse(t)), reject);
    });
  });
}

const HEAVY = ['docx', 'docx/writeDocx.js', 'app/check.js', 'app/input.js', 'xlsx/stream/read.js', 'core/checks/sheetCheck.js', 'exceljs'];

test('plan JSON → .xlsx loads neither the Word writer nor the sheet reader and checker; input sheet → .docx loads them', async () => {
  const plan = path.join(ROOT, 'samples', 'soc-trang-2021-2025.plan.json');
  const json = await loaded(['build', plan, '-o', 'a.xlsx']);
  expect(json.code).toBe(0);
  expect(json.modules).toContain('xlsx/streamWrite.js');
  expect(HEAVY.filter((m) => json.modules.includes(m))).toEqual([]);
  // an input sheet (the template filled from the same plan) → .docx
  const tpl = await loaded(['template', '-o', 'nhap.xlsx', '--from', plan]);
  expect(tpl.code).toBe(0);
  const sheet = await loaded(['build', 'nhap.xlsx', '-o', 'b.docx']);
  expect(sheet.code).toBe(0);
  expect(HEAVY.filter((m) => m !== 'exceljs' && !sheet.modules.includes(m))).toEqual([]);
  expect((await fsp.stat(path.join(dir, 'b.docx'))).size).toBeGreaterThan(1000);
});
