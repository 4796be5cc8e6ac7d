/**
 * "Trong đó" rows by kind of capital (issue 10, layout 3): checked against the items of their kind, or, when items
 * name no kind, together against the total; with the cell to fix named first. Seed 001 Trà Vinh's figures (items
 * 1-3 of its 2023 list: total investment 44.000 / 44.500 / 4.967,667; 2023 amounts 20.000 / 22.151 / 4.390).
 */
import type { Grid } from '../../../src/core/base/grid';
import { checkGrid } from '../../../src/core/checks/sheetCheck';
import type { Finding } from '../../../src/core/checks/findings';

type C = string | number | null;
const grid = (rows: C[][]): Grid => ({ sheet: 'S', cells: rows.map((r) => r.map((v) => (v === null ? null : { value: v }))), merges: [] });
const errors = (rows: C[][]): Finding[] => checkGrid(grid(rows)).findings.filter((f) => f.severity === 'error');
const show = (fs: Finding[]): string[] => fs.map((f) => `${f.code}@${f.cell}${f.causedBy ? `<-${f.causedBy}` : ''}`);

/** Layout 3: "Tổng cộng" at the top, "Trong đó: - Vốn đầu tư / - Vốn sự nghiệp", items naming their kind in D. */
function annual(o: { kinds?: [string, string]; texts?: [C, C, C]; dt?: number; sn?: number; item1?: number; total?: number } = {}): C[][] {
  const [k1, k2] = o.kinds ?? ['Vốn đầu tư', 'Vốn sự nghiệp'];
  const t = o.texts ?? ['Vốn đầu tư', 'Vốn đầu tư', 'Vốn sự nghiệp'];
  return [
    ['TT', 'Tên dự án', 'Tổng mức đầu tư', 'Vốn đầu tư hoặc vốn sự nghiệp', 'Kinh phí thực hiện năm 2023'],
    [null, 'Tổng cộng', 93467.667, null, o.total ?? 46541],
    [null, 'Trong đó:', null, null, null],
    ['-', k1, 88500, null, o.dt ?? 42151],
    ['-', k2, 4967.667, null, o.sn ?? 4390],
    [1, 'Xây dựng trung tâm điều hành an ninh mạng (SOC)', 44000, t[0], o.item1 ?? 20000],
    [2, 'Nâng cấp, mở rộng hạ tầng kỹ thuật công nghệ thông tin', 44500, t[1], 22151],
    [3, 'Hệ thống CSDL quản lý xử lý vi phạm hành chính', 4967.667, t[2], 4390],
  ];
}

describe('"Trong đó" rows by kind of capital, items naming their kind', () => {
  it('clean: no error', () => {
    expect(show(errors(annual()))).toEqual([]);
  });

  it('a wrong "Vốn đầu tư" amount: BREAKDOWN at its cell, against the items of that kind', () => {
    const fs = errors(annual({ dt: 42000 }));
    expect(show(fs)).toEqual(['BREAKDOWN@E4']);
    expect(fs[0]).toMatchObject({ expected: '42151', actual: '42000' });
    const inv = annual();
    inv[3][2] = 88000;
    expect(show(errors(inv))).toEqual(['BREAKDOWN@C4']);
    expect(fs[0].message).toBe('Dòng "Vốn đầu tư": Kinh phí năm 2023 ghi 42.000 nhưng các dự án "Vốn đầu tư" cộng lại 42.151 (chênh lệch -151).');
  });

  it('a wrong item amount: that cell named first when it alone explains the breaks (the only "Vốn sự nghiệp" item)', () => {
    const rows = annual();
    rows[7][4] = 4400;
    const fs = errors(rows);
    expect(show(fs)).toEqual(['ROW_YEARS_SUM@E8', 'GRAND_TOTAL@E2<-E8', 'BREAKDOWN@E5<-E8']);
    expect(fs[0]).toMatchObject({ expected: '4390', actual: '4400' });
    expect(fs[0].message).toBe('E8 có thể nhập sai: nếu E8 = 4.390 thì Tổng cộng và dòng "Vốn sự nghiệp" đều khớp.');
  });

  it('a wrong amount of one of two "Vốn đầu tư" items: either could be wrong, and the first broken sum says so', () => {
    const fs = errors(annual({ item1: 20100 }));
    expect(show(fs)).toEqual(['GRAND_TOTAL@E2', 'BREAKDOWN@E4']);
    expect(fs[0].message).toMatch(/^Không tìm được một ô duy nhất giải thích 2 tổng sai \(có thể nhiều ô cùng nhập sai\)\. Dòng "Tổng cộng"/);
  });

  it('"Vốn trong nước / Vốn nước ngoài" and "ngân sách trung ương / địa phương" rows, items naming theirs', () => {
    const domestic = { kinds: ['Vốn trong nước', 'Vốn nước ngoài (ODA)'] as [string, string], texts: ['Vốn trong nước', 'Vốn trong nước', 'Vốn ODA'] as [C, C, C] };
    expect(show(errors(annual(domestic)))).toEqual([]);
    expect(show(errors(annual({ ...domestic, sn: 4400 })))).toEqual(['BREAKDOWN@E5']);
    const budget = { kinds: ['Vốn ngân sách trung ương', 'Vốn ngân sách địa phương'] as [string, string], texts: ['Ngân sách Trung ương', 'Vốn TW', 'Vốn sự nghiệp địa phương'] as [C, C, C] };
    expect(show(errors(annual(budget)))).toEqual([]);
    expect(show(errors(annual({ ...budget, dt: 42150 })))).toEqual(['BREAKDOWN@E4']);
  });
});

describe('"Trong đó" rows by kind of capital, items naming no kind: the rows add up to the total', () => {
  const none: [C, C, C] = [null, null, null];
  it('clean: no error', () => {
    expect(show(errors(annual({ texts: none })))).toEqual([]);
  });
  it('rows not adding up: BREAKDOWN at the first row\'s cell, in each column', () => {
    const fs = errors(annual({ texts: none, sn: 4400 }));
    expect(show(fs)).toEqual(['BREAKDOWN@E4']);
    expect(fs[0]).toMatchObject({ expected: '46541', actual: '46551' });
    expect(fs[0].message).toBe('Các dòng "Trong đó" (Vốn đầu tư, Vốn sự nghiệp): Kinh phí năm 2023 cộng lại 46.551 nhưng dòng "Tổng cộng" là 46.541 (chênh lệch +10).');
  });
  it('a wrong total: its cell named first, the rows\' sum caused by it', () => {
    const fs = errors(annual({ texts: none, total: 46641 }));
    expect(show(fs)).toEqual(['GRAND_TOTAL@E2', 'BREAKDOWN@E4<-E2']);
  });
});
