/** layoutPlan: the appendix as data — heading, header, formulas and their exact results, presets, edge cases. */
import fc from 'fast-check';
import { Dec } from '../../../src/core/base/decimal';
import { layoutPlan } from '../../../src/core/layout/layout';
import { sumFormula } from '../../../src/core/layout/body';
import { wordsLine } from '../../../src/core/layout/breakdown';
import { LayoutError } from '../../../src/core/layout/messages';
import { estimateLines } from '../../../src/core/layout/styles';
import type { Item, Plan, PlanNode } from '../../../src/core/plan/model';
import { computeTotals, type RowTotals } from '../../../src/core/plan/totals';
import type { CellSpec, RowSink, SheetSpec } from '../../../src/core/layout/sheetspec';
import { evalFormula, referencedRows } from '../../helpers/evalSpec';
import { basePlan, group, item, SOC_TRANG_PUBLISHED, socTrangPlan, socTrangSamplePlan } from '../../helpers/fixtures';
import { colOfKey, expectedValues, rowOfTt } from '../../helpers/specQuery';

const text = (c: CellSpec | null | undefined) => (c && c.t === 'text' ? c.v : undefined);

/** Every amount cell of every group, item, total and breakdown row equals the core's totals (totals.ts). */
function expectMatchesCoreTotals(plan: Plan, spec: SheetSpec): void {
  const T = computeTotals(plan);
  const groups: PlanNode[] = [];
  const items: PlanNode[] = [];
  const walk = (ns: PlanNode[]) => ns.forEach((n) => {
    (n.kind === 'group' ? groups : items).push(n);
    if (n.children) walk(n.children);
  });
  walk(plan.nodes);
  const check = (r: number, row: RowTotals, label: string) => spec.columns.forEach((col, c) => {
    const key = col.key ?? '';
    let want: Dec | undefined;
    if (key.startsWith('year:')) want = row.years[parseInt(key.slice(5), 10)];
    else if (key.startsWith('source:')) want = row.sources[key.slice(7)];
    else if (key === 'total' || key === 'totalInvestment' || key === 'annual') want = row[key];
    else return;
    const got = expectedValues(spec, r, key) ?? '0';
    expect([label, c, got]).toEqual([label, c, (want ?? new Dec(0)).toFixed()]);
  });
  expect(spec.roles!.group).toHaveLength(groups.length);
  expect(spec.roles!.item).toHaveLength(items.length);
  groups.forEach((g, i) => check(spec.roles!.group[i], T.rowOf(g), `group ${g.tt}`));
  items.forEach((it, i) => check(spec.roles!.item[i], T.rowOf(it), `item ${it.tt}`));
  check(spec.roles!.total[0], T.grand, 'grand total');
  const bd = spec.roles!.breakdown.slice(1);
  bd.forEach((r, k) => {
    const code = plan.sources[k].code;
    spec.columns.forEach((col, c) => {
      if (!col.key?.startsWith('year:')) return;
      const want = T.breakdown[code]?.[parseInt(col.key.slice(5), 10)] ?? new Dec(0);
      expect([code, c, expectedValues(spec, r, col.key) ?? '0']).toEqual([code, c, want.toFixed()]);
    });
    expect(expectedValues(spec, r, 'total')).toBe((T.bySource[code] ?? new Dec(0)).toFixed());
  });
}

/** Every formula's result equals what the test evaluator computes from the spec's own cells. */
function expectFormulasConsistent(spec: SheetSpec): number {
  let n = 0;
  spec.rows.forEach((row, r) => row.cells.forEach((cell, c) => {
    if (cell?.t !== 'formula') return;
    n++;
    expect([r, c, evalFormula(spec, cell.f).toFixed()]).toEqual([r, c, cell.result]);
  }));
  return n;
}

