/** What a command needs from the outside world, so commands can be tested in-process. */
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

/** Minimal option parser: --flag value, --flag=value, -o value; positional args kept in order. */
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
