/**
 * Parsing a large plan file a piece at a time (jsonPieces.ts): the value JSON.parse gives for the whole text, with
 * strings that hold the scanner's delimiters; undefined (the caller then parses the whole text) for anything shaped
 * otherwise or not valid JSON.
 */
import { parseJsonPieces } from '../../src/cli/commands/jsonPieces';

const tricky = (i: number) => ({
  kind: 'group', tt: `"nodes": [${i}]`, name: `Nhóm {${i}}, "quoted" \\ back\\slash ] } [ , ư ơ đ \u2028`,
  children: Array.from({ length: 40 }, (_, k) => ({ kind: 'item', tt: String(k + 1), name: `Dự án số ${i}.${k}, "x" [y] {z}`, amounts: { years: { 2021: `${k}.125` } } })),
});

function bigPlanJson(groups: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    meta: { title: 'nodes', unit: 'triệu đồng', note: '"nodes": [1, 2]' },
    sources: [{ code: 'NSTW', label: 'Ngân sách, "trung ương"' }],
    nodes: Array.from({ length: groups }, (_, i) => tricky(i)),
    years: { from: 2021, to: 2025 },
    ...extra,
  };
}

describe('parseJsonPieces', () => {
  test('a file of several megabytes: the same value as JSON.parse, with or without a byte-order mark and spacing', () => {
    const plan = bigPlanJson(1_200);
    const compact = Buffer.from(JSON.stringify(plan), 'utf8');
    expect(compact.length).toBeGreaterThan(3 * 1024 * 1024);
    expect(parseJsonPieces(compact, 0)).toEqual(plan);
    const spaced = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`\n ${JSON.stringify(plan, null, 2)}\n`, 'utf8')]);
    expect(parseJsonPieces(spaced, 3)).toEqual(plan);
    const empty = Buffer.from(JSON.stringify({ ...plan, nodes: [], pad: 'x'.repeat(2 * 1024 * 1024) }), 'utf8');
    expect(parseJsonPieces(empty, 0)).toEqual({ ...plan, nodes: [], pad: 'x'.repeat(2 * 1024 * 1024) });
  });

  test('undefined for a small file, a top-level array, "nodes" twice or not an array, and invalid JSON', () => {
    const text = JSON.stringify(bigPlanJson(1_200));
    const cases = [
      JSON.stringify(bigPlanJson(2)),
      `[${text}]`,
      `${text.slice(0, -1)},"nodes":[]}`,
      JSON.stringify({ ...bigPlanJson(0), nodes: { a: 'x'.repeat(2 * 1024 * 1024) } }),
      text.replace('"kind":"item"', '"kind":"item",,'),
      text.replace('}]}],"years"', '}]},],"years"'),
      text.slice(0, -1),
    ];
    for (const c of cases) expect(parseJsonPieces(Buffer.from(c, 'utf8'), 0)).toBeUndefined();
  });
});