describe('Sóc Trăng 2021-2025 (seed 000, Phụ lục 02)', () => {
  const spec = layoutPlan(socTrangPlan(), { words: true });

  test('heading per Decree 30/2020: PHỤ LỤC bold, title in capitals bold, Kèm theo italic, ĐVT italic right', () => {
    expect(text(spec.rows[0].cells[0])).toBe('PHỤ LỤC 02');
    expect(spec.styles[spec.rows[0].cells[0]!.s!].font?.bold).toBe(true);
    expect(text(spec.rows[1].cells[0])).toBe('DANH MỤC CÁC DỰ ÁN DỰ KIẾN TRIỂN KHAI GIAI ĐOẠN 2021-2025');
    expect(spec.styles[spec.rows[1].cells[0]!.s!].font?.bold).toBe(true);
    expect(text(spec.rows[2].cells[0])).toBe('(Kèm theo Kế hoạch số 83/KH-UBND ngày 04/6/2021 của UBND tỉnh Sóc Trăng)');
    expect(spec.styles[spec.rows[2].cells[0]!.s!].font?.italic).toBe(true);
    expect(text(spec.rows[3].cells[0])).toBe('ĐVT: Triệu đồng');
    const unit = spec.styles[spec.rows[3].cells[0]!.s!];
    expect([unit.font?.italic, unit.h]).toEqual([true, 'right']);
    for (const st of Object.values(spec.styles)) expect(st.font?.name).toBe('Times New Roman');
  });

  test('two-row header: descriptive columns span both rows, bands over years and sources, column numbers', () => {
    const [h1, h2, no] = spec.roles!.header;
    expect(h2).toBe(h1 + 1);
    const tt = colOfKey(spec, 'tt');
    expect(spec.merges).toContainEqual({ r0: h1, c0: tt, r1: h2, c1: tt });
    const y0 = colOfKey(spec, 'year:2021');
    const y4 = colOfKey(spec, 'year:2025');
    expect(spec.merges).toContainEqual({ r0: h1, c0: y0, r1: h1, c1: y4 });
    expect(text(spec.rows[h1].cells[y0])).toBe('Dự kiến phân kỳ đầu tư thực hiện');
    expect(text(spec.rows[h2].cells[y0])).toBe('2021');
    const s0 = colOfKey(spec, 'source:NSĐP');
    expect(text(spec.rows[h1].cells[s0])).toBe('Nguồn vốn đầu tư');
    expect(spec.merges).toContainEqual({ r0: h1, c0: s0, r1: h1, c1: colOfKey(spec, 'source:ĐTPT') });
    expect(text(spec.rows[no].cells[0])).toBe('(1)');
    expect(text(spec.rows[no].cells[14])).toBe('(15)');
    expect(spec.print!.titleRows).toEqual({ from: h1, to: no });
    expect(spec.freeze).toEqual({ rows: no + 1, cols: 2 });
  });

  test('rows by role, and every formula computes its result', () => {
    expect(spec.roles!.group).toHaveLength(6);
    expect(spec.roles!.item).toHaveLength(22);
    expect(spec.roles!.total).toHaveLength(1);
    expect(spec.roles!.breakdown).toHaveLength(4);
    // 22 item totals + 22 item source cells (=total) + 6 groups × 9 amount columns + 9 grand-total cells
    // + 3 sources × 6 breakdown cells
    expect(expectFormulasConsistent(spec)).toBe(22 + 22 + 54 + 9 + 18);
  });

  test('every amount equals the core totals (totals.ts), for the seed rows and the embedded sample', () => {
    expectMatchesCoreTotals(socTrangPlan(), spec);
    const sample = socTrangSamplePlan();
    expectMatchesCoreTotals(sample, layoutPlan(sample));
  });

  test('item total = SUM of its years; group = SUM of its items; grand total = SUM of the groups only', () => {
    const r = rowOfTt(spec, 'I', '1');
    const tot = colOfKey(spec, 'total');
    const cell = spec.rows[r].cells[tot]!;
    expect(cell).toMatchObject({ t: 'formula', f: `SUM(F${r + 1}:J${r + 1})`, result: '9559' });
    // a single-source item's source cell follows its total
    expect(spec.rows[r].cells[colOfKey(spec, 'source:NSĐP')]).toEqual({ t: 'formula', f: `K${r + 1}`, result: '9559', s: 'itemNum' });
    const g = rowOfTt(spec, 'I');
    expect(spec.rows[g].cells[tot]).toMatchObject({ t: 'formula', f: `SUM(K${g + 2}:K${g + 4})`, result: '39443' });
    const totalRow = spec.roles!.total[0];
    const gt = spec.rows[totalRow].cells[tot] as { f: string; result: string };
    expect(referencedRows(gt.f).sort((a, b) => a - b)).toEqual(spec.roles!.group);
    expect(gt.result).toBe(SOC_TRANG_PUBLISHED.grandTotal);
  });

  test('"Trong đó" rows: SUMIF over the source-code column, one per source, equal to the published breakdown', () => {
    const [head, ...bd] = spec.roles!.breakdown;
    expect(text(spec.rows[head].cells[colOfKey(spec, 'name')])).toBe('Trong đó:');
    const codeCol = spec.columns.length - 1;
    expect(bd.map((r) => text(spec.rows[r].cells[codeCol]))).toEqual(['NSĐP', 'NSTW', 'ĐTPT']);
    expect(text(spec.rows[bd[0]].cells[colOfKey(spec, 'name')])).toBe('Tổng nguồn sự nghiệp địa phương');
    const f = (spec.rows[bd[1]].cells[colOfKey(spec, 'year:2022')] as { f: string }).f;
    expect(f).toMatch(/^SUMIF\(\$P\$\d+:\$P\$\d+,\$P\d+,G\$\d+:G\$\d+\)$/);
    for (const [code, years] of Object.entries(SOC_TRANG_PUBLISHED.breakdown)) {
      const r = bd[['NSĐP', 'NSTW', 'ĐTPT'].indexOf(code)];
      years.forEach((v, i) => expect(expectedValues(spec, r, `year:${2021 + i}`)).toBe(v));
    }
    // the code column is outside the print area and validated against the source list
    expect(spec.print!.area.c1).toBe(codeCol - 1);
    expect(spec.validations![0].list).toEqual(['NSĐP', 'NSTW', 'ĐTPT']);
    for (const r of spec.roles!.item) expect(text(spec.rows[r].cells[codeCol])).toMatch(/^(NSĐP|NSTW|ĐTPT)$/);
  });

  test('"Bằng chữ" line reads the grand total as seed 000 states it', () => {
    const last = spec.rows[spec.rows.length - 1].cells[0];
    expect(text(last)).toBe('Tổng kinh phí: 441.115 triệu đồng (Bằng chữ: Bốn trăm bốn mươi mốt tỷ, một trăm mười lăm triệu đồng).');
    expect(spec.print!.area.r1).toBe(spec.rows.length - 1);
  });

  test('print setup: A4 landscape, fit to one page wide, Decree 30 margins, page numbers', () => {
    const p = spec.print!;
    expect(p).toMatchObject({ orientation: 'landscape', paper: 'A4', fitToWidth: 1, fitToHeight: 0, footer: 'Trang &P/&N' });
    expect(p.margins.left * 25.4).toBeCloseTo(30, 5);
    expect(p.margins.right * 25.4).toBeCloseTo(15, 5);
    expect(p.margins.top * 25.4).toBeCloseTo(20, 5);
    expect(p.margins.bottom * 25.4).toBeCloseTo(20, 5);
  });

  test('row heights grow with long objectives; numbers use #,##0', () => {
    const r = rowOfTt(spec, 'I', '1');
    const short = rowOfTt(spec, 'IV', '3');
    expect(spec.rows[r].height!).toBeGreaterThan(spec.rows[short].height! * 2);
    expect(spec.styles.itemNum.numFmt).toBe('#,##0');
  });
});

