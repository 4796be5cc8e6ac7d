import { detectHost } from '../../src/taskpane/boot';

const g = globalThis as unknown as { Office?: unknown };
afterEach(() => { delete g.Office; });

const office = (onReady: () => Promise<unknown>) => ({ onReady, HostType: { Excel: 'Excel', Word: 'Word' } });

describe('which host the pane starts in', () => {
  test('office.js did not load (offline): preview at once', async () => {
    await expect(detectHost(50)).resolves.toEqual({ kind: 'preview', reason: 'no-office-js' });
  });
  test('inside Excel: office', async () => {
    g.Office = office(async () => ({ host: 'Excel', platform: 'PC' }));
    await expect(detectHost(50)).resolves.toEqual({ kind: 'office' });
  });
  test('office.js in a plain browser (no host) or in another Office app: preview', async () => {
    g.Office = office(async () => ({ host: null, platform: null }));
    await expect(detectHost(50)).resolves.toEqual({ kind: 'preview', reason: 'not-in-excel' });
    g.Office = office(async () => ({ host: 'Word' }));
    await expect(detectHost(50)).resolves.toEqual({ kind: 'preview', reason: 'not-in-excel' });
  });
  test('Office.onReady never answers: preview after the timeout', async () => {
    g.Office = office(() => new Promise(() => undefined));
    const t0 = Date.now();
    await expect(detectHost(40)).resolves.toEqual({ kind: 'preview', reason: 'timeout' });
    expect(Date.now() - t0).toBeLessThan(1000);
  });
  test('Office.onReady throws: preview', async () => {
    g.Office = office(() => Promise.reject(new Error('x')));
    await expect(detectHost(50)).resolves.toEqual({ kind: 'preview', reason: 'not-in-excel' });
  });
});
