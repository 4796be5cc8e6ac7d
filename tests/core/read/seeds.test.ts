/**
 * The five seeds' appendix tables, laid out as their documents lay them out, written to .xlsx, read back
 * and checked: the findings a careful officer would write by hand, asserted exactly (code and cell).
 */
import { Dec } from '../../../src/core/base/decimal';
import { at, binhDuong, hauGiang2019, ngheAn, socTrang1620, socTrang2125, traVinh2022, traVinh2023, withCell } from '../../helpers/seedSheets';
import { checkLayout, codes, errorsOf } from '../../helpers/checkXlsx';

describe('Sóc Trăng 2021-2025 (seed 000, Phụ lục 02)', () => {
  it('is read whole: 6 groups, 22 items, years, sources, "Trong đó", words line', async () => {
    const r = await checkLayout(socTrang2125({ wordsLine: true }));
    expect(r.recognized).toBe(true);
    const plan = r.plan!;
    expect(plan.meta).toMatchObject({ appendixNo: '02', unit: 'triệu đồng', attachedTo: 'Kèm theo Kế hoạch số 83/KH-UBND ngày 04/6/2021 của UBND tỉnh Sóc Trăng' });
    expect(plan.years).toEqual({ from: 2021, to: 2025 });
    expect(plan.sources.map((s) => s.code)).toEqual(['NSĐP', 'NSTW', 'ĐTPT']);
    expect(plan.nodes.map((n) => n.tt)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI']);
    expect(r.summary).toMatchObject({ items: 22, groups: 6, grandTotal: '441115', unit: 'triệu đồng' });
    expect(plan.breakdown?.map((b) => [b.sourceCode, b.amounts.total?.toFixed()])).toEqual([['NSĐP', '60355'], ['NSTW', '145000'], ['ĐTPT', '235760']]);
    expect(plan.statedWords?.[0].text).toBe('Bốn trăm bốn mươi mốt tỷ, một trăm mười lăm triệu đồng');
    expect(plan.statedTotals?.[0].value.toFixed()).toBe('441115');
  });

  it('passes with no error; the one Word-like text number is a warning at its cell', async () => {
    const l = socTrang2125({ wordsLine: true });
    const r = await checkLayout(l);
    expect(codes(r.findings)).toEqual([`TEXT_NUMBER@${at(l, 'I.2', 'NSĐP')}`]);
    expect(r.findings[0]).toMatchObject({ expected: '12789', actual: '12.789' });
  });

  it('with live formulas (as this add-in makes it): still clean, no HARDCODED_TOTAL', async () => {
    const r = await checkLayout(socTrang2125({ formulas: true }));
    expect(codes(r.findings)).toEqual(['TEXT_NUMBER@L9']);
  });
});

describe('mutations of the clean Sóc Trăng sheet: one cell at a time, the right code at the right cell', () => {
  const clean = socTrang2125();
  const cases: [string, string, unknown, string[]][] = [
    // [what, cell, new value, exact error/warning findings besides L9's TEXT_NUMBER]
    // A wrong item amount is named at its own cell first (the root cause, issue 10), then its consequences.
    ['a year amount (I.1, 2021)', at(clean, 'I.1', '2021'), 1600,
      [`ROW_YEARS_SUM@${at(clean, 'I.1', '2021')}`, `ROW_YEARS_SUM@${at(clean, 'I.1', 'total')}`, `GROUP_SUBTOTAL@${at(clean, 'I', '2021')}`, `BREAKDOWN@${at(clean, 'bd:NSĐP', '2021')}`]],
    ['a source amount (I.1, NSĐP)', at(clean, 'I.1', 'NSĐP'), 9000,
      [`ROW_SOURCES_SUM@${at(clean, 'I.1', 'NSĐP')}`, `ROW_SOURCES_SUM@${at(clean, 'I.1', 'total')}`, `GROUP_SUBTOTAL@${at(clean, 'I', 'NSĐP')}`, `BREAKDOWN@${at(clean, 'bd:NSĐP', 'total')}`]],
    ['a subtotal (group II, 2022)', at(clean, 'II', '2022'), 51000,
      [`GROUP_SUBTOTAL@${at(clean, 'II', '2022')}`, `GRAND_TOTAL@${at(clean, 'total', '2022')}`]],
    ['the grand total (Tổng)', at(clean, 'total', 'total'), 441116, [`GRAND_TOTAL@${at(clean, 'total', 'total')}`]],
    ['a breakdown cell (NSĐP, 2021)', at(clean, 'bd:NSĐP', '2021'), 12000, [`BREAKDOWN@${at(clean, 'bd:NSĐP', '2021')}`]],
    // 1, 2, 4, 4: II.3 should be 3; II.4's 4 is right in its place (issue 10: TTs are corrected from their place)
    ['a TT (II.3 numbered 4)', at(clean, 'II.3', 'tt'), 4, [`NUMBERING@${at(clean, 'II.3', 'tt')}`]],
    ['a number turned into text', at(clean, 'I.2', '2022'), '2.642', [`TEXT_NUMBER@${at(clean, 'I.2', '2022')}`]],
    ['"1.559" entered as 1.559 under en-US', at(clean, 'I.1', '2021'), 1.559,
      [`SUSPECT_DECIMAL@${at(clean, 'I.1', '2021')}`, `ROW_YEARS_SUM@${at(clean, 'I.1', '2021')}`, `ROW_YEARS_SUM@${at(clean, 'I.1', 'total')}`, `GROUP_SUBTOTAL@${at(clean, 'I', '2021')}`, `BREAKDOWN@${at(clean, 'bd:NSĐP', '2021')}`]],
    ['an error value', at(clean, 'III.2', '2023'), { error: '#REF!' },
      [`FORMULA_ERROR@${at(clean, 'III.2', '2023')}`, `ROW_YEARS_SUM@${at(clean, 'III.2', 'total')}`, `GROUP_SUBTOTAL@${at(clean, 'III', '2023')}`,
        `BREAKDOWN@${at(clean, 'bd:ĐTPT', '2023')}`]],
    ['a negative amount', at(clean, 'VI.3', '2025'), -180,
      [`ROW_YEARS_SUM@${at(clean, 'VI.3', 'total')}`, `NEGATIVE_AMOUNT@${at(clean, 'VI.3', '2025')}`, `GROUP_SUBTOTAL@${at(clean, 'VI', '2025')}`, `BREAKDOWN@${at(clean, 'bd:NSĐP', '2025')}`]],
  ];
  it.each(cases)('%s', async (_what, cell, value, expected) => {
    const r = await checkLayout(withCell(clean, cell, value as never));
    const got = codes(r.findings).filter((c) => c !== 'TEXT_NUMBER@L9');
    expect(got.sort()).toEqual([...expected].sort());
  });

  it('a grand total that adds groups and their items (formula): DOUBLE_COUNT at the total cell', async () => {
    const l = socTrang2125({ formulas: true });
    const cell = at(l, 'total', '2021');
    const groups = ['I', 'II', 'III', 'IV', 'V', 'VI'].map((g) => `F${l.rowOf[g]}`);
    const r = await checkLayout(withCell(l, cell, { f: `${groups.join('+')}+SUM(F${l.rowOf['I.1']}:F${l.rowOf['I.3']})`, v: 55331 }));
    expect(codes(r.findings).filter((c) => c !== 'TEXT_NUMBER@L9')).toEqual([`DOUBLE_COUNT@${cell}`]);
  });

  it('a grand total summing the whole block (groups and items in one range): DOUBLE_COUNT', async () => {
    const l = socTrang2125({ formulas: true });
    const cell = at(l, 'total', 'total');
    const r = await checkLayout(withCell(l, cell, { f: `SUM(K${l.rowOf.I}:K${l.rowOf['VI.3']})`, v: 441115 }));
    expect(codes(r.findings).filter((c) => c !== 'TEXT_NUMBER@L9')).toEqual([`DOUBLE_COUNT@${cell}`]);
    expect(r.findings.find((f) => f.code === 'DOUBLE_COUNT')?.message).toMatch(/nhóm I \(dòng 7\).*dòng 8/);
  });

  it('a typed grand total equal to groups + items: DOUBLE_COUNT (and GRAND_TOTAL) at the total cell', async () => {
    const cell = at(clean, 'total', '2021');
    const r = await checkLayout(withCell(clean, cell, 55331 * 2));
    expect(codes(r.findings).filter((c) => c !== 'TEXT_NUMBER@L9').sort()).toEqual([`DOUBLE_COUNT@${cell}`, `GRAND_TOTAL@${cell}`].sort());
  });

  it('a typed number among live subtotal formulas: HARDCODED_TOTAL at that cell only', async () => {
    const l = socTrang2125({ formulas: true });
    const cell = at(l, 'III', 'total');
    const r = await checkLayout(withCell(l, cell, 135667));
    expect(codes(r.findings).filter((c) => c !== 'TEXT_NUMBER@L9')).toEqual([`HARDCODED_TOTAL@${cell}`]);
  });

  it('the words line mutated: WORDS_MISMATCH at its cell', async () => {
    const l = socTrang2125({ wordsLine: true });
    const cell = `A${l.rowOf.words}`;
    const r = await checkLayout(withCell(l, cell, 'Tổng kinh phí thực hiện: 441.115.000.000 đồng (Bằng chữ: Bốn trăm bốn mươi mốt tỷ, một trăm năm mươi triệu đồng)'));
    expect(codes(r.findings).filter((c) => c !== 'TEXT_NUMBER@L9')).toEqual([`WORDS_MISMATCH@${cell}`]);
  });
});

describe('Sóc Trăng 2016-2020 (seed 000, Phụ lục 01)', () => {
  it('group III states 885 while its items add to 1.200: GROUP_SUBTOTAL at its cell, nothing else', async () => {
    const l = socTrang1620();
    const r = await checkLayout(l);
    expect(codes(r.findings)).toEqual([`GROUP_SUBTOTAL@${at(l, 'III', 'total')}`]);
    expect(r.findings[0]).toMatchObject({ expected: '1200', actual: '885', sheet: 'Phụ lục 01' });
    expect(r.summary).toMatchObject({ items: 20, groups: 4, grandTotal: '60654' });
  });

  it('pasted from Word (text amounts): the same error, plus one TEXT_NUMBER per amount cell', async () => {
    const l = socTrang1620({ pasted: true });
    const r = await checkLayout(l);
    expect(errorsOf(r.findings)).toEqual([`GROUP_SUBTOTAL@${at(l, 'III', 'total')}`]);
    const text = r.findings.filter((f) => f.code === 'TEXT_NUMBER');
    expect(text).toHaveLength(20 + 4 + 1);
    expect(text.map((f) => f.cell)).toContain(at(l, 'III', 'total'));
    expect(text.find((f) => f.cell === at(l, 'total', 'total'))).toMatchObject({ expected: '60654', actual: '60.654' });
  });
});

describe('Nghệ An (seed 004): flat list, header repeated on every page, TỔNG row', () => {
  it('repeated headers are skipped, not items; the list adds to 570.960', async () => {
    const l = ngheAn();
    const r = await checkLayout(l);
    expect(codes(r.findings)).toEqual([]);
    expect(r.summary).toMatchObject({ items: 28, groups: 0, grandTotal: '570960' });
    expect(r.plan?.nodes.map((n) => n.tt)).toEqual(Array.from({ length: 28 }, (_, i) => String(i + 1)));
  });

  it('with the total its text states (1.028.960.000.000 đồng): STATED_TOTAL at the TỔNG cell', async () => {
    const l = ngheAn();
    const r = await checkLayout(l, { statedTotal: new Dec('1028960000000'), statedTotalUnit: 'đồng', statedTotalWhere: 'Mục VII của kế hoạch' });
    expect(codes(r.findings)).toEqual([`STATED_TOTAL@${at(l, 'total', 'total')}`]);
    expect(r.findings[0].message).toMatch(/Mục VII của kế hoạch/);
  });

  it('pasted as text: the same reading, one TEXT_NUMBER per amount', async () => {
    const r = await checkLayout(ngheAn({ pasted: true }));
    expect(errorsOf(r.findings)).toEqual([]);
    expect(r.findings.filter((f) => f.code === 'TEXT_NUMBER')).toHaveLength(29);
    expect(r.summary.grandTotal).toBe('570960');
  });
});

describe('Trà Vinh (seed 001): annual plan, total investment and this year’s amount', () => {
  it('Phụ lục III: decimal text "4.967,667" read exactly; annual amounts within total investment', async () => {
    const l = traVinh2023();
    const r = await checkLayout(l);
    expect(codes(r.findings)).toEqual([`TEXT_NUMBER@${at(l, '3', 'totalInvestment')}`]);
    expect(r.findings[0].expected).toBe('4967.667');
    expect(r.plan?.planYear).toBe(2023);
  });

  it('an annual amount above the total investment: ANNUAL_EXCEEDS_TOTAL at the annual cell', async () => {
    const l = traVinh2023();
    const r = await checkLayout(withCell(l, at(l, '5', 'annual'), 3500));
    expect(errorsOf(r.findings)).toEqual([`ANNUAL_EXCEEDS_TOTAL@${at(l, '5', 'annual')}`]);
  });

  it('Phụ lục I: "2.274,33" and "81,906 (trong đó ...)" are read and reported as text', async () => {
    const l = traVinh2022();
    const r = await checkLayout(l);
    expect(codes(r.findings)).toEqual(['G8', 'I8', 'G10', 'I10'].map((c) => `TEXT_NUMBER@${c}`));
    expect(r.findings.map((f) => f.expected)).toEqual(['2274.33', '2274.33', '1267.05', '81.906']);
  });
});

describe('Hậu Giang (seed 002): "tỷ" amounts and the words line', () => {
  it('reads "4 tỷ", "1,8 tỷ", "5.8 tỷ" in triệu đồng and agrees with "Năm tỷ tám trăm triệu đồng"', async () => {
    const l = hauGiang2019();
    const r = await checkLayout(l);
    expect(codes(r.findings)).toEqual(['K2', 'M2', 'K3', 'K4'].map((c) => `TEXT_NUMBER@${c}`));
    expect(r.findings.map((f) => f.expected)).toEqual(['4000', '4000', '1800', '5800']);
    expect(r.plan?.statedWords?.[0]).toMatchObject({ text: 'Năm tỷ tám trăm triệu đồng.' });
    expect(r.plan?.statedWords?.[0].figure?.toFixed()).toBe('5800');
  });

  it('words that read another amount: WORDS_MISMATCH at the words cell', async () => {
    const l = hauGiang2019({ words: 'Tổng tiền bằng chữ: Năm tỷ tám trăm năm mươi triệu đồng.' });
    const r = await checkLayout(l);
    expect(errorsOf(r.findings)).toEqual([`WORDS_MISMATCH@A${l.rowOf.words}`]);
  });

  it('a total that does not add up: GRAND_TOTAL at the total cell (and the words no longer agree)', async () => {
    const l = hauGiang2019();
    const r = await checkLayout(withCell(l, at(l, 'total', 'totalInvestment'), '6 tỷ'));
    expect(errorsOf(r.findings)).toEqual([`GRAND_TOTAL@${at(l, 'total', 'totalInvestment')}`, `WORDS_MISMATCH@A${l.rowOf.words}`]);
  });
});

describe('Bình Dương (seed 003): three-level numbering, no money', () => {
  it('I, II / A..G / 1, 2, 3 are read as two group levels and items; no finding', async () => {
    const l = binhDuong();
    const r = await checkLayout(l);
    expect(codes(r.findings)).toEqual([]);
    expect(r.summary).toMatchObject({ items: 41, groups: 8 });
    const ii = r.plan!.nodes[1];
    expect(ii.kind === 'group' && ii.children.map((c) => c.tt)).toEqual(['A', 'B', 'C', 'D', 'E', 'G']);
  });

  it('a letter out of sequence: NUMBERING at its cell only (the next letter is right in its place, issue 10)', async () => {
    const l = binhDuong();
    const r = await checkLayout(withCell(l, at(l, 'II.C', 'tt'), 'H'));
    expect(codes(r.findings)).toEqual([`NUMBERING@${at(l, 'II.C', 'tt')}`]);
    expect(r.findings[0]).toMatchObject({ expected: 'C', actual: 'H' });
  });
});

describe('not a table', () => {
  it('UNREADABLE_TABLE saying what was looked for', async () => {
    const r = await checkLayout({ name: 'Công văn', rows: [['UBND TỈNH'], ['Kính gửi: các Sở, ban, ngành'], [null, 'Nội dung công văn ...', 2021]], merges: [], boldRows: [], rowOf: {}, colOf: {} });
    expect(r.recognized).toBe(false);
    expect(codes(r.findings)).toEqual(['UNREADABLE_TABLE@-']);
    expect(r.findings[0].message).toMatch(/"TT".*"STT".*tên.*số tiền/s);
    expect(r.findings[0].sheet).toBe('Công văn');
  });
});
