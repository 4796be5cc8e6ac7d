/**
 * danh-muc template -o input.xlsx [--years 2021-2025] [--sources NSTW,NSĐP,ĐTPT] [--unit "triệu đồng"]
 *   [--preset medium-term|annual|flat|completed] [--title ...] [--force]
 * Writes the input sheet ("Nhập liệu") officers fill in; `build` turns it into the appendix.
 */
import * as path from 'path';
import { CliError, CliIO, parseArgs } from '../io';
import type { LayoutPreset, Unit } from '../../core/model';
import {
  DEFAULT_SOURCE_CODES, DEFAULT_YEARS, TemplateOptionError, parsePresetText, parseSourceCodes, parseUnitText,
  parseYearSpan, templateSpec,
} from '../../core/template';
import { checkOutput, writeOutput } from './output';

function option<T>(f: () => T, what: string): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof TemplateOptionError) throw new CliError(`${what}: ${e.message}`);
    throw e;
  }
}

export function readPreset(text: string): LayoutPreset {
  const p = parsePresetText(text);
  if (!p) throw new CliError(`--preset nhận medium-term, annual, flat hoặc completed, không nhận "${text}"`);
  return p;
}

export function readUnitOption(text: string): Unit {
  const u = parseUnitText(text);
  if (!u) throw new CliError(`--unit nhận "đồng", "nghìn đồng", "triệu đồng" hoặc "tỷ đồng", không nhận "${text}"`);
  return u;
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const { positional, values, flags } = parseArgs(args, {
    values: ['out', 'years', 'sources', 'unit', 'preset', 'title', 'rows'],
    flags: ['force'],
    aliases: { '-o': '--out', '-f': '--force' },
  });
  if (positional.length > 0) throw new CliError(`tham số thừa: "${positional[0]}" (tệp ra ghi sau -o)`);
  const years = values.years !== undefined ? option(() => parseYearSpan(values.years), '--years') : DEFAULT_YEARS;
  const sources = option(() => parseSourceCodes(values.sources ?? DEFAULT_SOURCE_CODES), '--sources');
  const unit = values.unit !== undefined ? readUnitOption(values.unit) : 'triệu đồng';
  const preset = values.preset !== undefined ? readPreset(values.preset) : undefined;
  let rows: number | undefined;
  if (values.rows !== undefined) {
    if (!/^\d{1,6}$/.test(values.rows) || parseInt(values.rows, 10) < 1 || parseInt(values.rows, 10) > 100000) {
      throw new CliError(`--rows nhận số dòng từ 1 đến 100000, không nhận "${values.rows}"`);
    }
    rows = parseInt(values.rows, 10);
  }
  const force = flags.has('force');
  const out = await checkOutput(values.out, io.cwd, force, 'danh-muc template -o nhap-lieu.xlsx');

  const spec = templateSpec({ years, sources, unit, preset, title: values.title?.normalize('NFC'), rows });
  const [name] = await writeOutput([spec], out, values.out ?? out, force);
  const span = years.from === years.to ? `năm ${years.from}` : `năm ${years.from}-${years.to}`;
  io.out(
    `Đã tạo mẫu nhập liệu "${name}" (${span}; nguồn vốn ${sources.map((s) => s.code).join(', ')}; ĐVT ${unit}) → ${out}. ` +
    `Điền xong, tạo phụ lục bằng: danh-muc build ${path.basename(out)} -o phu-luc.xlsx`,
  );
  return 0;
}
