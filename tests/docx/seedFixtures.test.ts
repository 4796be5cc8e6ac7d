/**
 * The reader and the checks on the five seeds rebuilt as Word plans by two producers (tests/fixtures/docx: the docx
 * package and LibreOffice Writer from HTML): each gives exactly the errors expected.json lists, at the same place,
 * whichever program wrote the file — so the reader is not tuned to one writer.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readDocxFile } from '../../src/docx/node';
import { checkDocument } from '../../src/app/checkDocument';

interface Expected {
  file: string;
  tables: number;
  expectedErrorCodes: { code: string; table: number; row: number; column: number }[];
}

const DIR = path.join(__dirname, '..', 'fixtures', 'docx');
const EXPECTED = JSON.parse(fs.readFileSync(path.join(DIR, 'expected.json'), 'utf8')) as Expected[];

it('covers every fixture of both producers', () => {
  const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.docx')).sort();
  expect(EXPECTED.map((e) => e.file).sort()).toEqual(files);
  expect(files.filter((f) => f.endsWith('.lo.docx'))).toHaveLength(7);
  expect(files.filter((f) => f.endsWith('.docx-pkg.docx'))).toHaveLength(7);
});

describe.each(EXPECTED.map((e) => [e.file, e] as const))('%s', (file, e) => {
  it('gives exactly the expected errors, each where the seed has it', async () => {
    const doc = await readDocxFile(path.join(DIR, file), file);
    expect(doc.blocks.filter((b) => b.kind === 'table')).toHaveLength(e.tables);
    const r = checkDocument(doc);
    const errors = r.results.flatMap((s) => s.findings).filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.code).sort()).toEqual(e.expectedErrorCodes.map((x) => x.code).sort());
    for (const x of e.expectedErrorCodes) {
      const f = errors.find((g) => g.code === x.code)!;
      if (x.code === 'STATED_TOTAL') {
        // a figure stated in the text: the finding is at its paragraph, and compares it with table x.table's total
        expect(f.where).toMatch(/^Đoạn \d+ \(/);
        expect(f.sheet).toBe(`Bảng ${x.table}`);
      } else {
        expect(f.where).toBe(`Bảng ${x.table}, dòng ${x.row}, cột ${x.column}`);
      }
    }
  });
});
