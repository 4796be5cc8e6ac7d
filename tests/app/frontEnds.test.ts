/**
 * One table of settings as people type them, run through BOTH front ends — the command line (in-process `main`) and
 * the pane's engine (coreEngine, what the components call) — which must give the same answer and the same
 * Vietnamese message, because both go through src/app and the core's one parser for each setting.
 */
import * as os from 'os';
import * as path from 'path';
import { mkdtempSync, rmSync } from 'fs';
import { cliIn } from '../helpers/cliInProcess';
import { coreEngine } from '../../src/taskpane/coreEngine';

const cli = (...args: string[]) => cliIn(dir, ...args);

let dir: string;
beforeAll(() => { dir = mkdtempSync(path.join(os.tmpdir(), 'frontends-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The pane's answer for a span typed in its two fields, or its message. */
function paneYears(from: string, to: string): string | undefined {
  return coreEngine.yearsProblem(from, to);
}

describe('year spans: the same rule and message in the command line and the pane', () => {
  const cases: [string, string, boolean][] = [
    ['2021', '2025', true],
    ['2026', '2030', true],
    ['2023', '2023', true],
    ['1900', '1949', true],
    ['1000', '9999', false], // the pane once built a 9,012-column sheet from this
    ['2025', '2021', false],
    ['2000', '2060', false], // longer than 50 years
    ['1899', '1900', false],
    ['2200', '2201', false],
  ];
  test.each(cases)('%s-%s ok=%p', async (from, to, ok) => {
    const pane = paneYears(from, to);
    const r = await cli('template', '-o', `t-${from}-${to}.xlsx`, '--years', `${from}-${to}`);
    if (ok) {
      expect(pane).toBeUndefined();
      expect(r.code).toBe(0);
    } else {
      expect(pane).toBeDefined();
      expect(r.code).toBe(2);
      expect(r.err.trim()).toBe(`danh-muc template: --years: ${pane}`);
    }
  });
});

describe('funding-source lists: the same rule and message', () => {
  const cases: [string, boolean][] = [
    ['NSTW,NSĐP,ĐTPT', true],
    ['nsdp; XHH ; ABC=Vốn ABC', true],
    ['NSTW, NSTW', false],
    ['A B', false],
    ['ABC=', false],
    [' , ', false],
    ['=1+1', false],
  ];
  test.each(cases)('%p ok=%p', async (text, ok) => {
    const pane = coreEngine.sourcesProblem(text);
    const r = await cli('template', '-o', `s-${cases.findIndex((c) => c[0] === text)}.xlsx`, '--sources', text);
    if (ok) {
      expect(pane).toBeUndefined();
      expect(r.code).toBe(0);
    } else {
      expect(pane).toBeDefined();
      expect(r.err.trim()).toBe(`danh-muc template: --sources: ${pane}`);
      expect(r.code).toBe(2);
    }
  });
});

describe('unit texts: the same reading and message (words of 441.115 in that unit)', () => {
  const cases: [string, string | null][] = [
    ['triệu đồng', 'Bốn trăm bốn mươi mốt tỷ, một trăm mười lăm triệu đồng'],
    ['tr', 'Bốn trăm bốn mươi mốt tỷ, một trăm mười lăm triệu đồng'],
    ['Triệu', 'Bốn trăm bốn mươi mốt tỷ, một trăm mười lăm triệu đồng'],
    ['trđ', 'Bốn trăm bốn mươi mốt tỷ, một trăm mười lăm triệu đồng'],
    ['nghìn đồng', 'Bốn trăm bốn mươi mốt triệu, một trăm mười lăm nghìn đồng'],
    ['ngàn', 'Bốn trăm bốn mươi mốt triệu, một trăm mười lăm nghìn đồng'],
    ['Tỷ đồng', 'Bốn trăm bốn mươi mốt nghìn một trăm mười lăm tỷ đồng'],
    ['đồng', 'Bốn trăm bốn mươi mốt nghìn, một trăm mười lăm đồng'],
    ['đô la', null],
    ['kg', null],
  ];
  test.each(cases)('%p', async (unit, words) => {
    const r = await cli('words', '441.115', '--unit', unit);
    let pane: string;
    try {
      pane = coreEngine.words('441115', unit);
    } catch (e) {
      pane = `ERROR ${(e as Error).message}`;
    }
    if (words) {
      expect(r.code).toBe(0);
      expect(r.out).toContain(`(Bằng chữ: ${words})`);
      expect(pane).toBe(words);
    } else {
      expect(r.code).toBe(2);
      expect(pane.startsWith('ERROR ')).toBe(true);
      expect(r.err.trim()).toBe(`danh-muc words: --unit: ${pane.slice('ERROR '.length)}`);
    }
  });
});

describe('presets: the same names in both front ends', () => {
  test.each(['medium-term', 'flat', 'completed'] as const)('%s builds the sample in both', async (preset) => {
    const r = await cli('build', '--sample', '-o', `p-${preset}.xlsx`, '--preset', preset);
    expect(r.code).toBe(0);
    const spec = coreEngine.layout(await coreEngine.samplePlan(), { preset });
    expect(spec.rows.length).toBeGreaterThan(20);
  });
  test('annual is refused on the sample (no plan year, no annual amounts) in both, with one message', async () => {
    const r = await cli('build', '--sample', '-o', 'p-annual.xlsx', '--preset', 'annual');
    expect(r.code).toBe(2);
    const plan = await coreEngine.samplePlan();
    let pane = '';
    try { coreEngine.layout(plan, { preset: 'annual' }); } catch (e) { pane = (e as Error).message; }
    expect(pane).toMatch(/^Mẫu “Hằng năm” cần năm kế hoạch/);
    expect(r.err).toContain(pane);
  });
  test('an unknown preset is refused by the command line with the core\'s message', async () => {
    const r = await cli('build', '--sample', '-o', 'p-x.xlsx', '--preset', 'dep');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--preset: không hiểu mẫu phụ lục "dep"/);
  });
});
