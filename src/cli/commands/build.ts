import { CliError, CliIO } from '../io';

// Placeholder until the 'build' command is implemented.
export async function run(_args: string[], _io: CliIO): Promise<number> {
  throw new CliError('lệnh "build" chưa được cài đặt');
}
