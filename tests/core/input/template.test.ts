/**
 * The input sheet: option parsing, the SheetSpec officers fill in, and reading a filled grid back into a Plan
 * (groups from TT, text amounts, blank rows, every problem named by its cell, never a half plan).
 */
import fc from 'fast-check';
import { Dec } from '../../../src/core/base/decimal';
import type { Group, Item, Plan, PlanNode } from '../../../src/core/plan/model';
import { INPUT_HEADERS, isInputGrid } from '../../../src/core/input/sheet';
import { InputSheetError } from '../../../src/core/input/problems';
import { planFromInputGrid } from '../../../src/core/input/read';
import { templateSpec } from '../../../src/core/input/write';
import { STANDARD_SOURCES, SettingError, parsePresetText, parseSourceCodes, parseUnitText, parseYearSpan } from '../../../src/core/plan/settings';
import { gridOf, rowOf, templateGrid } from '../../helpers/gridOf';

const plainOf = (d: Dec | undefined) => d?.toFixed();

function items(nodes: PlanNode[]): Item[] {
  const out: Item[] = [];
  const walk = (n: PlanNode) => {
    if (n.kind === 'group') n.children.forEach(walk);
    else {
      out.push(n);
      n.children?.forEach(walk);
    }
  };
  nodes.forEach(walk);
  return out;
}

function readErr(f: () => unknown): InputSheetError {
  try {
    f();
  } catch (e) {
    if (e instanceof InputSheetError) return e;
    throw e;
  }
  throw new Error('expected InputSheetError');
}

describe('option parsing', () => {
  test.each([
    ['2021-2025', 2021, 2025], ['2021 – 2025', 2021, 2025], ['2023', 2023, 2023], [' 2026-2030 ', 2026, 2030],
    ['2021÷2025', 2021, 2025],
  ])('parseYearSpan(%p)', (t, from, to) => {
    expect(parseYearSpan(t)).toEqual({ from, to });
  });

  test.each(['2025-2021', '21-25', 'abc', '', '2021-2100', '1800-1801', '2021-2025-2030'])('parseYearSpan(%p) refuses', (t) => {
    expect(() => parseYearSpan(t)).toThrow(SettingError);
  });

  test('parseSourceCodes gives the standard Vietnamese labels and accepts user codes', () => {
    expect(parseSourceCodes('NSTW,NSĐP,ĐTPT')).toEqual([
      { code: 'NSTW', label: 'Ngân sách trung ương' },
      { code: 'NSĐP', label: 'Ngân sách địa phương' },
      { code: 'ĐTPT', label: 'Vốn đầu tư phát triển (trung hạn)' },
    ]);
    expect(parseSourceCodes('nsdp; XHH ; ABC=Vốn ABC')).toEqual([
      { code: 'NSĐP', label: 'Ngân sách địa phương' },
      { code: 'XHH', label: 'Xã hội hóa' },
      { code: 'ABC', label: 'Vốn ABC' },
    ]);
    for (const s of STANDARD_SOURCES) expect(parseSourceCodes(s.code)).toEqual([s]);
    expect(parseSourceCodes('NST,NSH,SN,KHAC').map((s) => s.label)).toEqual(['Ngân sách tỉnh', 'Ngân sách huyện', 'Vốn sự nghiệp', 'Khác']);
  });

  test.each(['', 'NSTW,NSTW', 'NSTW,nstw', 'A B', 'ABC=', 'X'.repeat(21)])('parseSourceCodes(%p) refuses', (t) => {
    expect(() => parseSourceCodes(t)).toThrow(SettingError);
  });

  test('units and presets in Vietnamese', () => {
    expect(parseUnitText('Triệu đồng')).toBe('triệu đồng');
    expect(parseUnitText('tỷ')).toBe('tỷ đồng');
    expect(parseUnitText('nghìn đồng')).toBe('nghìn đồng');
    expect(parseUnitText('đô la')).toBeUndefined();
    expect(parsePresetText('Trung hạn')).toBe('medium-term');
    expect(parsePresetText('hang nam')).toBe('annual');
    expect(parsePresetText('completed')).toBe('completed');
    expect(parsePresetText('khác')).toBeUndefined();
  });
});

