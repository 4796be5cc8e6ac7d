/**
 * The worksheet scanner against saxes (the parser it replaces, still used for the other parts): the same events, the
 * same well-formedness verdict, whatever the piece boundaries; and readSheet's grid unchanged by them.
 */
import { SaxesParser } from 'saxes';
import { SheetScanner, type Attrs } from '../../src/xlsx/stream/sheetScan';
import { readSheet, type SheetContext } from '../../src/xlsx/stream/sheet';
import { CorruptSheet, decodeCol, newCellPool } from '../../src/xlsx/stream/cells';
import type { ZipParts } from '../../src/xlsx/stream/zipParts';
import type { XfStyle } from '../../src/xlsx/stream/parts';

type Result = { events: string[] } | { error: true };

/** Events with consecutive texts joined (both parsers may cut one text node into pieces). */
function push(events: string[], e: string): void {
  if (e.startsWith('t:') && events.length > 0 && events[events.length - 1].startsWith('t:')) events[events.length - 1] += e.slice(2);
  else events.push(e);
}

function bySaxes(xml: string): Result {
  const events: string[] = [];
  const p = new SaxesParser();
  let depth = 0; // saxes reports the text after the root at the end: the scanner checks it, never reports it
  p.on('opentag', (t) => { depth++; push(events, `o:${t.name}:${JSON.stringify(Object.entries(t.attributes).sort())}`); });
  p.on('text', (x) => { if (depth > 0) push(events, `t:${x}`); });
  p.on('closetag', (t) => { depth--; push(events, `c:${t.name}`); });
  try {
    p.write(xml);
    p.close();
  } catch {
    return { error: true };
  }
  return { events };
}

function byScanner(chunks: string[], names: Map<string, string[]>): Result {
  const events: string[] = [];
  const open = (name: string, a: Attrs) => {
    const known = names.get(name) ?? [];
    const entries = known.map((k) => [k, a.get(k)]).filter(([, v]) => v !== undefined).sort();
    // Attributes the oracle did not report would be missed by get: the count says there are none.
    push(events, `o:${name}:${JSON.stringify(a.count === entries.length ? entries : [['count', a.count]])}`);
  };
  const s = new SheetScanner({ open, text: (x) => push(events, `t:${x}`), close: (n) => push(events, `c:${n}`) });
  try {
    for (const c of chunks) s.write(c);
    s.close();
  } catch {
    return { error: true };
  }
  return { events };
}

/** Attribute names per element, in saxes's order, so the scanner is asked for the same ones. */
function attributeNames(xml: string): Map<string, string[]> {
  const names = new Map<string, string[]>();
  const p = new SaxesParser();
  p.on('opentag', (t) => { names.set(t.name, [...new Set([...(names.get(t.name) ?? []), ...Object.keys(t.attributes)])]); });
  p.on('error', () => undefined);
  try { p.write(xml).close(); } catch { /* malformed: no names needed beyond those seen */ }
  return names;
}

/** Splits xml at every offset (two pieces), and into one-character pieces, and compares each with saxes. */
function expectLikeSaxes(xml: string): Result {
  const expected = bySaxes(xml);
  const names = attributeNames(xml);
  expect(byScanner([xml], names)).toStrictEqual(expected);
  for (let k = 1; k < xml.length; k++) {
    const got = byScanner([xml.slice(0, k), xml.slice(k)], names);
    if (JSON.stringify(got) !== JSON.stringify(expected)) expect({ at: k, got }).toStrictEqual({ at: k, got: expected });
  }
  expect(byScanner([...xml], names)).toStrictEqual(expected);
  return expected;
}

const ws = (body: string): string => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;

