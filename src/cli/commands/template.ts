import { CliError, CliIO } from '../io';

// Placeholder until the 'template' command is implemented.
export async function run(_args: string[], _io: CliIO): Promise<number> {
  throw new CliError('lệnh "template" chưa được cài đặt');
}
