import { CliError, CliIO } from '../io';

// Placeholder until the 'words' command is implemented.
export async function run(_args: string[], _io: CliIO): Promise<number> {
  throw new CliError('lệnh "words" chưa được cài đặt');
}
