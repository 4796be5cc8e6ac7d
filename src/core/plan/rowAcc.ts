/** Accumulating computed rows (totals.ts): exact sums per key, turned into Decs once all children are in. */
import type { Dec } from '../base/decimal';
import { ExactSum } from '../base/exactSum';

/** A computed row. Treat as read-only: an item's row may share its amounts' records. */
export interface RowTotals {
  years: Record<number, Dec>;
  sources: Record<string, Dec>;
  /** split[code][year]: the part of each year in each source, where determined. */
  split: Record<string, Record<number, Dec>>;
  total: Dec;
  totalInvestment: Dec;
  annual: Dec;
}

/**
 * A group row being accumulated: one exact sum per key (ExactSum), turned into Decs once all children are in.
 * Per key the value is the first child's amount plus the others, in child order, as a plain Dec loop gives it;
 * keys keep the order in which they first appear.
 */
export class RowAcc {
  private readonly years = new Map<string, ExactSum>();
  private readonly sources = new Map<string, ExactSum>();
  private readonly split = new Map<string, Map<string, ExactSum>>();
  private readonly total = new ExactSum();
  private readonly totalInvestment = new ExactSum();
  private readonly annual = new ExactSum();

  /** `yearKeys`: the keys of r.years when known (Object.keys order). */
  add(r: RowTotals, yearKeys: string[] = Object.keys(r.years)): void {
    const ys = r.years;
    for (const y of yearKeys) addTo(this.years, y, ys[y as unknown as number]);
    for (const c in r.sources) addTo(this.sources, c, r.sources[c]);
    for (const c in r.split) {
      let target = this.split.get(c);
      if (!target) this.split.set(c, (target = new Map()));
      const s = r.split[c];
      for (const y of s === ys ? yearKeys : Object.keys(s)) addTo(target, y, s[y as unknown as number]);
    }
    this.total.add(r.total);
    this.totalInvestment.add(r.totalInvestment);
    this.annual.add(r.annual);
  }

  row(): RowTotals {
    const split: Record<string, Record<number, Dec>> = Object.create(null);
    for (const [c, m] of this.split) split[c] = values(m);
    return {
      years: values(this.years),
      sources: values(this.sources),
      split,
      total: this.total.value(),
      totalInvestment: this.totalInvestment.value(),
      annual: this.annual.value(),
    };
  }
}

export function addTo(m: Map<string, ExactSum>, key: string, v: Dec): void {
  let s = m.get(key);
  if (!s) m.set(key, (s = new ExactSum(true)));
  s.add(v);
}

export function values(m: Map<string, ExactSum>): Record<string, Dec> {
  const out: Record<string, Dec> = Object.create(null);
  for (const [k, s] of m) out[k] = s.value();
  return out;
}

export function sumRecord(rec: Record<string | number, Dec>): Dec {
  const acc = new ExactSum();
  for (const k in rec) acc.add(rec[k]);
  return acc.value();
}

