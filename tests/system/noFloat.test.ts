/**
 * No binary floating point in the money path of src/core (issue 6):
 *  - the ESLint rule that bans parseFloat / Number() / Number.parseFloat in src/core is live: linting code placed at
 *    a src/core path with ESLint's Node API reports each of them (and the same code outside src/core is not);
 *  - a type-aware scan of every src/core file (TypeScript compiler API) finds no parseFloat, no Number(...), no unary
 *    "+x" coercion, no Decimal → number conversion (.toNumber(), .valueOf(), Number(dec)), and no Math.round /
 *    floor / ceil / trunc / parseInt applied to anything that holds a Decimal or a sheet cell's value.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.join(__dirname, '..', '..');
const CORE = path.join(ROOT, 'src', 'core');

interface LintMessage { line: number; ruleId: string | null; message: string }

/**
 * ESLint's Node API (new ESLint().lintText) on `code` as if it were the file `filePath`. Run in a child Node process:
 * the flat config is an ES module, which jest's module sandbox cannot import.
 */
function lintAs(code: string, filePath: string): { errorCount: number; messages: LintMessage[] } {
  const script = `
    const { ESLint } = require('eslint');
    const [code, filePath] = JSON.parse(process.argv[1]);
    new ESLint({ cwd: process.cwd() }).lintText(code, { filePath })
      .then(([r]) => process.stdout.write(JSON.stringify({ errorCount: r.errorCount, messages: r.messages })))
      .catch((e) => { process.stderr.write(String(e && e.stack || e)); process.exit(3); });`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script, JSON.stringify([code, filePath])], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 }));
}

describe('the ESLint purity rule is active on src/core', () => {
  const PROBE = [
    'export const a = parseFloat("1.5");',
    'export const b = Number("1.5");',
    'export const c = Number.parseFloat("1.5");',
    'export const d = 1;',
    '',
  ].join('\n');

  test('parseFloat, Number() and Number.parseFloat are errors in a src/core file', () => {
    // A file path that does not exist on disk: lintText applies the config for that path without writing into
    // src/core, where other engineers' lint runs would see a stray file.
    const res = lintAs(PROBE, path.join(CORE, '__hardening_probe__.ts'));
    const hits = res.messages.map((m) => `${m.line}:${m.ruleId}`);
    expect(hits).toEqual(expect.arrayContaining(['1:no-restricted-globals', '2:no-restricted-syntax', '3:no-restricted-syntax']));
    expect(res.messages.filter((m) => m.line === 4)).toEqual([]);
    expect(res.errorCount).toBeGreaterThanOrEqual(3);
    expect(res.messages.find((m) => m.line === 1)!.message).toMatch(/exact/i);
  });

  test('Office.js, React, the DOM, the file system and file formats are errors in a src/core file', () => {
    const imports = ['react', 'exceljs', 'jszip', 'fs', 'node:path', '@fluentui/react-components', '../office/host', '../xlsx/readGrid'];
    const probe = [
      ...imports.map((m, i) => `import * as m${i} from '${m}';`),
      'export const dom = [document, window, navigator, Office, Excel];',
      `export const used = [${imports.map((_m, i) => `m${i}`).join(', ')}];`,
      '',
    ].join('\n');
    const res = lintAs(probe, path.join(CORE, '__purity_probe__.ts'));
    const lines = (rule: string) => res.messages.filter((m) => m.ruleId === rule).map((m) => m.line);
    // every import line is refused (one or more messages each: the core's import rule is an allowlist plus named modules)
    expect([...new Set(lines('no-restricted-imports'))]).toEqual(imports.map((_m, i) => i + 1));
    expect(lines('no-restricted-globals')).toHaveLength(5);
  });

  test('the rule is scoped: the same code in src/xlsx is not flagged by it', () => {
    const res = lintAs(PROBE, path.join(ROOT, 'src', 'xlsx', '__hardening_probe__.ts'));
    expect(res.messages.filter((m) => /no-restricted/.test(m.ruleId ?? ''))).toEqual([]);
  });
});

interface Hit {
  where: string;
  what: string;
}

