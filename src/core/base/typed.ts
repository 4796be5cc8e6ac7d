/** Growing the typed arrays that hold a large sheet's per-cell facts. */

type Typed = Int8Array | Uint8Array | Int32Array | Float64Array;

/** A copy of `a` twice as long (at least `min` long), its values first. */
export function doubled<T extends Typed>(a: T, min = 0): T {
  const out = new (a.constructor as new (n: number) => T)(Math.max(a.length * 2, min));
  out.set(a);
  return out;
}
