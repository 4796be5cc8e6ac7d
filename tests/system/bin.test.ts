/**
 * The real command line: `npm run build:cli`, then ONE subprocess run of `node bin/danh-muc.js build --sample`
 * from an unrelated working folder (the sample is found inside the package, not in the cwd).
 */
import { execFile } from 'child_process';
import { existsSync, promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import { readWorkbookGrids } from '../../src/xlsx/readGrid';

const run = promisify(execFile);
const ROOT = path.join(__dirname, '..', '..');
let dir: string;

beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'danh-muc-bin-'));
  await run('npm', ['run', 'build:cli'], { cwd: ROOT, timeout: 240000 });
  expect(existsSync(path.join(ROOT, 'build', 'src', 'cli', 'commands', 'build.js'))).toBe(true);
}, 250000);

afterAll(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

test('node bin/danh-muc.js build --sample -o <tmp> writes the appendix', async () => {
  const out = path.join(dir, 'phu-luc.xlsx');
  const r = await run(process.execPath, [path.join(ROOT, 'bin', 'danh-muc.js'), 'build', '--sample', '-o', 'phu-luc.xlsx'], {
    cwd: dir, timeout: 60000,
  });
  expect(r.stderr).toBe('');
  expect(r.stdout.trimEnd().split('\n')).toEqual([
    `Đã tạo phụ lục "Phụ lục 02": 22 dự án, 6 nhóm; tổng cộng 441.115 triệu đồng ` +
    `(Bằng chữ: Bốn trăm bốn mươi mốt tỷ, một trăm mười lăm triệu đồng) → ${out}`,
  ]);
  const grids = await readWorkbookGrids(out);
  expect(grids.map((g) => g.sheet)).toEqual(['Phụ lục 02']);
  expect(grids[0].cells[0]?.[0]?.value).toBe('PHỤ LỤC 02');
}, 70000);
