/**
 * JSON.parse of a large plan file without its whole text as one string: the bytes are scanned once for the
 * top-level object's "nodes" array, whose elements are decoded and parsed about a megabyte at a time, and the rest of
 * the object (a few hundred bytes) on its own. 100,000 items: the 35 MB file would be a 66 MB string (UTF-16, the
 * names being Vietnamese) kept in the old generation until a full collection; its pieces die young instead.
 *
 * The value is the one JSON.parse gives for the whole text (a JSON value does not depend on what surrounds it).
 * Anything else — not an object, "nodes" not once an array at the top level, a piece that does not parse — gives
 * undefined, and the caller parses the whole text, which also gives the syntax error's message and position.
 */

/** Files below this size are parsed whole. */
const MIN_BYTES = 1 << 20;
/** Bytes of "nodes" elements parsed at once. */
const PIECE_BYTES = 1 << 20;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NODES = Buffer.from('"nodes"', 'latin1');

interface Shape {
  /** the "[" and the "]" of the nodes array */
  open: number;
  close: number;
  /** the commas between its elements */
  commas: number[];
}

/** Where the top-level "nodes" array and its elements' commas are; undefined when the bytes are not shaped so. */
function shapeOf(b: Buffer, start: number): Shape | undefined {
  let i = start;
  while (i < b.length && (b[i] === 0x20 || b[i] === 0x0a || b[i] === 0x0d || b[i] === 0x09)) i++;
  if (b[i] !== 0x7b) return undefined; // not an object
  let depth = 0;
  let keys = 0;
  let afterNodes = false;
  let open = -1;
  let close = -1;
  const commas: number[] = [];
  for (; i < b.length; i++) {
    const c = b[i];
    if (c === QUOTE) {
      const s = i;
      for (i++; i < b.length && b[i] !== QUOTE; i++) if (b[i] === BACKSLASH) i++;
      afterNodes = depth === 1 && i - s + 1 === NODES.length && b.compare(NODES, 0, NODES.length, s, i + 1) === 0;
      if (afterNodes) keys++;
      continue;
    }
    if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth === 2 && afterNodes && c === 0x5b) open = i;
    } else if (c === 0x7d || c === 0x5d) {
      if (depth === 2 && open >= 0 && close < 0) close = i;
      depth--;
    } else if (c === 0x2c && depth === 2 && open >= 0 && close < 0) commas.push(i);
    if (c !== 0x3a && c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) afterNodes = false;
  }
  if (keys !== 1 || open < 0 || close < 0) return undefined;
  return { open, close, commas };
}

/** The parsed file, or undefined (see above): `start` skips a byte-order mark. */
export function parseJsonPieces(b: Buffer, start: number): unknown {
  if (b.length - start < MIN_BYTES) return undefined;
  const shape = shapeOf(b, start);
  if (!shape) return undefined;
  try {
    const top = JSON.parse(b.toString('utf8', start, shape.open + 1) + b.toString('utf8', shape.close)) as Record<string, unknown>;
    if (!Array.isArray(top.nodes) || top.nodes.length !== 0) return undefined;
    const nodes: unknown[] = [];
    const ends = [...shape.commas, shape.close];
    let from = shape.open + 1;
    for (let k = 0; k < ends.length; k++) {
      if (ends[k] - from < PIECE_BYTES && k < ends.length - 1) continue;
      const piece = JSON.parse(`[${b.toString('utf8', from, ends[k])}]`) as unknown[];
      for (const n of piece) nodes.push(n);
      from = ends[k] + 1;
    }
    top.nodes = nodes;
    return top;
  } catch {
    return undefined; // not valid JSON after all: the whole text's parse says where
  }
}
