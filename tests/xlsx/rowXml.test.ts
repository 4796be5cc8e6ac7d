/**
 * RowXml reuses each column's last style and last text (no lookup per cell for the status, lead or source repeated
 * down a column): its rows are those of the plain template-string serialiser without that, for any mix of cells —
 * texts with markup, control characters and astral or lone surrogates, formulas with & < " ' and Vietnamese,
 * numbers, styled empty and merged cells, heights — and the shared strings and styles are registered in the same
 * order, with the same counts.
 */
import fc from 'fast-check';
import { colLetters } from '../../src/core/base/a1';
import type { CellSpec, CellStyle, RowSpec } from '../../src/core/layout/sheetspec';
import { RowXml } from '../../src/xlsx/rowXml';
import { XlsxWriteError, cellText, numberText } from '../../src/xlsx/specCheck';
import { SharedStrings, StyleTable, esc } from '../../src/xlsx/xlsxParts';

const DEFS: Record<string, CellStyle> = {
  a: { font: { name: 'Times New Roman', size: 12 } },
  b: { font: { name: 'Times New Roman', size: 12, bold: true }, border: true, numFmt: '#,##0.000' },
  c: { h: 'center', wrap: true },
};

/** The reference: each row as one template string, every style and text looked up. */
function plainRow(r: number, rs: RowSpec, styles: StyleTable, sst: SharedStrings, spans: number[] | undefined): string {
  const n = String(r + 1);
  let cells = '';
  rs.cells.forEach((cs, c) => {
    if (!cs) return;
    const s = cs.s ? ` s="${styles.xf(DEFS[cs.s])}"` : '';
    const ref = colLetters(c) + n;
    if (spans && spans.some((_, i) => i % 2 === 0 && c >= spans[i] && c <= spans[i + 1])) {
      if (s) cells += `<c r="${ref}"${s}/>`;
      return;
    }
    if (cs.t === 'text') cells += `<c r="${ref}"${s} t="s"><v>${sst.id(cellText(cs.v, r, c))}</v></c>`;
    else if (cs.t === 'num') cells += `<c r="${ref}"${s}><v>${numberText(cs.v, ref)}</v></c>`;
    else if (cs.t === 'formula') cells += `<c r="${ref}"${s}><f>${esc(cs.f)}</f>${cs.result !== undefined ? `<v>${numberText(cs.result, ref)}</v>` : ''}</c>`;
    else if (s) cells += `<c r="${ref}"${s}/>`;
  });
  const ht = rs.height !== undefined ? ` ht="${rs.height}" customHeight="1"` : '';
  if (cells) return `<row r="${n}"${ht}>${cells}</row>`;
  return ht ? `<row r="${n}"${ht}/>` : '';
}

const style = fc.constantFrom(undefined, 'a', 'b', 'c');
/** Strings of the characters XML escaping and UTF-8 encoding treat apart, in any order. */
const odd = fc.array(fc.constantFrom('&', '<', '>', '"', "'", 'a', '1', ' ', 'đ', 'Ạ', '\uD800', '\uDC00', '😀', '\n'), { minLength: 1, maxLength: 10 }).map((a) => a.join(''));
const text = fc.oneof(
  fc.constantFrom('Dự án mới', 'Sở Tài chính', '<b>&amp;</b> "x" \'y\'', ' lề ', 'a\r\nb\rc', 'x\u0001y\uFFFE', '😀 🇻🇳', 'lẻ \uD800 loi', '\uDC00', ''),
  fc.string({ unit: 'binary', maxLength: 12 }),
  odd,
);
const formula = fc.oneof(
  fc.constantFrom('SUM(F9:F12)', 'SUMIF($P$7:$P$99,"NSĐP",F$7:F$99)', 'IF(A1<0,"<0",A1&"\'")', 'SUBTOTAL(9,F10:F250)', 'K9', "'Trang 1'!A1"),
  odd,
  fc.string({ unit: 'binary', maxLength: 10 }).filter((s) => s.length > 0),
);
const amount = fc.oneof(fc.constantFrom('0', '-0', '12.5', '-0.001', '123456789012345', '1e3', '0.0000001', '007'), fc.integer().map(String));
const cell: fc.Arbitrary<CellSpec | null> = fc.oneof(
  fc.constant(null),
  fc.record({ t: fc.constant('text' as const), v: text, s: style }),
  fc.record({ t: fc.constant('num' as const), v: amount, s: style }),
  fc.record({ t: fc.constant('formula' as const), f: formula, result: fc.option(amount, { nil: undefined }), s: style }),
  fc.record({ t: fc.constant('empty' as const), s: style }),
);
const row: fc.Arbitrary<RowSpec> = fc.record({
  cells: fc.array(cell, { maxLength: 30 }),
  height: fc.option(fc.constantFrom(15, 18.5, 47.25, 409), { nil: undefined }),
});

/** The outcome of a serialiser: its text, or the error it refused the row with. */
function outcome(f: () => string): string {
  try {
    return f();
  } catch (e) {
    if (e instanceof XlsxWriteError) return `refused: ${e.message}`;
    throw e;
  }
}

describe('RowXml', () => {
  test('rows are those of the plain template-string serialiser, texts and styles registered alike', () => {
    fc.assert(fc.property(fc.array(row, { maxLength: 8 }), fc.nat(1_048_000), fc.boolean(), (rows, first, merged) => {
      // merged: columns 2..4 of each row covered by a merge (a merge's top-left cell is not covered)
      const covered = new Map<number, number[]>(merged ? rows.map((_, i) => [first + i, [2, 4]]) : []);
      const want = { styles: new StyleTable(), sst: new SharedStrings() };
      const got = { styles: new StyleTable(), sst: new SharedStrings() };
      const rx = new RowXml(DEFS, got.styles, got.sst, covered);
      rows.forEach((rs, i) => {
        const r = first + i;
        const a = outcome(() => plainRow(r, rs, want.styles, want.sst, covered.get(r)));
        const b = outcome(() => rx.row(r, rs));
        expect(b).toBe(a);
        if (a.startsWith('refused')) return;
        // the same row again: every text and style now the column's last
        expect(rx.row(r, rs)).toBe(plainRow(r, rs, want.styles, want.sst, covered.get(r)));
      });
      expect([...got.sst.xml()].join('')).toBe([...want.sst.xml()].join(''));
      expect(got.styles.xml()).toBe(want.styles.xml());
    }), { numRuns: 200 });
  });

  test('a style no definition names is refused, as is a number Excel cannot hold, naming its cell', () => {
    const rx = new RowXml(DEFS, new StyleTable(), new SharedStrings(), new Map());
    expect(() => rx.row(0, { cells: [{ t: 'empty', s: 'nope' }] })).toThrow('Kiểu định dạng "nope" không được khai báo.');
    expect(() => rx.row(11, { cells: [null, null, { t: 'num', v: '1234567890123456' }] })).toThrow(/^Ô C12: số "1234567890123456"/);
  });
});
