/**
 * Excel custom functions (shared runtime with the task pane): =DANHMUC.BANGCHU(số tiền; [đơn vị]; [tùy chọn]) writes an
 * amount in Vietnamese words with the conventions of the command line's `words` and the pane (src/app/words).
 * Invalid input gives an Excel error value (#VALUE!) with a Vietnamese message, never a wrong text.
 * The metadata (functions.json) is generated from the JSDoc below by custom-functions-metadata at build time.
 */
import { amountInWords } from '../app/words';
import { AppError } from '../app/errors';
import type { WordsOptions } from '../core/text/words';
import { Dec } from '../core/base/decimal';
import { MAX_AMOUNT_DIGITS } from '../core/base/limits';

/** The part of Excel's custom-functions runtime used here (a global in the add-in's runtime). */
interface CustomFunctionsRuntime {
  Error: new (code: string, message?: string) => Error;
  ErrorCode: { invalidValue: string };
  associate?: (id: string, f: unknown) => void;
}
declare const CustomFunctions: CustomFunctionsRuntime;

/** Messages of the function (Vietnamese, shown by Excel with #VALUE!). */
export const FUNCTION_MESSAGES = {
  empty: 'Chưa có số tiền.',
  notAmount: 'Số tiền phải là một số hoặc chữ số (ví dụ 441115 hoặc "441.115").',
  notFinite: 'Số tiền không phải một số hữu hạn.',
  tooLarge: 'Số tiền quá lớn để viết bằng chữ (từ một nghìn tỷ tỷ đồng trở lên).',
  ambiguous: (note: string) => `Số tiền viết chưa rõ: ${note}. Hãy nhập số vào ô (không để dạng chữ) hoặc viết rõ, ví dụ "12.000".`,
  badOption: (o: string) => `Tùy chọn không hiểu được: “${o}” (dùng: lẻ, ngàn, tư, chẵn, không phẩy).`,
} as const;

class BadInput extends Error {}

/**
 * The words stop below 10^21 đồng (the core's limit). Every unit is at least a đồng, so a number from a cell at or
 * above it is refused before it is written out in digits; one below it that a larger unit lifts past the limit is
 * refused by the core with the digits it would have read.
 */
const TOO_LARGE = new Dec(10).pow(MAX_AMOUNT_DIGITS);

/** The amount as text parseAmount reads exactly: a number from a cell in plain digits, comma for decimals. */
function amountText(amount: unknown): string {
  if (amount === null || amount === undefined || amount === '') throw new BadInput(FUNCTION_MESSAGES.empty);
  if (typeof amount === 'number') {
    if (!Number.isFinite(amount)) throw new BadInput(FUNCTION_MESSAGES.notFinite);
    // Excel keeps 15 significant digits: the words read the amount the cell shows, not the binary tail of a
    // formula's result (=0,1+0,2 is 0,3, not 0,30000000000000004)
    const value = new Dec(amount).toSignificantDigits(15);
    if (value.abs().gte(TOO_LARGE)) throw new BadInput(FUNCTION_MESSAGES.tooLarge);
    return value.toFixed().replace('.', ',');
  }
  if (typeof amount === 'string') {
    if (!amount.trim()) throw new BadInput(FUNCTION_MESSAGES.empty);
    return amount;
  }
  throw new BadInput(FUNCTION_MESSAGES.notAmount);
}

/** "lẻ, ngàn, tư, chẵn, không phẩy" → words options. */
export function readOptions(text: unknown): Partial<WordsOptions> {
  const o: Partial<WordsOptions> = {};
  if (text === null || text === undefined) return o;
  const tokens = String(text).normalize('NFC').toLocaleLowerCase('vi').split(/[,;]/).map((t) => t.trim()).filter(Boolean);
  for (const t of tokens) {
    if (t === 'lẻ') o.linh = 'lẻ';
    else if (t === 'linh') o.linh = 'linh';
    else if (t === 'ngàn') o.thousand = 'ngàn';
    else if (t === 'nghìn') o.thousand = 'nghìn';
    else if (t === 'tư') o.four = 'tư';
    else if (t === 'chẵn') o.chan = true;
    else if (t === 'không phẩy') o.commas = false;
    else throw new BadInput(FUNCTION_MESSAGES.badOption(t));
  }
  return o;
}

/**
 * Viết số tiền bằng chữ (tiếng Việt), quy ra đồng, theo quy ước của Danh mục.
 * @customfunction BANGCHU
 * @param amount Số tiền: một số, hoặc chữ số như "441.115".
 * @param [unit] Đơn vị của số tiền: "đồng" (mặc định), "nghìn đồng", "triệu đồng", "tỷ đồng".
 * @param [options] Tùy chọn, cách nhau bằng dấu phẩy: lẻ, ngàn, tư, chẵn, không phẩy.
 * @returns Số tiền bằng chữ, ví dụ "Bốn trăm bốn mươi mốt tỷ, một trăm mười lăm triệu đồng".
 */
export function bangChu(amount: any, unit?: string, options?: string): string { // eslint-disable-line @typescript-eslint/no-explicit-any
  try {
    const answer = amountInWords({
      amount: amountText(amount),
      unit: unit === null || unit === undefined || unit === '' ? undefined : String(unit),
      options: readOptions(options),
    });
    // text such as "12,000" reads two ways (12 or 12 000): an error rather than words that may be wrong (a number
    // from a cell is written with a decimal comma here, which is its one reading)
    if (answer.note && typeof amount === 'string') throw new BadInput(FUNCTION_MESSAGES.ambiguous(answer.note));
    return answer.words;
  } catch (e) {
    if (e instanceof BadInput || e instanceof AppError) {
      throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, e.message);
    }
    throw e;
  }
}

/** Registers the functions with Excel when the page runs as the add-in's shared runtime (CustomFunctions present). */
export function registerFunctions(g: { CustomFunctions?: { associate: (id: string, f: unknown) => void } } = globalThis as never): boolean {
  if (!g.CustomFunctions || typeof g.CustomFunctions.associate !== 'function') return false;
  g.CustomFunctions.associate('BANGCHU', bangChu);
  return true;
}
