/**
 * danh-muc check <file.xlsx> [--sheet NAME] [--json] [--stated-total N] [--tolerance N] [--unit ...]
 *
 * Reads the workbook (never writes it), checks the named sheet or every sheet holding a recognisable
 * table, prints the findings grouped by severity with cell addresses (or JSON), exits 0 (no error
 * findings), 1 (error findings) or 2 (usage error, unreadable file: one line).
 */
import * as path from 'path';
import type { Dec } from '../../core/base/decimal';
import type { Finding, Severity } from '../../core/checks/findings';
import type { Grid } from '../../core/base/grid';
import type { Unit } from '../../core/plan/model';
import { formatVi, parseAmount, parseUnitLine } from '../../core/text/numbers';
import { checkGrid, type SheetCheckResult } from '../../core/checks/sheetCheck';
import { foldWords } from '../../core/text/fold';
import { readWorkbookGrids, UnreadableWorkbookError } from '../../xlsx/readGrid';
import { CliError, type CliIO, parseArgs } from '../io';

const USAGE = 'cách dùng: danh-muc check <tệp.xlsx> [--sheet TÊN] [--json] [--stated-total N] [--tolerance N] [--unit "triệu đồng"]';

/** "triệu đồng", "triệu", "tr", "tỷ", "nghìn", "đồng" → Unit. */
export function parseUnitOption(text: string): Unit | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  return parseUnitLine(`ĐVT: ${t}`);
}

function readAmountOption(name: string, text: string): { value: Dec; unit?: Unit } {
  const p = parseAmount(text);
  if (p.kind !== 'number') {
    throw new CliError(`--${name}: "${text}" không phải là số tiền${p.kind === 'invalid' ? ` (${p.reason})` : ''}`);
  }
  return { value: p.value, unit: p.unitInText };
}

function findSheet(grids: Grid[], name: string): Grid {
  const exact = grids.find((g) => g.sheet === name);
  if (exact) return exact;
  const f = foldWords(name);
  const loose = grids.filter((g) => foldWords(g.sheet) === f);
  if (loose.length === 1) return loose[0];
  throw new CliError(`không có trang tính "${name}"; các trang tính: ${grids.map((g) => `"${g.sheet}"`).join(', ')}`);
}

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

function findingLine(f: Finding, withSheet: boolean): string {
  const where = f.cell ? (withSheet ? `'${f.sheet ?? ''}'!${f.cell}` : f.cell) : withSheet ? `'${f.sheet ?? ''}'` : '—';
  const extra: string[] = [];
  const e = shown(f.expected);
  // TEXT_NUMBER's actual value is the cell's text as typed: show it as is, not as a number.
  const a = f.code === 'TEXT_NUMBER' ? quoted(f.actual) : shown(f.actual);
  if (e !== undefined) extra.push(`cần: ${e}`);
  if (a !== undefined) extra.push(`thực tế: ${a}`);
  return `  ${where.padEnd(withSheet ? 18 : 7)} [${f.code}] ${f.message}${extra.length ? ` (${extra.join('; ')})` : ''}`;
}

export function formatHuman(file: string, results: SheetCheckResult[]): string {
  const lines: string[] = [`Kiểm tra tệp: ${file}`];
  for (const r of results) {
    if (!r.recognized) {
      lines.push(`Trang tính "${r.sheet}": không nhận ra bảng danh mục`);
      continue;
    }
    const s = r.summary;
    const total = s.grandTotal !== undefined ? `, tổng cộng ${shown(s.grandTotal)} ${s.unit ?? ''}`.trimEnd() : '';
    const unitNote = r.unitFrom === 'default' ? ` (trang tính không ghi đơn vị tính; coi là ${s.unit})` : '';
    lines.push(`Trang tính "${r.sheet}": ${s.items} dự án/nhiệm vụ, ${s.groups} nhóm${total}${unitNote}`);
  }
  const all = results.flatMap((r) => r.findings);
  const withSheet = results.length > 1;
  for (const sev of ['error', 'warning', 'info'] as Severity[]) {
    const fs = all.filter((f) => f.severity === sev);
    if (fs.length === 0) continue;
    lines.push('', `${SEVERITY_TITLE[sev]} (${fs.length}):`);
    for (const f of fs) lines.push(findingLine(f, withSheet));
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
  if (positional.length !== 1) throw new CliError(positional.length === 0 ? `thiếu tên tệp; ${USAGE}` : `chỉ kiểm tra một tệp mỗi lần; ${USAGE}`);
  let unit: Unit | undefined;
  if (values.unit !== undefined) {
    unit = parseUnitOption(values.unit);
    if (!unit) throw new CliError(`--unit: không hiểu đơn vị "${values.unit}" (dùng: đồng, nghìn đồng, triệu đồng, tỷ đồng)`);
  }
  const stated = values['stated-total'] !== undefined ? readAmountOption('stated-total', values['stated-total']) : undefined;
  const tol = values.tolerance !== undefined ? readAmountOption('tolerance', values.tolerance) : undefined;
  if (tol && tol.value.isNegative()) throw new CliError('--tolerance: sai số cho phép không được âm');

  const file = path.resolve(io.cwd, positional[0]);
  let grids: Grid[];
  try {
    grids = await readWorkbookGrids(file);
  } catch (e) {
    if (e instanceof UnreadableWorkbookError) throw new CliError(`không đọc được "${positional[0]}": ${e.message}`);
    throw e;
  }
  const chosen = values.sheet !== undefined ? [findSheet(grids, values.sheet)] : grids;
  const opts = {
    unit,
    ...(stated ? { statedTotal: stated.value, statedTotalUnit: stated.unit, statedTotalWhere: 'tổng nêu trong kế hoạch (--stated-total)' } : {}),
    ...(tol ? { tolerance: tol.value } : {}),
  };
  const results = chosen.map((g) => checkGrid(g, opts));
  // Without --sheet: every sheet holding a table; UNREADABLE_TABLE only when none does.
  let shownResults = results;
  if (values.sheet === undefined) {
    const ok = results.filter((r) => r.recognized);
    shownResults = ok.length > 0 ? ok : results;
  }
  io.out(flags.has('json') ? formatJson(shownResults) : formatHuman(positional[0], shownResults));
  const errors = shownResults.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'error').length, 0);
  return errors > 0 ? 1 : 0;
}
