/**
 * Records keyed by text from a sheet or a file (source codes, years): no inherited keys, so that "__proto__",
 * "constructor" or "toString" are ordinary keys, as with Object.create(null) — but kept in V8's fast mode. An
 * Object.create(null) object starts as a hash table (≈ 190 bytes empty); a plan read from a 100,000-row sheet holds
 * two such records per row.
 */
function Bag(): void {}
Bag.prototype = Object.create(null) as object;

/** An empty record whose prototype chain holds no key at all. */
export function emptyRecord<T>(): Record<string, T> {
  return new (Bag as unknown as new () => Record<string, T>)();
}