test('the embedded sample lays out to the same figures as the seed rows, cell by cell', () => {
  const a = layoutPlan(socTrangPlan());
  const b = layoutPlan(socTrangSamplePlan());
  expect(b.roles).toEqual(a.roles);
  const figures = (s: SheetSpec) => s.rows.map((row) => row.cells.map((c) => (c?.t === 'formula' ? `${c.f}=${c.result}` : c?.t === 'num' ? c.v : null)));
  expect(figures(b)).toEqual(figures(a));
});

describe('presets', () => {
  test('annual (seed 001, Phụ lục III): total investment, this year amount, decimals', () => {
    const plan: Plan = {
      meta: { appendixNo: 'III', title: 'Danh mục các nhiệm vụ, dự án năm 2023', unit: 'triệu đồng', attachedTo: 'Kèm theo Kế hoạch số 37/KH-UBND ngày 18/4/2023 của UBND tỉnh' },
      planYear: 2023, sources: [], preset: 'annual',
      nodes: [
        { kind: 'item', tt: '1', name: 'Xây dựng trung tâm điều hành an ninh mạng (SOC)', lead: 'Sở Thông tin và Truyền thông', status: 'Dự án chuyển tiếp', period: { from: 2021, to: 2023 }, sourceText: 'Vốn đầu tư', notes: 'Đã được cấp vốn', amounts: { years: {}, sources: {}, totalInvestment: new Dec(44000), annual: new Dec(20000) } },
        { kind: 'item', tt: '2', name: 'Nâng cấp, mở rộng hạ tầng kỹ thuật công nghệ thông tin (giai đoạn 2)', lead: 'Sở Thông tin và Truyền thông', period: { from: 2021, to: 2023 }, sourceText: 'Vốn đầu tư', amounts: { years: {}, sources: {}, totalInvestment: new Dec(44500), annual: new Dec(22151) } },
        { kind: 'item', tt: '3', name: 'Xây dựng, triển khai hệ thống CSDL quản lý xử lý vi phạm hành chính', lead: 'Sở Tư pháp', period: { from: 2022, to: 2023 }, sourceText: 'Vốn sự nghiệp', amounts: { years: {}, sources: {}, totalInvestment: new Dec('4967.667'), annual: new Dec(4390) } },
      ],
    };
    const spec = layoutPlan(plan);
    expect(spec.columns.map((c) => c.key)).toEqual(['tt', 'name', 'lead', 'status', 'objective', 'period', 'totalInvestment', 'sourceText', 'annual', 'notes']);
    const h = spec.roles!.header[0];
    expect(spec.roles!.header).toHaveLength(2); // one header row + column numbers
    expect(text(spec.rows[h].cells[8])).toBe('Kinh phí thực hiện năm 2023');
    expect(spec.styles.itemNum.numFmt).toBe('#,##0.000');
    const t = spec.roles!.total[0];
    expect(expectedValues(spec, t, 'totalInvestment')).toBe('93467.667');
    expect(expectedValues(spec, t, 'annual')).toBe('46541');
    expect(text(spec.rows[spec.roles!.item[0]].cells[5])).toBe('2021-2023');
    expect(spec.roles!.breakdown).toHaveLength(0);
    expectFormulasConsistent(spec);
    expectMatchesCoreTotals(plan, spec);
  });

  test('flat (seed 004): items only, total and source text, grand total over the items', () => {
    const items: Item[] = [
      { kind: 'item', tt: '1', name: 'Duy trì, cập nhật Kiến trúc CQĐT tỉnh Nghệ An', lead: 'Sở TT&TT', amounts: { years: {}, sources: {}, total: new Dec(1500) } },
      { kind: 'item', tt: '2', name: 'Thuê phần mềm Quản lý văn bản và điều hành', lead: 'Sở TT&TT', sourceText: 'Nguồn vốn địa phương', amounts: { years: {}, sources: {}, total: new Dec(31690) } },
      { kind: 'item', tt: '4', name: 'Thuê mạng truyền số liệu chuyên dùng', amounts: { years: {}, sources: {}, total: new Dec(38270) } },
    ];
    const spec = layoutPlan({ meta: { title: 'Danh mục các nhiệm vụ, dự án', unit: 'triệu đồng' }, sources: [], nodes: items, preset: 'flat' }, { totalLabel: 'TỔNG' });
    expect(spec.columns.map((c) => c.key)).toEqual(['tt', 'name', 'lead', 'status', 'objective', 'period', 'total', 'sourceText']);
    expect(text(spec.rows[0].cells[0])).toBe('PHỤ LỤC');
    const t = spec.roles!.total[0];
    expect(text(spec.rows[t].cells[1])).toBe('TỔNG');
    const f = spec.rows[t].cells[6] as { f: string; result: string };
    expect(f.result).toBe('71460');
    expect(referencedRows(f.f)).toEqual(spec.roles!.item);
    expect(spec.rows[spec.roles!.item[0]].cells[6]).toEqual({ t: 'num', v: '1500', s: 'itemNum' });
  });

  test('completed (seed 000, 2016-2020): groups with total and source text', () => {
    const plan = basePlan([
      group('I', 'Xây dựng hạ tầng kỹ thuật', [
        { kind: 'item', tt: '5', name: 'Triển khai hệ thống Hội nghị truyền hình đến cấp xã', sourceText: 'Vốn sự nghiệp địa phương', amounts: { years: {}, sources: {}, total: new Dec(10257) } },
      ]),
      group('III', 'Nguồn nhân lực cho ứng dụng công nghệ thông tin', [
        { kind: 'item', tt: '1', name: 'Nâng cao nhận thức', amounts: { years: {}, sources: {}, total: new Dec(400) } },
        { kind: 'item', tt: '2', name: 'Đào tạo nguồn nhân lực', amounts: { years: {}, sources: {}, total: new Dec(800) } },
      ]),
    ], { preset: 'completed', years: undefined, sources: [] });
    const spec = layoutPlan(plan);
    expect(spec.columns.map((c) => c.key)).toEqual(['tt', 'name', 'objective', 'total', 'sourceText']);
    expect(expectedValues(spec, rowOfTt(spec, 'III'), 'total')).toBe('1200');
    expect(expectedValues(spec, spec.roles!.total[0], 'total')).toBe('11457');
    expectFormulasConsistent(spec);
    expectMatchesCoreTotals(plan, spec);
  });

  test('the "(Kèm theo ...)" line keeps inner parentheses and is not doubled', () => {
    const at = (attachedTo: string) => text(layoutPlan(basePlan([], { meta: { title: 't', unit: 'triệu đồng', attachedTo } })).rows[2].cells[0]);
    expect(at('Kèm theo Kế hoạch số 37/KH-UBND (sửa đổi)')).toBe('(Kèm theo Kế hoạch số 37/KH-UBND (sửa đổi))');
    expect(at('(Kèm theo Kế hoạch số 37/KH-UBND)')).toBe('(Kèm theo Kế hoạch số 37/KH-UBND)');
  });

  test('custom columns and headers', () => {
    const spec = layoutPlan(socTrangPlan(), { columns: ['tt', 'name', 'total', 'years', 'lead', 'years'], headers: { name: 'Tên nhiệm vụ' }, columnNumbers: false });
    expect(spec.columns.map((c) => c.key)).toEqual(['tt', 'name', 'total', 'year:2021', 'year:2022', 'year:2023', 'year:2024', 'year:2025', 'lead']);
    expect(text(spec.rows[spec.roles!.header[0]].cells[1])).toBe('Tên nhiệm vụ');
    expect(spec.roles!.header).toHaveLength(2);
    expect(spec.roles!.breakdown).toHaveLength(0); // no source columns
    expect(expectedValues(spec, spec.roles!.total[0], 'total')).toBe('441115');
  });
});

