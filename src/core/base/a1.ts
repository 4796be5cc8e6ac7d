/** A1 cell addresses: the one place that turns 0-based row/column numbers into "F12" and back. */

/** 0-based column index → letters ("A", "Z", "AA"). */
export function colLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = (n - 1 - r) / 26;
  }
  return s;
}

/** 0-based row/col → "F12". */
export function a1(row: number, col: number): string {
  return `${colLetters(col)}${row + 1}`;
}

/** "F12" → 0-based {row, col}; undefined when not an address. */
export function parseA1(addr: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(addr.trim().toUpperCase());
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: parseInt(m[2], 10) - 1, col: col - 1 };
}
