/**
 * Fixture sheets: the five seeds' appendix tables laid out as their documents lay them out (title lines,
 * unit line, merged two-row headers, typed values, Word-like text numbers where the seed shows them, the
 * header repeated on every page of seed 004, Hậu Giang's "tỷ" texts and words line), written to .xlsx with
 * exceljs. Figures transcribed from ../shared/seeds; long objective texts abbreviated.
 *
 * A layout is plain data so that tests can mutate one cell and rebuild the workbook.
 */
import ExcelJS from 'exceljs';
import { BINH_DUONG_ROWS, NGHE_AN_HEADER, NGHE_AN_PAGES, NGHE_AN_ROWS, NGHE_AN_TOTAL_TEXT } from './seedData';

export type CellIn = string | number | null | undefined | { f: string; v?: number | string } | { error: string };

export interface SheetLayout {
  name: string;
  /** rows[0] is sheet row 1 */
  rows: CellIn[][];
  merges: string[];
  /** 1-based rows shown bold */
  boldRows: number[];
  hiddenRows?: number[];
  numFmt?: string;
  /** Named rows ("I", "I.1", "total", "bd:NSĐP", "words", "header") → 1-based row; named columns → letter. */
  rowOf: Record<string, number>;
  colOf: Record<string, string>;
}

/** Cell address of a named row and column: at(l, 'II.2', '2022') → "G13". */
export function at(l: SheetLayout, row: string, col: string): string {
  const r = l.rowOf[row];
  const c = l.colOf[col];
  if (r === undefined || c === undefined) throw new Error(`fixture: no row "${row}" or column "${col}"`);
  return `${c}${r}`;
}

export function colIndex(letter: string): number {
  let n = 0;
  for (const ch of letter) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Sets one cell of a layout (by address) — for mutation tests. Returns the layout (copied). */
export function withCell(l: SheetLayout, addr: string, v: CellIn): SheetLayout {
  const m = /^([A-Z]+)(\d+)$/.exec(addr);
  if (!m) throw new Error(`bad address ${addr}`);
  const r = parseInt(m[2], 10) - 1;
  const c = colIndex(m[1]);
  const rows = l.rows.map((row) => [...row]);
  while (rows.length <= r) rows.push([]);
  rows[r][c] = v;
  return { ...l, rows };
}

export function cellValue(l: SheetLayout, addr: string): CellIn {
  const m = /^([A-Z]+)(\d+)$/.exec(addr);
  if (!m) throw new Error(`bad address ${addr}`);
  return l.rows[parseInt(m[2], 10) - 1]?.[colIndex(m[1])];
}

export function addLayout(wb: ExcelJS.Workbook, l: SheetLayout): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(l.name);
  l.rows.forEach((row, i) => {
    row.forEach((v, j) => {
      if (v === null || v === undefined) return;
      const cell = ws.getCell(i + 1, j + 1);
      if (typeof v === 'object' && 'f' in v) cell.value = { formula: v.f, result: v.v } as ExcelJS.CellFormulaValue;
      else if (typeof v === 'object' && 'error' in v) cell.value = { error: v.error } as ExcelJS.CellErrorValue;
      else cell.value = v;
      if (typeof v === 'number' || (typeof v === 'object' && 'f' in v)) cell.numFmt = l.numFmt ?? '#,##0';
    });
  });
  for (const r of l.boldRows) ws.getRow(r).font = { bold: true, name: 'Times New Roman' };
  for (const r of l.boldRows) ws.getRow(r).eachCell((c) => { c.font = { bold: true, name: 'Times New Roman' }; });
  for (const m of l.merges) ws.mergeCells(m);
  for (const r of l.hiddenRows ?? []) ws.getRow(r).hidden = true;
  return ws;
}

