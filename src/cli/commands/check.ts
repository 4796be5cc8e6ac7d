import { CliError, CliIO } from '../io';

// Placeholder until the 'check' command is implemented.
export async function run(_args: string[], _io: CliIO): Promise<number> {
  throw new CliError('lệnh "check" chưa được cài đặt');
}
