/**
 * The amounts of a sheet's item rows, kept as compact columns while the checks run and made into RowAmounts when an
 * item's `amounts` is read (ReadItem, items.ts). A Dec held for each amount of each row (~120 bytes, with the
 * per-row year record ~270 more) made a 100,000-item sheet's plan 160 MB; here an amount is nine bytes.
 *
 * Each amount is kept exactly: as scaledOf's ±n × 10^-k (an amount of at most 15 digits, which any number cell's
 * is), rebuilt by decFromScaled into the same Dec (same sign, exponent and digit words; tests/core/base/decimalFast);
 * any other Dec is kept as it is.
 */
import { type Dec, decFromScaled, scaledOf } from '../base/decimal';
import { emptyRecord } from '../base/record';
import { doubled } from '../base/typed';
import type { RowAmounts } from '../plan/model';

/**
 * `meta` of a slot: no amount; else ±(k + 1) (sign of the amount, k ≤ MAX_SCALE its decimals); else OTHER, the Dec
 * is in `other`.
 */
const ABSENT = 0;
const OTHER = 127;

/** Where an amount column's value goes in RowAmounts (AmountCol.put, state.ts). */
type Put = (a: RowAmounts, v: Dec) => void;

export class ItemAmounts {
  private readonly puts: Put[];
  private readonly width: number;
  private scaled: Float64Array;
  private meta: Int8Array;
  private readonly other = new Map<number, Dec>();
  private rows = 0;
  private lastRow = -1;
  private last: RowAmounts | undefined;

  /** `rows`: how many rows to make room for (the body's rows: grown beyond, never needed smaller). */
  constructor(cols: readonly { put: Put }[], rows: number) {
    this.puts = cols.map((c) => c.put);
    this.width = cols.length;
    const room = Math.max(16, rows) * this.width;
    this.scaled = new Float64Array(room);
    this.meta = new Int8Array(room);
  }

  /** A new row (no amounts yet): its index. */
  newRow(): number {
    const at = this.rows * this.width;
    if (at + this.width > this.meta.length) this.grow();
    return this.rows++;
  }

  /** Keeps `v` as the amount of column `k` (its index in the reader's amount columns) of row `row`. */
  set(row: number, k: number, v: Dec): void {
    const i = row * this.width + k;
    const p = scaledOf(v);
    if (p === undefined) {
      this.meta[i] = OTHER;
      this.other.set(i, v);
      return;
    }
    this.scaled[i] = p.n;
    this.meta[i] = p.neg ? -(p.k + 1) : p.k + 1;
  }

  /**
   * The row's amounts: the records and fields the reader would have filled, in the same order (each column's `put`),
   * each amount the Dec it read. Made afresh, except for the row asked for last (the same object again).
   */
  amounts(row: number): RowAmounts {
    // the checks read an item's amounts a few times in a row: the last row made is given again
    if (row === this.lastRow) return this.last!;
    const a: RowAmounts = { years: emptyRecord<Dec>(), sources: emptyRecord<Dec>(), total: undefined };
    const base = row * this.width;
    for (let k = 0; k < this.width; k++) {
      const m = this.meta[base + k];
      if (m === ABSENT) continue;
      const v = m === OTHER ? this.other.get(base + k)! : decFromScaled(m < 0, this.scaled[base + k], (m < 0 ? -m : m) - 1);
      this.puts[k](a, v);
    }
    this.lastRow = row;
    this.last = a;
    return a;
  }

  private grow(): void {
    this.scaled = doubled(this.scaled);
    this.meta = doubled(this.meta);
  }
}
