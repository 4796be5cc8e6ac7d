#!/usr/bin/env node
'use strict';
// Runs every compiled benchmark (build/bench/*.bench.js) in name order, each in its own Node process so that
// one benchmark's memory peak or JIT state does not colour the next one's figures.
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const dir = path.join(__dirname, '..', 'build', 'bench');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.bench.js')).sort();
let failed = 0;
for (const f of files) {
  console.log(`\n== ${f.replace(/\.bench\.js$/, '')} ==`);
  const code = `require(${JSON.stringify(path.join(dir, f))}).run().catch((e) => { console.error(e); process.exit(1); })`;
  const r = spawnSync(process.execPath, ['--expose-gc', '-e', code], { stdio: 'inherit', cwd: path.join(__dirname, '..') });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
