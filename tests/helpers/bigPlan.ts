/**
 * Generated plans for the hardening tests and bench: many items with three-decimal amounts, a BigInt oracle of
 * every total, and the plan as plan JSON (what `danh-muc build` reads). Deterministic (no randomness) so a failure
 * names the same cell every run.
 */
import { Dec } from '../../src/core/base/decimal';
import type { FundingSource, Group, Item, Plan } from '../../src/core/plan/model';
import { intToRoman } from '../../src/core/text/numbering';

export const YEARS = [2021, 2022, 2023, 2024, 2025];
export const SOURCES: FundingSource[] = [
  { code: 'NSĐP', label: 'Ngân sách địa phương' },
  { code: 'NSTW', label: 'Ngân sách trung ương' },
  { code: 'ĐTPT', label: 'Vốn đầu tư phát triển' },
];

/** Amount in thousandths (an exact integer) of item i, year index k. Spans 0.001 … `max` with three decimals. */
export type AmountFn = (i: number, k: number) => bigint;

/** Up to 10^7 triệu with three decimals, never zero: what a large provincial appendix holds. */
export const ordinaryAmount: AmountFn = (i, k) => ((BigInt(i) * 2_654_435_761n + BigInt(k) * 97_000_000_019n + 13n) % 9_999_999_999n) + 1n;

/** Up to 10^5 triệu with three decimals: 100,000 items of it still total under 15 significant digits. */
export const smallAmount: AmountFn = (i, k) => ((BigInt(i) * 2_654_435_761n + BigInt(k) * 97_000_019n + 7n) % 99_999_999n) + 1n;

/** Thousandths → exact decimal string ("1234.567", "0.001"). */
export function milli(v: bigint): string {
  const neg = v < 0n;
  const a = neg ? -v : v;
  const int = a / 1000n;
  const frac = (a % 1000n).toString().padStart(3, '0').replace(/0+$/, '');
  return `${neg ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}

export interface Oracle {
  grand: bigint;
  years: bigint[];
  sources: Map<string, bigint>;
  /** breakdown[source][yearIndex] */
  breakdown: Map<string, bigint[]>;
  groups: bigint[];
}

export interface BigPlan {
  plan: Plan;
  oracle: Oracle;
}

/**
 * `items` items in groups of `perGroup` (level-1 groups I, II, III...), five years each, one source each (round
 * robin), every amount from `amount`. The oracle sums the same integers with BigInt.
 */
export function bigPlan(items: number, perGroup = 100, amount: AmountFn = ordinaryAmount): BigPlan {
  const oracle: Oracle = {
    grand: 0n, years: YEARS.map(() => 0n), sources: new Map(), breakdown: new Map(), groups: [],
  };
  for (const s of SOURCES) {
    oracle.sources.set(s.code, 0n);
    oracle.breakdown.set(s.code, YEARS.map(() => 0n));
  }
  const nodes: Group[] = [];
  for (let i = 0; i < items; i++) {
    if (i % perGroup === 0) {
      nodes.push({ kind: 'group', level: 1, tt: intToRoman(nodes.length + 1), name: `Nhóm dự án số ${nodes.length + 1}`, children: [] });
      oracle.groups.push(0n);
    }
    const src = SOURCES[i % SOURCES.length].code;
    const years: Record<number, Dec> = {};
    let total = 0n;
    YEARS.forEach((y, k) => {
      const v = amount(i, k);
      years[y] = new Dec(milli(v));
      total += v;
      oracle.years[k] += v;
      oracle.breakdown.get(src)![k] += v;
    });
    oracle.sources.set(src, oracle.sources.get(src)! + total);
    oracle.groups[oracle.groups.length - 1] += total;
    oracle.grand += total;
    const it: Item = {
      kind: 'item', tt: String((i % perGroup) + 1), name: `Dự án ứng dụng công nghệ thông tin số ${i + 1}`,
      status: 'Dự án mới', lead: 'Sở Thông tin và Truyền thông', sourceText: SOURCES[i % SOURCES.length].label,
      amounts: { years, sources: { [src]: new Dec(milli(total)) } },
    };
    nodes[nodes.length - 1].children.push(it);
  }
  return {
    plan: {
      meta: { appendixNo: '02', title: 'Danh mục dự án kiểm thử', unit: 'triệu đồng' },
      years: { from: YEARS[0], to: YEARS[YEARS.length - 1] },
      sources: SOURCES.map((s) => ({ ...s })),
      nodes,
    },
    oracle,
  };
}

/** Exact Dec → thousandths, refusing anything that is not a whole number of thousandths. */
export function toMilli(d: Dec): bigint {
  const m = d.times(1000);
  if (!m.isInteger()) throw new Error(`not a multiple of 0.001: ${d.toFixed()}`);
  return BigInt(m.toFixed());
}

/** The i-th item (0-based, table order) of a plan made by bigPlan. */
export function itemAt(plan: Plan, i: number, perGroup = 100): Item {
  const g = plan.nodes[Math.floor(i / perGroup)];
  const it = g?.kind === 'group' ? g.children[i % perGroup] : undefined;
  if (!it || it.kind !== 'item') throw new Error(`no item ${i}`);
  return it;
}
