/**
 * A Word plan with a 10,000-item appendix table (100 groups × 100 items, years, total, three sources, the same
 * figures as the sheet bench's big grid, written as Word shows them: "1.559") and its text's stated total: the
 * .docx read (src/docx/node.ts), then checked (app/checkDocument), with time and this process's peak memory.
 */
import { Dec } from '../src/core/base/decimal';
import type { Grid } from '../src/core/base/grid';
import { formatVi } from '../src/core/text/numbers';
import { checkDocument } from '../src/app/checkDocument';
import { readDocxFile } from '../src/docx/node';
import { bigGrid } from '../tests/helpers/bigGrid';
import { part, zip } from '../tests/helpers/xlsxPackage';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const para = (t: string) => `<w:p><w:r><w:t xml:space="preserve">${esc(t)}</w:t></w:r></w:p>`;

function docxOfGrid(grid: Grid, total: string): Buffer {
  const width = Math.max(...grid.cells.map((r) => r?.length ?? 0));
  const rows = grid.cells.slice(2).map((r, i) => {
    const cells = Array.from({ length: width }, (_, c) => {
      const v = r?.[c]?.value;
      const t = typeof v === 'number' ? (i < 2 ? String(v) : formatVi(new Dec(v))) : typeof v === 'string' ? v : '';
      return `<w:tc>${para(t)}</w:tc>`;
    });
    return `<w:tr>${cells.join('')}</w:tr>`;
  });
  const body = para('VI. KINH PHÍ THỰC HIỆN') + para(`Tổng kinh phí thực hiện: ${total} triệu đồng.`) + para('ĐVT: Triệu đồng')
    + `<w:tbl>${rows.join('')}</w:tbl>`;
  return zip([part('[Content_Types].xml', '<Types/>'), part('word/document.xml', `<w:document ${W}><w:body>${body}</w:body></w:document>`)]);
}

export async function run(): Promise<void> {
  const grid = bigGrid(100, 100);
  const probe = docxOfGrid(grid, '0');
  const first = checkDocument(await readDocxFile(probe)).results[0];
  const total = formatVi(new Dec(first.summary.grandTotal ?? '0'));
  const file = docxOfGrid(grid, total);
  (global as { gc?: () => void }).gc?.();
  const t0 = process.hrtime.bigint();
  const doc = await readDocxFile(file);
  const t1 = process.hrtime.bigint();
  const r = checkDocument(doc);
  const t2 = process.hrtime.bigint();
  const rows = doc.blocks.find((b) => b.kind === 'table')?.grid.cells.length ?? 0;
  const ms = (a: bigint, b: bigint) => (Number(b - a) / 1e6).toFixed(0).padStart(6);
  console.log(`docx ${(file.length / 1048576).toFixed(1)} MB, one table of ${rows} rows (${first.summary.items} items)`);
  console.log(`  read                 ${ms(t0, t1)} ms`);
  console.log(`  check (tables+text)  ${ms(t1, t2)} ms   errors ${r.errors}`);
  console.log(`  peak rss             ${(process.resourceUsage().maxRSS / 1024).toFixed(0).padStart(6)} MB`);
}
