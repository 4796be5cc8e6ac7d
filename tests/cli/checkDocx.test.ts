/**
 * danh-muc check plan.docx [--json] (issue 13): same output contract and exit codes as for a workbook; a hostile
 * .docx (zip bomb, DOCTYPE with an external entity, a table past the row limit, a damaged file) → one Vietnamese
 * line, exit 2.
 */
import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PACKAGE } from '../../src/core/base/limits';
import { cliIn } from '../helpers/cliInProcess';
import { docxOf } from '../helpers/docxBuild';
import { ngheAn, socTrang2125 } from '../helpers/seedSheets';
import { part, zip } from '../helpers/xlsxPackage';

let dir: string;
beforeAll(async () => { dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'docx-cli-')); });
afterAll(async () => { await fsp.rm(dir, { recursive: true, force: true }); });

async function file(name: string, data: Buffer): Promise<string> {
  const p = path.join(dir, name);
  await fsp.writeFile(p, data);
  return p;
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const docx = (documentXml: string | Buffer) => zip([part('[Content_Types].xml', TYPES), part('word/document.xml', documentXml)]);

test('seed 004 as a Word plan: exit 1, STATED_TOTAL from its text; --json carries `where`', async () => {
  const p = await file('nghe-an.docx', await docxOf([
    { bold: 'VII. KINH PHÍ THỰC HIỆN' }, '- Dự kiến tổng kinh phí thực hiện: 1.028.960.000.000 VNĐ', { layout: ngheAn() },
  ]));
  const human = await cliIn(dir, 'check', p);
  expect(human.code).toBe(1);
  expect(human.out).toMatch(/Bảng 1: 28 dự án\/nhiệm vụ/);
  expect(human.out).toMatch(/Đoạn 2 \(VII\. KINH PHÍ THỰC HIỆN\) \[STATED_TOTAL\]/);
  const j = await cliIn(dir, 'check', p, '--json');
  expect(j.code).toBe(1);
  const f = (JSON.parse(j.out) as { findings: Record<string, unknown>[] }).findings.filter((x) => x.severity === 'error');
  expect(f).toEqual([expect.objectContaining({ code: 'STATED_TOTAL', sheet: 'Bảng 1', cell: null, where: 'Đoạn 2 (VII. KINH PHÍ THỰC HIỆN)' })]);
});

test("seed 000's 2021-2025 appendix with its text, named without .docx: recognised by content, exit 0", async () => {
  const p = await file('ke-hoach', await docxOf([
    'Tổng kinh phí thực hiện: 441.115.000.000 đồng (Bằng chữ: Bốn trăm bốn mươi mốt tỷ, một trăm mười lăm triệu đồng), trong đó:',
    { layout: socTrang2125() },
  ]));
  const r = await cliIn(dir, 'check', p);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/Kết quả: không có lỗi nào\./);
  expect(r.out).not.toMatch(/không ghi đơn vị tính/);
});

test('--sheet names one table of a Word plan ("Bảng 2"); an unknown one is a usage error', async () => {
  const p = await file('two.docx', await docxOf([{ layout: ngheAn() }, { layout: socTrang2125() }]));
  const r = await cliIn(dir, 'check', p, '--sheet', 'bảng 2');
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/^Bảng 2: 22 dự án/m);
  expect(r.out).not.toMatch(/^Bảng 1/m);
  const bad = await cliIn(dir, 'check', p, '--sheet', 'Bảng 9');
  expect(bad.code).toBe(2);
  expect(bad.err).toMatch(/không có bảng danh mục "Bảng 9"; có: Bảng 1, Bảng 2/);
});

describe('hostile .docx: one Vietnamese line, exit 2', () => {
  const oneLine = (r: { code: number; err: string; out: string }, re: RegExp) => {
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(re);
  };

  test('XXE: a DOCTYPE declaring an external entity is refused before any entity is read', async () => {
    const secret = await file('secret.txt', Buffer.from('BÍ MẬT'));
    const xml = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file://${secret}">]><w:document ${W}><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>`;
    const r = await cliIn(dir, 'check', await file('xxe.docx', docx(xml)));
    oneLine(r, /DOCTYPE/);
    expect(r.err).not.toMatch(/BÍ MẬT/);
  });

  test('a damaged file and a truncated one', async () => {
    oneLine(await cliIn(dir, 'check', await file('junk.docx', Buffer.from('not a zip at all'))), /không phải văn bản Word/);
    const good = await docxOf(['x']);
    oneLine(await cliIn(dir, 'check', await file('cut.docx', good.subarray(0, good.length - 30))), /hỏng/);
    oneLine(await cliIn(dir, 'check', await file('badxml.docx', docx(`<w:document ${W}><w:body><w:p>`))), /hỏng/);
  });

  test(`a table of more than ${PACKAGE.maxSheetRows} rows stops at the .xlsx row limit`, async () => {
    const rows = '<w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr>'.repeat(PACKAGE.maxSheetRows + 1);
    oneLine(await cliIn(dir, 'check', await file('rows.docx', docx(`<w:document ${W}><w:body><w:tbl>${rows}</w:tbl></w:body></w:document>`))), /hơn 150\.000 dòng/);
  });

  test('a zip bomb stops at the per-part inflate limit', async () => {
    const start = `<w:document ${W}><w:body>`;
    const end = '</w:body></w:document>';
    const body = Buffer.alloc(PACKAGE.maxPartBytes + 1024 - start.length - end.length, 0x20);
    oneLine(await cliIn(dir, 'check', await file('bomb.docx', docx(Buffer.concat([Buffer.from(start), body, Buffer.from(end)])))), /giải nén ra hơn 200 MB/);
  });
});