const WELL_FORMED: [string, string][] = [
  ['entities in text', ws('<row r="1"><c r="A1" t="inlineStr"><is><t>a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#65;&#x42;&#x1F600; ]] &gt;</t></is></c></row>')],
  ['entities and white space in attributes', ws('<row r="1" spans="1:2"><c r="A&#49;" s=\'3\' t="s"><v>0</v></c><c t = "str" r\n=\t"B1"><f>"a&amp;b"</f><v>x\ty</v></c></row>')],
  ['attribute values with new lines and tabs', '<a b="x\ny\r\nz\tw\rv" c=\'&#10;&#13;&#9;\'/>'],
  ['quotes of either kind inside the other', '<a b="it\'s" c=\'say "hi"\' d=">"/>'],
  ['self-closing cells and rows', ws('<row r="1"/><row r="2"><c r="A2" s="1"/><c r="B2"/></row><row r="3" hidden="1"><c r="C3"><v>3</v></c></row>')],
  ['white space and new lines inside tags', ws('<row\n r="1"\n ><c\tr="A1"  t="n" ><v >1.5</v ></c\n></row >')],
  ['comments, processing instructions, CDATA', ws('<!-- a - b --><row r="1"><?pi some data?><c r="A1"><v>1<!--x-->2<![CDATA[<not> & text]]>3</v></c></row><!---->')],
  ['rich text runs', ws('<row r="1"><c r="A1" t="inlineStr"><is><r><rPr><b/><sz val="11"/></rPr><t xml:space="preserve">Bold </t></r><r><t>plain _x000D_</t></r></is></c></row>')],
  ['shared formulas', ws('<row r="1"><c r="A1"><f t="shared" ref="A1:A3" si="0">B1*2</f><v>2</v></c></row><row r="2"><c r="A2"><f t="shared" si="0"/><v>4</v></c></row>')],
  ['line ends in text', ws('<row r="1"><c r="A1" t="inlineStr"><is><t>a\r\nb\rc\nd&#13;e</t></is></c></row>')],
  ['prefixed names stay prefixed', '<x:worksheet xmlns:x="u"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>'],
  ['non-ASCII text and names', '<trang tên="Danh mục"><ô>Dự án 😀 đường</ô></trang>'],
  ['byte order mark and doctype', '\uFEFF<?xml version=\'1.0\'?><!DOCTYPE a [<!ENTITY x "y">]>\n<a>1</a>\n'],
  ['white space around the root', '\n  <a> <b/> </a>\n\n'],
  ['merges, columns, hyperlinks', ws('</sheetData><cols><col min="1" max="3" style="2" width="9"/></cols><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells><hyperlinks><hyperlink ref="A1" r:id="rId1"/></hyperlinks><sheetData>')],
];

const MALFORMED: [string, string][] = [
  ['mismatched tags', ws('<row r="2"><c r="A2"><v>1</c></row>')],
  ['entity named after an Object member, in text', ws('<row r="1"><c r="A1" t="inlineStr"><is><t>&constructor;</t></is></c></row>')],
  ['entity named after an Object member, in an attribute', '<a b="&__proto__;"/>'],
  ['entity named toString', '<a>&toString;</a>'],
  ['unclosed tag', '<a><b>'],
  ['text after the root', '<a/>x'],
  ['text before the root', 'x<a/>'],
  ['two roots', '<a/><b/>'],
  ['no root', '<?xml version="1.0"?>'],
  ['empty', ''],
  ['unquoted attribute', '<a b=1/>'],
  ['attribute without value', '<a b/>'],
  ['attribute without value, then =', '<a b=/>'],
  ['duplicate attribute', '<a b="1" b=\'2\'/>'],
  ['no white space between attributes', '<a b="1"c="2"/>'],
  ['undefined entity', '<a>&nbsp;</a>'],
  ['undefined entity in an attribute', '<a b="&foo;"/>'],
  ['entity without ;', '<a>a & b</a>'],
  ['empty entity', '<a>&;</a>'],
  ['character reference to a disallowed character', '<a>&#0;</a>'],
  ['character reference to a surrogate', '<a>&#xD800;</a>'],
  ['< in an attribute', '<a b="<"/>'],
  [']]> in text', '<a>x]]>y</a>'],
  ['-- inside a comment', '<a><!-- a -- b --></a>'],
  ['control character', '<a>\u0001</a>'],
  ['control character in an attribute', '<a b="\u001F"/>'],
  ['non-character', '<a>\uFFFF</a>'],
  ['space after <', '<a>< b/></a>'],
  ['empty close tag', '<a></></a>'],
  ['close tag of nothing', '</a>'],
  ['/ not followed by >', '<a/ >'],
  ['XML declaration not at the start', ' <?xml version="1.0"?><a/>'],
  ['XML declaration without version', '<?xml encoding="UTF-8"?><a/>'],
  ['bad <! construct', '<a><!foo></a>'],
  ['CDATA outside the root', '<![CDATA[x]]><a/>'],
  ['unfinished tag', '<a><b c="1"'],
  ['unfinished comment', '<a><!-- x'],
  ['name starting with a digit', '<1a/>'],
  ['garbage', 'PK\u0003\u0004 not xml'],
];

describe('SheetScanner reports what saxes reports, at every piece boundary', () => {
  it.each(WELL_FORMED)('%s', (_name, xml) => {
    const r = expectLikeSaxes(xml);
    expect(r).not.toHaveProperty('error');
  });
  it.each(MALFORMED)('malformed: %s', (_name, xml) => {
    expect(expectLikeSaxes(xml)).toStrictEqual({ error: true });
  });
});

function fakeZip(chunks: string[]): ZipParts {
  return { read: async (_part: string, sink: (t: string) => void) => { for (const c of chunks) sink(c); } } as unknown as ZipParts;
}

