/**
 * A .docx → the core's WordDocument, in Node and in the browser (no Node API here): the zip's central directory is
 * read by the core's pure package reader (core/base/zipPackage.ts), only word/document.xml and word/styles.xml are
 * inflated, each within the .xlsx package limits (PACKAGE), through the given inflater; both are parsed with saxes,
 * which never resolves an external entity (a DOCTYPE is refused outright). Tables become grids (bodyXml.ts).
 *
 * Input that is not a readable Word document throws UnreadableDocxError with a one-line Vietnamese reason.
 */
import type { SaxesTagPlain } from 'saxes';
import { PACKAGE } from '../core/base/limits';
import { inflateEntry, MAX_FILE_BYTES, zipEntries, ZipLimit, type Inflater, type ZipEntry } from '../core/base/zipPackage';
import type { WordDocument } from '../core/word/document';
import { parseBody } from './bodyXml';
import { feed, strictParser, TableLimit, type StyleLevels } from './xml';
import { DOCX_MESSAGES as M, UnreadableDocxError, zipLimitError } from './messages';

const DOCUMENT = 'word/document.xml';
const STYLES = 'word/styles.xml';


function attr(t: SaxesTagPlain, name: string): string | undefined {
  const v = t.attributes[name];
  return typeof v === 'string' ? v : undefined;
}

function readStyles(xml: string): StyleLevels {
  const levels: StyleLevels = new Map();
  const p = strictParser();
  let id: string | undefined;
  p.on('opentag', (t) => {
    if (t.name === 'w:style') id = attr(t, 'w:styleId');
    else if (id && t.name === 'w:name') {
      const m = /^heading\s*(\d)$/i.exec(attr(t, 'w:val') ?? '');
      if (m && !levels.has(id)) levels.set(id, parseInt(m[1], 10) - 1);
    } else if (id && t.name === 'w:outlineLvl') {
      const n = parseInt(attr(t, 'w:val') ?? '', 10);
      if (n >= 0 && n < 9) levels.set(id, n);
    }
  });
  p.on('closetag', (t) => { if (t.name === 'w:style') id = undefined; });
  feed(p, xml);
  return levels;
}

async function partText(bytes: Uint8Array, e: ZipEntry, budget: { left: number }, inflate: Inflater): Promise<string> {
  const cap = Math.max(1, Math.min(PACKAGE.maxPartBytes, budget.left));
  const data = await inflateEntry(bytes, e, cap, inflate);
  budget.left -= data.length;
  return new TextDecoder('utf-8', { fatal: false }).decode(data);
}

function sniff(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new UnreadableDocxError(M.empty, 'empty');
  if (bytes.length > MAX_FILE_BYTES) throw new UnreadableDocxError(M.fileSize, 'too-large');
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) {
    throw new UnreadableDocxError(M.notZip, 'not-zip');
  }
}

/** Every table (as a grid) and every paragraph of the document, in body order. */
export async function readDocx(bytes: Uint8Array, inflate: Inflater, name?: string): Promise<WordDocument> {
  sniff(bytes);
  try {
    const list = zipEntries(bytes);
    const doc = list.find((e) => e.name === DOCUMENT);
    if (!doc) throw new UnreadableDocxError(M.notDocx, 'not-docx');
    const budget = { left: PACKAGE.maxTotalBytes };
    const stylesEntry = list.find((e) => e.name === STYLES);
    const styles = stylesEntry ? readStyles(await partText(bytes, stylesEntry, budget, inflate)) : new Map<string, number>();
    const blocks = parseBody(await partText(bytes, doc, budget, inflate), styles);
    return { ...(name !== undefined ? { name } : {}), blocks };
  } catch (e) {
    if (e instanceof UnreadableDocxError) throw e;
    if (e instanceof ZipLimit) throw zipLimitError(e);
    if (e instanceof TableLimit) throw new UnreadableDocxError(e.message, 'too-large');
    if (e instanceof RangeError) throw new UnreadableDocxError(M.corrupt, 'corrupt');
    throw e;
  }
}