describe('templateSpec', () => {
  const spec = templateSpec({ years: { from: 2021, to: 2025 }, sources: parseSourceCodes('NSĐP,NSTW,ĐTPT') });
  const header = spec.roles!.header[0];
  const texts = (r: number) => spec.rows[r].cells.map((c) => (c && c.t === 'text' ? c.v : ''));

  test('one header row with the stable titles, years and source codes', () => {
    expect(texts(header)).toEqual([
      'TT', 'Tên dự án/nhiệm vụ', 'Mới/chuyển tiếp', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian thực hiện', 'Mục tiêu',
      '2021', '2022', '2023', '2024', '2025', 'NSĐP', 'NSTW', 'ĐTPT', 'Nguồn vốn', 'Ghi chú',
    ]);
    // Each source's label sits over its code.
    expect(texts(header - 1).slice(12, 15)).toEqual(['Ngân sách địa phương', 'Ngân sách trung ương', 'Vốn đầu tư phát triển (trung hạn)']);
  });

  test('frozen header, amounts #,##0, TT and period as text, validations for status, source, unit, preset', () => {
    expect(spec.freeze).toEqual({ rows: header + 1, cols: 2 });
    const data = spec.rows[header + 1].cells;
    expect(spec.styles[data[7]!.s!].numFmt).toBe('#,##0');
    expect(spec.styles[data[14]!.s!].numFmt).toBe('#,##0');
    expect(spec.styles[data[0]!.s!].numFmt).toBe('@');
    expect(spec.styles[data[5]!.s!].numFmt).toBe('@');
    const lists = spec.validations!.map((v) => v.list);
    expect(lists).toContainEqual(['Mới', 'Chuyển tiếp']);
    expect(lists).toContainEqual(['Ngân sách địa phương', 'Ngân sách trung ương', 'Vốn đầu tư phát triển (trung hạn)']);
    expect(lists).toContainEqual(['Đồng', 'Nghìn đồng', 'Triệu đồng', 'Tỷ đồng']);
    const status = spec.validations!.find((v) => v.list[0] === 'Mới')!;
    expect(status.range).toEqual({ r0: header + 1, c0: 2, r1: header + 200, c1: 2 });
    expect(spec.columns.every((c) => c.width >= 6)).toBe(true);
  });

  test('instructions in Vietnamese and the Thông tin block', () => {
    const all = spec.rows.slice(0, header).flatMap((r) => r.cells).map((c) => (c && c.t === 'text' ? c.v : ''));
    expect(all).toContain('Thông tin phụ lục');
    expect(all).toContain('Hướng dẫn');
    for (const l of ['Phụ lục số', 'Tiêu đề', 'Kèm theo', 'ĐVT', 'Mẫu phụ lục', 'Năm kế hoạch']) expect(all).toContain(l);
    expect(all).toContain('Triệu đồng');
    expect(all).toContain('Danh mục dự án, nhiệm vụ giai đoạn 2021-2025');
    expect(all.join(' ')).toMatch(/I, II, III/);
    expect(all.every((t) => t === t.normalize('NFC'))).toBe(true);
  });

  test('an annual template has one year and a Tổng mức đầu tư column', () => {
    const a = templateSpec({ years: { from: 2023, to: 2023 } });
    const h = a.rows[a.roles!.header[0]].cells.map((c) => (c && c.t === 'text' ? c.v : ''));
    expect(h).toContain('Tổng mức đầu tư');
    expect(h.filter((t) => /^\d{4}$/.test(t))).toEqual(['2023']);
  });

  test('the empty template reads back as "no project yet", not as a plan', () => {
    const { grid } = templateGrid([]);
    const e = readErr(() => planFromInputGrid(grid));
    expect(e.message).toMatch(/chưa có dự án nào/);
  });
});

