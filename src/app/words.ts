/**
 * "Bằng chữ": an amount typed as figures ("441.115") or as words ("Năm tỷ tám trăm triệu đồng"), in a unit, read
 * to đồng and written in Vietnamese words with the SPEC's conventions. The command line's `words` and the pane's
 * words line both come here.
 */
import { Dec, plain } from '../core/base/decimal';
import type { Unit } from '../core/plan/model';
import { convertUnit, formatVi, parseAmount } from '../core/text/numbers';
import { amountToWords, wordsToAmount, type WordsOptions } from '../core/text/words';
import { AppError } from './errors';
import { APP_MESSAGES as M } from './messages';
import { amountSetting, unitSetting } from './settings';

export interface WordsRequest {
  /** the amount as typed: figures in `unit`, or words */
  amount: string;
  /** unit text ("triệu đồng", "tr", "tỷ"); đồng when absent */
  unit?: string;
  options?: Partial<WordsOptions>;
}

export interface WordsAnswer {
  /** the amount in đồng */
  dong: Dec;
  words: string;
  /** "441.115.000.000 đồng (Bằng chữ: …)" */
  line: string;
  /** a note on an ambiguous reading of the figures (not the usual "441.115" = 441115) */
  note?: string;
}

export function amountInWords(req: WordsRequest): WordsAnswer {
  const input = req.amount.trim();
  const unit: Unit = req.unit !== undefined ? unitSetting(req.unit) : 'đồng';
  let dong: Dec;
  let note: string | undefined;
  const parsed = parseAmount(input, { unit });
  if (parsed.kind === 'number') {
    dong = convertUnit(parsed.value, unit, 'đồng');
    if (parsed.ambiguous && parsed.ambiguity !== 'dot-thousands') note = parsed.ambiguous;
  } else {
    const fromWords = wordsToAmount(input);
    if (!fromWords) throw new AppError(M.wordsUnreadable(input, parsed.kind === 'invalid' ? parsed.reason : 'trống'), 'amount');
    dong = fromWords;
  }
  let words: string;
  try {
    words = amountToWords(dong, req.options);
  } catch (e) {
    throw new AppError(M.wordsTooLarge(input, e instanceof Error ? e.message : String(e)), 'amount');
  }
  return { dong, words, line: `${formatVi(dong)} đồng (Bằng chữ: ${words})`, note };
}

/**
 * The words of an amount already read (a plain decimal string such as "4967.667") in a unit given as text. The string
 * becomes a Dec first: given text, amountToWords reads Vietnamese figures, where "441.115" is 441115.
 */
export function wordsOfAmount(amount: string, unit: string): string {
  return amountToWords(new Dec(amount), { unit: unitSetting(unit) });
}

/** An amount typed in a field, as a plain decimal string, or the Vietnamese reason it cannot be read. */
export function readAmountField(text: string): { value: string; unit?: string } | { error: string } {
  try {
    const a = amountSetting(text);
    return { value: plain(a.value), ...(a.unit ? { unit: a.unit } : {}) };
  } catch (e) {
    if (e instanceof AppError) return { error: e.message };
    throw e;
  }
}
