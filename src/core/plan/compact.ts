/**
 * Building a plan in bounded memory (planJson.ts builds plans of 100,000 items: every byte per item is 100 kB of a
 * build's peak). Compact records: emptyRecord (src/core/base/record.ts).
 */

/**
 * list.map(f), each element replaced by null once mapped when `release`: a parsed tree dies as what is built from it
 * grows (a 100,000-item plan's JSON nodes: ~60 MB less at a build's peak).
 */
export function mapReleasing<T, R>(list: T[], release: boolean, f: (x: T, i: number) => R): R[] {
  return list.map((x, i) => {
    const r = f(x, i);
    if (release) list[i] = null as T;
    return r;
  });
}