describe('planFromInputGrid', () => {
  const opts = { years: { from: 2021, to: 2023 }, sources: parseSourceCodes('NSTW,NSĐP') };

  test('groups from TT, items, sub-items, text amounts, blank rows, info block', () => {
    const { grid: g0, cols } = templateGrid([], opts);
    const R = (f: Record<string, string | number | null>) => rowOf(cols, f);
    const data = [
      R({ tt: 'I', name: 'Hạ tầng' }),
      R({ tt: '1', name: 'Trung tâm dữ liệu', status: 'Mới', lead: 'Sở TT&TT', period: '2021-2023', 'year:2021': 1559, 'year:2022': '2.000', 'source:NSĐP': '3.559', sourceText: 'Ngân sách địa phương' }),
      [],
      R({ tt: '2', name: 'Mạng diện rộng', 'year:2023': '4.967,667', 'source:NSTW': '4967.667' }),
      R({ tt: 'II', name: 'Dữ liệu' }),
      R({ tt: 'A', name: 'Cấp tỉnh' }),
      R({ tt: '1', name: 'CSDL đất đai' }),
      R({ tt: '1.1', name: 'Số hóa', 'year:2022': 100, 'source:NSTW': 100 }),
      R({ tt: '1.2', name: 'Chuẩn hóa', 'year:2022': '-', 'year:2023': '1,8 tỷ', 'source:NSTW': 1800 }),
      R({ tt: 'B', name: 'Cấp huyện' }),
      R({ tt: '', name: 'Dự án không số', 'year:2021': 5, 'source:NSĐP': 5 }),
      R({ name: 'Tổng cộng', 'year:2021': 99999 }),
    ];
    const grid = { ...g0, cells: [...g0.cells, ...gridOf(data).cells] };
    // Fill the Thông tin block: appendix number, unit.
    const info = (label: string) => grid.cells.findIndex((r) => r?.[1]?.value === label);
    grid.cells[info('Phụ lục số')]![2] = { value: '03' };
    grid.cells[info('Kèm theo')]![2] = { value: '(Kèm theo Kế hoạch số 1/KH-UBND)' };
    const plan = planFromInputGrid(grid);
    expect(plan.meta).toMatchObject({ appendixNo: '03', unit: 'triệu đồng', attachedTo: 'Kèm theo Kế hoạch số 1/KH-UBND', title: 'Danh mục dự án, nhiệm vụ giai đoạn 2021-2023' });
    expect(plan.years).toEqual({ from: 2021, to: 2023 });
    expect(plan.sources).toEqual([{ code: 'NSTW', label: 'Ngân sách trung ương' }, { code: 'NSĐP', label: 'Ngân sách địa phương' }]);
    expect(plan.preset).toBe('medium-term');
    const [g1, g2] = plan.nodes as Group[];
    expect([g1.tt, g1.level, g1.name, g1.children.length]).toEqual(['I', 1, 'Hạ tầng', 2]);
    const i1 = g1.children[0] as Item;
    expect(i1).toMatchObject({ tt: '1', name: 'Trung tâm dữ liệu', status: 'Mới', lead: 'Sở TT&TT', period: { from: 2021, to: 2023 }, sourceText: 'Ngân sách địa phương' });
    expect(plainOf(i1.amounts.years[2021])).toBe('1559');
    expect(plainOf(i1.amounts.years[2022])).toBe('2000');
    expect(plainOf(i1.amounts.sources['NSĐP'])).toBe('3559');
    const i2 = g1.children[1] as Item;
    expect(plainOf(i2.amounts.years[2023])).toBe('4967.667');
    expect(plainOf(i2.amounts.sources.NSTW)).toBe('4967.667');
    expect(g2.children.map((n) => [n.kind, n.tt, (n as Group).level])).toEqual([['group', 'A', 2], ['group', 'B', 2]]);
    const a = g2.children[0] as Group;
    const parent = a.children[0] as Item;
    expect(parent.children!.map((c) => c.tt)).toEqual(['1.1', '1.2']);
    expect(plainOf(parent.children![1].amounts.years[2023])).toBe('1800'); // "1,8 tỷ" in triệu đồng
    expect(parent.children![1].amounts.years[2022]).toBeUndefined(); // "-" is zero/blank
    const b = g2.children[1] as Group;
    expect((b.children[0] as Item).tt).toBe('1'); // numbered automatically
    expect(items(plan.nodes)).toHaveLength(6); // "Tổng cộng" is not an item
  });

  test('text in an amount cell names the cell, in Vietnamese', () => {
    const { grid: g0, cols, header } = templateGrid([], opts);
    const R = (f: Record<string, string | number | null>) => rowOf(cols, f);
    const grid = { ...g0, cells: [...g0.cells, ...gridOf([R({ tt: '1', name: 'Dự án', 'year:2022': 'abc' })]).cells] };
    const e = readErr(() => planFromInputGrid(grid));
    const cell = `I${header + 2}`; // year 2022 is the 9th column
    expect(e.problems).toEqual([{ cell, message: `Ô ${cell}: "abc" không phải số tiền` }]);
    expect(e.message).toBe(`Ô ${cell}: "abc" không phải số tiền`);
  });

  test('text amounts that could be read another way get a note; "1.559" does not', () => {
    const { grid: g0, cols, header } = templateGrid([], opts);
    const R = (f: Record<string, string | number | null>) => rowOf(cols, f);
    const grid = { ...g0, cells: [...g0.cells, ...gridOf([
      R({ tt: '1', name: 'A', 'year:2021': '1.559', 'year:2022': '1,234', 'year:2023': '5.8' }),
    ]).cells] };
    const notes: { cell?: string; message: string }[] = [];
    const plan = planFromInputGrid(grid, { notes });
    expect(plainOf((plan.nodes[0] as Item).amounts.years[2022])).toBe('1.234');
    const r = header + 2;
    expect(notes.map((n) => n.cell)).toEqual([`I${r}`, `J${r}`]);
    expect(notes[0].message).toMatch(new RegExp(`^Ô I${r}: "1,234" được đọc là 1,234 \\(`));
  });

  test('several problems are reported together; no plan comes back', () => {
    const { grid: g0, cols, header } = templateGrid([], opts);
    const R = (f: Record<string, string | number | null | { value: null; error: string }>) => rowOf(cols, f as never);
    const first = header + 2;
    const grid = { ...g0, cells: [...g0.cells, ...gridOf([
      R({ tt: 'I', name: 'Nhóm có tiền', 'year:2021': 5 }),
      R({ tt: '1', name: '', 'year:2021': 3 }),
      R({ tt: '2', name: 'Âm', 'year:2022': -4 }),
      R({ tt: '3', name: 'Lỗi', 'year:2023': { value: null, error: '#REF!' } as never }),
      R({ tt: '4', name: 'Sai năm', period: 'sớm thôi' }),
      R({ tt: 'F', name: 'Chữ sai' }),
      R({ tt: '5.1', name: 'Mồ côi' }),
    ]).cells] };
    const e = readErr(() => planFromInputGrid(grid));
    expect(e.problems.map((p) => p.cell)).toEqual([
      `H${first}`, `B${first + 1}`, `I${first + 2}`, `J${first + 3}`, `F${first + 4}`, `A${first + 5}`, `A${first + 6}`,
    ]);
    expect(e.problems[0].message).toMatch(/dòng nhóm "I" có số tiền/);
    expect(e.problems[2].message).toMatch(/số tiền âm/);
    expect(e.problems[3].message).toMatch(/#REF!/);
    expect(e.message).toMatch(/và 4 lỗi khác$/);
  });

  test('I after H is a letter group; II after a letter series is a Roman group', () => {
    const { grid: g0, cols } = templateGrid([], opts);
    const R = (tt: string, name: string, amount?: number) => rowOf(cols, { tt, name, 'year:2021': amount ?? null, 'source:NSTW': amount ?? null });
    const letters = ['A', 'B', 'C', 'D', 'Đ', 'E', 'G', 'H', 'I', 'K'];
    const data = [R('I', 'Một'), ...letters.flatMap((l) => [R(l, `Nhóm ${l}`), R('1', `Dự án ${l}`, 1)]), R('II', 'Hai'), R('1', 'Dự án', 2)];
    const grid = { ...g0, cells: [...g0.cells, ...gridOf(data).cells] };
    const plan = planFromInputGrid(grid);
    expect(plan.nodes.map((n) => n.tt)).toEqual(['I', 'II']);
    expect((plan.nodes[0] as Group).children.map((n) => [n.tt, (n as Group).level])).toEqual(letters.map((l) => [l, 2]));
  });

  test('a user-added source column with its label above; unknown columns ignored', () => {
    const { grid: g0, header } = templateGrid([], { ...opts, sources: parseSourceCodes('NSTW') });
    const g = structuredClone(g0);
    // Insert "XHH2" with label, and "Địa điểm" (not a source), before "Nguồn vốn".
    const srcText = g.cells[header]!.findIndex((c) => c?.value === INPUT_HEADERS.sourceText);
    g.cells[header]!.splice(srcText, 0, { value: 'ODA' }, { value: 'Địa điểm' });
    g.cells[header - 1]!.splice(srcText, 0, { value: 'Vốn vay ODA' }, null);
    const row = Array(g.cells[header]!.length).fill(null);
    row[0] = { value: 1 }; row[1] = { value: 'Dự án' }; row[7] = { value: 10 }; row[srcText] = { value: 10 }; row[srcText + 1] = { value: 'Huyện A' };
    g.cells.push(row);
    const plan = planFromInputGrid(g);
    expect(plan.sources).toEqual([{ code: 'NSTW', label: 'Ngân sách trung ương' }, { code: 'ODA', label: 'Vốn vay ODA' }]);
    expect(plainOf((plan.nodes[0] as Item).amounts.sources.ODA)).toBe('10');
    expect((plan.nodes[0] as Item).tt).toBe('1'); // a number typed in TT
  });

  test('isInputGrid: the template yes, an appendix header (TT, Tên dự án) no', () => {
    expect(isInputGrid(templateGrid([]).grid)).toBe(true);
    expect(isInputGrid(gridOf([['PHỤ LỤC'], ['TT', 'Tên dự án', 'Mục tiêu', 'Tổng kinh phí'], ['I', 'Nhóm']]))).toBe(false);
    expect(isInputGrid(gridOf([[null, 'ĐVT', 'Triệu đồng'], ['TT', 'Tên nhiệm vụ', '2021']]))).toBe(true);
  });

  test('no header: a named error, not a crash', () => {
    const e = readErr(() => planFromInputGrid(gridOf([['Báo cáo'], [1, 2, 3]], 'Sheet1')));
    expect(e.message).toMatch(/không phải trang nhập liệu/);
  });

  test('property: any grid yields a Plan or an InputSheetError, never another exception', () => {
    const { grid: g0, cols } = templateGrid([], opts);
    const cellArb = fc.oneof(
      fc.constant(null), fc.integer({ min: -5, max: 100000 }), fc.double({ noNaN: false }),
      fc.constantFrom('I', 'II', 'A', 'Đ', '1', '1.1', '2.3.4', 'F', '-', 'abc', '1.559', '4.967,667', '=SUM(A1)', '', 'Tổng cộng', 'Trong đó'),
      fc.string({ maxLength: 8 }),
    );
    fc.assert(fc.property(fc.array(fc.array(cellArb, { maxLength: cols.length }), { maxLength: 12 }), (rows) => {
      const grid = { ...g0, cells: [...g0.cells, ...gridOf(rows).cells] };
      let plan: Plan | undefined;
      try {
        plan = planFromInputGrid(grid);
      } catch (e) {
        if (!(e instanceof InputSheetError)) throw e;
        expect(e.problems.length).toBeGreaterThan(0);
        expect(e.message.length).toBeGreaterThan(0);
        return;
      }
      // Every amount in the plan is a finite, non-negative Decimal.
      for (const it of items(plan.nodes)) {
        for (const d of [...Object.values(it.amounts.years), ...Object.values(it.amounts.sources)]) {
          expect(d.isFinite() && !d.isNegative()).toBe(true);
        }
      }
    }), { numRuns: 300 });
  });
});
