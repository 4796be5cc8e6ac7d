/** The review order of the pane: root causes first with their consequences under them, ignored ones left out. */
import { makeFinding, FINDING_CODES, type Finding, type FindingCode } from '../../src/core/checks/findings';
import { filterCounts, ignoreKey, parseIgnoreKey, reviewSections } from '../../src/taskpane/findingOrder';
import { FINDING_HELP } from '../../src/taskpane/messages';

const f = (code: FindingCode, cell: string, causedBy?: string): Finding =>
  ({ ...makeFinding(code, `${code} ${cell}`, { cell }), ...(causedBy ? { causedBy } : {}) });

const none = { ignored: new Set<string>() };
const cells = (secs: ReturnType<typeof reviewSections>) => secs.map((s) => [s.severity, s.entries.map((e) => `${e.finding.cell}${e.root ? `<${e.root.cell}` : ''}`)]);

test('consequences are listed under their root cause, whatever their severity; roots with consequences first', () => {
  const list = [
    f('NUMBERING', 'A5'),
    f('GRAND_TOTAL', 'F30', 'F12'),
    f('ROW_YEARS_SUM', 'F9'),
    f('TEXT_NUMBER', 'G12'),
    f('GROUP_SUBTOTAL', 'F12', 'G12'),
  ];
  expect(cells(reviewSections(list, 'S', none))).toEqual([
    ['error', ['F9']],
    ['warning', ['G12', 'F30<G12', 'F12<G12', 'A5']],
  ]);
});

test('a causedBy naming no listed finding, or a cycle, leaves the finding a root', () => {
  const list = [f('GRAND_TOTAL', 'F30', 'Z99'), f('GROUP_SUBTOTAL', 'F12', 'F13'), f('GROUP_SUBTOTAL', 'F13', 'F12')];
  const secs = reviewSections(list, 'S', none);
  expect(secs[0].entries.map((e) => e.finding.cell).sort()).toEqual(['F12', 'F13', 'F30']);
});

test('filters: one severity, one code, and the ignored keys (code, sheet, cell)', () => {
  const list = [f('ROW_YEARS_SUM', 'F9'), f('TEXT_NUMBER', 'G12'), f('ROW_YEARS_SUM', 'F10')];
  expect(cells(reviewSections(list, 'S', { ...none, severity: 'error' }))).toEqual([['error', ['F9', 'F10']]]);
  expect(cells(reviewSections(list, 'S', { ...none, severity: 'warning' }))).toEqual([['warning', ['G12']]]);
  expect(reviewSections(list, 'S', { ...none, severity: 'info' })).toEqual([]);
  expect(cells(reviewSections(list, 'S', { ...none, severity: 'error', code: 'TEXT_NUMBER' }))).toEqual([]);
  expect(cells(reviewSections(list, 'S', { ...none, code: 'TEXT_NUMBER' }))).toEqual([['warning', ['G12']]]);
  const key = ignoreKey(list[0], 'Phụ lục 02');
  expect(key).toBe('ROW_YEARS_SUM|Phụ lục 02|F9');
  expect(parseIgnoreKey(key)).toEqual({ code: 'ROW_YEARS_SUM', sheet: 'Phụ lục 02', cell: 'F9' });
  expect(cells(reviewSections(list, 'Phụ lục 02', { ...none, ignored: new Set([key]) }))).toEqual([['error', ['F10']], ['warning', ['G12']]]);
  // another sheet's finding with the same code and cell is not ignored
  expect(cells(reviewSections(list, 'Phụ lục 03', { ...none, ignored: new Set([key]) }))[0]).toEqual(['error', ['F9', 'F10']]);
});

test('every code has a Vietnamese title, meaning and fix', () => {
  for (const code of Object.keys(FINDING_CODES) as FindingCode[]) {
    const h = FINDING_HELP[code];
    expect(h.title.normalize('NFC')).toBe(h.title);
    expect(h.title).not.toMatch(/[A-Z]{2,}_/);
    expect(h.meaning.length).toBeGreaterThan(20);
    expect(h.fix.length).toBeGreaterThan(10);
  }
});

test('the counts beside each filter choice: per severity, and per code within the chosen severity; ignored ones not counted', () => {
  const list = [f('ROW_YEARS_SUM', 'F9'), f('TEXT_NUMBER', 'G12'), f('ROW_YEARS_SUM', 'F10'), f('NUMBERING', 'A5')];
  const ignored = new Set([ignoreKey(list[2], 'S')]);
  expect(filterCounts(list, 'S', { ignored })).toEqual({
    all: 3, severity: { error: 1, warning: 2, info: 0 }, inSeverity: 3,
    codes: [['ROW_YEARS_SUM', 1], ['TEXT_NUMBER', 1], ['NUMBERING', 1]],
  });
  expect(filterCounts(list, 'S', { ignored: new Set(), severity: 'warning' })).toEqual({
    all: 4, severity: { error: 2, warning: 2, info: 0 }, inSeverity: 2,
    codes: [['TEXT_NUMBER', 1], ['NUMBERING', 1]],
  });
});
