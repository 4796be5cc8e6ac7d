/**
 * danh-muc build <plan.json | input.xlsx> -o out.xlsx [--preset medium-term|annual|flat|completed] [--force]
 *   [--sheet NAME] [--words] [--unit "tỷ đồng"]  (--unit converts every amount exactly)
 * danh-muc build --sample -o phu-luc.xlsx   (the embedded Sóc Trăng 2021-2025 sample)
 * danh-muc build … -o phu-luc.docx           (the same appendix as a Word document, by the output's extension)
 *
 * Writes a NEW workbook with the "Phụ lục" sheet; the input file is only read. Refuses to overwrite an existing
 * output unless --force; any bad input exits 2 with one line and leaves no output file.
 */
import { promises as fsp } from 'fs';
import * as path from 'path';
import { CliError, type CliIO, parseArgs, viaApp } from '../io';
import type { Plan } from '../../core/plan/model';
import type { InputProblem } from '../../core/input/problems';
import { formatVi } from '../../core/text/numbers';
import { buildAppendix } from '../../app/build';
import { findSheet } from '../../app/check';
import { findInputSheet, planFromInputSheet } from '../../app/input';
import { presetSetting, unitSetting } from '../../app/settings';
import { UnreadableWorkbookError } from '../../xlsx/readErrors';
import { readWorkbookGrids } from '../../xlsx/stream/read';
import { checkOutput, writeOutput } from './output';
import { SAMPLE_FILE, looksLikeJson, planFromJsonBuffer, readInput, samplePath } from './common';

export const USAGE = `cách dùng: danh-muc build <kế-hoạch.json | nhập-liệu.xlsx> -o <phu-luc.xlsx | phu-luc.docx> [--preset medium-term|annual|flat|completed] [--sheet TÊN] [--unit ĐƠN-VỊ] [--words] [--force]
       danh-muc build --sample -o <phu-luc.xlsx | phu-luc.docx>
  Lập phụ lục "Danh mục dự án" vào một tệp Excel (.xlsx) hoặc Word (.docx, A4 ngang, dòng tiêu đề bảng lặp lại ở mỗi trang)
  MỚI, theo đuôi của tệp ra (không ghi đè, trừ khi có --force); tệp vào chỉ được đọc.
  --unit đổi mọi số tiền sang đơn vị khác (đồng, nghìn đồng, triệu đồng, tỷ đồng), đổi đúng giá trị, không chỉ đổi nhãn.`;

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
  const found = sheet !== undefined
    ? { sheet, grid: viaApp(() => findSheet(grids, sheet)) }
    : await findInputSheet(grids.map((g) => g.sheet), (name) => grids.find((g) => g.sheet === name)!);
  if (!found) {
    throw new CliError(
      `tệp "${shown}" không có trang nhập liệu (dòng tiêu đề "TT", "Tên dự án/nhiệm vụ"); ` +
      'tạo mẫu bằng: danh-muc template -o nhap-lieu.xlsx');
  }
  const notes: InputProblem[] = [];
  const plan = viaApp(() => planFromInputSheet(found.grid, notes));
  return { plan, sheet: found.grid.sheet, notes };
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const { positional, values, flags } = parseArgs(args, {
    values: ['out', 'preset', 'sheet', 'unit'],
    flags: ['force', 'sample', 'words'],
    aliases: { '-o': '--out', '-f': '--force' },
  });
  const sample = flags.has('sample');
  if (positional.length > 1) throw new CliError(`chỉ nhận một tệp vào, có ${positional.length}: ${positional.join(', ')}`);
  if (sample && positional.length > 0) throw new CliError('dùng --sample hoặc một tệp vào, không dùng cả hai');
  if (!sample && positional.length === 0) {
    throw new CliError('thiếu tệp vào: danh-muc build <kế-hoạch.json | nhập-liệu.xlsx> -o phu-luc.xlsx (hoặc --sample)');
  }
  const preset = values.preset !== undefined ? viaApp(() => presetSetting(values.preset)) : undefined;
  const unit = values.unit !== undefined ? viaApp(() => unitSetting(values.unit)) : undefined;
  const force = flags.has('force');
  const out = await checkOutput(values.out, io.cwd, force, 'danh-muc build --sample -o phu-luc.xlsx', ['.xlsx', '.docx']);

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

  const built = viaApp(() => buildAppendix(plan, { preset, unit, words: flags.has('words') }));
  const [sheetName] = await writeOutput([built.spec], out, values.out ?? out, force, io.err);
  const shownUnit = built.plan.meta.unit;
  io.out(
    `Đã tạo phụ lục "${sheetName}"${from}: ${built.items} dự án, ${built.groups} nhóm; ${built.headline.label} ` +
    `${formatVi(built.headline.value)} ${shownUnit} (Bằng chữ: ${built.words}) → ${out}`,
  );
  if (notes.length > 0) {
    io.err(`Lưu ý: ${notes.slice(0, 3).map((n) => n.message).join('; ')}${notes.length > 3 ? `; và ${notes.length - 3} ô khác` : ''}`);
  }
  const check = built.check;
  if (check.summary.errors > 0 || check.summary.warnings > 0) {
    const first = check.findings.find((f) => f.severity === 'error') ?? check.findings[0];
    io.err(
      `Lưu ý: số liệu vào có ${check.summary.errors} lỗi, ${check.summary.warnings} cảnh báo` +
      (first ? ` (ví dụ: ${first.message})` : '') + `; kiểm tra bằng: danh-muc check ${path.basename(out)}`,
    );
  }
  return 0;
}
