/**
 * The fake Excel (fakeExcel.ts, with office-addin-mock's Office and Excel objects) as office.js in a browser page:
 * bundled by fakeOfficeJs.ts and served in place of Microsoft's CDN script, so that the real pane runs its Excel
 * path (OfficeHost) in Chromium. The page sets window.__fakeSeed ({ sheet: rows }) and window.__fakeOptions
 * before it loads; window.__fake exposes the workbook to the test.
 */
import { fakeBook, fakeContext, officeGlobals, seed, type FakeBook, type FakeContext, type FakeOptions } from './fakeExcel';

interface FakePage {
  __fakeSeed?: Record<string, (string | number | null)[][]>;
  __fakeOptions?: FakeOptions;
  __fake?: { book: FakeBook; ctx: FakeContext; store: Record<string, unknown> };
  Buffer?: unknown;
  Excel?: unknown;
  Office?: unknown;
}

const w = window as unknown as FakePage;
// fakeExcel measures request sizes with Node's Buffer.byteLength
w.Buffer = { byteLength: (s: string) => new TextEncoder().encode(s).length };
const rows = w.__fakeSeed ?? { Sheet1: [] };
const book = fakeBook(...Object.keys(rows));
book.sheets.forEach((s) => seed(s, rows[s.name]));
const ctx = fakeContext(book, w.__fakeOptions ?? {});
const { excel, office, store } = officeGlobals(ctx);
// what office.js adds besides the mocked objects: the host answer and its enum
Object.assign(office as object, {
  HostType: { Excel: 'Excel' },
  onReady: () => Promise.resolve({ host: 'Excel', platform: 'PC' }),
});
w.Excel = excel;
w.Office = office;
w.__fake = { book, ctx, store };
