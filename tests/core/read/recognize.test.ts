/**
 * Recognition on in-memory grids: the header variants officers really type, row roles, units, and the
 * helpers (text folding, formula references, periods).
 */
import type { Grid, GridCell } from '../../../src/core/base/grid';
import { formulaRefs } from '../../../src/core/read/formulaRefs';
import { recognizeTable, type Recognized } from '../../../src/core/read/recognize';
import { parsePeriod } from '../../../src/core/read/items';
import { sourceCodeOf } from '../../../src/core/plan/sources';
import { romanToInt as romanValue } from '../../../src/core/text/numbering';
import { checkGrid } from '../../../src/core/checks/sheetCheck';
import { fold, foldWords } from '../../../src/core/text/fold';
import type { Item, PlanNode } from '../../../src/core/plan/model';

type C = string | number | null | GridCell;
function grid(rows: C[][], merges: Grid['merges'] = [], extra: Partial<Grid> = {}): Grid {
  return {
    sheet: 'S',
    cells: rows.map((r) => r.map((v) => (v === null ? null : typeof v === 'object' ? v : { value: v }))),
    merges,
    ...extra,
  };
}
function ok(r: Recognized): Extract<Recognized, { ok: true }> {
  if (!r.ok) throw new Error(`not recognised: ${r.finding.message}`);
  return r;
}
const tts = (ns: PlanNode[]): string[] => ns.map((n) => (n.kind === 'group' ? `${n.tt}[${tts(n.children).join(',')}]` : n.children?.length ? `${n.tt}(${tts(n.children).join(',')})` : n.tt));

describe('text folding', () => {
  it.each([
    ['Tổng  kinh\nphí', 'tong kinh phi'],
    ['TÊN DỰ ÁN', 'ten du an'],
    ['Te\u0302n du\u031b\u0323 a\u0301n', 'ten du an'],
    ['NS\u0110P', 'nsdp'],
    ['Đơn vị\u00a0chủ trì', 'don vi chu tri'],
  ])('%j → %j', (a, b) => {
    expect(fold(a)).toBe(b);
  });
  it('foldWords drops punctuation', () => {
    expect(foldWords('Tổng cộng:')).toBe('tong cong');
    expect(foldWords('Tổng mức đầu tư/chi phí dự kiến')).toBe('tong muc dau tu chi phi du kien');
  });
});

describe('source labels', () => {
  it.each([
    ['NSTW', 'NSTW'], ['Ngân sách Trung ương', 'NSTW'], ['Tổng nguồn sự nghiệp Trung ương', 'NSTW'],
    ['NSĐP', 'NSĐP'], ['Ngân sách tỉnh', 'NSĐP'], ['Tổng nguồn sự nghiệp địa phương', 'NSĐP'],
    ['ĐTPT', 'ĐTPT'], ['Tổng vốn Trung hạn', 'ĐTPT'], ['Đầu tư công trung hạn', 'ĐTPT'],
    ['Xã hội hóa', 'XHH'], ['Vốn sự nghiệp', 'VSN'], ['Mục tiêu', undefined],
  ])('%s → %s', (label, code) => {
    expect(sourceCodeOf(label)).toBe(code);
  });
});

describe('formula references', () => {
  it('ranges, single cells, absolute refs, sheet names; not text literals or function names', () => {
    expect(formulaRefs('SUM(F10:F12)+$F$20-\'Phụ lục 02\'!G3+LOG10(A1)&"B7"')).toEqual([
      { r0: 9, c0: 5, r1: 11, c1: 5 },
      { r0: 19, c0: 5, r1: 19, c1: 5 },
      { r0: 2, c0: 6, r1: 2, c1: 6, sheet: 'Phụ lục 02' },
      { r0: 0, c0: 0, r1: 0, c1: 0 },
    ]);
    expect(formulaRefs('SUMIFS(F$7:F$33,L$7:L$33,">0")').map((r) => [r.r0, r.r1, r.c0])).toEqual([[6, 32, 5], [6, 32, 11]]);
  });
});

