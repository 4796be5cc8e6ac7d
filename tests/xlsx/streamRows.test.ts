/**
 * A layout streaming its body rows into the writer (layoutPlan with a StreamedBook's sink, what `danh-muc build`
 * does for .xlsx): the file's parts are byte for byte those of the same plan laid out whole and written from the
 * SheetSpec, the held rows are the spec's rows, and the spliced sheet part's CRC checks (crc32Combine).
 */
import { inflateRawSync } from 'zlib';
import JSZip from 'jszip';
import { Dec } from '../../src/core/base/decimal';
import { layoutPlan } from '../../src/core/layout/layout';
import type { LayoutOptions } from '../../src/core/layout/context';
import type { Item, Plan } from '../../src/core/plan/model';
import { BufferSink, crc32, crc32Combine, deflatePiece } from '../../src/xlsx/zipStream';
import { streamSpecsToBuffer, writeSpecsToSink } from '../../src/xlsx/streamWrite';
import { StreamedBook } from '../../src/xlsx/streamRows';
import { basePlan, group, item, socTrangPlan } from '../helpers/fixtures';

const PARTS = ['xl/worksheets/sheet1.xml', 'xl/styles.xml', 'xl/sharedStrings.xml', 'xl/workbook.xml'];

async function parts(buf: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(buf, { checkCRC32: true });
  return Promise.all(PARTS.map((p) => zip.file(p)!.async('string')));
}

/** The plan written whole, and laid out into a StreamedBook then written: both files' parts, and the streamed spec. */
async function both(plan: Plan, opts: LayoutOptions = {}) {
  const whole = layoutPlan(plan, opts);
  const book = new StreamedBook();
  const streamed = layoutPlan(plan, opts, book.sink());
  const held = streamed.rows.map((r, i) => [i, r] as const).filter(([, r]) => r !== undefined);
  const sink = new BufferSink();
  await writeSpecsToSink([streamed], sink, [], false, book);
  return { whole, streamed, held, expected: await parts(await streamSpecsToBuffer([whole])), actual: await parts(sink.bytes()) };
}

const split = (k: number): Item => ({
  kind: 'item', tt: String(k), name: `Dự án hai nguồn ${k}`,
  amounts: {
    years: { 2021: new Dec(30 + k), 2022: new Dec(20) }, sources: { NSTW: new Dec(35 + k), 'NSĐP': new Dec(15) },
    split: { NSTW: { 2021: new Dec(25 + k), 2022: new Dec(10) }, 'NSĐP': { 2021: new Dec(5), 2022: new Dec(10) } },
  },
});

