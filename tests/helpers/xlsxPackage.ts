/**
 * Small hand-made .xlsx packages for the readers' guards: a workbook of one sheet whose worksheet XML is given, or
 * whose worksheet part is a compression bomb (a few hundred kB inflating past the part limit), built in memory.
 */
import * as zlib from 'zlib';

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

const PARTS: Record<string, string> = {
  '[Content_Types].xml': `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
  '_rels/.rels': `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  'xl/workbook.xml': `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Phụ lục" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  'xl/_rels/workbook.xml.rels': `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
};

/** A worksheet part around the given sheetData rows and what follows sheetData (mergeCells…). */
export function sheetXml(rows: string, after = ''): string {
  return `${HEAD}<worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData>${after}</worksheet>`;
}

interface Part { name: string; comp: Buffer; crc: number; size: number }

export function zip(parts: Part[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const n = Buffer.from(p.name);
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0); h.writeUInt16LE(20, 4); h.writeUInt16LE(8, 8);
    h.writeUInt32LE(p.crc >>> 0, 14); h.writeUInt32LE(p.comp.length, 18); h.writeUInt32LE(p.size, 22); h.writeUInt16LE(n.length, 26);
    const d = Buffer.alloc(46);
    d.writeUInt32LE(0x02014b50, 0); d.writeUInt16LE(20, 4); d.writeUInt16LE(20, 6); d.writeUInt16LE(8, 10);
    d.writeUInt32LE(p.crc >>> 0, 16); d.writeUInt32LE(p.comp.length, 20); d.writeUInt32LE(p.size, 24); d.writeUInt16LE(n.length, 28);
    d.writeUInt32LE(offset, 42);
    chunks.push(h, n, p.comp);
    central.push(d, n);
    offset += 30 + n.length + p.comp.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(parts.length, 8); end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, cd, end]);
}

export function part(name: string, text: string | Buffer): Part {
  const data = Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8');
  return { name, comp: zlib.deflateRawSync(data), crc: zlib.crc32(data), size: data.length };
}

/** A one-sheet workbook ("Phụ lục") with the given worksheet XML. */
export function workbookWithSheet(xml: string): Buffer {
  return zip([...Object.entries(PARTS).map(([n, t]) => part(n, t)), part('xl/worksheets/sheet1.xml', xml)]);
}

/** A one-sheet workbook whose worksheet part inflates to `inflated` bytes (spaces inside sheetData). */
export function zipBomb(inflated: number): Buffer {
  const start = `${HEAD}<worksheet xmlns="${MAIN}"><sheetData>`;
  const end = '</sheetData></worksheet>';
  return zip([...Object.entries(PARTS).map(([n, t]) => part(n, t)),
    part('xl/worksheets/sheet1.xml', Buffer.from(start + ' '.repeat(inflated - start.length - end.length) + end, 'latin1'))]);
}
