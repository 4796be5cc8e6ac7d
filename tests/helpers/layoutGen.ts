/**
 * A layout generator for metamorphic tests of the checker (issue 10, point 8): a plan taken from one of the five
 * seeds' tables (a random subset of its groups and items, its own amounts or random ones), rendered under random but
 * realistic layout transformations (tests/helpers/layoutRender.ts): column order, 1–3 header rows with parent
 * headings, đồng / triệu đồng / tỷ đồng, numbers as Vietnamese text, total at the top or bottom, group amounts blank /
 * typed / SUM / SUBTOTAL, descriptive, spacer and hidden columns, repeated headers, notes and a signature block, cover
 * and summary sheets. Amounts are held exactly as integers of nghìn đồng (triệu đồng × 1000).
 */
import fc from 'fast-check';
import { BINH_DUONG_ROWS, NGHE_AN_ROWS } from './seedData';
import { SOC_TRANG_2125, ST1620 } from './seedSheets';
import { renderBook, type GenBook } from './layoutRender';

export type Kind = 'phased' | 'total' | 'annual';
export interface PItem {
  name: string;
  lead: string;
  /** phased: one per year; total: [total]; annual: [] */
  years: (number | null)[];
  /** index into plan.sources (phased/total with sources) */
  src: number;
  /** annual: total investment, the plan year's amount, an earlier year's allocation, 0 = vốn đầu tư / 1 = sự nghiệp */
  ti?: number;
  annual?: number | null;
  earlier?: number | null;
  capital?: number;
}
export interface PGroup { name: string; items: PItem[] }
export interface GenPlan {
  seed: string;
  kind: Kind;
  firstYear: number;
  years: number;
  sources: string[];
  /** one group with flat = true: no group rows */
  groups: PGroup[];
  flat: boolean;
  /** planOf's arguments, to rebuild the plan in a fixture */
  from?: [string, number, boolean, number];
}

export type GroupMode = 'blank' | 'typed' | 'sum' | 'subtotal';
export type UnitName = 'đồng' | 'triệu đồng' | 'tỷ đồng';
export interface LayoutOpts {
  /** drives column order */
  order: number;
  headerRows: 1 | 2 | 3;
  unit: UnitName;
  unitInHeading: boolean;
  textNumbers: boolean;
  totalAtTop: boolean;
  groupMode: GroupMode;
  totalFormula: boolean;
  itemTotalFormula: boolean;
  extras: [boolean, boolean, boolean, boolean];
  spacer: boolean;
  hidden: boolean;
  repeatHeader: boolean;
  breakdown: boolean;
  notes: boolean;
  stated: boolean;
  cover: boolean;
  summary: boolean;
  earlier: boolean;
}

