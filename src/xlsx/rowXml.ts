/**
 * One <row> element at a time: what the streaming writer (streamWrite.ts) and a streamed body (streamRows.ts) share.
 * Rows are built as strings and encoded by Buffer.write (streamRows.ts): measured, V8's concatenation and native
 * UTF-8 encoder beat writing the bytes one by one from JavaScript (a 10,000-item body: ~80 ms against ~110 ms).
 */
import { colLetters } from '../core/base/a1';
import type { CellSpec, CellStyle, RowSpec } from '../core/layout/sheetspec';
import { XlsxWriteError, cellText, numberText } from './specCheck';
import { type SharedStrings, type StyleTable, esc } from './xlsxParts';

/**
 * Serialises the rows of one sheet, one <row> element at a time: its texts go into the package's shared strings and
 * its named styles into the style table, each in the order first met (so the file's indices follow the rows' order).
 */
export class RowXml {
  /** ` s="N"` of each named style met, N its index in the style table */
  private readonly xf = new Map<string, string>();
  private readonly letters: string[] = [];
  /** per column, the style name met last and its attribute (columns mostly keep one style down the rows) */
  private readonly lastStyle: (string | undefined)[] = [];
  private readonly lastAttr: string[] = [];
  /** per column, the text met last and its shared-string index (repeated texts: status, lead, source...) */
  private readonly lastText: (string | undefined)[] = [];
  private readonly lastId: number[] = [];

  constructor(
    private readonly defs: Record<string, CellStyle>, private readonly styles: StyleTable,
    private readonly sst: SharedStrings, private readonly covered: Map<number, number[]>,
  ) {}

  private styleAttr(c: number, name: string): string {
    if (this.lastStyle[c] === name) return this.lastAttr[c];
    let a = this.xf.get(name);
    if (a === undefined) {
      const def = Object.prototype.hasOwnProperty.call(this.defs, name) ? this.defs[name] : undefined;
      if (!def) throw new XlsxWriteError(`Kiểu định dạng "${name}" không được khai báo.`);
      a = ` s="${this.styles.xf(def)}"`;
      this.xf.set(name, a);
    }
    this.lastStyle[c] = name;
    this.lastAttr[c] = a;
    return a;
  }

  /** The shared-string index of a text cell's text (sanitised, refused over Excel's length). */
  private textId(v: string, r: number, c: number): number {
    if (this.lastText[c] === v) {
      this.sst.count++;
      return this.lastId[c];
    }
    const id = this.sst.id(cellText(v, r, c));
    this.lastText[c] = v;
    this.lastId[c] = id;
    return id;
  }

  /** Row r's element ('' for a row with neither cells nor height). Throws XlsxWriteError on what Excel cannot hold. */
  row(r: number, rs: RowSpec): string {
    const n = String(r + 1);
    const spans = this.covered.get(r);
    let cells = '';
    for (let c = 0; c < rs.cells.length; c++) {
      const cs: CellSpec | null = rs.cells[c];
      if (!cs) continue;
      const s = cs.s ? this.styleAttr(c, cs.s) : '';
      const ref = (this.letters[c] ??= colLetters(c)) + n;
      if (spans && isCovered(spans, c)) {
        if (s) cells += `<c r="${ref}"${s}/>`;
        continue;
      }
      switch (cs.t) {
        case 'text':
          cells += `<c r="${ref}"${s} t="s"><v>${this.textId(cs.v, r, c)}</v></c>`;
          break;
        case 'num':
          cells += `<c r="${ref}"${s}><v>${numberText(cs.v, ref)}</v></c>`;
          break;
        case 'formula':
          cells += `<c r="${ref}"${s}><f>${esc(cs.f)}</f>${cs.result !== undefined ? `<v>${numberText(cs.result, ref)}</v>` : ''}</c>`;
          break;
        case 'empty':
          if (s) cells += `<c r="${ref}"${s}/>`;
          break;
      }
    }
    const ht = rs.height !== undefined ? ` ht="${rs.height}" customHeight="1"` : '';
    if (cells) return `<row r="${n}"${ht}>${cells}</row>`;
    return ht ? `<row r="${n}"${ht}/>` : '';
  }
}

/** Whether column c lies in one of the spans [c0, c1, …]. */
function isCovered(spans: number[], c: number): boolean {
  for (let i = 0; i < spans.length; i += 2) if (c >= spans[i] && c <= spans[i + 1]) return true;
  return false;
}
