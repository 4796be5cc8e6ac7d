/**
 * A check that lets the grid go (the command line's): each sheet's rows are dropped as its body is read, the caller
 * is told once the body's rows are gone and before the passes after the body and the checks, and the command line
 * collects them there when the sheet is large. The findings are those of a check that keeps its grid.
 */
import * as v8 from 'v8';
import * as vm from 'vm';
import { checkWorkbook } from '../../src/app/check';
import type { Grid } from '../../src/core/base/grid';
import { COLLECT_FROM_ROWS, reclaimSheet } from '../../src/cli/memory';
import { layoutGrid } from '../helpers/layoutGrid';
import { socTrang2125, withCell } from '../helpers/seedSheets';

const show = (r: ReturnType<typeof checkWorkbook>) => r.results.map((x) => x.findings.map((f) => `${f.code}@${f.sheet}!${f.cell}`));

describe('checkWorkbook with release', () => {
  it('tells the caller once per sheet, when the body rows are gone, with the sheet\'s row count; same findings', () => {
    // one wrong amount, so that the findings compared are not only the clean sheet's warning
    const layout = withCell(socTrang2125(), 'H10', 999);
    const kept = checkWorkbook([layoutGrid(layout)], {});
    const grid = layoutGrid(layout);
    const rows = grid.cells.length;
    const seen: { rows: number; bodyLeft: number }[] = [];
    const released = (n: number) => {
      seen.push({ rows: n, bodyLeft: grid.cells.slice(12).filter((r) => Array.isArray(r)).length });
    };
    const let_go = checkWorkbook([grid], {}, undefined, { release: true, released });
    expect(seen).toEqual([{ rows, bodyLeft: 0 }]);
    expect(grid.cells).toEqual([]);
    expect(show(let_go)).toEqual(show(kept));
    expect(show(kept)[0].some((f) => f.startsWith('GROUP_SUBTOTAL') || f.startsWith('ROW_SUM') || f.startsWith('GRAND_TOTAL'))).toBe(true);
  });

  it('is not told anything without release', () => {
    const grid: Grid = layoutGrid(socTrang2125());
    let told = 0;
    checkWorkbook([grid], {}, undefined, { released: () => { told++; } });
    expect(told).toBe(0);
    expect(grid.cells.length).toBeGreaterThan(20);
  });
});

describe('reclaimSheet (the command line)', () => {
  it('collects what is unreachable once a large sheet is let go', async () => {
    const holder: { big?: object } = { big: { cells: new Array(1000).fill(0).map((_, i) => ({ i })) } };
    const ref = new WeakRef(holder.big!);
    holder.big = undefined;
    // a WeakRef's target is kept until the microtasks of the current task are done
    await new Promise((done) => setImmediate(done));
    reclaimSheet(COLLECT_FROM_ROWS);
    expect(ref.deref()).toBeUndefined();
  });

  it('leaves a small sheet to V8 (no full collection for a few MB)', () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    gc();
    const stats = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'old_space')!;
    const old = stats().space_used_size;
    // garbage in the old space that only a full collection would take
    let keep: object[] | undefined = Array.from({ length: 20000 }, (_, i) => ({ i, s: `x${i}` }));
    gc();
    keep = undefined;
    void keep;
    const withGarbage = stats().space_used_size;
    expect(withGarbage).toBeGreaterThan(old);
    reclaimSheet(COLLECT_FROM_ROWS - 1);
    expect(stats().space_used_size).toBeGreaterThanOrEqual(withGarbage);
    reclaimSheet(COLLECT_FROM_ROWS);
    expect(stats().space_used_size).toBeLessThan(withGarbage);
  });
});