/** A small deterministic PRNG (mulberry32), so that one integer drives subsets and amounts. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const viInt = (s: string): number => parseInt(s.replace(/\./g, ''), 10);
const K = 1000;

function pick<T>(rnd: () => number, xs: T[], min: number, max: number): T[] {
  const n = Math.max(min, Math.min(xs.length, max, min + Math.floor(rnd() * (max - min + 1))));
  const idx = xs.map((_, i) => i).sort(() => rnd() - 0.5).slice(0, n).sort((a, b) => a - b);
  return idx.map((i) => xs[i]);
}

const randAmt = (rnd: () => number): number => (1 + Math.floor(rnd() * 50000)) * K;

function socTrang2125(rnd: () => number, random: boolean, years: number): GenPlan {
  const groups = pick(rnd, SOC_TRANG_2125, 1, 4).map((g) => ({
    name: g.name,
    items: pick(rnd, g.items, 1, 4).map((it) => {
      let ys = it.years.slice(0, years).map((v) => (v === null ? null : random ? randAmt(rnd) : v * K));
      if (!ys.some((v) => v !== null)) ys = [random ? randAmt(rnd) : 100 * K, ...ys.slice(1)];
      return { name: it.name, lead: it.lead, years: ys, src: ['NSĐP', 'NSTW', 'ĐTPT'].indexOf(it.src) };
    }),
  }));
  return { seed: 'st2125', kind: 'phased', firstYear: 2021, years, sources: ['NSĐP', 'NSTW', 'ĐTPT'], groups, flat: false };
}

function binhDuong(rnd: () => number, years: number): GenPlan {
  const groups: PGroup[] = [];
  for (const [tt, name, lead] of BINH_DUONG_ROWS) {
    if (!/^\d+$/.test(tt)) { if (/^[A-G]$/.test(tt)) groups.push({ name, items: [] }); continue; }
    const g = groups[groups.length - 1];
    if (g && g.items.length < 4) {
      const ys = Array.from({ length: years }, () => (rnd() < 0.3 ? null : randAmt(rnd)));
      if (!ys.some((v) => v !== null)) ys[0] = randAmt(rnd);
      g.items.push({ name, lead, years: ys, src: Math.floor(rnd() * 2) });
    }
  }
  return { seed: 'binhDuong', kind: 'phased', firstYear: 2021, years, sources: ['NSTW', 'NSĐP'], groups: pick(rnd, groups.filter((g) => g.items.length), 1, 4), flat: false };
}

function socTrang1620(rnd: () => number, random: boolean): GenPlan {
  const groups = pick(rnd, ST1620, 1, 4).map((g) => ({
    name: g.name,
    items: pick(rnd, g.items, 1, 4).map(([name, t]) => ({ name, lead: 'Sở TT&TT', years: [random ? randAmt(rnd) : viInt(t) * K], src: 0 })),
  }));
  return { seed: 'st1620', kind: 'total', firstYear: 2016, years: 1, sources: [], groups, flat: false };
}

function ngheAn(rnd: () => number, random: boolean): GenPlan {
  const items = pick(rnd, NGHE_AN_ROWS, 2, 10).map((r) => ({ name: r[1], lead: r[2], years: [random ? randAmt(rnd) : viInt(r[6]) * K], src: 0 }));
  return { seed: 'ngheAn', kind: 'total', firstYear: 2021, years: 1, sources: [], groups: [{ name: '', items }], flat: true };
}

const TRA_VINH: [string, string, number, number, number][] = [
  ['Xây dựng trung tâm điều hành an ninh mạng (SOC)', 'Sở Thông tin và Truyền thông', 44000000, 20000000, 0],
  ['Nâng cấp, mở rộng hạ tầng kỹ thuật công nghệ thông tin', 'Sở Thông tin và Truyền thông', 44500000, 22151000, 0],
  ['Xây dựng, triển khai hệ thống CSDL quản lý xử lý vi phạm hành chính', 'Sở Tư pháp', 4967667, 4390000, 1],
  ['Chuyển đổi số Thư viện tỉnh Trà Vinh đến năm 2025', 'Sở Văn hóa, Thể thao và Du lịch', 3181000, 465000, 1],
  ['Phần mềm cơ sở dữ liệu giá', 'Sở Tài chính', 3000000, 2900000, 1],
  ['Ứng dụng và phát triển hệ thống công nghệ thông tin trong lĩnh vực tài nguyên và môi trường', 'Sở Tài nguyên và Môi trường', 25000000, 5263000, 1],
  ['Nâng cấp, phát triển Cổng TTĐT', 'Văn phòng UBND tỉnh', 1000000, 1000000, 1],
  ['Nâng cấp mạng LAN tại Văn phòng UBND tỉnh', 'Văn phòng UBND tỉnh', 1600000, 1600000, 1],
  ['Dự án số hóa sổ hộ tịch trên địa bàn tỉnh Trà Vinh', 'Sở Tư pháp', 39640000, 14755000, 1],
];
const HAU_GIANG: [string, string, number, number | null, number][] = [
  ['Xây dựng mạng diện rộng (WAN) cầu tỉnh', 'Sở TT&TT', 4000000, 4000000, 0],
  ['Xây dựng phần mềm luân chuyển hồ sơ đất đai', 'Sở TN&MT', 1800000, null, 1],
];

function annual(rnd: () => number, random: boolean, seed: 'traVinh' | 'hauGiang'): GenPlan {
  const rows = seed === 'traVinh' ? pick(rnd, TRA_VINH, 2, 6) : HAU_GIANG;
  const items: PItem[] = rows.map(([name, lead, ti, an, capital]) => {
    const t = random ? randAmt(rnd) : ti;
    const a = an === null ? null : random ? Math.floor(t * rnd() / K) * K : an;
    return { name, lead, years: [], src: 0, ti: t, annual: a, earlier: Math.floor((t - (a ?? 0)) * rnd() / K) * K || null, capital };
  });
  const flat = items.length < 4 || rnd() < 0.5;
  const groups = flat ? [{ name: '', items }] : [
    { name: 'Dự án chuyển tiếp', items: items.slice(0, 2) }, { name: 'Dự án mới', items: items.slice(2) }];
  return { seed, kind: 'annual', firstYear: seed === 'traVinh' ? 2023 : 2019, years: 1, sources: ['Vốn đầu tư', 'Vốn sự nghiệp'], groups, flat };
}

export const SEEDS = ['st2125', 'binhDuong', 'st1620', 'ngheAn', 'traVinh', 'hauGiang'] as const;

export function planOf(seed: (typeof SEEDS)[number], n: number, random: boolean, years: number): GenPlan {
  const rnd = prng(n);
  const p = seed === 'st2125' ? socTrang2125(rnd, random, years) : seed === 'binhDuong' ? binhDuong(rnd, years)
    : seed === 'st1620' ? socTrang1620(rnd, random) : seed === 'ngheAn' ? ngheAn(rnd, random) : annual(rnd, random, seed);
  return { ...p, from: [seed, n, random, years] };
}

export const genPlan: fc.Arbitrary<GenPlan> = fc.tuple(fc.constantFrom(...SEEDS), fc.nat(), fc.boolean(), fc.integer({ min: 1, max: 5 }))
  .map(([s, n, r, y]) => planOf(s, n, r, y));

export const genOpts: fc.Arbitrary<LayoutOpts> = fc.record({
  order: fc.nat(1000),
  headerRows: fc.constantFrom<1 | 2 | 3>(1, 2, 3),
  unit: fc.constantFrom<UnitName>('đồng', 'triệu đồng', 'tỷ đồng'),
  unitInHeading: fc.boolean(),
  textNumbers: fc.boolean(),
  totalAtTop: fc.boolean(),
  groupMode: fc.constantFrom<GroupMode>('blank', 'typed', 'sum', 'subtotal'),
  totalFormula: fc.boolean(),
  itemTotalFormula: fc.boolean(),
  extras: fc.tuple(fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean()),
  spacer: fc.boolean(),
  hidden: fc.boolean(),
  repeatHeader: fc.boolean(),
  breakdown: fc.boolean(),
  notes: fc.boolean(),
  stated: fc.boolean(),
  cover: fc.boolean(),
  summary: fc.boolean(),
  earlier: fc.boolean(),
});

/** A whole generated workbook: the plan and the layout it was rendered with (kept for fixtures). */
export interface GenCase { plan: GenPlan; opts: LayoutOpts; book: GenBook }
export const genBook: fc.Arbitrary<GenCase> = fc.tuple(genPlan, genOpts).map(([plan, opts]) => ({ plan, opts, book: renderBook(plan, opts) }));
