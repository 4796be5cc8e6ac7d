/** What a command needs from the outside world, so commands can be tested in-process. */
import { AppError } from '../app/errors';

export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
  cwd: string;
}

/** A usage error or unreadable input: exit code 2 with one line, never a stack trace. */
export class CliError extends Error {
  constructor(message: string, public readonly exitCode = 2) {
    super(message);
    this.name = 'CliError';
  }
}

/** The option a setting field is given by, for messages ("--years: …"). */
const OPTION_OF: Record<string, string> = {
  years: '--years', sources: '--sources', unit: '--unit', preset: '--preset', tolerance: '--tolerance', statedTotal: '--stated-total',
};

/** Runs an application-layer call, turning its AppError into a one-line CLI error prefixed with the option. */
export function viaApp<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof AppError) {
      const opt = e.field ? OPTION_OF[e.field] : undefined;
      throw new CliError(opt ? `${opt}: ${e.message}` : e.message);
    }
    throw e;
  }
}

/** True when the arguments ask for help (before any "--"). */
export function wantsHelp(args: readonly string[]): boolean {
  for (const a of args) {
    if (a === '--') return false;
    if (a === '--help' || a === '-h') return true;
  }
  return false;
}

/** Minimal option parser: --flag value, --flag=value, -o value; positional args kept in order; "--" ends options. */
export function parseArgs(
  args: string[],
  spec: { values?: string[]; flags?: string[]; aliases?: Record<string, string> },
): { positional: string[]; values: Record<string, string>; flags: Set<string> } {
  const values: Record<string, string> = {};
  const flags = new Set<string>();
  const positional: string[] = [];
  const known = new Set([...(spec.values ?? []), ...(spec.flags ?? [])]);
  for (let i = 0; i < args.length; i++) {
    let a = args[i];
    if (a === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (spec.aliases && a in spec.aliases) a = spec.aliases[a];
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      if (!known.has(name)) throw new CliError(`Tùy chọn không hợp lệ: --${name}`);
      if (spec.flags?.includes(name)) {
        if (eq >= 0) throw new CliError(`Tùy chọn --${name} không nhận giá trị`);
        flags.add(name);
      } else {
        const v = eq >= 0 ? a.slice(eq + 1) : args[++i];
        if (v === undefined) throw new CliError(`Thiếu giá trị cho --${name}`);
        values[name] = v;
      }
    } else {
      positional.push(a);
    }
  }
  return { positional, values, flags };
}
