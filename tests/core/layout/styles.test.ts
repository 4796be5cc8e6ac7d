import fc from 'fast-check';
import { estimateLines } from '../../../src/core/layout/styles';

/** The word wrap as first written (split on "\n", then on /\s+/): the reference the one-pass version must equal. */
function reference(text: string, width: number, size: number, bold = false): number {
  const avgPx = size * (4 / 3) * (bold ? 0.34 : 0.31);
  const cap = Math.max(1, Math.floor((width * 7 - 8) / avgPx));
  let lines = 0;
  for (const para of text.split('\n')) {
    let line = 0;
    let n = 1;
    const place = (w: number) => {
      n += Math.ceil(w / cap) - 1;
      line = w % cap || cap;
    };
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const w = word.length;
      if (line === 0) place(w);
      else if (line + 1 + w <= cap) line += 1 + w;
      else { n++; place(w); }
    }
    lines += n;
  }
  return Math.max(1, lines);
}

/** Text of words, every kind of white space /\s/ knows, newlines, Vietnamese letters, long words. */
const text = fc.array(fc.oneof(
  fc.constantFrom(' ', '  ', '\n', '\n\n', '\t', '\r\n', '\u00a0', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029',
    '\u202f', '\u205f', '\u3000', '\ufeff', '\u000b', '\u000c', '\u200b', '\u0085'),
  fc.stringMatching(/^[a-zđươăâêôạảấầẩẫậ]{1,12}$/),
  fc.stringMatching(/^[A-Z]{20,90}$/),
), { maxLength: 60 }).map((parts) => parts.join(''));

describe('estimateLines', () => {
  it('equals the split-based word wrap for any text, width, size and weight', () => {
    fc.assert(fc.property(text, fc.integer({ min: 1, max: 80 }), fc.constantFrom(10, 11, 12, 13, 14), fc.boolean(), (t, w, size, bold) => {
      expect(estimateLines(t, w, size, bold)).toBe(reference(t, w, size, bold));
    }), { numRuns: 3000 });
  });

  it('counts wrapped lines and paragraphs', () => {
    expect(estimateLines('', 20, 12)).toBe(1);
    expect(estimateLines('a\n\nb', 20, 12)).toBe(3);
    expect(estimateLines('x'.repeat(200), 10, 12)).toBe(reference('x'.repeat(200), 10, 12));
    expect(estimateLines('x'.repeat(200), 10, 12)).toBeGreaterThan(5);
  });
});
