/**
 * The house rules (docs/architecture.md), checked over the sources themselves:
 *  - layers: core ← app ← adapters (xlsx, office) ← front ends (cli, taskpane); no import runs back up;
 *  - no import cycle between files;
 *  - the core imports only the core and decimal.js, and is type-checked without DOM, Node, Office.js or jest types:
 *    a probe that imports node:fs or an adapter, or touches process, Buffer or console, fails the compiler and lint.
 */
import * as fs from 'fs';
import * as path from 'path';
import { execFileSync } from 'child_process';
import * as ts from 'typescript';

const ROOT = path.join(__dirname, '..');
const SRC = path.join(ROOT, 'src');

function files(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => path.join(dir, f));
}

/** Relative imports of a file, resolved to files under src (type-only imports included: they still couple). */
function importsOf(file: string): { spec: string; target?: string }[] {
  const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
  return info.importedFiles.map(({ fileName: spec }) => {
    if (!spec.startsWith('.')) return { spec };
    const base = path.resolve(path.dirname(file), spec);
    const target = [base + '.ts', base + '.tsx', path.join(base, 'index.ts'), base].find((p) => fs.existsSync(p) && fs.statSync(p).isFile());
    return { spec, target };
  });
}

const LAYER: Record<string, number> = { core: 0, app: 1, xlsx: 2, office: 2, docx: 2, functions: 2, cli: 3, taskpane: 3 };
const layerOf = (file: string) => path.relative(SRC, file).split(path.sep)[0];

const all = files(SRC);
const graph = new Map(all.map((f) => [f, importsOf(f)]));

test('every src folder has a layer', () => {
  expect([...new Set(all.map(layerOf))].filter((l) => !(l in LAYER))).toEqual([]);
});

test('no import runs from a lower layer to a higher one, nor between the two front ends', () => {
  const bad: string[] = [];
  for (const [file, imps] of graph) {
    const from = layerOf(file);
    for (const { spec, target } of imps) {
      if (!target || !target.startsWith(SRC)) continue;
      const to = layerOf(target);
      const wrong = LAYER[to] > LAYER[from] || (LAYER[to] === LAYER[from] && to !== from && LAYER[from] === 3);
      if (wrong) bad.push(`${path.relative(ROOT, file)} → ${spec}`);
    }
  }
  expect(bad).toEqual([]);
});

test('the core imports only the core and decimal.js', () => {
  const bad: string[] = [];
  for (const [file, imps] of graph) {
    if (layerOf(file) !== 'core') continue;
    for (const { spec, target } of imps) {
      const ok = spec === 'decimal.js' || (target !== undefined && layerOf(target) === 'core' && target.startsWith(SRC));
      if (!ok) bad.push(`${path.relative(ROOT, file)} → ${spec}`);
    }
  }
  expect(bad).toEqual([]);
});

test('no import cycle between files', () => {
  const cycles: string[] = [];
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const visit = (f: string) => {
    state.set(f, 1);
    stack.push(f);
    for (const { target } of graph.get(f) ?? []) {
      if (!target || !graph.has(target)) continue;
      if (state.get(target) === 1) cycles.push(stack.slice(stack.indexOf(target)).concat(target).map((x) => path.relative(SRC, x)).join(' → '));
      else if (!state.has(target)) visit(target);
    }
    stack.pop();
    state.set(f, 2);
  };
  for (const f of graph.keys()) if (!state.has(f)) visit(f);
  expect(cycles).toEqual([]);
});

describe('purity of the core, by the compiler and by lint', () => {
  const probe = path.join(SRC, 'core', 'plan', '__probe__.ts');
  const config = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, 'tsconfig.core.json'), {}, {
    ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(String(d.messageText)); },
  })!;

  /** Compiler errors of a probe file placed in src/core, under tsconfig.core.json. */
  function compile(text: string): string[] {
    const host = ts.createCompilerHost(config.options);
    const orig = host.getSourceFile.bind(host);
    host.getSourceFile = (name, lang, ...rest) => (path.resolve(name) === probe ? ts.createSourceFile(name, text, lang, true) : orig(name, lang, ...rest));
    const exists = host.fileExists.bind(host);
    host.fileExists = (name) => path.resolve(name) === probe || exists(name);
    const program = ts.createProgram([probe], config.options, host);
    return ts.getPreEmitDiagnostics(program)
      .filter((d) => d.category === ts.DiagnosticCategory.Error)
      .map((d) => `${d.file ? path.relative(ROOT, d.file.fileName) : ''}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
  }

  function lint(text: string): string[] {
    const script = `
      const { ESLint } = require('eslint');
      const [code, filePath] = JSON.parse(process.argv[1]);
      new ESLint({ cwd: process.cwd() }).lintText(code, { filePath })
        .then(([r]) => process.stdout.write(JSON.stringify(r.messages.map((m) => m.ruleId + ': ' + m.message))))
        .catch((e) => { process.stderr.write(String(e && e.stack || e)); process.exit(3); });`;
    return JSON.parse(execFileSync(process.execPath, ['-e', script, JSON.stringify([text, probe])], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 }));
  }

  test('a clean core file compiles', () => {
    expect(compile("import { Dec } from '../base/decimal';\nexport const one = new Dec(1);\n")).toEqual([]);
  });

  test.each([
    ["import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n", /node:fs/],
    ["import { readFileSync } from 'fs';\nexport const f = readFileSync;\n", /'fs'/],
    ["export const home = process.env.HOME;\n", /Cannot find name 'process'/],
    ["export const b = Buffer.from('x');\n", /Cannot find name 'Buffer'/],
    ["export function log(): void { console.log('x'); }\n", /Cannot find name 'console'/],
    ["export const d = document.title;\n", /Cannot find name 'document'/],
    ["import { readWorkbookGrids } from '../../xlsx/readGrid';\nexport const r = readWorkbookGrids;\n", /src\/xlsx\//],
  ])('the compiler refuses a core probe: %p', (text, why) => {
    const errors = compile(text);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(why);
  });

  test.each([
    "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n",
    "import { createHash } from 'crypto';\nexport const h = createHash;\n",
    "import { inspect } from 'node:util';\nexport const i = inspect;\n",
    "import { readWorkbookGrids } from '../../xlsx/readGrid';\nexport const r = readWorkbookGrids;\n",
    "import { coreEngine } from '../../taskpane/coreEngine';\nexport const e = coreEngine;\n",
    "import { AppError } from '../../app/errors';\nexport const e = AppError;\n",
    "import Ajv from 'ajv';\nexport const a = Ajv;\n",
  ])('lint refuses a core probe importing outside the core: %p', (text) => {
    expect(lint(text).filter((m) => m.startsWith('no-restricted-imports'))).not.toEqual([]);
  });

  test('lint accepts a core probe importing the core and decimal.js', () => {
    expect(lint("import Decimal from 'decimal.js';\nimport { Dec } from '../base/decimal';\nexport const x = [Decimal, Dec];\n")).toEqual([]);
  });
});

test('rooms stay small: no file in src over 400 lines, no function over 120, no class over 400', () => {
  const { breaches } = require('../scripts/sizes.js') as { breaches: (root?: string) => { file: string; what: string; name: string; lines: number }[] };
  expect(breaches(SRC).map((b) => `${b.file}: ${b.what} ${b.name} (${b.lines} lines)`)).toEqual([]);
});
