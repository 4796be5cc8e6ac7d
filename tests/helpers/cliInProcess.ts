/** The command line run in-process (src/cli/main), with stdout and stderr collected: what a shell would see. */
import { main } from '../../src/cli/main';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export async function cliIn(cwd: string, ...args: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => { out += t + '\n'; }, err: (t) => { err += t + '\n'; }, cwd });
  return { code, out, err };
}
