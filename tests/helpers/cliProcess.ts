/**
 * The command line as a real subprocess, for the hardening tests: what an officer's shell sees (exit code, every byte
 * on stdout and stderr, files left behind) and what the process cost (peak memory).
 *
 * The CLI sources (src/core, src/app, src/xlsx, src/cli) are transpiled once per content hash into .tmp/hardening-cli/<hash>
 * (no type check: tsc runs separately), so the subprocess runs exactly the code under test — never a stale
 * build/ — and parallel jest workers or other engineers' `npm run build:cli` never race with it. The runner does what
 * bin/danh-muc.js does (require main, main(argv), exit code) and, when asked, writes its resource usage to a file
 * (never to stderr, which the tests read byte for byte).
 */
import { execFile } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';

export const ROOT = path.join(__dirname, '..', '..');
const SRC_DIRS = ['src/core', 'src/app', 'src/xlsx', 'src/docx', 'src/cli'];

function sourceFiles(): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(path.join(ROOT, d), { withFileTypes: true })) {
      const rel = path.join(d, e.name);
      if (e.isDirectory()) walk(rel);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) out.push(rel);
    }
  };
  SRC_DIRS.forEach(walk);
  return out.sort();
}

let built: string | undefined;

/** Path of the transpiled src/cli/main.js (built on first use). */
export function compiledMain(): string {
  if (built) return built;
  const files = sourceFiles();
  const schemas = fs.readdirSync(path.join(ROOT, 'schemas')).filter((f) => f.endsWith('.json')).map((f) => path.join('schemas', f));
  const h = createHash('sha256');
  for (const f of [...files, ...schemas]) h.update(f).update('\0').update(fs.readFileSync(path.join(ROOT, f))).update('\0');
  const dir = path.join(ROOT, '.tmp', 'hardening-cli', h.digest('hex').slice(0, 16));
  const main = path.join(dir, 'src', 'cli', 'main.js');
  if (!fs.existsSync(main)) {
    const tmp = `${dir}.${process.pid}.${Date.now()}`;
    for (const f of files) {
      const out = path.join(tmp, f.replace(/\.ts$/, '.js'));
      fs.mkdirSync(path.dirname(out), { recursive: true });
      const js = ts.transpileModule(fs.readFileSync(path.join(ROOT, f), 'utf8'), {
        fileName: f,
        compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, esModuleInterop: true, resolveJsonModule: true },
      }).outputText;
      fs.writeFileSync(out, js);
    }
    for (const s of schemas) {
      fs.mkdirSync(path.join(tmp, 'schemas'), { recursive: true });
      fs.copyFileSync(path.join(ROOT, s), path.join(tmp, s));
    }
    try {
      fs.renameSync(tmp, dir);
    } catch {
      fs.rmSync(tmp, { recursive: true, force: true }); // another worker won the race: same content
    }
  }
  built = main;
  return main;
}

export interface CliRun {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** Peak resident memory of the CLI process, MB (when measured). */
  maxRssMb?: number;
}

const RUNNER = `
const fs = require('fs');
const stats = process.env.DANH_MUC_STATS;
if (stats) process.on('exit', () => fs.writeFileSync(stats, JSON.stringify({ maxRSS: process.resourceUsage().maxRSS })));
const cli = require(process.env.DANH_MUC_MAIN);
cli.installProcessGuard(process.argv[1]);
cli.main(process.argv.slice(1)).then((code) => { process.exitCode = code; });
`;

/** Runs `danh-muc <args>` in a fresh Node process in `cwd`. */
export function runCli(args: string[], cwd: string, opts: { timeoutMs?: number; measure?: boolean; maxOldSpaceMb?: number } = {}): Promise<CliRun> {
  const main = compiledMain();
  const stats = opts.measure ? path.join(os.tmpdir(), `danh-muc-h7-stats-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.json`) : undefined;
  const nodeArgs = opts.maxOldSpaceMb ? [`--max-old-space-size=${opts.maxOldSpaceMb}`] : [];
  const t0 = Date.now();
  return new Promise((resolve) => {
    execFile(process.execPath, [...nodeArgs, '-e', RUNNER, ...args], {
      cwd, timeout: opts.timeoutMs ?? 60_000, maxBuffer: 64 * 1024 * 1024, killSignal: 'SIGKILL',
      env: { ...process.env, DANH_MUC_MAIN: main, ...(stats ? { DANH_MUC_STATS: stats } : {}) },
    }, (err, stdout, stderr) => {
      const e = err as (NodeJS.ErrnoException & { code?: number | string; signal?: string }) | null;
      const run: CliRun = {
        code: e ? (typeof e.code === 'number' ? e.code : null) : 0,
        signal: e?.signal ?? null,
        stdout: String(stdout),
        stderr: String(stderr),
        ms: Date.now() - t0,
      };
      if (stats && fs.existsSync(stats)) {
        run.maxRssMb = Math.round(JSON.parse(fs.readFileSync(stats, 'utf8')).maxRSS / 1024);
        fs.rmSync(stats, { force: true });
      }
      resolve(run);
    });
  });
}
