/**
 * danh-muc build <plan.json | input.xlsx> -o out.xlsx [--preset medium-term|annual|flat|completed] [--force]
 *   [--sheet NAME] [--words]
 * danh-muc build --sample -o phu-luc.xlsx   (the embedded Sóc Trăng 2021-2025 sample)
 *
 * Writes a NEW workbook with the "Phụ lục" sheet; the input file is only read. Refuses to overwrite an existing
 * output unless --force; any bad input exits 2 with one line and leaves no output file.
 */
import { promises as fsp } from 'fs';
import * as path from 'path';
import { CliError, CliIO, parseArgs } from '../io';
import { checkResult } from '../../core/checks/checks';
import type { Dec } from '../../core/base/decimal';
import type { LayoutPreset, Plan } from '../../core/plan/model';
import { layoutPlan, presetOf } from '../../core/layout/layout';
import { LayoutError } from '../../core/layout/messages';
import { formatVi } from '../../core/text/numbers';
import { INPUT_SHEET_NAME, type InputProblem, InputSheetError, isInputGrid, planFromInputGrid } from '../../core/input/template';
import { countPlan } from '../../core/plan/tree';
import { computeTotals, headline } from '../../core/plan/totals';
import { amountToWords } from '../../core/text/words';
import { UnreadableWorkbookError, readWorkbookGrids } from '../../xlsx/readGrid';
import { checkOutput, writeOutput } from './output';
import { SAMPLE_FILE, looksLikeJson, planFromJsonBuffer, readInput, readPreset, samplePath } from './common';

async function planFromXlsxBuffer(
  buf: Buffer, shown: string, sheet: string | undefined,
): Promise<{ plan: Plan; sheet: string; notes: InputProblem[] }> {
  let grids;
  try {
    grids = await readWorkbookGrids(buf);
  } catch (e) {
    if (e instanceof UnreadableWorkbookError) throw new CliError(`không đọc được "${shown}": ${e.message}`);
    throw e;
  }
  let grid;
  if (sheet !== undefined) {
    grid = grids.find((g) => g.sheet.normalize('NFC') === sheet.normalize('NFC'));
    if (!grid) throw new CliError(`tệp "${shown}" không có trang "${sheet}" (có: ${grids.map((g) => g.sheet).join(', ')})`);
  } else {
    grid = grids.find((g) => g.sheet === INPUT_SHEET_NAME && isInputGrid(g)) ?? grids.find(isInputGrid);
    if (!grid) {
      throw new CliError(
        `tệp "${shown}" không có trang nhập liệu (dòng tiêu đề "TT", "Tên dự án/nhiệm vụ"); ` +
        'tạo mẫu bằng: danh-muc template -o nhap-lieu.xlsx');
    }
  }
  const notes: InputProblem[] = [];
  try {
    return { plan: planFromInputGrid(grid, { notes }), sheet: grid.sheet, notes };
  } catch (e) {
    if (e instanceof InputSheetError) throw new CliError(`trang "${grid.sheet}" của "${shown}": ${e.message}`);
    throw e;
  }
}

/** The figure the summary line states: this year's amount for an annual plan, else the grand total. */
export function headlineFigure(plan: Plan, preset: LayoutPreset): { label: string; value: Dec } {
  const totals = computeTotals(plan);
  if (preset === 'annual' && plan.planYear !== undefined) {
    return { label: `kinh phí năm ${plan.planYear}`, value: totals.grand.annual };
  }
  const h = headline(plan, totals);
  return { label: h.field === 'totalInvestment' ? 'tổng mức đầu tư' : 'tổng cộng', value: h.value };
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const { positional, values, flags } = parseArgs(args, {
    values: ['out', 'preset', 'sheet'],
    flags: ['force', 'sample', 'words'],
    aliases: { '-o': '--out', '-f': '--force' },
  });
  const sample = flags.has('sample');
  if (positional.length > 1) throw new CliError(`chỉ nhận một tệp vào, có ${positional.length}: ${positional.join(', ')}`);
  if (sample && positional.length > 0) throw new CliError('dùng --sample hoặc một tệp vào, không dùng cả hai');
  if (!sample && positional.length === 0) {
    throw new CliError('thiếu tệp vào: danh-muc build <kế-hoạch.json | nhập-liệu.xlsx> -o phu-luc.xlsx (hoặc --sample)');
  }
  const preset = values.preset !== undefined ? readPreset(values.preset) : undefined;
  const force = flags.has('force');
  const out = await checkOutput(values.out, io.cwd, force, 'danh-muc build --sample -o phu-luc.xlsx');

  const input = sample ? samplePath() : path.resolve(io.cwd, positional[0]);
  const shown = sample ? SAMPLE_FILE : positional[0];
  if (path.resolve(input) === out) throw new CliError('tệp ra trùng tệp vào; hãy chọn tên khác cho tệp ra (tệp vào được giữ nguyên)');
  const realIn = await fsp.realpath(input).catch(() => input);
  const realOut = await fsp.realpath(out).catch(() => out);
  if (realIn === realOut) throw new CliError('tệp ra trùng tệp vào; hãy chọn tên khác cho tệp ra (tệp vào được giữ nguyên)');

  const buf = await readInput(input, shown);
  const ext = path.extname(input).toLowerCase();
  let plan: Plan;
  let from = '';
  let notes: InputProblem[] = [];
  if (ext === '.json' || (ext !== '.xlsx' && ext !== '.xlsm' && looksLikeJson(buf))) {
    plan = planFromJsonBuffer(buf, shown);
  } else if (ext === '.xlsx' || ext === '.xlsm' || buf.subarray(0, 2).toString('latin1') === 'PK') {
    const r = await planFromXlsxBuffer(buf, shown, values.sheet?.normalize('NFC'));
    plan = r.plan;
    from = ` từ trang "${r.sheet}"`;
    notes = r.notes;
  } else {
    throw new CliError(`không nhận ra loại tệp "${shown}": cần tệp kế hoạch .json hoặc tệp nhập liệu .xlsx`);
  }

  let spec;
  try {
    spec = layoutPlan(plan, { preset, words: flags.has('words') });
  } catch (e) {
    if (e instanceof LayoutError) throw new CliError(`không lập được phụ lục: ${e.message}`);
    throw e;
  }
  const [sheetName] = await writeOutput([spec], out, values.out ?? out, force);

  const { items, groups } = countPlan(plan.nodes);
  const head = headlineFigure(plan, presetOf(plan, { preset }));
  const unit = plan.meta.unit;
  const words = amountToWords(head.value, { unit });
  io.out(
    `Đã tạo phụ lục "${sheetName}"${from}: ${items} dự án, ${groups} nhóm; ${head.label} ${formatVi(head.value)} ${unit} ` +
    `(Bằng chữ: ${words}) → ${out}`,
  );
  if (notes.length > 0) {
    io.err(`Lưu ý: ${notes.slice(0, 3).map((n) => n.message).join('; ')}${notes.length > 3 ? `; và ${notes.length - 3} ô khác` : ''}`);
  }
  const check = checkResult(plan);
  if (check.summary.errors > 0 || check.summary.warnings > 0) {
    const first = check.findings.find((f) => f.severity === 'error') ?? check.findings[0];
    io.err(
      `Lưu ý: số liệu vào có ${check.summary.errors} lỗi, ${check.summary.warnings} cảnh báo` +
      (first ? ` (ví dụ: ${first.message})` : '') + `; kiểm tra bằng: danh-muc check ${path.basename(out)}`,
    );
  }
  return 0;
}