describe('periods and numerals', () => {
  it.each([['2021-2025', [2021, 2025]], ['2021 - 2023', [2021, 2023]], ['2021- 2023', [2021, 2023]], ['2023', [2023, 2023]], ['Năm 2023', [2023, 2023]], ['sau 2025', undefined], ['2025-2021', undefined]])(
    'parsePeriod(%j)', (t, span) => {
      const p = parsePeriod(t);
      expect(p ? [p.from, p.to] : undefined).toEqual(span);
    });
  it('Roman numerals', () => {
    expect(['I', 'IV', 'IX', 'XIV', 'XL', 'M', 'IIII', 'IL', ''].map(romanValue)).toEqual([1, 4, 9, 14, 40, 1000, undefined, undefined, undefined]);
  });
});

describe('header detection', () => {
  it('line breaks, spaces, case and NFD diacritics; a unit line; a column-number row', () => {
    const r = ok(recognizeTable(grid([
      ['Đơn vị tính: Tỷ đồng.'],
      ['STT', '  TÊN   NHIỆM VỤ,\nDỰ ÁN ', 'Đơn vị\nchủ trì', 'To\u0302\u0309ng kinh phí', 'Ghi chú'],
      ['(1)', '(2)', '(3)', '(4)', '(5)'],
      [1, 'Dự án A', 'Sở A', '1,5', null],
      [2, 'Dự án B', 'Sở B', 2, 'x'],
      ['', 'Tổng cộng', '', 3.5, ''],
    ])));
    expect(r.unit).toBe('tỷ đồng');
    expect(r.unitFrom).toBe('sheet');
    expect(r.headerRows).toEqual([1, 2]);
    expect(r.plan.sheet?.columns).toEqual({ tt: 0, name: 1, lead: 2, total: 3, notes: 4 });
    expect(r.plan.nodes.map((n) => n.tt)).toEqual(['1', '2']);
    expect(r.plan.grandTotal?.amounts.total?.toFixed()).toBe('3.5');
  });

  it('a merged two-row header: "Dự kiến phân kỳ" over years, "Nguồn vốn" over source codes', () => {
    const r = ok(recognizeTable(grid([
      ['TT', 'Dự án, nhiệm vụ, chương trình', 'Dự kiến phân kỳ', null, 'Tổng', 'Nguồn vốn', null, null],
      [null, null, 2024, 'Năm 2025', null, 'Ngân sách Trung ương', 'NS tỉnh', 'Vốn ODA'],
      ['I', 'Nhóm', 30, 30, 60, 60, 0, 0],
      [1, 'A', 30, 30, 60, 60, null, null],
    ], [{ r0: 0, c0: 0, r1: 1, c1: 0 }, { r0: 0, c0: 1, r1: 1, c1: 1 }, { r0: 0, c0: 2, r1: 0, c1: 3 }, { r0: 0, c0: 5, r1: 0, c1: 7 }, { r0: 0, c0: 4, r1: 1, c1: 4 }])));
    expect(r.headerRows).toEqual([0, 1]);
    expect(r.plan.sheet?.columns).toMatchObject({ tt: 0, name: 1, 'year:2024': 2, 'year:2025': 3, total: 4, 'source:NSTW': 5, 'source:NSĐP': 6, 'source:ODA': 7 });
    expect(r.plan.years).toEqual({ from: 2024, to: 2025 });
  });

  it.each([
    ['Tổng giai đoạn 2021-2025', 'total'], ['Tổng nhu cầu vốn', 'total'], ['Số tiền', 'total'], ['Kinh phí dự kiến (triệu đồng)', 'total'],
    ['Tổng NSTW', 'source:NSTW'], ['Tổng mức đầu tư', 'total'], ['Danh mục dự án', 'name'], ['Tên công trình', 'name'],
    ['Cơ quan chủ trì', 'lead'], ['Chủ đầu tư', 'lead'], ['Đơn vị phối hợp', 'coordinating'], ['Thời gian thực hiện', 'period'],
    ['Mới/chuyển tiếp', 'status'], ['Ghi chú', 'notes'], ['Mục tiêu', 'objective'], ['Quy mô', 'scale'], ['Năm 2025', 'year:2025'],
  ])('header "%s" → %s', (label, key) => {
    const r = ok(recognizeTable(grid([['TT', label === 'Danh mục dự án' || label === 'Tên công trình' ? label : 'Tên dự án', label === 'Danh mục dự án' || label === 'Tên công trình' ? 'Ghi chú' : label], [1, 'A', 5]])));
    const cols = r.plan.sheet?.columns as Record<string, number>;
    expect(cols[key]).toBe(key === 'name' ? 1 : 2);
  });

  it('bracketed units in header labels do not change the roles', () => {
    const r = ok(recognizeTable(grid([['TT', 'Tên dự án (công trình)', 'Năm 2021 (tr.đ)', 'Năm 2022 (tr.đ)', 'Tổng cộng (triệu đồng)'], [1, 'A', 1, 2, 3]])));
    expect(r.plan.sheet?.columns).toEqual({ tt: 0, name: 1, 'year:2021': 2, 'year:2022': 3, total: 4 });
    expect(r.unit).toBe('triệu đồng');
  });

  it('an annual plan: "Tổng mức đầu tư" and "Kinh phí thực hiện năm 2023"', () => {
    const r = ok(recognizeTable(grid([
      ['STT', 'Tên dự án', 'Tổng mức đầu tư', 'Kinh phí thực hiện năm 2023', 'Nguồn vốn'],
      [1, 'A', 100, 40, 'Vốn sự nghiệp'],
    ])));
    expect(r.plan.sheet?.columns).toEqual({ tt: 0, name: 1, totalInvestment: 2, annual: 3, sourceText: 4 });
    expect(r.plan.planYear).toBe(2023);
    expect(r.plan.preset).toBe('annual');
  });

  it('opts.unit overrides the sheet; opts.headerRow picks the header', () => {
    const g = grid([['ĐVT: triệu đồng'], ['TT', 'Tên dự án', 'Tổng'], [1, 'A', 5], ['TT', 'Nội dung', 'Tổng kinh phí'], [1, 'B', 7]]);
    expect(ok(recognizeTable(g, { unit: 'đồng' })).unit).toBe('đồng');
    const r = ok(recognizeTable(g, { headerRow: 3 }));
    expect(r.headerRows).toEqual([3]);
    expect((r.plan.nodes[0] as Item).name).toBe('B');
  });

  it('says what is missing when it cannot find a table', () => {
    const cases: [C[][], RegExp][] = [
      [[['Báo cáo'], ['Nội dung', 'Số liệu']], /không thấy cột "TT"\/"STT"/],
      [[['TT', 'Số tiền'], [1, 5]], /có ô "TT" ở A1 nhưng không thấy cột tên/],
      [[], /trang tính trống/],
      [[['xin chào']], /không thấy dòng tiêu đề/],
    ];
    for (const [rows, why] of cases) {
      const r = recognizeTable(grid(rows));
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.finding.code).toBe('UNREADABLE_TABLE');
        expect(r.finding.message).toMatch(why);
      }
    }
  });
});

