/**
 * danh-muc words <số tiền> [--unit "triệu đồng"] [--linh lẻ] [--ngan] [--tu] [--chan] [--no-commas]
 *
 * Prints the amount in đồng (vi-VN) and its words:
 *   441.115.000.000 đồng (Bằng chữ: Bốn trăm bốn mươi mốt tỷ, một trăm mười lăm triệu đồng)
 * The amount may also be given in words ("Năm tỷ tám trăm triệu đồng"): it is read back and printed the same way.
 */
import { amountInWords } from '../../app/words';
import { APP_MESSAGES } from '../../app/messages';
import { CliError, type CliIO, parseArgs, viaApp } from '../io';

export const USAGE = `cách dùng: danh-muc words <số tiền> [--unit "triệu đồng"] [--linh linh|lẻ] [--ngan] [--tu] [--chan] [--no-commas]
  In số tiền (quy ra đồng) và cách đọc bằng chữ. Số tiền có thể ghi bằng số ("441.115") hoặc bằng chữ.`;

export async function run(args: string[], io: CliIO): Promise<number> {
  const { positional, values, flags } = parseArgs(args, {
    values: ['unit', 'linh'],
    flags: ['ngan', 'tu', 'chan', 'no-commas'],
  });
  const input = positional.join(' ').trim();
  if (!input) throw new CliError('thiếu số tiền. Ví dụ: danh-muc words 441.115 --unit "triệu đồng"');
  const linh = values.linh?.normalize('NFC');
  if (linh !== undefined && linh !== 'linh' && linh !== 'lẻ') throw new CliError(APP_MESSAGES.linhBad(values.linh ?? ''));
  const answer = viaApp(() => amountInWords({
    amount: input,
    unit: values.unit,
    options: {
      linh: (linh as 'linh' | 'lẻ' | undefined) ?? 'linh',
      thousand: flags.has('ngan') ? 'ngàn' : 'nghìn',
      four: flags.has('tu') ? 'tư' : 'bốn',
      chan: flags.has('chan'),
      commas: !flags.has('no-commas'),
    },
  }));
  if (answer.note) io.err(`Lưu ý: ${answer.note}`);
  io.out(answer.line);
  return 0;
}