describe('layout streamed into the writer', () => {
  test('the Sóc Trăng plan with its words line: the same parts; only the body left the spec', async () => {
    const r = await both(socTrangPlan(), { words: true });
    expect(r.actual).toEqual(r.expected);
    const { item: items, group: groups, total } = r.whole.roles!;
    const bodyStart = Math.min(items[0], groups[0]);
    expect(r.streamed.streamed).toEqual({ from: bodyStart, to: total[0] - 1 });
    expect(r.streamed.rows.length).toBe(r.whole.rows.length);
    for (const [i, row] of r.held) expect([i, row]).toEqual([i, r.whole.rows[i]]);
    expect(r.held.map(([i]) => i)).toEqual(r.whole.rows.map((_, i) => i).filter((i) => i < bodyStart || i >= total[0]));
  });

  test('split items, level-2 groups, a flat list, and 3,000 items (several deflated pieces): the same parts', async () => {
    const many = Array.from({ length: 3_000 }, (_, i) => item(String(i + 1), `Dự án số ${i + 1} <&> "x"`, { 2021: `${i + 1}.125` }, i % 2 ? 'NSTW' : 'NSĐP'));
    const plans = [
      basePlan([group('I', 'Nhóm', [split(1), item('2', 'Một nguồn', { 2022: 7 }, 'NSĐP'), group('1', 'Nhóm con', [split(3)], 2)])]),
      basePlan([item('1', 'Dự án đầu', { 2021: 1 }, 'NSTW'), split(2), item('3', 'Dự án cuối', { 2025: '0.5' }, 'NSĐP')]),
      basePlan([group('I', 'Nhóm lớn', many.slice(0, 2_000)), group('II', 'Nhóm nhỏ', many.slice(2_000))]),
    ];
    for (const p of plans) {
      const r = await both(p, { words: true });
      expect(r.streamed.streamed).toBeDefined();
      expect(r.actual).toEqual(r.expected);
    }
  });

  test('a plan laid out in subtotal mode (2,000 groups) and an empty plan: the same parts', async () => {
    const groups = Array.from({ length: 2_000 }, (_, g) => group(`G${g + 1}`, `Nhóm ${g + 1}`, [item('1', `Dự án ${g + 1}`, { 2023: g + 1 }, 'NSTW')]));
    const sub = await both(basePlan(groups));
    expect(sub.whole.rows[sub.whole.roles!.total[0]].cells.some((c) => c?.t === 'formula' && c.f.startsWith('SUBTOTAL('))).toBe(true);
    expect(sub.actual).toEqual(sub.expected);
    const empty = await both(basePlan([]));
    expect(empty.streamed.streamed).toBeUndefined();
    expect(empty.actual).toEqual(empty.expected);
  });
});

describe('crc32Combine', () => {
  test('equals the CRC-32 of the concatenation, for any split', () => {
    const data = Buffer.from(Array.from({ length: 70_001 }, (_, i) => (i * 7919 + (i >> 3)) & 0xff));
    for (const cut of [0, 1, 2, 3, 17, 255, 256, 4_096, 65_537, 70_000, 70_001]) {
      const a = data.subarray(0, cut);
      const b = data.subarray(cut);
      expect([cut, crc32Combine(crc32(a, 0), crc32(b, 0), b.length)]).toEqual([cut, crc32(data, 0)]);
    }
  });
});

describe('StreamedBody: pieces deflated on the thread pool, and here once the pool has its share', () => {
  test('8 MB of rows, three pieces at most on the pool: the deflated pieces, in order, are the rows\' XML, each the bytes deflatePiece gives', async () => {
    const book = new StreamedBook(3);
    const body = book.sink();
    body.begin({ styles: { n: { numFmt: '#,##0.000' } }, rows: [], merges: [] });
    const rows = Array.from({ length: 40_000 }, (_, r) => ({ cells: Array.from({ length: 16 }, (_c, c) => ({ t: 'num' as const, v: `${r * 16 + c}.125`, s: 'n' })) }));
    body.rows(0, rows);
    await book.body!.finish();
    const d = book.body!.deflated();
    expect(d.chunks.length).toBeGreaterThan(4);
    const xml = Buffer.concat(d.chunks.map((z) => inflateRawSync(Buffer.concat([z, deflatePiece(Buffer.alloc(0), 6, true)]))));
    expect(xml.length).toBe(d.size);
    expect(crc32(xml, 0)).toBe(d.crc);
    expect(d.csize).toBe(d.chunks.reduce((n, z) => n + z.length, 0));
    const text = xml.toString('utf8');
    expect(text.startsWith('<row r="1"><c r="A1" s="1"><v>0.125</v></c>')).toBe(true);
    expect(text.endsWith('<c r="P40000" s="1"><v>639999.125</v></c></row>')).toBe(true);
    expect(text.split('<row ').length - 1).toBe(40_000);
    // each piece is what deflatePiece makes of its text (the async path's bytes are the sync path's)
    let at = 0;
    for (const z of d.chunks) {
      const piece = inflateRawSync(Buffer.concat([z, deflatePiece(Buffer.alloc(0), 6, true)]));
      expect(deflatePiece(xml.subarray(at, at + piece.length), 6, false).equals(z)).toBe(true);
      at += piece.length;
    }
  });
});