function context(): SheetContext {
  const styles: XfStyle[] = [{ bold: false, italic: false, date: false }, { bold: true, italic: false, date: false, numFmt: '#,##0' }, { bold: false, italic: false, date: true, numFmt: 'dd/mm/yyyy' }];
  return { strings: ['chuỗi chung', 'hai'], styles, date1904: false, cells: 0, merged: { cells: 0 }, pool: new Map(), cellPool: newCellPool() };
}

const SHEET = ws([
  '<row r="1" spans="1:4"><c r="A1" t="s"><v>0</v></c><c r="B1" s=\'1\' t="inlineStr"><is><r><rPr><b/></rPr><t>Tổng &amp; </t></r><r><t>cộng</t></r></is></c><c r="C1" s="2"><v>44197</v></c><c r="D1" t="e"><v>#N/A</v></c></row>',
  '<row r="2" hidden="1"><c r="A2"><f t="shared" ref="A2:A3" si="0">B2+C$2</f><v>3</v></c><c r="B2" t="b"><v>1</v></c><c r="C2" t="str"><f>"x"&amp;"y"</f><v>xy</v></c></row>',
  '<row r="3"><c r="A3"><f t="shared" si="0"/><v>4</v></c><c t="inlineStr"><is><t>a&#x0A;b&lt;</t></is></c><!-- note --><c r="D3"><v><![CDATA[9]]></v></c></row>',
].join('')).replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="B3:C3"/></mergeCells>');

describe('readSheet through the scanner', () => {
  it('gives the same grid whatever the piece boundaries', async () => {
    const whole = await readSheet(fakeZip([SHEET]), 'p', 'S', context(), new Map());
    expect(whole.cells[0]?.[1]).toMatchObject({ value: 'Tổng & cộng', bold: true });
    expect(whole.cells[1]?.[0]).toMatchObject({ formula: 'B2+C$2', value: 3 });
    expect(whole.cells[2]?.[0]).toMatchObject({ formula: 'B3+C$2', value: 4 });
    expect(whole.cells[2]?.[1]).toStrictEqual({ value: 'a\nb<' });
    expect(whole.cells[2]?.[3]).toBeUndefined(); // CDATA was never read as a value
    expect(whole.hiddenRows).toStrictEqual([1]);
    for (let k = 1; k < SHEET.length; k++) {
      const split = await readSheet(fakeZip([SHEET.slice(0, k), SHEET.slice(k)]), 'p', 'S', context(), new Map());
      if (JSON.stringify(split) !== JSON.stringify(whole)) expect({ at: k, split }).toStrictEqual({ at: k, split: whole });
    }
    expect(await readSheet(fakeZip([...SHEET]), 'p', 'S', context(), new Map())).toStrictEqual(whole);
  });

  it('a long text node over many pieces is read whole', async () => {
    const text = 'đ&amp;'.repeat(16_000);
    const xml = ws(`<row r="1"><c r="A1" t="inlineStr"><is><t>${text}</t></is></c></row>`);
    const chunks: string[] = [];
    for (let p = 0; p < xml.length; p += 1000) chunks.push(xml.slice(p, p + 1000));
    const g = await readSheet(fakeZip(chunks), 'p', 'S', context(), new Map());
    expect(g.cells[0]?.[0]?.value).toBe('đ&'.repeat(16_000));
  });

  it.each(MALFORMED.filter(([n]) => n !== 'empty'))('malformed sheet XML is CorruptSheet(xml): %s', async (_n, xml) => {
    await expect(readSheet(fakeZip([xml]), 'p', 'S', context(), new Map())).rejects.toMatchObject({ kind: 'xml' });
    await expect(readSheet(fakeZip([xml]), 'p', 'S', context(), new Map())).rejects.toBeInstanceOf(CorruptSheet);
  });
});

describe('attributes read in place', () => {
  const VALUES = ['', '1', '42', '007', ' 3', '3x', '-2', '1234567890123', '&#51;', 'B12', 'b7', 'XFD1048576', '1A', '$C$3', 'A&#49;', '\t5'];
  it.each(VALUES)('%j: col and int as decodeCol and parseInt of the value', (v) => {
    let got: unknown[] = [];
    const s = new SheetScanner({
      open: (_n, a) => { got = [a.col('r'), a.int('r'), a.col('x'), a.int('x'), a.get('r')]; },
      text: () => undefined,
      close: () => undefined,
    });
    s.write(`<c r="${v}"/>`);
    s.close();
    const value = bySaxes(`<c r="${v}"/>`);
    const decoded = JSON.parse((value as { events: string[] }).events[0].slice(4))[0][1] as string;
    expect(got).toStrictEqual([decoded ? decodeCol(decoded) : -1, decoded ? parseInt(decoded, 10) : undefined, -1, undefined, decoded]);
  });
});
