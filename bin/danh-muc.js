#!/usr/bin/env node
'use strict';
// Thin launcher: the command line is compiled from src/cli by `npm run build:cli` (run on install by `prepare`).
const path = require('path');
const fs = require('fs');
const main = path.join(__dirname, '..', 'build', 'src', 'cli', 'main.js');
if (!fs.existsSync(main)) {
  process.stderr.write('danh-muc: chưa biên dịch — hãy chạy "npm run build:cli" trước.\n');
  process.exit(2);
}
const cli = require(main);
const argv = process.argv.slice(2);
cli.installProcessGuard(argv[0]);
cli.main(argv).then((code) => { process.exitCode = code; }, (e) => {
  process.stderr.write(`${cli.oneLine(cli.unexpectedLine(argv[0] || '', e))}\n`);
  process.exitCode = 2;
});