describe('structure', () => {
  test('sub-items: the item sums its sub-items; the group sums its children only, never grandchildren', () => {
    const parent: Item = { ...item('1', 'Dự án có hạng mục', {}), children: [item('1.1', 'Hạng mục 1', { 2021: 3 }, 'NSTW'), item('1.2', 'Hạng mục 2', { 2022: 4 }, 'NSTW')] };
    const spec = layoutPlan(basePlan([group('I', 'Nhóm', [parent, item('2', 'Dự án', { 2021: 10 }, 'NSĐP')])]));
    const g = spec.roles!.group[0];
    const tot = colOfKey(spec, 'total');
    const gf = spec.rows[g].cells[tot] as { f: string; result: string };
    expect(referencedRows(gf.f)).toEqual([g + 1, g + 4]);
    expect(gf.result).toBe('17');
    const pf = spec.rows[g + 1].cells[tot] as { f: string; result: string };
    expect(referencedRows(pf.f)).toEqual([g + 2, g + 3]);
    expect(pf.result).toBe('7');
    // breakdown counts the sub-items (leaves), not the parent
    const nstw = spec.roles!.breakdown[1];
    expect(expectedValues(spec, nstw, 'total')).toBe('7');
    expectFormulasConsistent(spec);
    expectMatchesCoreTotals(basePlan([group('I', 'Nhóm', [parent, item('2', 'Dự án', { 2021: 10 }, 'NSĐP')])]), spec);
  });

  test('level-2 groups: I sums A and B, the grand total sums I only', () => {
    const spec = layoutPlan(basePlan([group('I', 'Khối', [group('A', 'Nhóm A', [item('1', 'x', { 2021: 1 }, 'NSTW')], 2), group('B', 'Nhóm B', [item('1', 'y', { 2021: 2 }, 'NSTW')], 2)])]));
    const [i, a, b] = spec.roles!.group;
    const tot = colOfKey(spec, 'total');
    expect(referencedRows((spec.rows[i].cells[tot] as { f: string }).f)).toEqual([a, b]);
    expect(referencedRows((spec.rows[spec.roles!.total[0]].cells[tot] as { f: string }).f)).toEqual([i]);
    expect(spec.styles[spec.rows[a].cells[1]!.s!].font).toMatchObject({ bold: true, italic: true });
    expect(spec.styles[spec.rows[i].cells[1]!.s!].font?.italic).toBeFalsy();
    expectFormulasConsistent(spec);
  });

  test('an item with several sources split by year gets one row per source; the breakdown stays exact', () => {
    const it: Item = {
      kind: 'item', tt: '1', name: 'Dự án hai nguồn',
      amounts: {
        years: { 2021: new Dec(30), 2022: new Dec(20) }, sources: { NSTW: new Dec(35), 'NSĐP': new Dec(15) },
        split: { NSTW: { 2021: new Dec(25), 2022: new Dec(10) }, 'NSĐP': { 2021: new Dec(5), 2022: new Dec(10) } },
      },
    };
    const spec = layoutPlan(basePlan([group('I', 'Nhóm', [it, item('2', 'Một nguồn', { 2021: 1 }, 'NSĐP')])]));
    const r = spec.roles!.item[0];
    expect(text(spec.rows[r + 1].cells[1])).toBe('- Ngân sách trung ương');
    expect(expectedValues(spec, r, 'year:2021')).toBe('30');
    expect(expectedValues(spec, r, 'source:NSTW')).toBe('35');
    const [, nstw, nsdp] = spec.roles!.breakdown;
    expect(expectedValues(spec, nstw, 'year:2021')).toBe('25');
    expect(expectedValues(spec, nsdp, 'year:2021')).toBe('6');
    expect(expectedValues(spec, nsdp, 'total')).toBe('16');
    expect(expectedValues(spec, spec.roles!.total[0], 'total')).toBe('51');
    expectFormulasConsistent(spec);
    expectMatchesCoreTotals(basePlan([group('I', 'Nhóm', [it, item('2', 'Một nguồn', { 2021: 1 }, 'NSĐP')])]), spec);
  });

  test('a source amount that disagrees with the item\'s years stays as typed, so the check still sees the mismatch', () => {
    const it: Item = {
      kind: 'item', tt: '1', name: 'Lệch nguồn',
      amounts: { years: { 2021: new Dec(7), 2022: new Dec(3) }, sources: { NSTW: new Dec(12) } },
    };
    const spec = layoutPlan(basePlan([group('I', 'Nhóm', [it])]));
    const r = spec.roles!.item[0];
    expect(spec.rows[r].cells[colOfKey(spec, 'source:NSTW')]).toMatchObject({ t: 'num', v: '12' });
    expectFormulasConsistent(spec);
  });

  test('an item whose source is only named in its source text gets the amount in that source column', () => {
    const plan = basePlan([group('I', 'Nhóm', [item('1', 'Theo chữ', { 2021: 7, 2022: 3 }, undefined, { sourceText: 'Ngân sách trung ương' })])]);
    const spec = layoutPlan(plan);
    const r = spec.roles!.item[0];
    expect(spec.rows[r].cells[colOfKey(spec, 'source:NSTW')]).toMatchObject({ t: 'formula', result: '10' });
    expect(text(spec.rows[r].cells[spec.columns.length - 1])).toBe('NSTW');
    expect(expectedValues(spec, spec.roles!.breakdown[1], 'year:2021')).toBe('7');
    expectMatchesCoreTotals(plan, spec);
  });

  test('amounts in columns the preset does not show still count: the total is the core value', () => {
    const plan = basePlan([item('1', 'Có năm', { 2021: 7, 2022: 3 }, 'NSTW')], { preset: 'flat' });
    const spec = layoutPlan(plan);
    expect(spec.rows[spec.roles!.item[0]].cells[colOfKey(spec, 'total')]).toMatchObject({ t: 'num', v: '10' });
    expectMatchesCoreTotals(plan, spec);
  });

  test('several sources without a split: breakdown left out (auto) or a named error (always)', () => {
    const it: Item = { kind: 'item', tt: '1', name: 'x', amounts: { years: { 2021: new Dec(2) }, sources: { NSTW: new Dec(1), 'NSĐP': new Dec(1) } } };
    expect(layoutPlan(basePlan([it])).roles!.breakdown).toHaveLength(0);
    expect(() => layoutPlan(basePlan([it]), { breakdown: 'always' })).toThrow(LayoutError);
    expect(layoutPlan(socTrangPlan(), { breakdown: 'never' }).roles!.breakdown).toHaveLength(0);
  });

  test('source codes SUMIF would misread are matched literally; codes equal but for case disable the breakdown', () => {
    const sources = [{ code: 'NS*', label: 'Nguồn sao' }, { code: 'NSX', label: 'Nguồn X' }, { code: '<1', label: 'Nguồn nhỏ' }];
    const spec = layoutPlan(basePlan([item('1', 'a', { 2021: 1 }, 'NS*'), item('2', 'b', { 2021: 2 }, 'NSX'), item('3', 'c', { 2021: 4 }, '<1')], { sources }));
    const [, star, x, lt] = spec.roles!.breakdown;
    expect((spec.rows[star].cells[colOfKey(spec, 'year:2021')] as { f: string }).f).toContain('"=NS~*"');
    expect([star, x, lt].map((r) => expectedValues(spec, r, 'total'))).toEqual(['1', '2', '4']);
    expectFormulasConsistent(spec);
    const twins = [{ code: 'NSTW', label: 'a' }, { code: 'nstw', label: 'b' }];
    expect(layoutPlan(basePlan([item('1', 'a', { 2021: 1 }, 'NSTW')], { sources: twins })).roles!.breakdown).toHaveLength(0);
  });

  test('user text is carried as text cells, never formulas', () => {
    const spec = layoutPlan(basePlan([group('=1+1', '+84', [item('@x', '=SUM(A1)', { 2021: 1 }, 'NSTW', { lead: '-abc' })])]));
    const r = spec.roles!.item[0];
    expect(spec.rows[r].cells[1]).toMatchObject({ t: 'text', v: '=SUM(A1)' });
    expect(spec.rows[r].cells[0]).toMatchObject({ t: 'text', v: '@x' });
    expect(spec.rows[spec.roles!.group[0]].cells[0]).toMatchObject({ t: 'text', v: '=1+1' });
  });
});