describe('row roles', () => {
  const head: C[] = ['TT', 'Tên dự án', 'Tổng'];
  it('level-2 groups numbered "1." above items restarting at 1; sub-items 1.1', () => {
    const r = ok(recognizeTable(grid([head,
      ['I', 'Nhóm I', 10], ['1.', 'Nhóm con', 10], [1, 'a', 4], [2, 'b', 6], ['1.1', 'b1', 2], ['1.2', 'b2', 4],
      ['2.', 'Nhóm con 2', 0], [1, 'c', 0], ['II', 'Nhóm II', 1], [1, 'd', 1],
    ])));
    expect(tts(r.plan.nodes)).toEqual(['I[1.[1,2(1.1,1.2)],2.[1]]', 'II[1]']);
  });

  it('a bold number above a restart at 1 is a level-2 group; letters A, B, Đ are level-2 groups', () => {
    const b = (v: C): GridCell => ({ value: v as string, bold: true });
    const r = ok(recognizeTable(grid([head,
      [b('I'), b('Nhóm'), b(3)], [b(1), b('Nhóm con'), b(3)], [1, 'a', 1], [2, 'b', 2],
      [b('II'), b('Nhóm 2'), b(5)], [b('A'), b('Con A'), b(2)], [1, 'c', 2], [b('Đ'), b('Con Đ'), b(3)], [1, 'd', 3],
    ])));
    expect(tts(r.plan.nodes)).toEqual(['I[1[1,2]]', 'II[A[1],Đ[1]]']);
  });

  it('"I" after "H" is a letter; "V" after "IV" is a numeral; out-of-order numerals stay groups', () => {
    const rows: C[][] = [head, ['I', 'g', null]];
    for (const l of ['A', 'B', 'C', 'D', 'E', 'G', 'H', 'I']) rows.push([l, `con ${l}`, null], [1, 'x', 1]);
    rows.push(['III', 'g3', null], [1, 'y', 1], ['II', 'g2', null], [1, 'z', 1]);
    const r = ok(recognizeTable(grid(rows)));
    expect(r.plan.nodes.map((n) => n.tt)).toEqual(['I', 'III', 'II']);
    const first = r.plan.nodes[0];
    expect(first.kind === 'group' && first.children.map((c) => c.tt)).toEqual(['A', 'B', 'C', 'D', 'E', 'G', 'H', 'I']);
  });

  it('"I. Xây dựng..." typed in one cell (TT cell merged across, or the name cell) is split', () => {
    const r = ok(recognizeTable(grid([head,
      ['I. XÂY DỰNG HẠ TẦNG', null, 10], [1, 'a', 4], [2, 'b', 6],
      [null, 'II - Phát triển ứng dụng', 5], ['1', 'c', 5], [null, 'A) Nhóm con', 5], [1, 'd', 5],
    ], [{ r0: 1, c0: 0, r1: 1, c1: 1 }])));
    expect(tts(r.plan.nodes)).toEqual(['I[1,2]', 'II[1,A[1]]']);
    expect(r.plan.nodes.map((n) => (n.kind === 'group' ? n.name : ''))).toEqual(['XÂY DỰNG HẠ TẦNG', 'Phát triển ứng dụng']);
  });

  it('total labels, "Trong đó" on one row, words and notes; blank and hidden rows', () => {
    const r = ok(recognizeTable(grid([
      ['TT', 'Tên dự án', 2021, 'Tổng', 'NSTW', 'NSĐP'],
      [1, 'A', 5, 5, 5, null], [], [2, 'B', 3, 3, null, 3],
      ['TỔNG', null, 8, 8, 5, 3],
      [null, 'Trong đó: Tổng nguồn NSTW', 5, 5],
      [null, 'Nguồn ngân sách tỉnh', 3, 3],
      [null, '(Bằng chữ: Tám triệu đồng)'],
      [null, 'Người lập biểu'],
    ], [], { hiddenRows: [3] })));
    expect(r.plan.nodes.map((n) => (n as Item).name)).toEqual(['A', 'B']);
    expect(r.plan.grandTotal?.label).toBe('TỔNG');
    expect(r.plan.breakdown?.map((b) => b.sourceCode)).toEqual(['NSTW', 'NSĐP']);
    const bullets = ok(recognizeTable(grid([['TT', 'Tên dự án', 'Tổng', 'NSTW', 'NSĐP'], [1, 'A', 5, 5, null], [2, 'B', 3, null, 3],
      [null, 'Tổng cộng', 8, 5, 3], [null, 'Trong đó:'], ['-', 'Vốn NSTW', 5], ['+', 'Vốn NSĐP', 3]])));
    expect(bullets.plan.breakdown?.map((b) => `${b.sourceCode}=${b.amounts.total?.toFixed()}`)).toEqual(['NSTW=5', 'NSĐP=3']);
    expect(r.plan.statedWords?.[0].text).toBe('Tám triệu đồng');
  });

  it('the closing total ends the table: footnotes and a second list below are not items; a total above the groups does not', () => {
    const r = ok(recognizeTable(grid([head, [1, 'a', 1], [2, 'b', 2], [null, 'Tổng cộng', 3], ['1 Tỷ lệ cán bộ có máy tính đạt 100%'], ['STT', 'Tên nhiệm vụ', 'Tổng'], [1, 'khác', 9]])));
    expect(r.plan.nodes.map((n) => (n as Item).name)).toEqual(['a', 'b']);
    const top = ok(recognizeTable(grid([head, [null, 'TỔNG SỐ', 3], ['I', 'g', 3], [1, 'a', 1], [2, 'b', 2], [null, 'Tổng cộng', 3]])));
    expect(tts(top.plan.nodes)).toEqual(['I[1,2]']);
    expect(top.plan.grandTotal?.amounts.total?.toFixed()).toBe('3');
  });

  it('the header repeated on each page (with its column-number row) is skipped', () => {
    const h: C[] = ['TT', 'Tên nhiệm vụ, dự án', 'Tổng mức đầu tư/chi phí dự kiến'];
    const n: C[] = ['(1)', '(2)', '(3)'];
    const r = ok(recognizeTable(grid([h, n, [1, 'a', 1], [2, 'b', 2], h, n, [3, 'c', 3], h, [4, 'd', 4], ['TỔNG', null, 10]])));
    expect(r.plan.nodes.map((x) => x.tt)).toEqual(['1', '2', '3', '4']);
    expect(r.repeatedHeaderRows).toEqual([4, 5, 7]);
    expect(checkGrid(grid([h, n, [1, 'a', 1], [2, 'b', 2], h, n, [3, 'c', 3], h, [4, 'd', 4], ['TỔNG', null, 10]])).findings).toEqual([]);
  });
});

