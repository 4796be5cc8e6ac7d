/**
 * `danh-muc check` in-process: exit codes 0/1/2, one-line reasons for unreadable files, the JSON shape,
 * sheet selection, and the checked file left byte-identical.
 */
import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import { cliIn } from '../helpers/cliInProcess';
import { hauGiang2019, ngheAn, socTrang1620, socTrang2125, toXlsx, withCell, at } from '../helpers/seedSheets';

let dir: string;
beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'danhmuc-check-'));
});
afterAll(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

const cli = (...args: string[]) => cliIn(dir, ...args);

async function file(name: string, bytes: Buffer | string): Promise<string> {
  const p = path.join(dir, name);
  await fsp.writeFile(p, bytes);
  return p;
}

async function docxBytes(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file('word/document.xml', '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Kế hoạch</w:t></w:r></w:p></w:body></w:document>');
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** An OLE compound file naming an EncryptionInfo stream: how Excel stores a password-protected .xlsx. */
function encryptedBytes(): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  const dirEntry = Buffer.alloc(128);
  Buffer.from('EncryptionInfo', 'utf16le').copy(dirEntry, 0);
  return Buffer.concat([header, dirEntry, Buffer.alloc(384)]);
}

describe('danh-muc check: unreadable input → exit 2 with one line', () => {
  const cases: [string, () => Promise<Buffer | string>, RegExp][] = [
    ['empty.xlsx', async () => Buffer.alloc(0), /tệp rỗng/],
    ['truncated.xlsx', async () => (await toXlsx(socTrang2125())).subarray(0, 3000), /cắt cụt|hỏng/],
    ['random.xlsx', async () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)), /không phải bảng tính/],
    ['locked.xlsx', async () => encryptedBytes(), /mật khẩu/],
  ];
  it.each(cases)('%s', async (name, make, reason) => {
    const p = await file(name, await make());
    const r = await cli('check', p);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(reason);
    expect(r.err).not.toMatch(/\bat .*\.(js|ts):\d+/);
  });

  it('a missing file and bad options are usage errors', async () => {
    for (const args of [['check'], ['check', 'nope.xlsx'], ['check', 'a.xlsx', '--tolerance', 'abc'], ['check', 'a.xlsx', '--unit', 'quả'], ['check', 'a.xlsx', '--bogus']]) {
      const r = await cli(...args);
      expect(r.code).toBe(2);
      expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    }
  });
});

