/**
 * danh-muc words <số tiền> [--unit "triệu đồng"] [--linh lẻ] [--ngan] [--tu] [--chan] [--no-commas]
 *
 * Prints the amount in đồng (vi-VN) and its words:
 *   441.115.000.000 đồng (Bằng chữ: Bốn trăm bốn mươi mốt tỷ, một trăm mười lăm triệu đồng)
 * The amount may also be given in words ("Năm tỷ tám trăm triệu đồng"): it is read back and printed the same way.
 */
import { CliError, CliIO, parseArgs } from '../io';
import { UNITS, Unit } from '../../core/plan/model';
import { convertUnit, formatVi, parseAmount, parseUnitLine } from '../../core/text/numbers';
import { amountToWords, wordsToAmount, WordsOptions } from '../../core/text/words';
import type { Dec } from '../../core/base/decimal';

function readUnit(text: string): Unit {
  const t = text.normalize('NFC').trim().toLowerCase();
  if ((UNITS as readonly string[]).includes(t)) return t as Unit;
  const u = parseUnitLine(`ĐVT: ${t}`);
  if (!u) throw new CliError(`đơn vị không hợp lệ: "${text}" (dùng: ${UNITS.join(', ')})`);
  return u;
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const { positional, values, flags } = parseArgs(args, {
    values: ['unit', 'linh'],
    flags: ['ngan', 'tu', 'chan', 'no-commas'],
  });
  const input = positional.join(' ').trim();
  if (!input) throw new CliError('thiếu số tiền. Ví dụ: danh-muc words 441.115 --unit "triệu đồng"');
  const unit = values.unit !== undefined ? readUnit(values.unit) : 'đồng';
  const linh = values.linh?.normalize('NFC');
  if (linh !== undefined && linh !== 'linh' && linh !== 'lẻ') throw new CliError(`--linh nhận "linh" hoặc "lẻ", không nhận "${values.linh}"`);

  let dong: Dec;
  const parsed = parseAmount(input, { unit });
  if (parsed.kind === 'number') {
    dong = convertUnit(parsed.value, unit, 'đồng');
    // "441.115" read Vietnamese-style is what this command expects; other readings get a note.
    if (parsed.ambiguous && parsed.ambiguity !== 'dot-thousands') io.err(`Lưu ý: ${parsed.ambiguous}`);
  } else {
    const fromWords = wordsToAmount(input);
    if (!fromWords) {
      const why = parsed.kind === 'invalid' ? parsed.reason : 'trống';
      throw new CliError(`không đọc được số tiền "${input}": ${why}`);
    }
    dong = fromWords;
  }
  const opts: WordsOptions = {
    linh: (linh as WordsOptions['linh']) ?? 'linh',
    thousand: flags.has('ngan') ? 'ngàn' : 'nghìn',
    four: flags.has('tu') ? 'tư' : 'bốn',
    chan: flags.has('chan'),
    commas: !flags.has('no-commas'),
  };
  let words: string;
  try {
    words = amountToWords(dong, opts);
  } catch (e) {
    throw new CliError(`không đọc được số tiền "${input}" thành chữ: ${e instanceof Error ? e.message : String(e)}`);
  }
  io.out(`${formatVi(dong)} đồng (Bằng chữ: ${words})`);
  return 0;
}
