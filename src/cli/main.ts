/**
 * danh-muc command line (SPEC "Command line"). Exit codes: 0 no error findings, 1 error findings,
 * 2 usage error or unreadable input (one line on stderr, never a stack trace). `--help` on the binary and on every
 * command prints usage on stdout and exits 0; `--version` prints the version; `--` ends the options.
 */
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import { CliError, type CliIO, wantsHelp } from './io';

interface CommandModule {
  USAGE: string;
  run: (args: string[], io: CliIO) => Promise<number>;
}

const commands: Record<string, () => Promise<CommandModule>> = {
  check: () => import('./commands/check'),
  build: () => import('./commands/build'),
  template: () => import('./commands/template'),
  words: () => import('./commands/words'),
};

const USAGE = `Cách dùng:
  danh-muc check <file.xlsx> [--sheet TÊN] [--json] [--stated-total N] [--tolerance N] [--unit "triệu đồng"]
  danh-muc build <plan.json | input.xlsx> -o <out.xlsx> [--preset medium-term|annual|flat|completed] [--sheet TÊN] [--unit ĐƠN-VỊ] [--words] [--force]
  danh-muc build --sample -o <out.xlsx>
  danh-muc template -o <input.xlsx> [--years 2026-2030] [--sources NSTW,NSĐP,ĐTPT] [--unit ...] [--preset ...] [--from plan.json | --sample] [--force]
  danh-muc words <số tiền> [--unit "triệu đồng"] [--linh lẻ] [--ngan] [--tu] [--chan]
  danh-muc <lệnh> --help     cách dùng một lệnh
  danh-muc --version         phiên bản`;

/** The package version, read from package.json beside the sources (src/cli or build/src/cli). */
function version(): string {
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    const p = path.join(dir, 'package.json');
    if (existsSync(p)) return (JSON.parse(readFileSync(p, 'utf8')) as { version: string }).version;
    dir = path.dirname(dir);
  }
  return 'unknown';
}

export async function main(argv: string[], io?: Partial<CliIO>): Promise<number> {
  const cio: CliIO = {
    out: io?.out ?? ((t) => process.stdout.write(t.endsWith('\n') ? t : t + '\n')),
    err: io?.err ?? ((t) => process.stderr.write(t.endsWith('\n') ? t : t + '\n')),
    cwd: io?.cwd ?? process.cwd(),
  };
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-V') {
    cio.out(`danh-muc ${version()}`);
    return 0;
  }
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    if (name) cio.out(USAGE);
    else cio.err(USAGE);
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    cio.err(`danh-muc: lệnh không có: "${name}"; xem "danh-muc --help".`);
    return 2;
  }
  try {
    const command = await load();
    if (wantsHelp(rest)) {
      cio.out(command.USAGE);
      return 0;
    }
    return await command.run(rest, cio);
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
