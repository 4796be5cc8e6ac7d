/** The .docx reader's XML parser: saxes with every DOCTYPE refused, so no entity is ever declared or resolved. */
import { SaxesParser } from 'saxes';
import { DOCX_MESSAGES as M, UnreadableDocxError } from './messages';

/** Heading levels of paragraph styles (0 = outermost), from styles.xml: an outline level or a "heading N" name. */
export type StyleLevels = Map<string, number>;

/** A document over a reader limit (rows of a table, cells, merged cells, columns); `message` is one Vietnamese line. */
export class TableLimit extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TableLimit';
  }
}

/** A saxes parser that refuses any DOCTYPE. */
export function strictParser(): SaxesParser {
  const p = new SaxesParser();
  p.on('doctype', () => { throw new UnreadableDocxError(M.doctype, 'doctype'); });
  return p;
}

/** Runs the parser over the text; XML errors are a damaged file, limits and refusals pass as they are. */
export function feed(p: SaxesParser, xml: string): void {
  try {
    p.write(xml).close();
  } catch (e) {
    if (e instanceof UnreadableDocxError || e instanceof TableLimit) throw e;
    throw new UnreadableDocxError(M.corrupt, 'corrupt');
  }
}
