/** The command line run in-process (src/cli/main), with stdout and stderr collected: what a shell would see. */
import { main } from '../../src/cli/main';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export async function cliIn(cwd: string, ...args: string[]): Promise<CliRun> {
  const r = await cliLines(cwd, ...args);
  const text = (lines: string[]) => lines.map((t) => t + '\n').join('');
  return { code: r.code, out: text(r.out), err: text(r.err) };
}

/** The same run with each printed line kept apart (what the tests that look at one line at a time read). */
export async function cliLines(cwd: string, ...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t), cwd });
  return { code, out, err };
}
