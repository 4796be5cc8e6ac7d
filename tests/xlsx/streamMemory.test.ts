/**
 * What the streaming reader leaves alive once it has the grids: not the package's bytes (a check runs for seconds
 * afterwards without yielding, and the last part's inflater, still open, reached them through its listeners).
 */
import * as v8 from 'v8';
import * as vm from 'vm';
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
