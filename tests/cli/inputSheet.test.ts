/**
 * The input sheet `danh-muc template` makes, filled in by an officer, is a sheet the checker reads too
 * (SPEC "Checking must work on ... the input sheet"): its form block gives the unit, its header the columns.
 */
import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { planFromJsonText } from '../../src/app/planJson';
import { checkGrid } from '../../src/core/checks/sheetCheck';
import { readWorkbookGrids } from '../../src/xlsx/readGrid';
import { fillTemplate } from '../helpers/fillTemplate';
import { errorsOf } from '../helpers/checkXlsx';

let dir: string;
beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'danhmuc-input-'));
});
afterAll(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

async function filled(asText = false): Promise<string> {
  const tpl = path.join(dir, asText ? 'template-text.xlsx' : 'template.xlsx');
  const quiet = { out: () => undefined, err: () => undefined, cwd: dir };
  expect(await main(['template', '-o', tpl, '--years', '2021-2025', '--sources', 'NSĐP,NSTW,ĐTPT'], quiet)).toBe(0);
  const plan = planFromJsonText(await fsp.readFile(path.join(__dirname, '..', '..', 'samples', 'soc-trang-2021-2025.plan.json'), 'utf8'));
  const out = path.join(dir, asText ? 'filled-text.xlsx' : 'filled.xlsx');
  await fillTemplate(tpl, plan, out, asText ? { asText: (it) => it.tt === '2' } : {});
  return out;
}

describe('checking a filled input sheet', () => {
  it('the Sóc Trăng plan typed into the template: recognised, unit from the form, no error', async () => {
    const grids = await readWorkbookGrids(await filled());
    const results = grids.map((g) => checkGrid(g)).filter((r) => r.recognized);
    expect(results).toHaveLength(1);
    const r = results[0];
    expect(r.unitFrom).toBe('sheet');
    expect(r.summary).toMatchObject({ items: 22, groups: 6, unit: 'triệu đồng' });
    expect(errorsOf(r.findings)).toEqual([]);
  });

  it('amounts typed as Vietnamese text are read and reported as TEXT_NUMBER', async () => {
    const [g] = (await readWorkbookGrids(await filled(true))).filter((x) => checkGrid(x).recognized);
    const r = checkGrid(g);
    expect(errorsOf(r.findings)).toEqual([]);
    const text = r.findings.filter((f) => f.code === 'TEXT_NUMBER');
    expect(text.length).toBeGreaterThan(0);
    expect(text.every((f) => f.expected !== undefined && /^\d+$/.test(f.expected))).toBe(true);
  });
});
