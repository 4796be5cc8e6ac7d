/**
 * The ribbon's function commands in the shared runtime (src/taskpane/commands.ts), on office-addin-mock's Office:
 * each click asks the pane (already open or not yet mounted) to act, shows the pane, and always completes.
 */
import type { OfficeMockObject as OfficeMockObjectT } from 'office-addin-mock';

// office-addin-mock needs only office-addin-manifest's OfficeApp enum (see tests/helpers/fakeExcel.ts)
jest.mock('office-addin-manifest', () => jest.requireActual('../helpers/fakeExcel').MANIFEST_MOCK);

type Commands = typeof import('../../src/taskpane/commands');
type Event = { completed: () => void };

/** A fresh commands module (its request bus is module state) and an Office whose actions the test can click. */
function setup(show: () => Promise<void> = async () => undefined) {
  let commands!: Commands;
  jest.isolateModules(() => { commands = require('../../src/taskpane/commands'); });
  const { OfficeMockObject } = require('office-addin-mock') as { OfficeMockObject: typeof OfficeMockObjectT };
  const handlers = new Map<string, (e: Event) => void>();
  const shown: string[] = [];
  const office = new OfficeMockObject({
    actions: { associate: (name: string, f: (e: Event) => void) => { handlers.set(name, f); } },
    addin: { showAsTaskpane: () => { shown.push('pane'); return show(); } },
  }) as unknown as Parameters<Commands['registerCommands']>[0];
  expect(commands.registerCommands(office)).toBe(true);
  /** One click on a ribbon button: resolves when Excel is told the command completed. */
  const click = (name: string) => new Promise<void>((resolve) => handlers.get(name)!({ completed: resolve }));
  return { commands, handlers, shown, click };
}

test('every ExecuteFunction of the shared-runtime manifest is associated', () => {
  const { commands, handlers } = setup();
  expect([...handlers.keys()].sort()).toEqual(Object.keys(commands.COMMANDS).sort());
  expect(commands.COMMANDS).toEqual({ checkActiveSheet: 'check', openBuild: 'build' });
});

test('the pane already open: "Kiểm tra" reaches it at once, each click once; the pane is shown; the command completes', async () => {
  const { commands, shown, click } = setup();
  const seen: string[] = [];
  commands.onPaneRequest((r) => seen.push(r));
  await click('checkActiveSheet');
  expect(seen).toEqual(['check']);
  await click('openBuild');
  await click('checkActiveSheet');
  expect(seen).toEqual(['check', 'build', 'check']);
  expect(shown).toEqual(['pane', 'pane', 'pane']);
});

test('the pane not mounted yet: the click waits for it and is delivered once, when it subscribes', async () => {
  const { commands, click } = setup();
  await click('checkActiveSheet');
  const seen: string[] = [];
  const stop = commands.onPaneRequest((r) => seen.push(r));
  expect(seen).toEqual(['check']);
  stop();
  commands.onPaneRequest((r) => seen.push(`again:${r}`));
  expect(seen).toEqual(['check']);
});

test('a pane that unmounted no longer receives requests; the next one does', async () => {
  const { commands, click } = setup();
  const first: string[] = [];
  const stop = commands.onPaneRequest((r) => first.push(r));
  stop();
  await click('openBuild');
  expect(first).toEqual([]);
  const second: string[] = [];
  commands.onPaneRequest((r) => second.push(r));
  expect(second).toEqual(['build']);
});

test('showing the pane fails: the command still completes (Excel would keep the button busy) and the failure is logged', async () => {
  const log = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    const { click } = setup(() => Promise.reject(new Error('no pane')));
    await click('checkActiveSheet');
    await new Promise((r) => setImmediate(r));
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/Không mở được ngăn Danh mục/), expect.any(Error));
  } finally {
    log.mockRestore();
  }
});

test('outside Office (preview) or without Office.actions: nothing is associated', () => {
  let commands!: Commands;
  jest.isolateModules(() => { commands = require('../../src/taskpane/commands'); });
  expect(commands.registerCommands(undefined)).toBe(false);
  expect(commands.registerCommands({})).toBe(false);
});
