#!/usr/bin/env node
'use strict';
// Runs every compiled benchmark (build/bench/*.bench.js) in name order; each prints its own figures.
const fs = require('fs');
const path = require('path');
const dir = path.join(__dirname, '..', 'build', 'bench');
(async () => {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.bench.js')).sort();
  for (const f of files) {
    console.log(`\n== ${f.replace(/\.bench\.js$/, '')} ==`);
    await require(path.join(dir, f)).run();
  }
})().catch((e) => { console.error(e); process.exit(1); });