export async function toXlsx(...layouts: SheetLayout[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const l of layouts) addLayout(wb, l);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const YEARS = [2021, 2022, 2023, 2024, 2025];

// ------------------------------------------------------------------------------------------------
// Seed 000, Phụ lục 02: Sóc Trăng 2021-2025 (groups I-VI, years, NSĐP/NSTW/ĐTPT, Tổng cộng, Trong đó)

type Src = 'NSĐP' | 'NSTW' | 'ĐTPT';
interface StItem {
  name: string;
  status: string;
  lead: string;
  objective: string;
  years: (number | null)[];
  src: Src;
  sourceText: string;
}
interface StGroup {
  tt: string;
  name: string;
  years: number[];
  sources: [number, number, number];
  items: StItem[];
}

const NEW = 'Dự án mới';
const STTT = 'Sở TT&TT';
const VSNDP = 'Vốn sự nghiệp địa phương';
const DTCTH = 'Đầu tư công Trung hạn';
const NSTW_T = 'Ngân sách Trung ương';

export const SOC_TRANG_2125: StGroup[] = [
  {
    tt: 'I', name: 'Xây dựng hạ tầng kỹ thuật', years: [7199, 8061, 8061, 8061, 8061], sources: [39443, 0, 0],
    items: [
      { name: 'Mua sắm bổ sung, nâng cấp hạ tầng kỹ thuật cho Trung tâm tích hợp dữ liệu của tỉnh đảm bảo năng lực triển khai Chính quyền số và đô thị thông minh.', status: NEW, lead: STTT, objective: '- Thực hiện nâng cấp, tái cấu trúc mô hình hạ tầng kỹ thuật tại Trung tâm dữ liệu tỉnh…', years: [1559, 2000, 2000, 2000, 2000], src: 'NSĐP', sourceText: VSNDP },
      { name: 'Nâng cấp các hoạt động ứng dụng công nghệ thông tin cho các cơ quan nhà nước trên địa bàn tỉnh', status: NEW, lead: STTT, objective: '- Phát triển, bổ sung ngày càng hoàn thiện hạ tầng kỹ thuật, ứng dụng phần mềm…', years: [2221, 2642, 2642, 2642, 2642], src: 'NSĐP', sourceText: VSNDP },
      { name: 'Thuê hệ thống thiết bị hội nghị Truyền hình trực tuyến cho 109 xã, phường, thị trấn, tỉnh Sóc Trăng', status: NEW, lead: STTT, objective: '- Hạn chế tối đa các hội nghị tập trung nhằm tiết kiệm thời gian, chi phí…', years: [3419, 3419, 3419, 3419, 3419], src: 'NSĐP', sourceText: VSNDP },
    ],
  },
  {
    tt: 'II', name: 'Xây dựng các hệ thống nền tảng', years: [43260, 50000, 38000, 20000, 10000], sources: [0, 85000, 76260],
    items: [
      { name: 'Nâng cấp bổ sung nền tảng Chính phủ điện tử theo khung kiến trúc CPĐT Việt Nam 2.0; Nâng cấp, bổ sung các hệ thống nền tảng', status: NEW, lead: STTT, objective: '- Nâng cấp, bổ sung các hệ thống Nền tảng chính quyền điện tử…', years: [12000, 25000, 18000, null, null], src: 'ĐTPT', sourceText: DTCTH },
      { name: 'Xây dựng nền tảng đô thị thông minh tỉnh Sóc Trăng', status: NEW, lead: STTT, objective: '- Xây dựng nền tảng Đô thị thông minh SCSP (Smart City Service Platform)…', years: [null, 15000, 20000, 20000, 10000], src: 'NSTW', sourceText: NSTW_T },
      { name: 'Xây dựng trung tâm xử lý, điều hành thông tin tập trung, đa nhiệm phục vụ Chính quyền điện tử và Đô thị thông minh tỉnh Sóc Trăng', status: NEW, lead: STTT, objective: '- Hiển thị tích hợp, phân tích các thông tin theo thời gian thực…', years: [21260, null, null, null, null], src: 'ĐTPT', sourceText: DTCTH },
      { name: 'Nâng cấp hạ tầng kỹ thuật, giải pháp bảo đảm an toàn thông tin và hoàn thiện hệ thống nền tảng tích hợp, chia sẻ dữ liệu cấp bộ, tỉnh (LGSP)', status: NEW, lead: STTT, objective: '- Bổ sung các thành phần Nền tảng tích hợp, chia sẻ dữ liệu dùng chung…', years: [10000, 10000, null, null, null], src: 'NSTW', sourceText: NSTW_T },
    ],
  },
  {
    tt: 'III', name: 'Phát triển dữ liệu', years: [1167, 44500, 50000, 40000, 0], sources: [1167, 0, 134500],
    items: [
      { name: 'Xây dựng Kho cơ sở dữ liệu dùng chung tỉnh Sóc Trăng; Cổng dịch vụ dữ liệu mở của tỉnh', status: NEW, lead: STTT, objective: '- Xây dựng các hệ thống lưu trữ, xử lý, quản trị dữ liệu dùng chung…', years: [null, 20000, 25000, 20000, null], src: 'ĐTPT', sourceText: 'Đầu tư công trung hạn' },
      { name: 'Xây dựng phần mềm, CSDL chuyên ngành của tỉnh kết nối, tích hợp, chia sẻ dữ liệu với trục liên thông tích hợp LGSP của tỉnh', status: NEW, lead: 'Các Sở, ban ngành và địa phương', objective: 'Xây dựng các cơ sở dữ liệu chuyên ngành của các cơ quan nhà nước…', years: [null, 14500, 15000, 10000, null], src: 'ĐTPT', sourceText: DTCTH },
      { name: 'Nâng cấp, chuẩn hóa các hệ thống thông tin và CSDL cấp tỉnh', status: NEW, lead: STTT, objective: 'Thực hiện nâng cấp, chuẩn hóa dữ liệu của các hệ thống thông tin và CSDL…', years: [1167, null, null, null, null], src: 'NSĐP', sourceText: VSNDP },
      { name: 'Đổi mới việc thực hiện cơ chế một cửa, một cửa điện tử liên thông trong giải quyết thủ tục hành chính', status: NEW, lead: STTT, objective: '- Mua sắm bổ sung trang thiết bị hạ tầng kỹ thuật tại Trung tâm Tích hợp dữ liệu tỉnh…', years: [null, 10000, 10000, 10000, null], src: 'ĐTPT', sourceText: DTCTH },
    ],
  },
  {
    tt: 'IV', name: 'Đảm bảo an toàn thông tin cho hoạt động của các cơ quan nhà nước', years: [2612, 27980, 29480, 29480, 9980], sources: [14532, 60000, 25000],
    items: [
      { name: 'Ứng dụng chứng thư số, chữ ký số trong giao dịch của các cơ quan nhà nước', status: '', lead: STTT, objective: 'Đảm bảo tính định danh, pháp lý của tất cả các thông tin được trao đổi…', years: [112, null, null, null, null], src: 'NSĐP', sourceText: VSNDP },
      { name: 'Duy trì hoạt động, vận hành Trung tâm Tích hợp dữ liệu, Trung tâm điều hành Đô thị thông minh và cập nhật, bảo trì, các hệ thống thông tin', status: NEW, lead: STTT, objective: '- Đảm bảo quá trình vận hành của Trung tâm Tích hợp dữ liệu…', years: [2020, 2500, 2500, 2500, 2500], src: 'NSĐP', sourceText: VSNDP },
      { name: 'Kiểm tra, đánh giá an toàn, bảo mật thông tin định kỳ cho các hệ thống thông tin', status: NEW, lead: STTT, objective: 'Thực hiện rà quét, đánh giá an toàn, bảo mật thông tin cho các hệ thống thông tin tại Trung tâm THDL tỉnh', years: [480, 480, 480, 480, 480], src: 'NSĐP', sourceText: VSNDP },
      { name: 'Xây dựng và duy trì hoạt động Trung tâm giám sát an toàn thông tin tỉnh Sóc Trăng (SOC)', status: NEW, lead: STTT, objective: 'Thiết lập một trung tâm giám sát an ninh mạng hiện đại…', years: [null, 5000, 6500, 6500, 7000], src: 'ĐTPT', sourceText: DTCTH },
      { name: 'Nâng cấp, bổ sung hạ tầng kỹ thuật, đảm bảo an toàn thông tin trong hệ thống Chính quyền điện tử theo khung kiến trúc CPĐT Việt Nam 2.0', status: NEW, lead: STTT, objective: '- Xây dựng đảm bảo an toàn thông tin trong hệ thống Chính quyền điện tử tỉnh Sóc Trăng…', years: [null, 20000, 20000, 20000, null], src: 'NSTW', sourceText: NSTW_T },
    ],
  },
  {
    tt: 'V', name: 'Nguồn nhân lực cho ứng dụng công nghệ thông tin', years: [370, 300, 300, 300, 300], sources: [1570, 0, 0],
    items: [
      { name: 'Nâng cao nhận thức, năng lực và hỗ trợ người dân, doanh nghiệp ứng dụng hiệu quả các dịch vụ công, Chính quyền số và Đô thị thông minh', status: '', lead: STTT, objective: '- Tuyên truyền, nâng cao nhận thức cho người dân, doanh nghiệp…', years: [97, 100, 100, 100, 100], src: 'NSĐP', sourceText: VSNDP },
      { name: 'Đào tạo, tập huấn, nâng cao nhận thức, chuyên môn, nghiệp vụ cho cán bộ, công chức, viên chức', status: '', lead: STTT, objective: '- Đào tạo, tập huấn các nội dung về ứng dụng công nghệ thông tin…', years: [196, 200, 200, 200, 200], src: 'NSĐP', sourceText: VSNDP },
      { name: 'Đào tạo, bồi dưỡng kỹ năng công nghệ thông tin cho cán bộ các Hội, đoàn thể trên địa bàn tỉnh', status: '', lead: 'Các Hội, đoàn thể', objective: 'Tập huấn nâng cao khả năng tiếp cận công nghệ thông tin…', years: [77, null, null, null, null], src: 'NSĐP', sourceText: VSNDP },
    ],
  },
  {
    tt: 'VI', name: 'Các hoạt động ứng dụng công nghệ thông tin khác', years: [723, 730, 730, 730, 730], sources: [3643, 0, 0],
    items: [
      { name: 'Kinh phí hoạt động cho BCĐ Chính quyền điện tử tỉnh Sóc Trăng', status: '', lead: STTT, objective: 'Phục vụ các hoạt động quản lý, tập huấn, Hội nghị, Hội thảo…', years: [360, 360, 360, 360, 360], src: 'NSĐP', sourceText: VSNDP },
      { name: 'Kinh phí hoạt động cho đội Ứng cứu sự cố an toàn thông tin mạng tỉnh Sóc Trăng', status: '', lead: STTT, objective: 'Chi phí tham gia các hoạt động tập huấn, bồi dưỡng, diễn tập…', years: [183, 190, 190, 190, 190], src: 'NSĐP', sourceText: VSNDP },
      { name: 'Hỗ trợ tổ chức hội thi tin học cho Hội, đoàn thể trên địa bàn tỉnh Sóc Trăng', status: '', lead: 'Tỉnh đoàn; Hội người mù tỉnh', objective: 'Tổ chức cuộc thi tin học ứng dụng cho các đối tượng là học sinh, sinh viên…', years: [180, 180, 180, 180, 180], src: 'NSĐP', sourceText: VSNDP },
    ],
  },
];

export const SOC_TRANG_2125_TOTAL = { years: [55331, 131571, 126571, 98571, 29071], total: 441115, sources: [60355, 145000, 235760] };
export const SOC_TRANG_2125_BREAKDOWN: { label: string; code: Src; years: number[]; total: number }[] = [
  { label: 'Tổng nguồn sự nghiệp địa phương', code: 'NSĐP', years: [12071, 12071, 12071, 12071, 12071], total: 60355 },
  { label: 'Tổng nguồn sự nghiệp Trung ương', code: 'NSTW', years: [10000, 45000, 40000, 40000, 10000], total: 145000 },
  { label: 'Tổng vốn Trung hạn', code: 'ĐTPT', years: [33260, 74500, 74500, 46500, 7000], total: 235760 },
];
const SRC_ORDER: Src[] = ['NSĐP', 'NSTW', 'ĐTPT'];

function total(ns: (number | null)[]): number {
  return ns.reduce<number>((a, b) => a + (b ?? 0), 0);
}

/**
 * Seed 000's 2021-2025 appendix as typed values. One Word-like text number where the document's "12.789"
 * sits (item I.2's NSĐP amount), and item V.1's "-" in the NSTW/ĐTPT cells, as printed.
 * With `formulas`, group rows, the grand total and item totals are live SUM formulas (as this add-in makes).
 * With `wordsLine`, the plan's sentence (section VI) sits under the table.
 */
export function socTrang2125(opts: { formulas?: boolean; wordsLine?: boolean } = {}): SheetLayout {
  const rows: CellIn[][] = [];
  const merges: string[] = [];
  const bold: number[] = [];
  const rowOf: Record<string, number> = {};
  const colOf: Record<string, string> = {
    tt: 'A', name: 'B', status: 'C', lead: 'D', objective: 'E',
    '2021': 'F', '2022': 'G', '2023': 'H', '2024': 'I', '2025': 'J', total: 'K', 'NSĐP': 'L', NSTW: 'M', 'ĐTPT': 'N', sourceText: 'O',
  };
  const yc = ['F', 'G', 'H', 'I', 'J'];
  const sc = ['L', 'M', 'N'];
  rows.push(['PHỤ LỤC 02']); merges.push('A1:O1'); bold.push(1);
  rows.push(['DANH MỤC CÁC DỰ ÁN DỰ KIẾN TRIỂN KHAI\nGIAI ĐOẠN 2021-2025']); merges.push('A2:O2'); bold.push(2);
  rows.push(['(Kèm theo Kế hoạch số 83/KH-UBND ngày 04/6/2021 của UBND tỉnh Sóc Trăng)']); merges.push('A3:O3');
  const r4: CellIn[] = [];
  r4[12] = 'ĐVT: Triệu đồng';
  rows.push(r4); merges.push('M4:O4');
  rows.push(['TT', 'Tên dự án', 'Dự án mới/ chuyển tiếp', 'Đơn vị chủ trì', 'Mục tiêu', 'Dự kiến phân kỳ đầu tư thực hiện', null, null, null, null,
    'Tổng kinh phí dự kiến', 'Nguồn vốn đầu tư', null, null, null]);
  rows.push([null, null, null, null, null, ...YEARS, null, 'NSĐP', 'NSTW', 'ĐTPT', null]);
  merges.push('A5:A6', 'B5:B6', 'C5:C6', 'D5:D6', 'E5:E6', 'F5:J5', 'K5:K6', 'L5:N5', 'O5:O6');
  bold.push(5, 6);
  rowOf.header = 5;
  const groupRows: number[] = [];
  for (const g of SOC_TRANG_2125) {
    const gr = rows.length + 1;
    groupRows.push(gr);
    rowOf[g.tt] = gr;
    bold.push(gr);
    const first = gr + 1;
    const last = gr + g.items.length;
    const cell = (col: string, v: number): CellIn => (opts.formulas ? { f: `SUM(${col}${first}:${col}${last})`, v } : v);
    rows.push([g.tt, g.name, null, null, null, ...g.years.map((v, i) => cell(yc[i], v)), cell('K', total(g.years)),
      ...g.sources.map((v, i) => cell(sc[i], v)), null]);
    g.items.forEach((it, i) => {
      const r = rows.length + 1;
      rowOf[`${g.tt}.${i + 1}`] = r;
      const t = total(it.years);
      const srcCells: CellIn[] = SRC_ORDER.map((s) => (s === it.src ? t : null));
      if (g.tt === 'I' && i === 1) srcCells[0] = '12.789';
      if (g.tt === 'V' && i === 0) { srcCells[1] = '-'; srcCells[2] = '-'; }
      const totalCell: CellIn = opts.formulas ? { f: `SUM(F${r}:J${r})`, v: t } : t;
      rows.push([i + 1, it.name, it.status || null, it.lead, it.objective, ...it.years, totalCell, ...srcCells, it.sourceText]);
    });
  }
  const tr = rows.length + 1;
  rowOf.total = tr;
  bold.push(tr);
  const gsum = (col: string, v: number): CellIn => (opts.formulas ? { f: groupRows.map((r) => `${col}${r}`).join('+'), v } : v);
  rows.push([null, 'Tổng cộng', null, null, null, ...SOC_TRANG_2125_TOTAL.years.map((v, i) => gsum(yc[i], v)),
    gsum('K', SOC_TRANG_2125_TOTAL.total), ...SOC_TRANG_2125_TOTAL.sources.map((v, i) => gsum(sc[i], v)), null]);
  rows.push([null, 'Trong đó:']);
  rowOf.trongDo = rows.length;
  const firstItem = rowOf['I.1'];
  const lastItem = tr - 1;
  for (const b of SOC_TRANG_2125_BREAKDOWN) {
    rowOf[`bd:${b.code}`] = rows.length + 1;
    // As the add-in writes them: the items' cells of that source column, by year (SUMIFS on the source column).
    const srcCol = sc[SRC_ORDER.indexOf(b.code)];
    const sumif = (col: string, v: number): CellIn => (opts.formulas
      ? { f: `SUMIFS(${col}$${firstItem}:${col}$${lastItem},${srcCol}$${firstItem}:${srcCol}$${lastItem},">0",$A$${firstItem}:$A$${lastItem},">0")`, v }
      : v);
    rows.push([null, b.label, null, null, null, ...b.years.map((v, i) => sumif(yc[i], v)), sumif('K', b.total)]);
  }
  if (opts.wordsLine) {
    rows.push([]);
    rows.push(['Tổng kinh phí thực hiện: 441.115.000.000 đồng (Bằng chữ: Bốn trăm bốn mươi mốt tỷ, một trăm mười lăm triệu đồng)']);
    rowOf.words = rows.length;
  }
  return { name: 'Phụ lục 02', rows, merges, boldRows: bold, rowOf, colOf };
}

// ------------------------------------------------------------------------------------------------
// Seed 000, Phụ lục 01: Sóc Trăng 2016-2020 (groups I-IV, total + source text; group III states 885)

export const ST1620: { tt: string; name: string; total: string; items: [string, string, string][] }[] = [
  {
    tt: 'I', name: 'Xây dựng hạ tầng kỹ thuật', total: '38.624', items: [
      ['Mua sắm bổ sung thiết bị cho Trung tâm dữ liệu của tỉnh', '4.210', '+ Vốn ĐTPT (Trung hạn) + Vốn sự nghiệp địa phương'],
      ['Bổ sung, nâng cấp thiết bị và đường truyền, hoạt động cho các cơ quan quản lý nhà nước trên địa bàn tỉnh', '10.716', 'Vốn sự nghiệp địa phương'],
      ['Xây dựng khung kiến trúc Chính quyền điện tử tỉnh Sóc Trăng', '965', 'Vốn sự nghiệp địa phương'],
      ['Xây dựng chính quyền điện tử tỉnh Sóc Trăng', '12.476', 'Vốn\nĐTPT'],
      ['Triển khai hệ thống Hội nghị truyền hình đến cấp xã', '10.257', 'Vốn sự nghiệp địa phương'],
    ],
  },
  {
    tt: 'II', name: 'Phát triển các ứng dụng, dịch vụ', total: '19.283', items: [
      ['Xây dựng hệ thống thông tin Quản lý văn bản và chỉ đạo điều hành', '2.720', 'Vốn sự nghiệp địa phương'],
      ['Chuẩn hóa hệ thống một cửa điện tử', '1.452', 'Vốn sự nghiệp TW'],
      ['Chuẩn hóa hệ thống quản lý văn bản và điều hành', '498', 'Vốn sự nghiệp TW'],
      ['Xây dựng Hệ thống CSDL báo cáo cấp tỉnh', '1.000', 'Vốn sự nghiệp TW'],
      ['Xây dựng hệ thống quản lý đơn thư khiếu nại, tố cáo', '1.500', 'Vốn\nĐTPT'],
      ['Chuẩn hóa Cổng thông tin điện tử của tỉnh', '2.782', 'Vốn sự nghiệp địa phương'],
      ['Duy trì và vận hành hệ thống Cổng thông tin điện tử tỉnh', '3.305', 'Vốn sự nghiệp địa phương'],
      ['Bảo trì, vận hành các hệ thống thông tin cấp tỉnh cho các cơ quan nhà nước', '1.604', 'Vốn sự nghiệp địa phương'],
      ['Triển khai Hệ thống một cửa điện tử cho 49 xã, phường, thị trấn', '1.880', 'Vốn sự nghiệp địa phương'],
      ['Xây dựng cổng dịch vụ công của tỉnh và triển khai một số dịch vụ công cơ bản trực tuyến mức độ 3, 4', '912', 'Vốn sự nghiệp địa phương'],
      ['Ứng dụng chứng thư số, chữ ký số trong giao dịch của các cơ quan nhà nước', '1.630', 'Vốn sự nghiệp địa phương'],
    ],
  },
  {
    tt: 'III', name: 'Nguồn nhân lực cho ứng dụng công nghệ thông tin', total: '885', items: [
      ['Nâng cao nhận thức, năng lực và hỗ trợ người dân, doanh nghiệp ứng dụng hiệu quả các dịch vụ công', '400', 'Vốn sự nghiệp địa phương'],
      ['Đào tạo nguồn nhân lực đáp ứng yêu cầu ứng dụng công nghệ thông tin', '800', 'Vốn sự nghiệp địa phương'],
    ],
  },
  {
    tt: 'IV', name: 'Các hoạt động ứng dụng công nghệ thông tin khác', total: '1.862', items: [
      ['Kinh phí phục vụ hoạt động của Ban chỉ đạo về ứng dụng công nghệ thông tin tỉnh Sóc Trăng', '1.112', 'Vốn sự nghiệp địa phương'],
      ['Hỗ trợ tổ chức hội thi tin học trẻ trên địa bàn tỉnh Sóc Trăng', '750', 'Vốn sự nghiệp địa phương'],
    ],
  },
];

/** "38.624" → 38624 (fixture helper; the reader itself uses parseAmount). */
function viInt(s: string): number {
  return parseInt(s.replace(/\./g, ''), 10);
}

/**
 * Seed 000's 2016-2020 appendix. `pasted`: amounts are Word text ("38.624"), as when pasted from the plan
 * document; otherwise typed numbers. No unit line (the document has none): read in triệu đồng.
 */
export function socTrang1620(opts: { pasted?: boolean } = {}): SheetLayout {
  const rows: CellIn[][] = [];
  const bold: number[] = [];
  const rowOf: Record<string, number> = {};
  const amt = (s: string): CellIn => (opts.pasted ? s : viInt(s));
  rows.push(['PHỤ LỤC 01']);
  rows.push(['DANH MỤC CÁC DỰ ÁN ĐÃ TRIỂN KHAI GIAI ĐOẠN\n2016-2020']);
  rows.push(['(Kèm theo Kế hoạch số 83/KH-UBND ngày 04/6/2021 của UBND tỉnh Sóc Trăng)']);
  rows.push([]);
  rows.push(['TT', 'Tên dự án', 'Mục tiêu', 'Tổng\nkinh phí thực hiện', 'Nguồn vốn']);
  rowOf.header = 5;
  bold.push(1, 2, 5);
  for (const g of ST1620) {
    rows.push([g.tt, g.name, null, amt(g.total), null]);
    rowOf[g.tt] = rows.length;
    bold.push(rows.length);
    g.items.forEach(([name, t, src], i) => {
      rows.push([i + 1, name, '- …', amt(t), src]);
      rowOf[`${g.tt}.${i + 1}`] = rows.length;
    });
  }
  rows.push([null, 'Tổng cộng', null, amt('60.654'), null]);
  rowOf.total = rows.length;
  bold.push(rows.length);
  return {
    name: 'Phụ lục 01', rows, merges: ['A1:E1', 'A2:E2', 'A3:E3'], boldRows: bold, rowOf,
    colOf: { tt: 'A', name: 'B', objective: 'C', total: 'D', sourceText: 'E' },
  };
}

// ------------------------------------------------------------------------------------------------
// Seed 001: Trà Vinh annual plan 2023 — Phụ lục I (done in 2022) and Phụ lục III (2023 list)

/** Phụ lục III: total investment, capital type, 2023 amount, notes. "4.967,667" as Word text. */
export function traVinh2023(): SheetLayout {
  const rows: CellIn[][] = [];
  const rowOf: Record<string, number> = {};
  rows.push(['PHỤ LỤC III']);
  rows.push(['DANH MỤC CÁC NHIỆM VỤ, DỰ ÁN NĂM 2023']);
  rows.push(['(Kèm theo Kế hoạch số 37/KH-UBND ngày 18/4/2023 của UBND tỉnh)']);
  rows.push(['TT', 'Tên dự án, đề án', 'Đơn vị chủ trì', 'Dự án, đề án mới hoặc chuyển tiếp', 'Mục tiêu đầu tư', 'Quy mô nội dung đầu tư',
    'Thời gian triển khai', 'Tổng mức đầu tư (Triệu đồng)', 'Vốn đầu tư hoặc vốn sự nghiệp', 'Kinh phí thực hiện năm 2023 (Triệu đồng)', 'Ghi chú']);
  rowOf.header = 4;
  const CT = 'Dự án chuyển tiếp';
  const M = 'Dự án mới';
  const data: CellIn[][] = [
    [1, 'Xây dựng trung tâm điều hành an ninh mạng (SOC)', 'Sở Thông tin và Truyền thông', CT, '- Tạo nền tảng kết nối, chia sẻ dữ liệu…', 'Hạ tầng kỹ thuật công nghệ thông tin và phần mềm', '2021- 2023', 44000, 'Vốn đầu tư', 20000, 'Đã được cấp vốn (Quyết định số 2366/QĐ- UBND ngày 09/12/2022)'],
    [2, 'Nâng cấp, mở rộng hạ tầng kỹ thuật công nghệ thông tin đáp ứng yêu cầu triển khai hệ thống khai thác kho dữ liệu dùng chung và hệ thống phản ánh hiện trường', 'Sở Thông tin và Truyền thông', CT, 'Xây dựng và triển khai hệ thống khai thác kho dữ liệu dùng chung…', '- Xây dựng và triển khai hệ thống khai thác kho dữ liệu dùng chung.', '2021- 2023', 44500, 'Vốn đầu tư', 22151, 'Đã được cấp vốn (Quyết định số 2366/QĐ- UBND ngày 09/12/2022)'],
    [3, 'Xây dựng, triển khai hệ thống CSDL quản lý xử lý vi phạm hành chính và theo dõi thi hành pháp luật', 'Sở Tư pháp', CT, 'Xây dựng, và triển khai hệ thống cơ sở dữ liệu quản lý xử lý vi phạm hành chính…', null, '2022- 2023', '4.967,667', 'Vốn sự nghiệp', 4390, 'Đã được cấp vốn (Quyết định số 2861/QĐ- UBND ngày 09/12/2021; Quyết định số 2366/QĐ- UBND ngày 09/12/2022)'],
    [4, 'Chuyển đổi số Thư viện tỉnh Trà Vinh đến năm 2025, định hướng đến năm 2030', 'Sở Văn hóa, Thể thao và Du lịch', M, 'Đầu tư máy chủ, máy scan để số hóa…', null, '2022- 2025', 3181, 'Vốn sự nghiệp', 465, '- Có chủ trương (Quyết định số 2544/QĐ- UBND ngày 08/11/2021)\n- Đã được cấp vốn'],
    [5, 'Phần mềm cơ sở dữ liệu giá', 'Sở Tài chính', CT, 'Hỗ trợ việc cung cấp các thông tin phục vụ cho công tác quản lý, điều hành về giá trên địa bàn tỉnh', 'Xây dựng phần mềm và cơ sở dữ liệu về giá', '2022- 2023', 3000, 'Vốn sự nghiệp', 2900, 'Đã được cấp vốn'],
    [6, 'Kế hoạch Ứng dụng và phát triển hệ thống công nghệ thông tin trong lĩnh vực tài nguyên và môi trường tỉnh Trà Vinh năm 2023', 'Sở Tài nguyên và Môi trường', CT, null, 'Hạ tầng kỹ thuật công nghệ thông tin, phần mềm và cơ sở dữ liệu', '2021- 2025', 25000, 'Vốn sự nghiệp', 5263, 'Đã được cấp vốn'],
    [7, 'Nâng cấp, phát triển Cổng TTĐT', 'Văn phòng UBND tỉnh', CT, 'Rà soát nâng cấp, phát triển Cổng thông tin điện tử của tỉnh…', 'Hệ thống Cổng thông tin điện tử tỉnh', '2023', 1000, 'Vốn sự nghiệp', 1000, 'Đã được cấp vốn (Quyết định số 249/QĐ-VP ngày 15/12/2022)'],
    [8, 'Nâng cấp mạng LAN tại Văn phòng UBND tỉnh', 'Văn phòng UBND tỉnh', M, 'Đầu tư mới thiết bị phục vụ kết nối đường truyền…', 'Thiết bị mạng LAN tại Văn phòng UBND tỉnh', '2023', 1600, 'Vốn sự nghiệp', 1600, '- Có chủ trương (Công văn số 4625/UBND- CNXD ngày 11/10/2022)\n- Đã được cấp vốn (Quyết định số 249/QĐ- VP ngày 15/12/2022)'],
    [9, 'Dự án số hóa sổ hộ tịch trên địa bàn tỉnh Trà Vinh', 'Sở Tư pháp', M, 'Số hóa, tạo lập và cập nhật dữ liệu hộ tịch…', null, '2023- 2025', 39640, 'Vốn sự nghiệp', 14755, '- Có chủ trương (Công văn số 5974/UBND- CNXD ngày 30/12/2022)\n- Chưa được cấp vốn'],
  ];
  for (const d of data) {
    rows.push(d);
    rowOf[String(d[0])] = rows.length;
  }
  return {
    name: 'Phụ lục III', rows, merges: ['A1:K1', 'A2:K2', 'A3:K3'], boldRows: [1, 2, 4], rowOf,
    colOf: { tt: 'A', name: 'B', lead: 'C', status: 'D', objective: 'E', scale: 'F', period: 'G', totalInvestment: 'H', sourceText: 'I', annual: 'J', notes: 'K' },
  };
}

/** Phụ lục I (done in 2022): decimal amounts "2.274,33", "1.267,05" and item 6's "81,906 (trong đó ...)" text. */
export function traVinh2022(): SheetLayout {
  const rows: CellIn[][] = [];
  const rowOf: Record<string, number> = {};
  rows.push(['PHỤ LỤC I']);
  rows.push(['DANH MỤC CÁC NHIỆM VỤ, DỰ ÁN ĐÃ THỰC HIỆN NĂM 2022']);
  rows.push(['(Kèm theo Kế hoạch số 37/KH-UBND ngày 18/4/2023 của UBND tỉnh)']);
  rows.push(['TT', 'Tên dự án, đề án', 'Đơn vị chủ trì', 'Mục tiêu đầu tư', 'Quy mô nội dung đầu tư', 'Thời gian triển khai',
    'Tổng mức đầu tư (Triệu đồng)', 'Nguồn vốn', 'Kinh phí thực hiện năm 2022 (Triệu đồng)']);
  rowOf.header = 4;
  const S = 'Sở Thông tin và Truyền thông';
  const data: CellIn[][] = [
    [1, 'Nâng cấp, mở rộng hạ tầng kỹ thuật công nghệ thông tin đáp ứng yêu cầu triển khai hệ thống khai thác kho dữ liệu dùng chung và hệ thống phản ánh hiện trường', S, 'Xây dựng và triển khai hệ thống khai thác kho dữ liệu dùng chung…', '- Xây dựng hệ thống phản ánh hiện trường.', '2021 - 2023', 44500, 'Ngân sách tỉnh', 9000],
    [2, 'Xây dựng Hệ thống cơ sở dữ liệu dùng chung cấp tỉnh', S, '- Hình thành nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh (LGSP)…', '- Xây dựng nền tảng tích hợp chia sẻ dữ liệu.', '2021- 2023', 23000, 'Ngân sách tỉnh', 12858],
    [3, 'Xây dựng trung tâm điều hành an ninh mạng (SOC)', S, '- Tạo nền tảng kết nối, chia sẻ dữ liệu…', 'Hạ tầng kỹ thuật công nghệ thông tin và phần mềm', '2021- 2023', 44000, 'Ngân sách tỉnh', 10000],
    [4, 'Xây dựng hệ thống thông tin dữ liệu về công tác dân tộc tỉnh Trà Vinh', 'Ban Dân tộc tỉnh', 'Xây dựng phần mềm quản lý hệ thống thông tin dữ liệu về công tác dân tộc tỉnh Trà Vinh', 'Đầu tư thiết bị phần cứng, phần mềm', '2021 - 2025', '2.274,33', 'Ngân sách tỉnh', '2.274,33'],
    [5, 'Đề án Tổng thể Ứng dụng và Phát triển hệ thống công nghệ thông tin lĩnh vực tài nguyên và môi trường', 'Sở Tài nguyên và Môi trường', 'Tăng cường hiệu quả quản lý nhà nước trong lĩnh vực tài nguyên và môi trường…', 'Xây dựng Trung tâm dữ liệu…', '2021 - 2025', 25398, 'Kinh phí sự nghiệp của Sở Tài nguyên và Môi trường', 5003],
    [6, 'Thí điểm ứng dụng quản lý truy xuất nguồn gốc và hỗ trợ giao dịch trên sàn nông sản', 'Sở Nông nghiệp và Phát triển nông thôn', 'Nhằm giúp các tổ chức, cá nhân sản xuất, kinh doanh sản phẩm…', 'Xây dựng phần mềm', '2021- 2022', '1.267,05', 'Kinh phí của Công ty CP Công nghệ và Truyền thông Smart Life, Ngân sách tỉnh và cơ sở đối ứng', '81,906 (trong đó Ngân sách tỉnh là 80,906; Công ty CP Công nghệ và Truyền thông Smart Life là 1)'],
  ];
  for (const d of data) {
    rows.push(d);
    rowOf[String(d[0])] = rows.length;
  }
  return {
    name: 'Phụ lục I', rows, merges: ['A1:I1', 'A2:I2', 'A3:I3'], boldRows: [1, 2, 4], rowOf,
    colOf: { tt: 'A', name: 'B', lead: 'C', objective: 'D', scale: 'E', period: 'F', totalInvestment: 'G', sourceText: 'H', annual: 'I' },
  };
}

// ------------------------------------------------------------------------------------------------
// Seed 002: Hậu Giang annual plan 2019 — amounts in "tỷ" text, "Tổng cộng:" and the words line

export function hauGiang2019(opts: { words?: string } = {}): SheetLayout {
  const rows: CellIn[][] = [];
  const rowOf: Record<string, number> = {};
  rows.push(['STT', 'Tên nhiệm vụ, dự án', 'Đơn vị chủ trì triển khai', 'Lĩnh vực ứng dụng', 'Dự án chuyển tiếp hay dự án mới', 'Mục tiêu đầu tư',
    'Quy mô nội dung đầu tư', 'Phạm vi đầu tư', 'Thời gian triển khai', 'Nội dung đầu tư năm 2019', 'Tổng mức đầu tư dự kiến', 'Nguồn vốn',
    'Kinh phí đầu tư năm 2019']);
  rowOf.header = 1;
  rows.push([1, 'Xây dựng mạng diện rộng (WAN) cầu tỉnh', 'Sở TT&TT', 'CNTT', 'Mới', 'Đảm bảo an toàn thông tin cho các hệ thống dùng chung của tỉnh',
    'Toàn tỉnh', 'Tất cả các đơn vị của tỉnh', 2019, 'Xây dựng mạng WAN', '4 tỷ', 'Địa phương', '4 tỷ']);
  rowOf['1'] = 2;
  rows.push([2, 'Xây dựng phần mềm luân chuyển hồ sơ đất đai', 'Sở TN&MT', 'CNTT', 'Mới', 'Xây dựng Hệ cơ sở dữ liệu Quốc gia về quan trắc', 'Toàn tỉnh',
    null, 2019, 'Xây dựng CSDL quan trắc', '1,8 tỷ', 'Địa phương', null]);
  rowOf['2'] = 3;
  rows.push(['Tổng cộng:', null, null, null, null, null, null, null, null, null, '5.8 tỷ', null, null]);
  rowOf.total = 4;
  rows.push([opts.words ?? 'Tổng tiền bằng chữ: Năm tỷ tám trăm triệu đồng.']);
  rowOf.words = 5;
  return {
    name: 'Danh mục 2019', rows, merges: [], boldRows: [1, 4], rowOf,
    colOf: { tt: 'A', name: 'B', totalInvestment: 'K', sourceText: 'L', annual: 'M' },
  };
}

// ------------------------------------------------------------------------------------------------
// Seed 003: Bình Dương — three-level numbering I, II / A..G / 1, 2, 3; no money columns

export function binhDuong(): SheetLayout {
  const rows: CellIn[][] = [];
  const bold: number[] = [];
  const rowOf: Record<string, number> = {};
  rows.push(['PHỤ LỤC']);
  rows.push(['DANH MỤC CÁC DỰ ÁN, NHIỆM VỤ, CHƯƠNG TRÌNH TRONG KẾ HOẠCH ỨNG DỤNG CÔNG NGHỆ THÔNG TIN']);
  rows.push(['(Ban hành kèm Quyết định số 2167/QĐ-UBND ngày 13/9/2021 của UBND tỉnh)']);
  rows.push(['TT', 'Dự án, nhiệm vụ, chương trình', 'Chủ trì', 'Nội dung', 'Thời gian bắt đầu']);
  rowOf.header = 4;
  bold.push(1, 2, 4);
  let l1 = '';
  let l2 = '';
  for (const [tt, name, lead, content, year] of BINH_DUONG_ROWS) {
    const isGroup = !lead && !content && !year;
    const yv: CellIn = /^\d{4}$/.test(year) ? parseInt(year, 10) : year || null;
    rows.push([/^\d+$/.test(tt) ? parseInt(tt, 10) : tt, name, lead || null, content || null, yv]);
    if (isGroup) {
      bold.push(rows.length);
      if (/^[IVX]+$/.test(tt)) { l1 = tt; l2 = ''; } else l2 = tt;
      rowOf[l2 ? `${l1}.${l2}` : l1] = rows.length;
    } else rowOf[[l1, l2, tt].filter(Boolean).join('.')] = rows.length;
  }
  return { name: 'Phụ lục', rows, merges: ['A1:E1', 'A2:E2', 'A3:E3'], boldRows: bold, rowOf, colOf: { tt: 'A', name: 'B', lead: 'C', scale: 'D' } };
}

// ------------------------------------------------------------------------------------------------
// Seed 004: Nghệ An — flat list of 28, header repeated on every page, "TỔNG" row

export function ngheAn(opts: { pasted?: boolean } = {}): SheetLayout {
  const rows: CellIn[][] = [];
  const bold: number[] = [];
  const rowOf: Record<string, number> = {};
  rows.push(['PHỤ LỤC']);
  rows.push(['DANH MỤC CÁC NHIỆM VỤ, DỰ ÁN DỰ KIẾN TRIỂN KHAI THỰC HIỆN TRONG GIAI ĐOẠN 2021 - 2025']);
  rows.push(['(Kèm theo Kế hoạch số 744/KH-UBND ngày 15/12/2020 của UBND tỉnh Nghệ An)']);
  rows.push(['Ứng dụng công nghệ thông tin trong hoạt động của cơ quan nhà nước, phát triển Chính quyền số và bảo đảm an toàn thông tin mạng']);
  const r5: CellIn[] = [];
  r5[6] = 'Đơn vị tính: Triệu đồng.';
  rows.push(r5);
  let k = 0;
  NGHE_AN_PAGES.forEach((n, page) => {
    rows.push([...NGHE_AN_HEADER]);
    bold.push(rows.length);
    if (page === 0) rowOf.header = rows.length;
    else rowOf[`header${page + 1}`] = rows.length;
    for (let i = 0; i < n; i++, k++) {
      const r = NGHE_AN_ROWS[k];
      const amount = opts.pasted ? r[6] : parseInt(r[6].replace(/\./g, ''), 10);
      rows.push([parseInt(r[0], 10), r[1], r[2], r[3], r[4], r[5], amount, r[7]]);
      rowOf[r[0]] = rows.length;
    }
  });
  rows.push(['TỔNG', null, null, null, null, null, opts.pasted ? NGHE_AN_TOTAL_TEXT : 570960, null]);
  rowOf.total = rows.length;
  bold.push(rows.length);
  return {
    name: 'Phụ lục II', rows, merges: ['A1:H1', 'A2:H2', 'A3:H3', 'A4:H4'], boldRows: bold, rowOf,
    colOf: { tt: 'A', name: 'B', lead: 'C', status: 'D', objective: 'E', period: 'F', total: 'G', sourceText: 'H' },
  };
}
