/**
 * danh-muc command line (SPEC "Command line"). Exit codes: 0 no error findings, 1 error findings,
 * 2 usage error or unreadable input (one line, never a stack trace).
 */
import { CliError, CliIO } from './io';

const USAGE = `Cách dùng:
  danh-muc check <file.xlsx> [--sheet TÊN] [--json] [--stated-total N] [--tolerance N] [--unit "triệu đồng"]
  danh-muc build <plan.json | input.xlsx> -o <out.xlsx> [--preset medium-term|annual|flat|completed] [--sheet TÊN] [--words] [--force]
  danh-muc build --sample -o <out.xlsx>
  danh-muc template -o <input.xlsx> [--years 2021-2025] [--sources NSTW,NSĐP,ĐTPT] [--unit ...] [--preset ...] [--from plan.json | --sample] [--force]
  danh-muc words <số tiền> [--unit "triệu đồng"] [--linh lẻ] [--ngan] [--tu] [--chan]`;

type Command = (args: string[], io: CliIO) => Promise<number>;

const commands: Record<string, () => Promise<Command>> = {
  words: async () => (await import('./commands/words')).run,
  check: async () => (await import('./commands/check')).run,
  build: async () => (await import('./commands/build')).run,
  template: async () => (await import('./commands/template')).run,
};

export async function main(argv: string[], io?: Partial<CliIO>): Promise<number> {
  const cio: CliIO = {
    out: io?.out ?? ((t) => process.stdout.write(t.endsWith('\n') ? t : t + '\n')),
    err: io?.err ?? ((t) => process.stderr.write(t.endsWith('\n') ? t : t + '\n')),
    cwd: io?.cwd ?? process.cwd(),
  };
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    cio.out(USAGE);
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    cio.err(`danh-muc: lệnh không có: "${name}". ${USAGE.split('\n')[0]} xem "danh-muc --help".`);
    return 2;
  }
  try {
    return await (await load())(rest, cio);
  } catch (e) {
    // The CLI boundary: say what went wrong in one line.
    if (e instanceof CliError) {
      cio.err(`danh-muc ${name}: ${e.message}`);
      return e.exitCode;
    }
    const msg = e instanceof Error ? e.message : String(e);
    cio.err(`danh-muc ${name}: lỗi không mong đợi: ${msg.split('\n')[0]}`);
    return 2;
  }
}
