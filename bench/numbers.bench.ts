/** Reading and writing amounts: parseAmount over a mix of cell values, amounts in words and back. */
import { Dec } from '../src/core/base/decimal';
import { formatVi, parseAmount } from '../src/core/text/numbers';
import { amountToWords, wordsToAmount } from '../src/core/text/words';
import { ExactSum } from '../src/core/base/exactSum';
import { doReadNumber, ReadingConfig } from 'read-vietnamese-number';

/** Median milliseconds of `runs` timed runs of fn (after one warm-up). */
function medianMs(runs: number, fn: () => void): number {
  fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return ms.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

/** Words from strings: amountToWords against read-vietnamese-number (a dev dependency), same inputs, same run. */
function wordsAgainstLibrary(): void {
  const inputs = Array.from({ length: 20000 }, (_, i) => String((BigInt(i) * 2_654_435_761n) % 1_000_000_000_000n));
  const config = new ReadingConfig();
  config.unit = ['đồng'];
  const ours = medianMs(7, () => { for (const s of inputs) amountToWords(s); });
  const theirs = medianMs(7, () => { for (const s of inputs) doReadNumber(s, config); });
  console.log(`words from strings: amountToWords ${ours.toFixed(1)} ms, read-vietnamese-number ${theirs.toFixed(1)} ms for ${inputs.length}`
    + ` → throughput ${(theirs / ours).toFixed(2)} × read-vietnamese-number (target ≥ 1.0 ×), medians of 7`);
}

/** Exact sums (issue 12): ExactSum (scaled integers, decimal.js past 2^53) against a decimal.js loop, same amounts. */
function sums(): void {
  const amounts = Array.from({ length: 10000 }, (_, i) => new Dec(((BigInt(i) * 2_654_435_761n) % 9_999_999_999n).toString()).div(1000));
  let fast = new Dec(0);
  let slow = new Dec(0);
  const ours = medianMs(7, () => { const acc = new ExactSum(); for (const a of amounts) acc.add(a); fast = acc.value(); });
  const theirs = medianMs(7, () => { let acc = new Dec(0); for (const a of amounts) acc = acc.plus(a); slow = acc; });
  console.log(`sum of ${amounts.length} three-decimal amounts: ExactSum ${ours.toFixed(2)} ms, decimal.js loop ${theirs.toFixed(2)} ms`
    + ` → ${(theirs / ours).toFixed(0)} × faster, equal: ${fast.eq(slow)} (${fast.toFixed()}), medians of 7`);
}

function time(label: string, count: number, fn: () => void): void {
  fn(); // warm up
  const t0 = process.hrtime.bigint();
  fn();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  console.log(`${label}: ${count} in ${ms.toFixed(1)} ms (${Math.round((count / ms) * 1000).toLocaleString('en-US')} per second)`);
}

export async function run(): Promise<void> {
  const n = 100000;
  const numbers: number[] = [];
  const texts: string[] = [];
  for (let i = 0; i < n; i++) {
    numbers.push((i * 7919) % 500000);
    const k = i % 6;
    texts.push(
      k === 0 ? formatVi(new Dec(i * 13)) : k === 1 ? `${(i % 9000) + 1}.${String(i % 1000).padStart(3, '0')},667`
        : k === 2 ? '-' : k === 3 ? `${(i % 9) + 1},8 tỷ` : k === 4 ? ` 1 559 ` : `${i}.${i % 10} triệu đồng`,
    );
  }
  time('parseAmount, JS numbers', n, () => {
    for (const x of numbers) parseAmount(x);
  });
  time('parseAmount, vi-VN text (6 forms)', n, () => {
    for (const t of texts) parseAmount(t, { unit: 'triệu đồng' });
  });
  const amounts = numbers.slice(0, 20000).map((x) => new Dec(x).times(1000003));
  const words: string[] = [];
  time('amountToWords', amounts.length, () => {
    words.length = 0;
    for (const a of amounts) words.push(amountToWords(a));
  });
  time('wordsToAmount', words.length, () => {
    for (const w of words) wordsToAmount(w);
  });
  wordsAgainstLibrary();
  sums();
}
