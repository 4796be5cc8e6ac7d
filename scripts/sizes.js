#!/usr/bin/env node
'use strict';
// Sizes of the rooms (docs/architecture.md): no file in src over 400 lines, no function over 120, no class over 400.
// `node scripts/sizes.js` prints every breach and exits 1 when there is one; tests/architecture.test.ts runs the same.
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

const LIMITS = { file: 400, fn: 120, cls: 400 };

function sourceFiles(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(p));
    else if (/\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

function lines(sf, node) {
  const a = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
  const b = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
  return b - a + 1;
}

function nameOf(node, sf) {
  if (node.name && node.name.getText) return node.name.getText(sf);
  const p = node.parent;
  if (p && ts.isVariableDeclaration(p)) return p.name.getText(sf);
  if (p && ts.isPropertyAssignment(p)) return p.name.getText(sf);
  return '(anonymous)';
}

/** Every breach of the limits in the .ts/.tsx files under `root` (default: src). */
function breaches(root = path.join(__dirname, '..', 'src')) {
  const out = [];
  for (const file of sourceFiles(root)) {
    const text = fs.readFileSync(file, 'utf8');
    const rel = path.relative(path.join(__dirname, '..'), file);
    const n = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    if (n > LIMITS.file) out.push({ file: rel, what: 'file', name: rel, lines: n, limit: LIMITS.file });
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const visit = (node) => {
      if (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isArrowFunction(node) ||
        ts.isFunctionExpression(node) || ts.isConstructorDeclaration(node) || ts.isGetAccessor(node) || ts.isSetAccessor(node)) {
        const l = lines(sf, node);
        if (l > LIMITS.fn) out.push({ file: rel, what: 'function', name: nameOf(node, sf), lines: l, limit: LIMITS.fn });
      } else if (ts.isClassDeclaration(node) || ts.isClassExpression(node)) {
        const l = lines(sf, node);
        if (l > LIMITS.cls) out.push({ file: rel, what: 'class', name: nameOf(node, sf), lines: l, limit: LIMITS.cls });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out;
}

module.exports = { breaches, LIMITS };

if (require.main === module) {
  const b = breaches(process.argv[2] ? path.resolve(process.argv[2]) : undefined);
  for (const x of b) console.log(`${x.file}: ${x.what} ${x.name} has ${x.lines} lines (limit ${x.limit})`);
  console.log(b.length ? `${b.length} breach(es)` : 'sizes ok');
  process.exit(b.length ? 1 : 0);
}
