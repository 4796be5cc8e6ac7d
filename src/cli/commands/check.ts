/**
 * danh-muc check <file.xlsx> [--sheet NAME] [--json] [--stated-total N] [--tolerance N] [--unit ...]
 *
 * Reads the workbook (never writes it), checks the named sheet or every sheet holding a recognisable
 * table, prints the findings grouped by severity with cell addresses (or JSON), exits 0 (no error
 * findings), 1 (error findings) or 2 (usage error, unreadable file: one line).
 */
import * as path from 'path';
import type { Grid } from '../../core/base/grid';
import type { Finding, Severity } from '../../core/checks/findings';
import type { SheetCheckResult } from '../../core/checks/sheetCheck';
import { formatVi, parseAmount } from '../../core/text/numbers';
import { checkOptions, checkWorkbook, type WorkbookCheck } from '../../app/check';
import type { SheetCheckOptions } from '../../core/checks/sheetCheck';
import { looksLikeDocx } from '../../docx/sniff';
import { UnreadableWorkbookError } from '../../xlsx/readErrors';
import { readWorkbookGrids } from '../../xlsx/stream/read';
import { CliError, type CliIO, parseArgs, viaApp } from '../io';
import { readInput } from './readInput';
import { reclaimSheet } from '../memory';

export const USAGE = `cách dùng: danh-muc check <tệp.xlsx|tệp.docx> [--sheet TÊN] [--json] [--stated-total N] [--tolerance N] [--unit "triệu đồng"]
  Kiểm tra bảng danh mục (không sửa tệp). Mã thoát: 0 không có lỗi, 1 có lỗi, 2 sai cách dùng hoặc không đọc được tệp.`;

const SEVERITY_TITLE: Record<Severity, string> = { error: 'LỖI', warning: 'CẢNH BÁO', info: 'THÔNG TIN' };

function shown(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (/^-?\d+(\.\d+)?$/.test(v)) {
    const p = parseAmount(v.replace('.', ','));
    if (p.kind === 'number') return formatVi(p.value);
  }
  return v.length > 120 ? v.slice(0, 120) + '…' : v;
}

function quoted(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  return `"${v.length > 120 ? v.slice(0, 120) + '…' : v}"`;
}

function findingLine(f: Finding, withSheet: boolean, indent = ''): string {
  const where = f.where !== undefined ? f.where : f.cell ? (withSheet ? `'${f.sheet ?? ''}'!${f.cell}` : f.cell) : withSheet ? `'${f.sheet ?? ''}'` : '—';
  const extra: string[] = [];
  const e = shown(f.expected);
  // TEXT_NUMBER's actual value is the cell's text as typed: show it as is, not as a number.
  const a = f.code === 'TEXT_NUMBER' ? quoted(f.actual) : shown(f.actual);
  if (e !== undefined) extra.push(`cần: ${e}`);
  if (a !== undefined) extra.push(`thực tế: ${a}`);
  return `  ${indent}${where.padEnd(f.where !== undefined ? 0 : withSheet ? 18 : 7)} [${f.code}] ${f.message}${extra.length ? ` (${extra.join('; ')})` : ''}`;
}

/** Findings in order, each root cause followed by the findings it explains, indented under it ("↳"). */
function withCauses(fs: Finding[], withSheet: boolean): string[] {
  const key = (sheet: string | undefined, cell: string | undefined): string => `${sheet ?? ''}!${cell ?? ''}`;
  const roots = new Set(fs.filter((f) => f.causedBy === undefined && f.cell !== undefined).map((f) => key(f.sheet, f.cell)));
  const under = new Map<string, Finding[]>();
  for (const f of fs) {
    if (f.causedBy === undefined || !roots.has(key(f.sheet, f.causedBy))) continue;
    const k = key(f.sheet, f.causedBy);
    under.set(k, [...(under.get(k) ?? []), f]);
  }
  const out: string[] = [];
  for (const f of fs) {
    if (f.causedBy !== undefined && roots.has(key(f.sheet, f.causedBy))) continue;
    out.push(findingLine(f, withSheet));
    const k = key(f.sheet, f.cell);
    for (const c of under.get(k) ?? []) out.push(findingLine(c, withSheet, '  ↳ '));
    under.delete(k);
  }
  return out;
}

export function formatHuman(file: string, results: SheetCheckResult[], word = false): string {
  const table = (sheet: string) => (word ? sheet : `Trang tính "${sheet}"`);
  const lines: string[] = [`Kiểm tra tệp: ${file}`];
  for (const r of results) {
    if (!r.recognized) {
      lines.push(`${table(r.sheet)}: không nhận ra bảng danh mục`);
      continue;
    }
    const s = r.summary;
    const total = s.grandTotal !== undefined ? `, tổng cộng ${shown(s.grandTotal)} ${s.unit ?? ''}`.trimEnd() : '';
    const unitNote = r.unitFrom === 'default' ? ` (${word ? 'bảng' : 'trang tính'} không ghi đơn vị tính; coi là ${s.unit})` : '';
    lines.push(`${table(r.sheet)}: ${s.items} dự án/nhiệm vụ, ${s.groups} nhóm${total}${unitNote}`);
  }
  const all = results.flatMap((r) => r.findings);
  const withSheet = results.length > 1 || word;
  for (const sev of ['error', 'warning', 'info'] as Severity[]) {
    const fs = all.filter((f) => f.severity === sev);
    if (fs.length === 0) continue;
    lines.push('', `${SEVERITY_TITLE[sev]} (${fs.length}):`);
    for (const line of withCauses(fs, withSheet)) lines.push(line);
  }
  const errors = all.filter((f) => f.severity === 'error').length;
  const warnings = all.filter((f) => f.severity === 'warning').length;
  const infos = all.length - errors - warnings;
  lines.push('', all.length === 0
    ? 'Kết quả: không có lỗi nào.'
    : `Kết quả: ${errors} lỗi, ${warnings} cảnh báo${infos ? `, ${infos} thông tin` : ''}.`);
  return lines.join('\n');
}