describe('danh-muc check on the seed sheets', () => {
  it('clean Sóc Trăng 2021-2025: exit 0, Vietnamese report, file unchanged (bytes)', async () => {
    const p = await file('soc-trang.xlsx', await toXlsx(socTrang2125({ wordsLine: true })));
    const before = await fsp.readFile(p);
    const stat0 = await fsp.stat(p);
    const r = await cli('check', p);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Trang tính "Phụ lục 02": 22 dự án\/nhiệm vụ, 6 nhóm, tổng cộng 441\.115 triệu đồng/);
    expect(r.out).toMatch(/CẢNH BÁO \(1\):\n\s+L9\s+\[TEXT_NUMBER\]/);
    expect(r.out).not.toMatch(/^LỖI/m);
    const after = await fsp.readFile(p);
    expect(after.equals(before)).toBe(true);
    expect((await fsp.stat(p)).mtimeMs).toBe(stat0.mtimeMs);
  });

  it('a Word document named .xlsx is read as the Word document it is (by content, issue 13)', async () => {
    const r = await cli('check', await file('renamed.xlsx', await docxBytes()));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/\[UNREADABLE_TABLE\] Văn bản .* không có bảng nào/);
  });

  it('2016-2020 --json: exit 1, the JSON shape, GROUP_SUBTOTAL at the group III cell', async () => {
    const l = socTrang1620();
    const p = await file('st-2016.xlsx', await toXlsx(l));
    const r = await cli('check', p, '--json');
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out) as { findings: Record<string, unknown>[]; summary: Record<string, unknown> };
    expect(Object.keys(j)).toEqual(['findings', 'summary']);
    for (const f of j.findings) {
      expect(Object.keys(f)).toEqual(['code', 'severity', 'message', 'sheet', 'cell', 'expected', 'actual', 'causedBy']);
    }
    const g = j.findings.find((f) => f.code === 'GROUP_SUBTOTAL');
    expect(g).toMatchObject({ severity: 'error', sheet: 'Phụ lục 01', cell: at(l, 'III', 'total'), expected: '1200', actual: '885' });
    expect(j.summary).toMatchObject({ errors: expect.any(Number), warnings: expect.any(Number) });
    expect((j.summary.errors as number)).toBeGreaterThan(0);
  });

  it('one wrong year amount: --json names it first and the others causedBy it; the text indents them under it', async () => {
    const l = socTrang2125();
    const cell = at(l, 'I.1', '2022');
    const p = await file('st-g8.xlsx', await toXlsx(withCell(l, cell, 2700)));
    const j = JSON.parse((await cli('check', p, '--json')).out) as { findings: Record<string, unknown>[] };
    const errors = j.findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => [f.code, f.cell, f.causedBy])).toEqual([
      ['ROW_YEARS_SUM', cell, null],
      ['GROUP_SUBTOTAL', at(l, 'I', '2022'), cell],
      ['ROW_YEARS_SUM', at(l, 'I.1', 'total'), cell],
      ['BREAKDOWN', at(l, 'bd:NSĐP', '2022'), cell],
    ]);
    expect(errors[0]).toMatchObject({ expected: '2000', actual: '2700' });
    const text = (await cli('check', p)).out.split('\n');
    const i = text.findIndex((t) => t.startsWith(`  ${cell} `));
    expect(text[i]).toContain(`[ROW_YEARS_SUM] ${cell} có thể nhập sai: nếu ${cell} = 2.000 thì`);
    expect(text.slice(i + 1, i + 4).map((t) => t.slice(0, 13))).toEqual([
      `    ↳ ${at(l, 'I', '2022')}`, `    ↳ ${at(l, 'I.1', 'total')}`, `    ↳ ${at(l, 'bd:NSĐP', '2022')}`,
    ].map((t) => t.padEnd(13)));
  });

  it('--stated-total in đồng against Nghệ An: STATED_TOTAL, exit 1', async () => {
    const p = await file('nghe-an.xlsx', await toXlsx(ngheAn()));
    const ok = await cli('check', p, '--json');
    expect(ok.code).toBe(0);
    const r = await cli('check', p, '--json', '--stated-total', '1.028.960.000.000 đồng');
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out) as { findings: { code: string; expected: string; actual: string }[] };
    const st = j.findings.filter((f) => f.code === 'STATED_TOTAL');
    expect(st).toHaveLength(1);
    expect([st[0].expected, st[0].actual].sort()).toEqual(['1028960', '570960']);
  });

  it('several sheets: checks every table, skips a sheet that is not one; --sheet picks one', async () => {
    const notes = { name: 'Ghi chú', rows: [['Ghi chú của người lập biểu'], ['Không có bảng ở đây']], merges: [], boldRows: [], rowOf: {}, colOf: {} };
    const bad = withCell(hauGiang2019(), 'M2', '7 tỷ');
    const p = await file('multi.xlsx', await toXlsx(notes, socTrang2125(), bad));
    const r = await cli('check', p, '--json');
    const j = JSON.parse(r.out) as { findings: { code: string; sheet: string; cell: string }[]; summary: { sheets: { sheet: string }[] } };
    expect(j.summary.sheets.map((s) => s.sheet)).toEqual(['Phụ lục 02', 'Danh mục 2019']);
    expect(j.findings.some((f) => f.code === 'UNREADABLE_TABLE')).toBe(false);
    expect(j.findings).toContainEqual(expect.objectContaining({ code: 'ANNUAL_EXCEEDS_TOTAL', sheet: 'Danh mục 2019', cell: 'M2' }));
    expect(r.code).toBe(1);

    const one = await cli('check', p, '--sheet', 'phu luc 02');
    expect(one.code).toBe(0);
    expect(one.out).toMatch(/Trang tính "Phụ lục 02"/);
    expect(one.out).not.toMatch(/Danh mục 2019/);

    const none = await cli('check', p, '--sheet', 'Ghi chú', '--json');
    expect(none.code).toBe(1);
    const nj = JSON.parse(none.out) as { findings: { code: string; message: string }[] };
    expect(nj.findings.map((f) => f.code)).toEqual(['UNREADABLE_TABLE']);
    expect(nj.findings[0].message).toMatch(/TT.*tên.*số tiền/s);

    const missing = await cli('check', p, '--sheet', 'Không có');
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/các trang tính: "Ghi chú", "Phụ lục 02", "Danh mục 2019"/);
  });

  it('--unit and --tolerance', async () => {
    const p = await file('hau-giang.xlsx', await toXlsx(hauGiang2019()));
    const ty = await cli('check', p, '--json', '--unit', 'tỷ đồng');
    const j = JSON.parse(ty.out) as { findings: { code: string; expected: string }[]; summary: { sheets: { grandTotal: string; unit: string }[] } };
    expect(j.summary.sheets[0]).toMatchObject({ grandTotal: '5.8', unit: 'tỷ đồng' });
    expect(j.findings.map((f) => f.expected)).toEqual(['4', '4', '1.8', '5.8']);

    const l = socTrang2125();
    const off = await file('off-by-one.xlsx', await toXlsx(withCell(l, at(l, 'II', '2022'), 50001)));
    expect((await cli('check', off)).code).toBe(1);
    expect((await cli('check', off, '--tolerance', '1')).code).toBe(0);
    expect((await cli('check', off, '--tolerance', '0,5')).code).toBe(1);
  });

  it('a workbook with no table at all: UNREADABLE_TABLE per sheet, exit 1', async () => {
    const notes = { name: 'Trang 1', rows: [['Xin chào'], [1, 2, 3]], merges: [], boldRows: [], rowOf: {}, colOf: {} };
    const p = await file('none.xlsx', await toXlsx(notes));
    const r = await cli('check', p);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/UNREADABLE_TABLE/);
  });
});

describe('danh-muc check on damaged files (fuzz)', () => {
  it('random truncations and byte flips of a real workbook: exit 0, 1 or 2, never a stack trace', async () => {
    const fc = (await import('fast-check')).default;
    const good = await toXlsx(socTrang2125());
    const p = path.join(dir, 'damaged.xlsx');
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.integer({ min: 0, max: good.length - 1 }).map((n) => ({ cut: n, flips: [] as [number, number][] })),
          fc.array(fc.tuple(fc.integer({ min: 0, max: good.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 })
            .map((flips) => ({ cut: good.length, flips })),
        ),
        async ({ cut, flips }) => {
          const b = Buffer.from(good.subarray(0, cut));
          for (const [i, v] of flips) if (i < b.length) b[i] = v;
          await fsp.writeFile(p, b);
          const r = await cli('check', p, '--json');
          expect([0, 1, 2]).toContain(r.code);
          if (r.code === 2) {
            expect(r.out).toBe('');
            expect(r.err.trimEnd().split('\n')).toHaveLength(1);
          } else {
            expect(() => JSON.parse(r.out)).not.toThrow();
          }
          expect(r.err).not.toMatch(/\n\s+at /);
        },
      ),
      { numRuns: 300 },
    );
  });
});
