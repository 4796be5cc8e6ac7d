/**
 * What the streaming reader leaves alive once it has the grids: not the package's bytes (a check runs for seconds
 * afterwards without yielding, and the last part's inflater, still open, reached them through its listeners).
 */
import * as v8 from 'v8';
import * as vm from 'vm';
import type { GridCell } from '../../src/core/base/grid';
import { newCellPool, toGridCell } from '../../src/xlsx/stream/cells';
import { readWorkbookGrids } from '../../src/xlsx/stream/read';
import { toXlsx, socTrang2125 } from '../helpers/seedSheets';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

describe('streaming reader memory', () => {
  it('the package bytes are unreachable as soon as the grids are returned, before the event loop runs again', async () => {
    const holder: { bytes?: Buffer } = { bytes: await toXlsx(socTrang2125({ formulas: true })) };
    const ref = new WeakRef(holder.bytes!);
    const read = readWorkbookGrids(holder.bytes!);
    holder.bytes = undefined;
    const grids = await read;
    // A WeakRef's target is kept until the current job ends: this microtask is another job, the event loop has not run.
    await Promise.resolve();
    gc();
    expect(grids[0].cells.length).toBeGreaterThan(10);
    expect(ref.deref()).toBeUndefined();
  });
});

describe('the cell pool', () => {
  it('stops taking new values from a column whose values do not repeat; repeated values stay shared', () => {
    const ctx = { strings: [], date1904: false, pool: new Map<string, string>(), cellPool: newCellPool() };
    const names: GridCell[] = [];
    const status: GridCell[] = [];
    for (let i = 0; i < 5000; i++) {
      names.push(toGridCell({ col: 2, t: 'inlineStr', value: `Dự án ứng dụng công nghệ số ${i}` }, undefined, undefined, ctx)!);
      status.push(toGridCell({ col: 3, t: 'inlineStr', value: i % 2 ? 'Dự án chuyển tiếp' : 'Dự án khởi công mới' }, undefined, undefined, ctx)!);
    }
    expect(names[4999].value).toBe('Dự án ứng dụng công nghệ số 4999');
    expect(new Set(status).size).toBe(2);
    // The first 1,024 names were taken on trial; the rest were not.
    expect(ctx.cellPool.size).toBeLessThan(1100);
    expect(ctx.pool.size).toBeLessThan(1100);
  });
});
