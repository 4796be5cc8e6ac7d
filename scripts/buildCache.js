'use strict';
// `node scripts/serve.js --build`: rebuild dist/ only when the sources changed. The content hash covers src/,
// assets/, schemas/, the manifest, webpack/TypeScript config, the lock file and the build's environment options
// (DANH_MUC_URL, DANH_MUC_OFFICE_JS, DANH_MUC_SHARED_RUNTIME); it is stored in dist/.build-hash after a successful build.
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const ROOT = path.join(__dirname, '..');
const INPUTS = ['src', 'assets', 'schemas', 'samples', 'manifest.xml', 'webpack.config.js', 'tsconfig.json', 'tsconfig.cli.json', 'package-lock.json', 'scripts/serve.js'];
const ENV = ['DANH_MUC_URL', 'DANH_MUC_OFFICE_JS', 'DANH_MUC_SHARED_RUNTIME'];

function filesUnder(p) {
  if (!fs.existsSync(p)) return [];
  if (!fs.statSync(p).isDirectory()) return [p];
  return fs.readdirSync(p, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((d) => filesUnder(path.join(p, d.name)));
}

/** The hash of everything the build reads (file names and contents) and of its options. */
function sourceHash(root = ROOT, env = process.env) {
  const h = crypto.createHash('sha256');
  for (const input of INPUTS) {
    for (const file of filesUnder(path.join(root, input))) {
      h.update(path.relative(root, file)).update('\0').update(fs.readFileSync(file)).update('\0');
    }
  }
  for (const k of ENV) h.update(`${k}=${env[k] ?? ''}\0`);
  return h.digest('hex');
}

function isUpToDate(dist, hash) {
  const stamp = path.join(dist, '.build-hash');
  return fs.existsSync(path.join(dist, 'taskpane.html')) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === hash;
}

/** Builds dist/ (command line + pane) unless it already matches the sources. Returns true when it built. */
function buildIfChanged({ root = ROOT, dist = path.join(root, 'dist'), run = defaultBuild, log = console.log } = {}) {
  const hash = sourceHash(root);
  if (isUpToDate(dist, hash)) {
    log('Mã nguồn không đổi từ lần build trước: phục vụ dist/ có sẵn (không build lại).');
    return false;
  }
  run(root);
  fs.writeFileSync(path.join(dist, '.build-hash'), hash);
  return true;
}

function defaultBuild(root) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  execFileSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit' });
}

module.exports = { buildIfChanged, sourceHash };