export function formatJson(results: SheetCheckResult[]): string {
  const findings = results.flatMap((r) => r.findings).map((f) => ({
    code: f.code,
    severity: f.severity,
    message: f.message,
    sheet: f.sheet ?? null,
    cell: f.cell ?? null,
    expected: f.expected ?? null,
    actual: f.actual ?? null,
    causedBy: f.causedBy ?? null,
    ...(f.where !== undefined ? { where: f.where } : {}),
  }));
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const summary = {
    errors,
    warnings,
    infos: findings.length - errors - warnings,
    sheets: results.map((r) => ({
      sheet: r.sheet,
      recognized: r.recognized,
      items: r.summary.items,
      groups: r.summary.groups,
      grandTotal: r.summary.grandTotal ?? null,
      unit: r.summary.unit ?? null,
      errors: r.summary.errors,
      warnings: r.summary.warnings,
    })),
  };
  return JSON.stringify({ findings, summary }, null, 2);
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const { positional, values, flags } = parseArgs(args, {
    values: ['sheet', 'stated-total', 'tolerance', 'unit'],
    flags: ['json'],
  });
  if (positional.length !== 1) {
    throw new CliError(positional.length === 0 ? `thiếu tên tệp; ${USAGE.split('\n')[0]}` : `chỉ kiểm tra một tệp mỗi lần; ${USAGE.split('\n')[0]}`);
  }
  const opts = viaApp(() => checkOptions({
    unit: values.unit,
    statedTotal: values['stated-total'],
    statedTotalWhere: 'tổng nêu trong kế hoạch (--stated-total)',
    tolerance: values.tolerance,
  }));
  const file = path.resolve(io.cwd, positional[0]);
  // The file's bytes are held by `input` alone, so that the workbook reader can let them go once it has the grids.
  const input: { bytes?: Buffer } = { bytes: await readInput(file, positional[0]) };
  const word = looksLikeDocx(input.bytes!) || path.extname(file).toLowerCase() === '.docx';
  const { results, errors } = word
    ? await checkWord(input.bytes!, positional[0], opts, values.sheet)
    : await checkXlsx(input, positional[0], opts, values.sheet);
  io.out(flags.has('json') ? formatJson(results) : formatHuman(positional[0], results, word));
  return errors > 0 ? 1 : 0;
}

async function checkXlsx(input: { bytes?: Buffer }, shown: string, opts: SheetCheckOptions, sheet: string | undefined): Promise<WorkbookCheck> {
  let grids;
  try {
    grids = await gridsOf(input);
  } catch (e) {
    if (e instanceof UnreadableWorkbookError) throw new CliError(`không đọc được "${shown}": ${e.message}`);
    throw e;
  }
  return viaApp(() => checkWorkbook(grids, opts, sheet, { release: true, released: reclaimSheet }));
}

/** The grids of the workbook in `input`, whose bytes are dropped from it: nothing holds them while checking. */
async function gridsOf(input: { bytes?: Buffer }): Promise<Grid[]> {
  const read = readWorkbookGrids(input.bytes!);
  input.bytes = undefined;
  return read;
}

/** A Word plan (by its content: a package holding word/document.xml; or named .docx). --sheet names a table ("Bảng 2"). */
async function checkWord(bytes: Buffer, shown: string, opts: SheetCheckOptions, sheet: string | undefined): Promise<WorkbookCheck> {
  // The Word reader is loaded only for a Word file: checking a workbook (the common case) never pays for it.
  const [{ readDocxFile }, { UnreadableDocxError }, { checkDocument }] = await Promise.all([
    import('../../docx/node'), import('../../docx/messages'), import('../../app/checkDocument')]);
  let doc;
  try {
    doc = await readDocxFile(bytes, path.basename(shown));
  } catch (e) {
    if (e instanceof UnreadableDocxError) throw new CliError(`không đọc được "${shown}": ${e.message}`);
    throw e;
  }
  const all = viaApp(() => checkDocument(doc, opts));
  if (sheet === undefined) return all;
  const results = all.results.filter((r) => r.sheet.toLowerCase() === sheet.trim().toLowerCase());
  if (results.length === 0) throw new CliError(`văn bản không có bảng danh mục "${sheet}"; có: ${all.results.map((r) => r.sheet).join(', ')}`);
  return { results, errors: results.flatMap((r) => r.findings).filter((f) => f.severity === 'error').length };
}
