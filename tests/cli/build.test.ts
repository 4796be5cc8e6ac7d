/**
 * danh-muc build / template in-process: bad input of every kind exits 2 with one line, no stack trace and no
 * output file (nor a temporary file); an existing output is never overwritten without --force; the input is
 * never the output.
 */
import { createHash } from 'crypto';
import { promises as fsp, readFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { cliLines } from '../helpers/cliInProcess';
import { readWorkbookGrids } from '../../src/xlsx/readGrid';
import { planFromJsonText } from '../../src/app/planJson';
import { fillTemplate } from '../helpers/fillTemplate';
import { templateSpec } from '../../src/core/input/write';
import { writeWorkbook } from '../../src/xlsx/workbook';

const SAMPLE = path.join(__dirname, '..', '..', 'samples', 'soc-trang-2021-2025.plan.json');
let dir: string;

const cli = (...args: string[]) => cliLines(dir, ...args);

async function file(name: string, bytes: Buffer | string): Promise<string> {
  const p = path.join(dir, name);
  await fsp.writeFile(p, bytes);
  return p;
}

const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

/** Exit 2, exactly one line on stderr, nothing on stdout, no stack trace, and the folder unchanged. */
async function expectRefused(args: string[], why: RegExp): Promise<void> {
  const before = (await fsp.readdir(dir)).sort();
  const r = await cli(...args);
  expect({ code: r.code, out: r.out }).toEqual({ code: 2, out: [] });
  expect(r.err).toHaveLength(1);
  expect(r.err[0]).not.toMatch(/\n|\bat .+:\d+:\d+|lỗi không mong đợi/);
  expect(r.err[0]).toMatch(why);
  expect((await fsp.readdir(dir)).sort()).toEqual(before);
}

async function docxBytes(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file('word/document.xml', '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Kế hoạch</w:t></w:r></w:p></w:body></w:document>');
  return zip.generateAsync({ type: 'nodebuffer' });
}

beforeEach(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'danh-muc-cli-'));
});
afterEach(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

describe('build: bad input → exit 2, one line, no output', () => {
  test('missing file', async () => {
    await expectRefused(['build', 'khong-co.json', '-o', 'out.xlsx'], /^danh-muc build: không tìm thấy tệp "khong-co\.json"$/);
  });

  test('unreadable JSON', async () => {
    await file('plan.json', '{ "meta": { nope');
    await expectRefused(['build', 'plan.json', '-o', 'out.xlsx'], /tệp kế hoạch "plan\.json" không hợp lệ: .*không phải JSON hợp lệ/);
  });

  test('JSON with a bad field names the field', async () => {
    const data = JSON.parse(readFileSync(SAMPLE, 'utf8'));
    data.nodes[1].children[2].amounts.years['2022'] = 'abc';
    await file('plan.json', JSON.stringify(data));
    await expectRefused(['build', 'plan.json', '-o', 'out.xlsx'], /nodes\[1\]\.children\[2\]\.amounts\.years/);
  });

  test('a .docx renamed to .xlsx', async () => {
    await file('ke-hoach.xlsx', await docxBytes());
    await expectRefused(['build', 'ke-hoach.xlsx', '-o', 'out.xlsx'], /Word \(\.docx\)/);
  });

  test('a password-protected workbook', async () => {
    // An OLE compound file naming an EncryptionInfo stream: how Excel stores an encrypted .xlsx.
    const header = Buffer.alloc(512);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
    const entry = Buffer.alloc(128);
    Buffer.from('EncryptionInfo', 'utf16le').copy(entry, 0);
    await file('mat-khau.xlsx', Buffer.concat([header, entry, Buffer.alloc(384)]));
    await expectRefused(['build', 'mat-khau.xlsx', '-o', 'out.xlsx'], /mật khẩu/);
  });

  test.each(['rong.xlsx', 'rong.json'])('an empty file: %s', async (name) => {
    await file(name, '');
    await expectRefused(['build', name, '-o', 'out.xlsx'], /rỗng/);
  });

  test('a truncated workbook', async () => {
    const r = await cli('template', '-o', 'full.xlsx');
    expect(r.code).toBe(0);
    const bytes = readFileSync(path.join(dir, 'full.xlsx'));
    await file('cut.xlsx', bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expectRefused(['build', 'cut.xlsx', '-o', 'out.xlsx'], /không đọc được "cut\.xlsx"/);
  });

  test('an unknown kind of file', async () => {
    await file('ghi-chu.txt', 'Danh mục dự án: chưa có');
    await expectRefused(['build', 'ghi-chu.txt', '-o', 'out.xlsx'], /không nhận ra loại tệp/);
  });

  test('an input sheet with text in amount cells names the cells', async () => {
    expect((await cli('template', '-o', 'mau.xlsx', '--years', '2021-2025', '--sources', 'NSĐP,NSTW,ĐTPT')).code).toBe(0);
    const filled = await fillTemplate(path.join(dir, 'mau.xlsx'), planFromJsonText(readFileSync(SAMPLE, 'utf8')), path.join(dir, 'in.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'in.xlsx'));
    const ws = wb.getWorksheet('Nhập liệu')!;
    const r1 = filled.rows.get('I/2')!;
    const r2 = filled.rows.get('III/1')!;
    ws.getRow(r1).getCell(filled.cols.get('year:2022')!).value = 'abc';
    ws.getRow(r2).getCell(filled.cols.get('source:ĐTPT')!).value = 'hai tỷ';
    await wb.xlsx.writeFile(path.join(dir, 'in.xlsx'));
    const c1 = `${String.fromCharCode(64 + filled.cols.get('year:2022')!)}${r1}`;
    const c2 = `${String.fromCharCode(64 + filled.cols.get('source:ĐTPT')!)}${r2}`;
    await expectRefused(['build', 'in.xlsx', '-o', 'out.xlsx'],
      new RegExp(`Trang “Nhập liệu”: Ô ${c1}: "abc" không phải số tiền; Ô ${c2}: "hai tỷ" không phải số tiền$`));
  });

  test('10 MB of text in one cell: refused politely, from an input sheet and from a plan', async () => {
    const huge = 'Dự án rất dài. '.repeat(700000); // ~10 MB
    expect((await cli('template', '-o', 'mau.xlsx')).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'mau.xlsx'));
    const ws = wb.getWorksheet('Nhập liệu')!;
    let header = 1;
    while (ws.getRow(header).getCell(1).value !== 'TT') header++;
    ws.getRow(header + 1).getCell(1).value = '1';
    ws.getRow(header + 1).getCell(2).value = huge;
    await wb.xlsx.writeFile(path.join(dir, 'dai.xlsx'));
    await fsp.rm(path.join(dir, 'mau.xlsx'));
    await expectRefused(['build', 'dai.xlsx', '-o', 'out.xlsx'], /ô B\d+ .*quá giới hạn 32\.767 ký tự/);
    await fsp.rm(path.join(dir, 'dai.xlsx'));
    const data = JSON.parse(readFileSync(SAMPLE, 'utf8'));
    data.nodes[0].children[0].name = huge;
    await file('dai.json', JSON.stringify(data));
    await expectRefused(['build', 'dai.json', '-o', 'out.xlsx'], /văn bản dài .* (vượt|quá) giới hạn 32\.?767 ký tự/);
  });

  test('an empty template: nothing to build yet', async () => {
    expect((await cli('template', '-o', 'mau.xlsx')).code).toBe(0);
    await expectRefused(['build', 'mau.xlsx', '-o', 'out.xlsx'], /chưa có dự án nào/);
  });

  test('a workbook with no input sheet (an appendix given as input)', async () => {
    expect((await cli('build', '--sample', '-o', 'phu-luc.xlsx')).code).toBe(0);
    await expectRefused(['build', 'phu-luc.xlsx', '-o', 'out.xlsx'], /không có trang nhập liệu/);
  });

  test.each([
    [['build', '--sample'], /thiếu tệp ra/],
    [['build', '--sample', '-o', 'out.pdf'], /đuôi \.xlsx/],
    [['build', '--sample', '-o', 'khong-co/out.xlsx'], /thư mục của tệp ra không tồn tại/],
    [['build', '--sample', '-o', 'out.xlsx', '--preset', 'dep'], /--preset: không hiểu mẫu phụ lục "dep"/],
    [['build', '--sample', 'x.json', '-o', 'out.xlsx'], /không dùng cả hai/],
    [['build', '-o', 'out.xlsx'], /thiếu tệp vào/],
    [['build', '--sample', '-o', 'out.xlsx', '--mau'], /Tùy chọn không hợp lệ: --mau/],
    [['build', 'a.json', 'b.json', '-o', 'out.xlsx'], /chỉ nhận một tệp vào/],
  ])('usage %j', async (args, why) => {
    await expectRefused(args, why);
  });
});

describe('never lose work', () => {
  test('an existing output is kept unless --force', async () => {
    const out = await file('phu-luc.xlsx', 'bản cũ của người dùng');
    await expectRefused(['build', '--sample', '-o', 'phu-luc.xlsx'], /tệp "phu-luc\.xlsx" đã có; không ghi đè \(thêm --force/);
    expect(readFileSync(out, 'utf8')).toBe('bản cũ của người dùng');
    const r = await cli('build', '--sample', '-o', 'phu-luc.xlsx', '--force');
    expect(r.code).toBe(0);
    expect((await readWorkbookGrids(out))[0].sheet).toBe('Phụ lục 02');
    expect(await fsp.readdir(dir)).toEqual(['phu-luc.xlsx']);
  });

  test('the input is never the output, even with --force', async () => {
    expect((await cli('template', '-o', 'in.xlsx')).code).toBe(0);
    const h = sha(path.join(dir, 'in.xlsx'));
    await expectRefused(['build', 'in.xlsx', '-o', './in.xlsx', '--force'], /tệp ra trùng tệp vào/);
    expect(sha(path.join(dir, 'in.xlsx'))).toBe(h);
  });

  test('template refuses to overwrite too', async () => {
    await file('mau.xlsx', 'x');
    await expectRefused(['template', '-o', 'mau.xlsx'], /đã có/);
    expect((await cli('template', '-o', 'mau.xlsx', '--force')).code).toBe(0);
    expect((await readWorkbookGrids(path.join(dir, 'mau.xlsx')))[0].sheet).toBe('Nhập liệu');
  });
});

describe('build options and template', () => {
  test('--preset flat lays out a list without year columns; the summary still gives the total', async () => {
    const r = await cli('build', '--sample', '-o', 'flat.xlsx', '--preset', 'flat');
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(/22 dự án, 6 nhóm; tổng cộng 441\.115 triệu đồng/);
    const [g] = await readWorkbookGrids(path.join(dir, 'flat.xlsx'));
    const texts = g.cells.slice(0, 8).flat().map((c) => c?.value);
    expect(texts).not.toContain('2021');
    expect(texts).toContain('TT');
  });

  test('--sheet picks one input sheet of several; an unknown sheet is named', async () => {
    const st = planFromJsonText(readFileSync(SAMPLE, 'utf8'));
    const tv = planFromJsonText(readFileSync(path.join(path.dirname(SAMPLE), 'tra-vinh-2023.plan.json'), 'utf8'));
    await writeWorkbook([templateSpec({ plan: st }), templateSpec({ plan: tv })], path.join(dir, 'hai.xlsx'));
    const first = await cli('build', 'hai.xlsx', '-o', 'a.xlsx');
    expect(first.out[0]).toMatch(/từ trang "Nhập liệu": 22 dự án, 6 nhóm; tổng cộng 441\.115 triệu đồng/);
    const second = await cli('build', 'hai.xlsx', '-o', 'b.xlsx', '--sheet', 'Nhập liệu (2)');
    expect(second.out[0]).toMatch(/^Đã tạo phụ lục "Phụ lục III" từ trang "Nhập liệu \(2\)": 9 dự án, 0 nhóm; kinh phí năm 2023 72\.524 triệu đồng/);
    await expectRefused(['build', 'hai.xlsx', '-o', 'c.xlsx', '--sheet', 'Trang 3'], /không có trang tính "Trang 3"; các trang tính: "Nhập liệu", "Nhập liệu \(2\)"/);
  });

  test('--words adds the "Bằng chữ" line under the table', async () => {
    expect((await cli('build', '--sample', '-o', 'w.xlsx', '--words')).code).toBe(0);
    const [g] = await readWorkbookGrids(path.join(dir, 'w.xlsx'));
    const texts = g.cells.flat().map((c) => String(c?.value ?? ''));
    expect(texts.some((t) => t.includes('Bằng chữ: Bốn trăm bốn mươi mốt tỷ, một trăm mười lăm triệu đồng'))).toBe(true);
  });

  test('build from plan JSON with a path relative to cwd', async () => {
    await fsp.copyFile(SAMPLE, path.join(dir, 'ke-hoach.json'));
    const r = await cli('build', 'ke-hoach.json', '-o', 'pl.xlsx');
    expect(r).toMatchObject({ code: 0, err: [] });
    expect(r.out[0]).toMatch(/^Đã tạo phụ lục "Phụ lục 02": 22 dự án, 6 nhóm; tổng cộng 441\.115 triệu đồng \(Bằng chữ: Bốn trăm bốn mươi mốt tỷ, một trăm mười lăm triệu đồng\) → /);
  });

  test('template with an annual year, user source code and unit', async () => {
    const r = await cli('template', '-o', 'nam.xlsx', '--years', '2023', '--sources', 'NSTW,ABC=Vốn ABC', '--unit', 'tỷ đồng');
    expect(r).toMatchObject({ code: 0, err: [] });
    expect(r.out[0]).toMatch(/^Đã tạo mẫu nhập liệu "Nhập liệu" \(năm 2023; nguồn vốn NSTW, ABC; ĐVT tỷ đồng\)/);
    const [g] = await readWorkbookGrids(path.join(dir, 'nam.xlsx'));
    const all = g.cells.flat().map((c) => c?.value);
    for (const t of ['Tổng mức đầu tư', '2023', 'ABC', 'Vốn ABC', 'Tỷ đồng', 'Hằng năm']) expect(all).toContain(t);
  });

  test('template --sample, then build: the full circle gives the published total', async () => {
    const t = await cli('template', '-o', 'nhap.xlsx', '--sample');
    expect(t).toMatchObject({ code: 0, err: [] });
    expect(t.out[0]).toMatch(/\(năm 2021-2025; nguồn vốn NSĐP, NSTW, ĐTPT; ĐVT triệu đồng, đã điền 22 dự án\)/);
    const b = await cli('build', 'nhap.xlsx', '-o', 'pl.xlsx');
    expect(b).toMatchObject({ code: 0, err: [] });
    expect(b.out[0]).toMatch(/^Đã tạo phụ lục "Phụ lục 02" từ trang "Nhập liệu": 22 dự án, 6 nhóm; tổng cộng 441\.115 triệu đồng/);
  });

  test('template --from a flat plan (Nghệ An) has a Tổng kinh phí column and builds', async () => {
    await fsp.copyFile(path.join(path.dirname(SAMPLE), 'nghe-an-2021-2025.plan.json'), path.join(dir, 'na.json'));
    const t = await cli('template', '-o', 'na.xlsx', '--from', 'na.json');
    expect(t).toMatchObject({ code: 0, err: [] });
    expect(t.out[0]).toMatch(/không chia theo năm/);
    const [g] = await readWorkbookGrids(path.join(dir, 'na.xlsx'));
    expect(g.cells.flat().map((c) => c?.value)).toContain('Tổng kinh phí');
    const b = await cli('build', 'na.xlsx', '-o', 'pl.xlsx');
    expect(b.code).toBe(0);
    const direct = await cli('build', 'na.json', '-o', 'pl2.xlsx');
    // The same figure whether built from the plan or from its input sheet.
    expect(b.out[0].replace(/ từ trang "Nhập liệu"| → .*$/g, '')).toBe(direct.out[0].replace(/ → .*$/, ''));
  });

  test.each([
    [['template', '-o', 'm.xlsx', '--from', 'khong-co.json'], /không tìm thấy tệp "khong-co\.json"/],
    [['template', '-o', 'm.xlsx', '--from', 'x.json', '--sample'], /không dùng cả hai/],
    [['template', '-o', 'm.xlsx', '--years', '2025-2021'], /--years: năm đầu lớn hơn năm cuối/],
    [['template', '-o', 'm.xlsx', '--sources', 'NSTW,NSTW'], /--sources: mã nguồn vốn "NSTW" bị lặp/],
    [['template', '-o', 'm.xlsx', '--unit', 'đô la'], /--unit: không hiểu đơn vị "đô la"/],
    [['template', '-o', 'm.xlsx', '--rows', '0'], /--rows nhận/],
    [['template'], /thiếu tệp ra/],
    [['template', 'm.xlsx'], /tham số thừa/],
  ])('template usage %j', async (args, why) => {
    await expectRefused(args, why);
  });
});