/** Every src/core .ts file, type-checked together. */
function coreProgram(): { program: ts.Program; files: ts.SourceFile[] } {
  const names = (fs.readdirSync(CORE, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => path.join(CORE, f));
  const program = ts.createProgram(names, {
    target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, strict: true, esModuleInterop: true,
    resolveJsonModule: true, skipLibCheck: true, noEmit: true, types: [],
  });
  const files = names.map((n) => program.getSourceFile(n)).filter((f): f is ts.SourceFile => !!f);
  return { program, files };
}

/** Scans source files for float conversions of money. */
function scan(program: ts.Program, files: readonly ts.SourceFile[]): Hit[] {
  const checker = program.getTypeChecker();
  const hits: Hit[] = [];
  const isDecType = (t: ts.Type): boolean => {
    const s = t.getSymbol() ?? t.aliasSymbol;
    if (s && (s.getName() === 'Decimal' || s.getName() === 'Dec')) return true;
    return t.isUnion() ? t.types.some(isDecType) : false;
  };
  const isGridCell = (t: ts.Type): boolean => {
    const s = t.getSymbol() ?? t.aliasSymbol;
    if (s && s.getName() === 'GridCell') return true;
    return t.isUnion() ? t.types.some(isGridCell) : false;
  };
  /** Does the expression hold a Decimal, or read a sheet cell's value, anywhere inside it? */
  const holdsMoney = (e: ts.Node): boolean => {
    let found = false;
    const visit = (n: ts.Node): void => {
      if (found) return;
      if (ts.isExpression(n) && !ts.isLiteralExpression(n)) {
        try {
          if (isDecType(checker.getTypeAtLocation(n))) { found = true; return; }
        } catch { /* no type */ }
      }
      if (ts.isPropertyAccessExpression(n) && n.name.text === 'value' && isGridCell(checker.getNonNullableType(checker.getTypeAtLocation(n.expression)))) {
        found = true;
        return;
      }
      ts.forEachChild(n, visit);
    };
    visit(e);
    return found;
  };
  for (const sf of files) {
    const at = (n: ts.Node) => {
      const { line } = sf.getLineAndCharacterOfPosition(n.getStart(sf));
      return `${path.relative(ROOT, sf.fileName)}:${line + 1}`;
    };
    const visit = (n: ts.Node): void => {
      if (ts.isPrefixUnaryExpression(n) && n.operator === ts.SyntaxKind.PlusToken) {
        hits.push({ where: at(n), what: `unary + coercion: ${n.getText(sf)}` });
      }
      if (ts.isCallExpression(n)) {
        const callee = n.expression;
        const name = ts.isIdentifier(callee) ? callee.text
          : ts.isPropertyAccessExpression(callee) ? `${callee.expression.getText(sf)}.${callee.name.text}` : '';
        if (name === 'parseFloat' || name === 'Number' || name === 'Number.parseFloat' || /(^|\.)parseFloat$/.test(name)) {
          hits.push({ where: at(n), what: `${name}(): ${n.getText(sf)}` });
        }
        if (ts.isPropertyAccessExpression(callee) && (callee.name.text === 'toNumber' || callee.name.text === 'valueOf')
          && isDecType(checker.getTypeAtLocation(callee.expression))) {
          hits.push({ where: at(n), what: `Decimal → number: ${n.getText(sf)}` });
        }
        if (/^Math\.(round|floor|ceil|trunc)$/.test(name) || name === 'parseInt' || name === 'Number.parseInt') {
          if (n.arguments.length > 0 && holdsMoney(n.arguments[0])) hits.push({ where: at(n), what: `${name} on money: ${n.getText(sf)}` });
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return hits;
}

describe('no float in the money path of src/core (type-aware scan)', () => {
  let program: ts.Program;
  let files: ts.SourceFile[];
  beforeAll(() => {
    ({ program, files } = coreProgram());
  });

  test('the scan sees every core module, typed (Decimal resolved)', () => {
    const folders = new Set(files.map((f) => path.relative(CORE, f.fileName).split(path.sep)[0]));
    for (const m of ['base', 'text', 'plan', 'read', 'checks', 'layout', 'input']) expect(folders).toContain(m);
    expect(files.length).toBeGreaterThanOrEqual(20);
    const errors = ts.getPreEmitDiagnostics(program).filter((d) => d.category === ts.DiagnosticCategory.Error);
    expect(errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
  });

  test('finds nothing in src/core', () => {
    expect(scan(program, files)).toEqual([]);
  });

  test('self-test: the scan does catch each forbidden form', () => {
    const probe = path.join(CORE, '__probe__.ts');
    const text = [
      "import { Dec } from './base/decimal';",
      "import type { GridCell } from './base/grid';",
      'export function f(d: Dec, s: string, c: GridCell, n: number): number[] {',
      '  return [parseFloat(s), Number(s), +s, d.toNumber(), Math.round(c.value as number), parseInt(d.toFixed(), 10),',
      '    Math.floor(n), parseInt(s, 10), Number.parseFloat(s), d.valueOf().length];',
      '}',
    ].join('\n');
    const host = ts.createCompilerHost({});
    const orig = host.getSourceFile.bind(host);
    host.getSourceFile = (name, lang, ...rest) => (path.resolve(name) === probe ? ts.createSourceFile(name, text, lang, true) : orig(name, lang, ...rest));
    const orig2 = host.fileExists.bind(host);
    host.fileExists = (name) => path.resolve(name) === probe || orig2(name);
    const p = ts.createProgram([probe], { strict: true, esModuleInterop: true, resolveJsonModule: true, skipLibCheck: true, noEmit: true, types: [] }, host);
    const hits = scan(p, [p.getSourceFile(probe)!]).map((h) => h.what.split(':')[0]);
    expect(hits).toEqual([
      'parseFloat()', 'Number()', 'unary + coercion', 'Decimal → number', 'Math.round on money', 'parseInt on money',
      'Number.parseFloat()', 'Decimal → number',
    ]);
  });
});
