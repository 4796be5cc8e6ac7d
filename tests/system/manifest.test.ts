/** The add-in manifest: schema-valid, Vietnamese, least permission, real icons, production URL rewrite. */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const SCHEMA = path.join(ROOT, '..', 'shared', 'schemas', 'office-manifest', 'OfficeAppManifestV1_1.xsd');
const xml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const { manifestFor, sharedRuntimeManifest } = require('../../webpack.config.js') as {
  manifestFor: (x: string, url?: string) => string;
  sharedRuntimeManifest: (x: string) => string;
};

function validate(file: string, schema = SCHEMA): void {
  execFileSync('xmllint', ['--noout', '--schema', schema, file], { stdio: 'pipe' });
}

function tmpFile(name: string, text: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-')), name);
  fs.writeFileSync(file, text);
  return file;
}

/** An XPath 1.0 string value of the manifest (xmllint), elements named by local-name(). */
function xpath(text: string, expr: string): string {
  const file = tmpFile('m.xml', text);
  // element names (capitalised, outside quotes, not attributes) by local name; xsi:type by local name too
  const q = expr.split(/('[^']*')/).map((part, i) => (i % 2 ? part : part
    .replace(/(?<![@\w:.-])([A-Z][A-Za-z]*)(?![\w(])/g, "*[local-name()='$1']")
    .replace(/@xsi:type/g, "@*[local-name()='type']"))).join('');
  return execFileSync('xmllint', ['--xpath', `string(${q})`, file], { encoding: 'utf8' }).replace(/\n$/, '');
}

/** The URL of a resid in the manifest's resources. */
function url(text: string, resid: string): string {
  return xpath(text, `//Urls/Url[@id='${resid}']/@DefaultValue`);
}

/**
 * The shared schemas with the workbook <Host> of the current published revision of the task pane VersionOverrides
 * schema ([MS-OWEMXML]: Host = Runtimes?, AllFormFactors?; Runtimes = Runtime+; Runtime@resid, @lifetime short|long),
 * which the shared copy (an older revision) lacks.
 */
