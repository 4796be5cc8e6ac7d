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

/**
 * The binary's last guard (bin/danh-muc.js): anything that escapes main — an error thrown from a callback, a rejected
 * promise nobody awaited — ends the process with exit 2 and one line, never Node's stack.
 */
export function installProcessGuard(command: string | undefined): void {
  const die = (e: unknown) => {
    process.stderr.write(`${oneLine(unexpectedLine(command ?? '', e))}\n`);
    process.exit(2);
  };
  process.on('uncaughtException', die);
  process.on('unhandledRejection', die);
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
    cio.err(oneLine(`danh-muc: lệnh không có: "${name}"; xem "danh-muc --help".`));
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
      cio.err(oneLine(`danh-muc ${name}: ${e.message}`));
      return e.exitCode;
    }
    cio.err(unexpectedLine(name, e));
    return 2;
  }
}

/** One line whatever the text holds: newlines and other control characters shown as escapes ("\\n"). */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (ch) => (ch === '\n' ? '\\n' : ch === '\r' ? '\\r' : ch === '\t' ? '\\t' : `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/**
 * The one line for anything unexpected: never a library's own (English) message, which names nothing the officer
 * can act on; the error's kind is kept for a bug report. DANH_MUC_DEBUG=1 prints the stack as well.
 */
export function unexpectedLine(command: string, e: unknown): string {
  if (process.env.DANH_MUC_DEBUG) process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  const heap = e instanceof RangeError && /allocation|memory|Invalid (string|array|typed array) length/i.test(e.message);
  return `danh-muc ${command}: ${heap ? 'tệp quá lớn, không đủ bộ nhớ để xử lý' : 'lỗi không mong đợi; hãy báo lỗi kèm tệp đã dùng (DANH_MUC_DEBUG=1 cho biết chi tiết)'}`;
}
