/** The add-in manifest: schema-valid, Vietnamese, least permission, real icons, production URL rewrite. */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const SCHEMA = path.join(ROOT, '..', 'shared', 'schemas', 'office-manifest', 'OfficeAppManifestV1_1.xsd');
const xml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const { manifestFor } = require('../../webpack.config.js') as { manifestFor: (x: string, url?: string) => string };

function validate(file: string): void {
  execFileSync('xmllint', ['--noout', '--schema', SCHEMA, file], { stdio: 'pipe' });
}

function pngSize(file: string): [number, number] {
  const b = fs.readFileSync(file);
  expect(b.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

test('valid against the Office manifest schema', () => {
  expect(() => validate(path.join(ROOT, 'manifest.xml'))).not.toThrow();
});

test('task pane for workbooks, ReadWriteDocument only, ExcelApi 1.7, vi-VN, Home tab buttons', () => {
  expect(xml).toMatch(/xsi:type="TaskPaneApp"/);
  expect(xml).toMatch(/<Host Name="Workbook"\/>/);
  expect(xml.match(/<Permissions>(.*)<\/Permissions>/)![1]).toBe('ReadWriteDocument');
  expect(xml).toMatch(/<Set Name="ExcelApi" MinVersion="1.7"\/>/);
  expect(xml).toMatch(/<DefaultLocale>vi-VN<\/DefaultLocale>/);
  expect(xml).toMatch(/<OfficeTab id="TabHome">/);
  for (const label of ['Kiểm tra', 'Tạo phụ lục']) expect(xml).toContain(`DefaultValue="${label}"`);
  expect(xml).toContain('taskpane.html?action=check');
});

test('every icon the manifest names exists at its size', () => {
  const ids = new Map([...xml.matchAll(/<bt:Image id="([^"]+)" DefaultValue="https:\/\/localhost:3000\/([^"]+)"/g)].map((m) => [m[1], m[2]]));
  expect(ids.size).toBe(9);
  for (const m of xml.matchAll(/<bt:Image size="(\d+)" resid="([^"]+)"/g)) {
    const file = ids.get(m[2]);
    expect(file).toBeDefined();
    expect(pngSize(path.join(ROOT, file!))).toEqual([+m[1], +m[1]]);
  }
});

test('a production URL replaces every localhost URL and the result stays valid', () => {
  const prod = manifestFor(xml, 'https://danhmuc.example.vn/addin');
  expect(prod).not.toContain('localhost');
  expect(prod).toContain('<SourceLocation DefaultValue="https://danhmuc.example.vn/addin/taskpane.html"/>');
  expect(prod).toContain('<AppDomain>https://danhmuc.example.vn/addin</AppDomain>');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-')), 'manifest.xml');
  fs.writeFileSync(file, prod);
  expect(() => validate(file)).not.toThrow();
  expect(manifestFor(xml, '')).toBe(xml);
});