describe('geometry findings', () => {
  const head: C[] = ['TT', 'Tên dự án', 2021, 2022, 'Tổng'];
  it('SUSPECT_DECIMAL only in a column of whole amounts, not when the format shows decimals', () => {
    const rows: C[][] = [head, [1, 'a', 1.559, 2000, 3559], [2, 'b', 1000, 2000, 3000], [3, 'c', 500, 12.5, 512.5], [4, 'd', 700, 800, 1500]];
    const r = ok(recognizeTable(grid(rows)));
    // E4's 512,5 (a typed total) is as suspect as D4's 12,5 it includes.
    expect(r.cellFindings.map((f) => `${f.code}@${f.cell}:${f.expected}`)).toEqual(['SUSPECT_DECIMAL@C2:1559', 'SUSPECT_DECIMAL@D4:12500', 'SUSPECT_DECIMAL@E4:512500']);
    const fmt = ok(recognizeTable(grid([head, [1, 'a', { value: 1.559, numFmt: '#,##0.000' }, 1, 1], [2, 'b', 1000, 1, 1], [3, 'c', 500, 1, 1]])));
    expect(fmt.cellFindings).toEqual([]);
  });

  it('float noise in cached formula results is read as Excel shows it (15 digits)', () => {
    const r = checkGrid(grid([head, [1, 'a', 1.1, 2.2, { value: 3.3000000000000003, formula: 'C2+D2' }], [null, 'Tổng cộng', 1.1, 2.2, 3.3]]));
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('error values and typed error text are FORMULA_ERROR; "-" and "" are empty', () => {
    const r = ok(recognizeTable(grid([head, [1, 'a', { value: null, error: '#DIV/0!', formula: '1/0' }, '#REF!', '-'], [2, 'b', '', ' ', 0]])));
    expect(r.cellFindings.map((f) => `${f.code}@${f.cell}`)).toEqual(['FORMULA_ERROR@C2', 'FORMULA_ERROR@D2']);
  });
});

describe('a total column is read by its words: total investment + one year is an annual plan', () => {
  const codesOf = (g: Grid): string[] => checkGrid(g).findings.map((f) => `${f.code}@${f.cell}`);
  // Item 2's year amount (250) is above its total investment (200); items 1 and 3 are within theirs.
  const annualRows = (ti: C, year: C): C[][] => [
    ['TT', 'Tên dự án', ti, year],
    [1, 'A', 100, 40], [2, 'B', 200, 250], [3, 'C', 300, 300],
    [null, 'Tổng cộng', 600, 590],
  ];

  it.each<[C, C]>([
    ['TMĐT', 'Năm 2023'],
    ['TMĐT', '2023'],
    ['TMĐT (triệu đồng)', 2023],
    ['Tổng mức đầu tư', 'Năm 2023'],
    ['Tổng mức đầu tư', '2023'],
    ['Tổng mức đầu tư/chi phí dự kiến', 'Năm 2023'],
    ['Tổng mức đầu tư/chi phí dự kiến', '2023'],
    ['Tổng mức đầu tư', 'Kế hoạch năm 2023'],
    ['Tổng mức đầu tư', 'Kế hoạch vốn năm 2023'],
    ['Tổng mức đầu tư', 'Kinh phí năm 2023'],
  ])('"%s" + "%s": the year is the annual amount, checked with ANNUAL_EXCEEDS_TOTAL and not ROW_YEARS_SUM', (ti, year) => {
    const g = grid(annualRows(ti, year));
    const r = ok(recognizeTable(g));
    expect(r.plan.sheet?.columns).toEqual({ tt: 0, name: 1, totalInvestment: 2, annual: 3 });
    expect(r.plan.preset).toBe('annual');
    expect(r.plan.planYear).toBe(2023);
    expect(codesOf(g)).toEqual(['ANNUAL_EXCEEDS_TOTAL@D3']);
  });

  it('a two-row header: "TMĐT" merged down, "Kế hoạch vốn" over "Năm 2023"', () => {
    const g = grid([
      ['TT', 'Tên dự án', 'TMĐT', 'Kế hoạch vốn'],
      [null, null, null, 'Năm 2023'],
      [1, 'A', 100, 40], [2, 'B', 200, 250],
    ], [{ r0: 0, c0: 0, r1: 1, c1: 0 }, { r0: 0, c0: 1, r1: 1, c1: 1 }, { r0: 0, c0: 2, r1: 1, c1: 2 }]);
    expect(ok(recognizeTable(g)).plan.sheet?.columns).toEqual({ tt: 0, name: 1, totalInvestment: 2, annual: 3 });
    expect(codesOf(g)).toEqual(['ANNUAL_EXCEEDS_TOTAL@D4']);
  });

  // Item 2's years (2021: 250) differ from its total (200): a phasing that does not add up.
  it.each<[string, C[]]>([
    ['Tổng kinh phí', [2021]],
    ['Tổng kinh phí', ['Năm 2021']],
    ['Tổng', [2021]],
    ['Tổng cộng', ['2021']],
    ['Tổng kinh phí', [2021, 2022]],
    // Investment words beside several years (no other total): the years phase the total.
    ['Tổng mức đầu tư', [2021, 2022]],
    ['TMĐT', ['Năm 2021', 'Năm 2022']],
  ])('"%s" + %j is a medium-term total: ROW_YEARS_SUM is still reported', (total, years) => {
    const rest = years.slice(1).map(() => 0);
    const g = grid([
      ['TT', 'Tên dự án', total, ...years],
      [1, 'A', 100, 100, ...rest], [2, 'B', 200, 250, ...rest], [3, 'C', 300, 300, ...rest],
    ]);
    const r = ok(recognizeTable(g));
    expect(r.plan.preset).toBe('medium-term');
    expect((r.plan.sheet?.columns as Record<string, number>).total).toBe(2);
    expect(codesOf(g)).toEqual(['ROW_YEARS_SUM@C3']);
  });

  it('"Tổng mức đầu tư" beside "Tổng" and one year: the year must still equal the total (ROW_YEARS_SUM)', () => {
    const g = grid([['TT', 'Tên dự án', 'Tổng mức đầu tư', 'Tổng', 2023], [1, 'A', 500, 100, 100], [2, 'B', 500, 200, 250]]);
    expect(ok(recognizeTable(g)).plan.sheet?.columns).toEqual({ tt: 0, name: 1, totalInvestment: 2, total: 3, 'year:2023': 4 });
    expect(codesOf(g)).toEqual(['ROW_YEARS_SUM@D3']);
  });
});