describe('thousands of groups (subtotal mode)', () => {
  /** 2,000 top-level groups, each mixing the shapes a summing row can have: sub-items, a level-2 group, a split item. */
  function manyGroups(n: number): Plan {
    const split = (k: number): Item => ({
      kind: 'item', tt: '3', name: `Dự án hai nguồn ${k}`,
      amounts: {
        years: { 2021: new Dec(30 + k), 2022: new Dec('20.125') }, sources: { NSTW: new Dec(35 + k), 'NSĐP': new Dec('15.125') },
        split: { NSTW: { 2021: new Dec(25 + k), 2022: new Dec(10) }, 'NSĐP': { 2021: new Dec(5), 2022: new Dec('10.125') } },
      },
    });
    const nodes = Array.from({ length: n }, (_, k) => group(`G${k + 1}`, `Nhóm ${k + 1}`, [
      { ...item('1', 'Có hạng mục', {}), children: [item('1.1', 'Hạng mục', { 2021: k + 1 }, 'NSTW'), item('1.2', 'Hạng mục', { 2023: '0.5' }, 'NSĐP')] },
      group('a', 'Nhóm con', [item('1', 'Con', { 2024: 7 }, 'NSTW')], 2),
      split(k),
    ]));
    return basePlan(nodes);
  }

  test('a plan whose grand-total SUM passes Excel\'s length lays out with SUBTOTALs, every formula short and exact', () => {
    const plan = manyGroups(2000);
    const spec = layoutPlan(plan);
    const tot = spec.roles!.total[0];
    const gt = spec.rows[tot].cells[colOfKey(spec, 'total')] as { f: string };
    expect(gt.f).toBe(`SUBTOTAL(9,${gt.f.slice(11, 12)}${spec.roles!.group[0] + 1}:${gt.f.slice(11, 12)}${tot})`);
    // One assertion over all cells (an expect per cell takes most of a minute here).
    let longest = 0;
    let formulas = 0;
    const wrong: string[] = [];
    spec.rows.forEach((row, r) => row.cells.forEach((c, col) => {
      if (c?.t !== 'formula') return;
      formulas++;
      longest = Math.max(longest, c.f.length);
      const v = evalFormula(spec, c.f).toFixed();
      if (v !== c.result) wrong.push(`${r},${col}: ${c.f} = ${v}, result ${c.result}`);
    }));
    expect(wrong).toEqual([]);
    expect(longest).toBeLessThan(100);
    expect(formulas).toBeGreaterThan(2000 * 10);
    const T = computeTotals(plan);
    const rowsOf = (r: number, R: RowTotals) => [R.total, R.years[2021], R.sources.NSTW].map((d) => d.toFixed())
      .concat([expectedValues(spec, r, 'total'), expectedValues(spec, r, 'year:2021'), expectedValues(spec, r, 'source:NSTW')] as string[]);
    const groupRows = spec.roles!.group.filter((_, i) => i % 2 === 0);
    const bad = plan.nodes.map((g, i) => rowsOf(groupRows[i], T.rowOf(g))).filter((x) => x.slice(0, 3).join() !== x.slice(3).join());
    expect(bad).toEqual([]);
    expect(expectedValues(spec, tot, 'total')).toBe(T.grand.total.toFixed());
    expect(expectedValues(spec, tot, 'source:NSĐP')).toBe(T.grand.sources['NSĐP'].toFixed());
  });

  test('subtotal mode is chosen before the body is laid out, exactly when some SUM would pass Excel\'s length', () => {
    // The rows do not depend on the mode: the top-level rows of n groups are the first n of a larger plan's.
    const big = layoutPlan(manyGroups(2000));
    const tot = big.rows[big.roles!.total[0]];
    const amountCols = tot.cells.flatMap((c, i) => (c?.t === 'formula' ? [i] : []));
    const topRows = big.roles!.group.filter((_, i) => i % 2 === 0);
    const tooLong = (n: number) => amountCols.some((c) => {
      try { sumFormula(c, topRows.slice(0, n)); return false; } catch (e) { return e instanceof LayoutError; }
    });
    let n = 1;
    while (!tooLong(n)) n++;
    const grandOf = (spec: SheetSpec) => (spec.rows[spec.roles!.total[0]].cells[colOfKey(spec, 'total')] as { f: string }).f;
    expect(grandOf(layoutPlan(manyGroups(n - 1)))).toMatch(/^SUM\(/);
    expect(grandOf(layoutPlan(manyGroups(n)))).toMatch(/^SUBTOTAL\(9,/);
  });

  test('a long list of siblings below the top level is foreseen too: a streamed layout takes subtotal mode before any row', () => {
    // a small group, streamed first, then a group of 2,000 items with sub-items: that group's SUM names 2,000 rows
    // apart, past 8,192 characters; found only after the first group's rows were handed over, it could not be mended
    const items = Array.from({ length: 2000 }, (_, k) => ({
      ...item(String(k + 1), `Dự án ${k + 1}`, {}),
      children: [item('a', 'Hạng mục', { 2021: k + 1 }, 'NSTW'), item('b', 'Hạng mục', { 2022: 1 }, 'NSTW')],
    }));
    const plan = basePlan([group('I', 'Nhóm nhỏ', [item('1', 'Dự án', { 2021: 5 }, 'NSTW')]), group('II', 'Nhóm lớn', items)]);
    const body: CellSpec[][] = [];
    const sink: RowSink = { begin: () => undefined, rows: (_from, rows) => { for (const r of rows) body.push(r.cells as CellSpec[]); } };
    const spec = layoutPlan(plan, {}, sink);
    const total = colOfKey(spec, 'total');
    expect(body.length).toBe(2 + 1 + 2000 * 3);
    expect((body[2][total] as { f: string }).f).toMatch(/^SUBTOTAL\(9,/);
    expect(() => sumFormula(total, items.map((_, k) => spec.streamed!.from + 3 + 3 * k))).toThrow(LayoutError);
  });

  test('a plan just under the limit keeps its SUMs', () => {
    const spec = layoutPlan(manyGroups(20));
    const gt = spec.rows[spec.roles!.total[0]].cells[colOfKey(spec, 'total')] as { f: string };
    expect(gt.f).toMatch(/^SUM\(/);
    expect(referencedRows(gt.f)).toEqual(spec.roles!.group.filter((_, i) => i % 2 === 0));
  });
});

describe('helpers', () => {
  test('sumFormula compresses runs and nests past 250 arguments', () => {
    expect(sumFormula(5, [8, 9, 10, 14, 16, 17])).toBe('SUM(F9:F11,F15,F17:F18)');
    expect(sumFormula(5, [])).toBe('0');
    const many = Array.from({ length: 600 }, (_, i) => i * 2);
    const f = sumFormula(0, many);
    expect(f.startsWith('SUM(SUM(A1,')).toBe(true);
    expect(referencedRows(f)).toEqual(many);
    expect(() => sumFormula(0, Array.from({ length: 3000 }, (_, i) => i * 2 + 100000))).toThrow(LayoutError);
  });

  test('estimateLines', () => {
    expect(estimateLines('abc', 10, 12)).toBe(1);
    expect(estimateLines('a\nb\nc', 10, 12)).toBe(3);
    expect(estimateLines('x'.repeat(200), 10, 12)).toBeGreaterThan(5);
    expect(estimateLines('từ '.repeat(300), 30, 12)).toBeGreaterThan(estimateLines('từ '.repeat(300), 60, 12));
  });

  test('wordsLine', () => {
    expect(wordsLine(new Dec('4967.667'), 'triệu đồng')).toBe('Tổng kinh phí: 4.967,667 triệu đồng (Bằng chữ: Bốn tỷ, chín trăm sáu mươi bảy triệu, sáu trăm sáu mươi bảy nghìn đồng).');
  });
});

describe('property: random plans', () => {
  const amount = fc.oneof(fc.integer({ min: 0, max: 1_000_000 }).map(String), fc.tuple(fc.integer({ min: 0, max: 99999 }), fc.integer({ min: 0, max: 999 })).map(([a, b]) => `${a}.${b}`));
  const itemArb = fc.record({
    years: fc.dictionary(fc.constantFrom('2021', '2022', '2023'), amount, { maxKeys: 3 }),
    source: fc.option(fc.constantFrom('NSTW', 'NSĐP'), { nil: undefined }),
    subs: fc.nat({ max: 2 }),
  });
  const planArb = fc.array(fc.record({ nested: fc.boolean(), items: fc.array(itemArb, { maxLength: 4 }) }), { maxLength: 4 });

  test('every formula computes its result; grand total = Σ items; breakdown = Σ items per source', () => {
    fc.assert(fc.property(planArb, fc.boolean(), (groups, flat) => {
      let k = 0;
      const mk = (x: { years: Record<string, string>; source?: string; subs: number }): Item => {
        const it = item(String(++k), `Dự án ${k}`, x.years, x.source);
        if (x.subs > 0) it.children = Array.from({ length: x.subs }, (_, i) => item(`${k}.${i + 1}`, 'Hạng mục', x.years, x.source));
        return it;
      };
      const nodes: PlanNode[] = flat
        ? groups.flatMap((g) => g.items.map(mk))
        : groups.map((g, gi) => group(`G${gi}`, `Nhóm ${gi}`, g.nested ? [group('A', 'Con', g.items.map(mk), 2)] : g.items.map(mk)));
      const plan = basePlan(nodes, { years: { from: 2021, to: 2023 } });
      const spec = layoutPlan(plan);
      expectFormulasConsistent(spec);
      expectMatchesCoreTotals(plan, spec);
      // independent sum over leaf items
      let total = new Dec(0);
      const bySource: Record<string, Dec> = { NSTW: new Dec(0), 'NSĐP': new Dec(0) };
      const walk = (ns: PlanNode[]) => ns.forEach((n) => {
        if (n.kind === 'group') return walk(n.children);
        if (n.children?.length) return walk(n.children);
        const t = Object.values(n.amounts.years).reduce((a, b) => a.plus(b), new Dec(0));
        total = total.plus(t);
        const s = Object.keys(n.amounts.sources)[0];
        if (s && !n.amounts.sources[s].isZero()) bySource[s] = bySource[s].plus(t);
      });
      walk(nodes);
      expect(expectedValues(spec, spec.roles!.total[0], 'total') ?? '0').toBe(total.toFixed());
      const bd = spec.roles!.breakdown;
      if (bd.length) {
        expect(expectedValues(spec, bd[1], 'total')).toBe(bySource.NSTW.toFixed());
        expect(expectedValues(spec, bd[2], 'total')).toBe(bySource['NSĐP'].toFixed());
      }
    }), { numRuns: 60 });
  });
});

describe('property: hostile amounts (exact sums past 2^53)', () => {
  // Pairs of huge amounts that cancel, plus small ones with up to 6 decimals: every stated total stays within 15
  // significant digits, but the partial sums pass 2^53 once scaled, so ExactSum must fall back to decimal.js.
  const pair = fc.tuple(fc.bigInt({ min: 1n, max: 10n ** 6n }), fc.integer({ min: 9, max: 14 }), fc.bigInt({ min: 0n, max: 10n ** 14n }),
    fc.constantFrom('NSTW', 'NSĐP'))
    .map(([m, e, small, source]) => ({ big: (m * 10n ** BigInt(e)).toString(), small: new Dec(small.toString()).div(1e6).toFixed(), source }));

  test('group, grand and "Trong đó" totals equal a decimal.js loop', () => {
    fc.assert(fc.property(fc.array(pair, { minLength: 1, maxLength: 6 }), (pairs) => {
      let k = 0;
      const items = pairs.flatMap((p) => [
        item(String(++k), `Dự án ${k}`, { 2021: p.big }, p.source),
        item(String(++k), `Dự án ${k}`, { 2022: p.small }, p.source),
        item(String(++k), `Dự án ${k}`, { 2021: `-${p.big}` }, p.source),
      ]);
      const plan = basePlan([group('I', 'Nhóm', items)], { years: { from: 2021, to: 2022 } });
      const spec = layoutPlan(plan);
      expectMatchesCoreTotals(plan, spec);
      const bySource: Record<string, Dec> = { NSTW: new Dec(0), 'NSĐP': new Dec(0) };
      for (const p of pairs) bySource[p.source] = bySource[p.source].plus(p.big).plus(p.small).plus(`-${p.big}`);
      const total = Object.values(bySource).reduce((a, b) => a.plus(b), new Dec(0));
      expect(expectedValues(spec, spec.roles!.total[0], 'total') ?? '0').toBe(total.toFixed());
      const bd = spec.roles!.breakdown;
      expect(expectedValues(spec, bd[1], 'year:2022') ?? '0').toBe(bySource.NSTW.toFixed());
      expect(expectedValues(spec, bd[2], 'year:2022') ?? '0').toBe(bySource['NSĐP'].toFixed());
      expect(expectedValues(spec, bd[1], 'year:2021') ?? '0').toBe('0');
    }), { numRuns: 40, seed: 1214 });
  });
});
