/**
 * build on damaged files: a filled input workbook with bytes flipped, cut short, or its zip entries corrupted;
 * plan JSON with random edits. Every run exits 0 (and writes a workbook) or 2 with one named line and leaves no
 * output: never a stack trace, never "lỗi không mong đợi", never a partial file.
 */
import { promises as fsp, readFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import fc from 'fast-check';
import { cliLines } from '../helpers/cliInProcess';
import { planFromJsonText } from '../../src/app/planJson';
import { readWorkbookGrids } from '../../src/xlsx/readGrid';
import { fillTemplate } from '../helpers/fillTemplate';

const SAMPLE = path.join(__dirname, '..', '..', 'samples', 'soc-trang-2021-2025.plan.json');
let dir: string;
let good: Buffer;
let json: string;

const cli = (...args: string[]) => cliLines(dir, ...args);

beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'danh-muc-fuzz-'));
  expect((await cli('template', '-o', 'mau.xlsx', '--years', '2021-2025', '--sources', 'NSĐP,NSTW,ĐTPT', '--rows', '30')).code).toBe(0);
  json = readFileSync(SAMPLE, 'utf8');
  await fillTemplate(path.join(dir, 'mau.xlsx'), planFromJsonText(json), path.join(dir, 'good.xlsx'));
  good = readFileSync(path.join(dir, 'good.xlsx'));
});
afterAll(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

async function buildOnce(name: string, bytes: Buffer | string): Promise<void> {
  const input = path.join(dir, name);
  const out = path.join(dir, 'out.xlsx');
  await fsp.writeFile(input, bytes);
  const r = await cli('build', name, '-o', 'out.xlsx');
  try {
    if (r.code === 0) {
      expect((await readWorkbookGrids(out)).length).toBe(1);
    } else {
      expect(r.code).toBe(2);
      expect(r.err).toHaveLength(1);
      expect(r.err[0]).not.toMatch(/\n|\bat .+:\d+:\d+|lỗi không mong đợi/);
      await expect(fsp.access(out)).rejects.toThrow();
    }
    expect((await fsp.readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  } finally {
    await fsp.rm(out, { force: true });
    await fsp.rm(input, { force: true });
  }
}

test('damaged input workbooks', async () => {
  await fc.assert(fc.asyncProperty(
    fc.oneof(
      fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), n: fc.integer({ min: 1, max: 16 }), byte: fc.integer({ min: 0, max: 255 }) }),
    ),
    async (m) => {
      const b = Buffer.from(good);
      const at = m.at % b.length;
      const bytes = m.kind === 'cut' ? b.subarray(0, at) : (b.fill(m.byte, at, Math.min(b.length, at + m.n)), b);
      await buildOnce('in.xlsx', bytes);
    },
  ), { numRuns: 80 });
}, 120000);

test('edited plan JSON', async () => {
  await fc.assert(fc.asyncProperty(fc.nat(), fc.nat({ max: 40 }), fc.string({ maxLength: 6 }), async (at, del, ins) => {
    const i = at % json.length;
    await buildOnce('plan.json', json.slice(0, i) + ins + json.slice(i + del));
  }), { numRuns: 60 });
}, 120000);
