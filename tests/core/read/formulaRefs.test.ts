/**
 * formulaRefs: the allocation-free scanner for plain formulas and the regular expression for the rest give exactly
 * the references the regular expression alone gave (patternRefs, the former implementation).
 */
import fc from 'fast-check';
import { eachRef, formulaRefs, patternRefs } from '../../../src/core/read/formulaRefs';

const letters = fc.stringMatching(/^[A-Za-z]{1,4}$/);
const digits = fc.stringMatching(/^[0-9]{1,8}$/);
const dollar = fc.constantFrom('', '', '$');
const a1 = fc.tuple(dollar, letters, dollar, digits).map((p) => p.join(''));
const plainA1 = fc.tuple(dollar, fc.stringMatching(/^[A-Z]{1,3}$/), dollar, fc.integer({ min: 1, max: 1048576 })).map((p) => p.join(''));
const range = fc.tuple(a1, a1).map(([a, b]) => `${a}:${b}`);
const sheetName = fc.oneof(
  fc.constantFrom('Sheet1', 'Phụ_lục', 'data.2021', 'A1', '_x'),
  fc.stringMatching(/^[A-Za-z ',!À-ỹ]{1,8}$/).map((n) => `'${n.replace(/'/g, "''")}'`),
);
const qualified = fc.tuple(sheetName, fc.oneof(a1, range)).map(([sh, r]) => `${sh}!${r}`);
const call = fc.constantFrom('SUM(', 'SUBTOTAL(9,', 'SUBTOTAL(109, ', 'LOG10(', 'ROUND(', 'sum(', 'A1(', 'IF(', 'SUMIFS(', 'F2.DIST(', 'X_1(');
const text = fc.oneof(a1, range, fc.constantFrom('', 'A1', 'say ""B2""', 'Sheet1!C3')).map((t) => `"${t}"`);
const number = fc.oneof(digits, fc.constantFrom('1.5', '0.25', '1E5', '100%'));
const op = fc.constantFrom('+', '-', '*', '/', ',', ')', '(', ' ', ':', '&', '^', '=', '<>', ';', '$', '.', '!', '\'', '"', 'ệ', '#REF!', '_', '\t');
const token = fc.oneof(
  { weight: 4, arbitrary: a1 },
  { weight: 3, arbitrary: plainA1 },
  { weight: 3, arbitrary: range },
  { weight: 2, arbitrary: qualified },
  { weight: 3, arbitrary: call },
  { weight: 1, arbitrary: text },
  { weight: 2, arbitrary: number },
  { weight: 6, arbitrary: op },
  { weight: 1, arbitrary: letters },
);
const formula = fc.array(token, { maxLength: 14 }).map((ts) => ts.join(''));
/** Formulas the scanner takes whole: references, calls, whole numbers and operators only. */
const plainToken = fc.oneof(
  { weight: 3, arbitrary: plainA1 },
  { weight: 3, arbitrary: fc.tuple(plainA1, plainA1).map(([a, b]) => `${a}:${b}`) },
  { weight: 2, arbitrary: fc.constantFrom('SUM(', 'SUBTOTAL(9,', 'LOG10(', 'MAX(', 'ROUND(') },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 99999 }).map(String) },
  { weight: 4, arbitrary: fc.constantFrom('+', '-', '*', '/', ',', ')', ' ', '&', '^') },
);
const plainFormula = fc.array(plainToken, { maxLength: 12 }).map((ts) => ts.join(''));

describe('formulaRefs', () => {
  it('equals the former regular-expression reader on generated formulas (names, quoted sheets, text, odd characters)', () => {
    fc.assert(fc.property(formula, (f) => {
      expect(formulaRefs(f)).toEqual(patternRefs(f));
    }), { numRuns: 4000, seed: 1214 });
  });

  it('equals it on formulas of plain references, calls and operators (the scanner\'s own ground)', () => {
    fc.assert(fc.property(plainFormula, (f) => {
      expect(formulaRefs(f)).toEqual(patternRefs(f));
    }), { numRuns: 3000, seed: 1215 });
  });

  it('reads the add-in\'s own formulas and the odd spellings as before', () => {
    const cases = [
      'SUM(F8:J8)', 'K8', 'SUBTOTAL(9,F7:F56)', '$F$8+G$8+$H9', 'B2:A1', 'LOG10(A1)', 'LOG10', 'A1:B2(', 'A1:B2:C3',
      'ABCD1', 'A12345678', 'A1.5', 'A1$B2', 'A0', 'xfd1048576', '1:1', 'SUM:B2', "'It''s'!A1+Sheet1!B2:C3", '"A1"&B1',
      'A1:B2C', 'A1:', '', "'Phụ lục'!F11+F12", 'F10+\u00C0A1', 'x_1+A1',
    ];
    for (const f of cases) expect([f, formulaRefs(f)]).toEqual([f, patternRefs(f)]);
    expect(formulaRefs('SUM(B2:A1)+$K$8')).toEqual([{ r0: 0, c0: 0, r1: 1, c1: 1 }, { r0: 7, c0: 10, r1: 7, c1: 10 }]);
  });

  it('hands a sink that reads formulas itself its own references (nested use)', () => {
    const seen: string[] = [];
    eachRef('A1+B2', (r0, c0) => {
      seen.push(`${r0},${c0}`);
      eachRef('C3', (r, c) => seen.push(`inner ${r},${c}`));
    });
    expect(seen).toEqual(['0,0', 'inner 2,2', '1,1', 'inner 2,2']);
  });
});
