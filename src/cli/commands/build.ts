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
import { type BuildRequest, buildAppendix } from '../../app/build';
import type { Dec } from '../../core/base/decimal';
import type { RowSink, SheetSpec } from '../../core/layout/sheetspec';
import { presetSetting, unitSetting } from '../../app/settings';
import { checkOutput, writeOutput, xlsxWriteCliError } from './output';
import { StreamedBook } from '../../xlsx/streamRows';
import { XlsxWriteError } from '../../xlsx/specCheck';
import { SAMPLE_FILE, looksLikeJson, planFromJsonBuffer, readInput, samplePath } from './common';

export const USAGE = `cách dùng: danh-muc build <kế-hoạch.json | nhập-liệu.xlsx> -o <phu-luc.xlsx | phu-luc.docx> [--preset medium-term|annual|flat|completed] [--sheet TÊN] [--unit ĐƠN-VỊ] [--words] [--force]
       danh-muc build --sample -o <phu-luc.xlsx | phu-luc.docx>
  Lập phụ lục "Danh mục dự án" vào một tệp Excel (.xlsx) hoặc Word (.docx, A4 ngang, dòng tiêu đề bảng lặp lại ở mỗi trang)
  MỚI, theo đuôi của tệp ra (không ghi đè, trừ khi có --force); tệp vào chỉ được đọc.
  --unit đổi mọi số tiền sang đơn vị khác (đồng, nghìn đồng, triệu đồng, tỷ đồng), đổi đúng giá trị, không chỉ đổi nhãn.`;

/**
 * The plan of an input sheet. Its reader and the sheet finder (which brings the whole checker) are loaded here, only
 * for an .xlsx input: a plan JSON build does without them (~60 ms of start-up).
 */
async function planFromXlsxBuffer(
  buf: Buffer, shown: string, sheet: string | undefined,
): Promise<{ plan: Plan; sheet: string; notes: InputProblem[] }> {
  const [{ readWorkbookGrids }, { UnreadableWorkbookError }, { findSheet }, { findInputSheet, planFromInputSheet }] = await Promise.all([
    import('../../xlsx/stream/read'), import('../../xlsx/readErrors'), import('../../app/check'), import('../../app/input'),
  ]);
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

  // The plan, its totals and the input's bytes are only reachable inside buildFromInput: the writer runs with the
  // SheetSpec alone (100,000 items: the plan and its totals are ~250 MB the write does not need).
  // An .xlsx output takes the body rows as they are laid out (streamRows.ts): the sheet's cells never exist all at once.
  const book = path.extname(out).toLowerCase() === '.xlsx' ? new StreamedBook() : undefined;
  const built = await buildFromInput(input, shown, values.sheet?.normalize('NFC'), { preset, unit, words: flags.has('words') }, book?.sink());
  const [sheetName] = await writeOutput([built.spec], out, values.out ?? out, force, io.err, book);
  io.out(
    `Đã tạo phụ lục "${sheetName}"${built.from}: ${built.items} dự án, ${built.groups} nhóm; ${built.headline.label} ` +
    `${formatVi(built.headline.value)} ${built.unit} (Bằng chữ: ${built.words}) → ${out}`,
  );
  const notes = built.notes;
  if (notes.length > 0) {
    io.err(`Lưu ý: ${notes.slice(0, 3).map((n) => n.message).join('; ')}${notes.length > 3 ? `; và ${notes.length - 3} ô khác` : ''}`);
  }
  if (built.errors > 0 || built.warnings > 0) {
    io.err(
      `Lưu ý: số liệu vào có ${built.errors} lỗi, ${built.warnings} cảnh báo` +
      (built.example !== undefined ? ` (ví dụ: ${built.example})` : '') + `; kiểm tra bằng: danh-muc check ${path.basename(out)}`,
    );
  }
  return 0;
}

/** What the command reports of a build, and the spec to write. */
interface Built {
  spec: SheetSpec;
  from: string;
  notes: InputProblem[];
  items: number;
  groups: number;
  headline: { label: string; value: Dec };
  words: string;
  unit: string;
  /** the model checks of the plan: counts, and the first error's (else the first finding's) message */
  errors: number;
  warnings: number;
  example: string | undefined;
}

/** Read the input (plan JSON or an input sheet) and build the appendix; nothing of the plan outlives this call. */
async function buildFromInput(
  input: string, shown: string, sheet: string | undefined, req: BuildRequest, sink: RowSink | undefined,
): Promise<Built> {
  // The input's bytes die with readPlan's frame: the layout runs without them (100,000 items: a 35 MB buffer).
  const { plan, from, notes } = await readPlan(input, shown, sheet);
  let b;
  try {
    b = viaApp(() => buildAppendix(plan, req, sink));
  } catch (e) {
    if (e instanceof XlsxWriteError) throw xlsxWriteCliError(e);
    throw e;
  }
  const first = b.check.findings.find((f) => f.severity === 'error') ?? b.check.findings[0];
  return {
    spec: b.spec, from, notes, items: b.items, groups: b.groups, headline: b.headline, words: b.words,
    unit: b.plan.meta.unit, errors: b.check.summary.errors, warnings: b.check.summary.warnings, example: first?.message,
  };
}

/** The plan of the input file (plan JSON or an input sheet), the sheet it came from and the input sheet's notes. */
async function readPlan(input: string, shown: string, sheet: string | undefined): Promise<{ plan: Plan; from: string; notes: InputProblem[] }> {
  const ext = path.extname(input).toLowerCase();
  const buf = await readInput(input, shown);
  if (ext === '.json' || (ext !== '.xlsx' && ext !== '.xlsm' && looksLikeJson(buf))) {
    return { plan: planFromJsonBuffer(buf, shown), from: '', notes: [] };
  }
  if (ext === '.xlsx' || ext === '.xlsm' || buf.subarray(0, 2).toString('latin1') === 'PK') {
    const r = await planFromXlsxBuffer(buf, shown, sheet);
    return { plan: r.plan, from: ` từ trang "${r.sheet}"`, notes: r.notes };
  }
  throw new CliError(`không nhận ra loại tệp "${shown}": cần tệp kế hoạch .json hoặc tệp nhập liệu .xlsx`);
}