function currentRevisionSchema(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xsd-'));
  for (const f of fs.readdirSync(path.dirname(SCHEMA))) fs.copyFileSync(path.join(path.dirname(SCHEMA), f), path.join(dir, f));
  const file = path.join(dir, 'TaskPaneAppVersionOverridesV1_0.xsd');
  const xsd = fs.readFileSync(file, 'utf8');
  const host = '<xs:complexType name="Host" abstract="true">';
  expect(xsd).toContain(host);
  const types = `<xs:complexType name="Runtimes"><xs:sequence minOccurs="1" maxOccurs="unbounded"><xs:element name="Runtime" type="Runtime"/></xs:sequence></xs:complexType>
  <xs:complexType name="Runtime"><xs:attribute name="resid" type="bt:ReferenceId" use="required"/><xs:attribute name="lifetime" use="optional">
  <xs:simpleType><xs:restriction base="xs:string"><xs:enumeration value="short"/><xs:enumeration value="long"/></xs:restriction></xs:simpleType></xs:attribute></xs:complexType>
  `;
  const patched = xsd.replace(host, types + host).replace(
    /(<xs:complexType name="Host" abstract="true">[\s\S]*?<xs:sequence>)/,
    '$1<xs:element name="Runtimes" type="Runtimes" minOccurs="0" maxOccurs="1"/>',
  );
  fs.writeFileSync(file, patched);
  return path.join(dir, path.basename(SCHEMA));
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

describe('=DANHMUC.BANGCHU and the shared runtime', () => {
  const shared = sharedRuntimeManifest(xml);
  const WB = "//VersionOverrides/Hosts/Host[@xsi:type='Workbook']";

  test('the workbook host declares the custom functions: script, page, metadata, namespace DANHMUC', () => {
    for (const m of [xml, shared]) {
      const cf = `${WB}/AllFormFactors/ExtensionPoint[@xsi:type='CustomFunctions']`;
      expect(url(m, xpath(m, `${cf}/Script/SourceLocation/@resid`))).toBe('https://localhost:3000/functions.js');
      expect(url(m, xpath(m, `${cf}/Metadata/SourceLocation/@resid`))).toBe('https://localhost:3000/functions.json');
      const ns = xpath(m, `${cf}/Namespace/@resid`);
      expect(xpath(m, `//ShortStrings/String[@id='${ns}']/@DefaultValue`)).toBe('DANHMUC');
      expect(url(m, 'Taskpane.Url')).toBe('https://localhost:3000/taskpane.html');
    }
  });

  test('default manifest: no shared runtime, so the buttons open the pane by URL (works on Excel 2019 too)', () => {
    const page = xpath(xml, `${WB}/AllFormFactors/ExtensionPoint/Page/SourceLocation/@resid`);
    expect(url(xml, page)).toBe('https://localhost:3000/functions.html');
    expect(xpath(xml, 'count(//FunctionFile)')).toBe('0');
    expect(xpath(xml, 'count(//Runtimes)')).toBe('0');
    expect(xpath(xml, "count(//Set[@Name='SharedRuntime'])")).toBe('0');
    expect(xpath(xml, "count(//Action[@xsi:type='ExecuteFunction'])")).toBe('0');
  });

  test('shared-runtime manifest: one runtime (the pane page) for the pane, the function file, the functions and the ribbon', () => {
    const runtime = xpath(shared, `${WB}/Runtimes/Runtime/@resid`);
    expect(runtime).toBe('Taskpane.Url');
    expect(xpath(shared, `${WB}/Runtimes/Runtime/@lifetime`)).toBe('long');
    expect(xpath(shared, `count(${WB}/Runtimes/Runtime)`)).toBe('1');
    expect(xpath(shared, `${WB}/DesktopFormFactor/FunctionFile/@resid`)).toBe(runtime);
    expect(xpath(shared, `${WB}/AllFormFactors/ExtensionPoint/Page/SourceLocation/@resid`)).toBe(runtime);
    // every task pane the ribbon opens is the runtime's page (Microsoft: a different resid starts another runtime)
    const panes = xpath(shared, "count(//Action[@xsi:type='ShowTaskpane'])");
    expect(Number(panes)).toBeGreaterThan(0);
    expect(xpath(shared, `count(//Action[@xsi:type='ShowTaskpane'][SourceLocation/@resid='${runtime}'])`)).toBe(panes);
    expect(xpath(shared, "count(//Set[@Name='SharedRuntime'][@MinVersion='1.1'])")).toBe('1');
  });

  test('shared-runtime manifest: "Kiểm tra" and "Tạo phụ lục" call the commands the pane associates', () => {
    const { COMMANDS } = require('../../src/taskpane/commands') as { COMMANDS: Record<string, string> };
    const action = (id: string) => xpath(shared, `//Control[@id='${id}']/Action/FunctionName`);
    expect(action('DanhMuc.Check')).toBe('checkActiveSheet');
    expect(action('DanhMuc.Build')).toBe('openBuild');
    expect(COMMANDS).toEqual({ checkActiveSheet: 'check', openBuild: 'build' });
    expect(shared).not.toMatch(/Pane\.(Check|Build)\.Url|Functions\.Page\.Url/);
  });

  test('shared-runtime manifest: valid against the current schema revision, which the shared (older) one lacks', () => {
    const file = tmpFile('manifest.xml', shared);
    expect(() => validate(file, currentRevisionSchema())).not.toThrow();
    expect(() => validate(path.join(ROOT, 'manifest.xml'), currentRevisionSchema())).not.toThrow();
    // the one element the shared schema does not know: why the shared runtime is a build option, not the default
    expect(() => validate(file)).toThrow(/Runtimes/);
    expect(() => validate(tmpFile('manifest.xml', shared.replace(/\s*<Runtimes>[\s\S]*?<\/Runtimes>/, '')))).not.toThrow();
    const prod = manifestFor(shared, 'https://danhmuc.example.vn/addin');
    expect(prod).not.toContain('localhost');
    expect(() => validate(tmpFile('manifest.xml', prod), currentRevisionSchema())).not.toThrow();
  });
});
