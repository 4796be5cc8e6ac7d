/**
 * danh-muc template -o input.xlsx [--years 2021-2025] [--sources NSTW,NSĐP,ĐTPT] [--unit "triệu đồng"]
 *   [--preset medium-term|annual|flat|completed] [--title ...] [--rows N] [--force]
 * danh-muc template -o input.xlsx --from plan.json | --sample   (the input sheet pre-filled with a plan)
 * Writes the input sheet ("Nhập liệu") officers fill in; `build` turns it into the appendix.
 */
import * as path from 'path';
import { CliError, type CliIO, parseArgs, viaApp } from '../io';
import type { Plan } from '../../core/plan/model';
import { DEFAULTS } from '../../core/plan/settings';
import { countPlan } from '../../core/plan/tree';
import { templateSpec } from '../../core/input/write';
import { presetSetting, sourcesSetting, unitSetting, yearSpanSetting } from '../../app/settings';
import { SAMPLE_FILE, planFromJsonBuffer, readInput, samplePath } from './common';
import { checkOutput, writeOutput } from './output';

export const USAGE = `cách dùng: danh-muc template -o <nhap-lieu.xlsx> [--years 2026-2030] [--sources NSTW,NSĐP,ĐTPT] [--unit "triệu đồng"]
         [--preset medium-term|annual|flat|completed] [--title ...] [--rows N] [--from kế-hoạch.json | --sample] [--force]
  Tạo tệp Excel có trang "Nhập liệu" để điền danh mục; điền xong, lập phụ lục bằng: danh-muc build <tệp> -o phu-luc.xlsx`;

export async function run(args: string[], io: CliIO): Promise<number> {
  const { positional, values, flags } = parseArgs(args, {
    values: ['out', 'years', 'sources', 'unit', 'preset', 'title', 'rows', 'from'],
    flags: ['force', 'sample'],
    aliases: { '-o': '--out', '-f': '--force' },
  });
  if (positional.length > 0) throw new CliError(`tham số thừa: "${positional[0]}" (tệp ra ghi sau -o)`);
  if (flags.has('sample') && values.from !== undefined) throw new CliError('dùng --from hoặc --sample, không dùng cả hai');
  let plan: Plan | undefined;
  if (flags.has('sample')) plan = planFromJsonBuffer(await readInput(samplePath(), SAMPLE_FILE), SAMPLE_FILE);
  else if (values.from !== undefined) plan = planFromJsonBuffer(await readInput(path.resolve(io.cwd, values.from), values.from), values.from);
  const years = values.years !== undefined ? viaApp(() => yearSpanSetting(values.years)) : (plan ? plan.years : DEFAULTS.years);
  const sources = values.sources !== undefined || !plan ? viaApp(() => sourcesSetting(values.sources ?? DEFAULTS.sourceCodes)) : plan.sources;
  const unit = values.unit !== undefined ? viaApp(() => unitSetting(values.unit)) : (plan?.meta.unit ?? DEFAULTS.unit);
  const preset = values.preset !== undefined ? viaApp(() => presetSetting(values.preset)) : undefined;
  let rows: number | undefined;
  if (values.rows !== undefined) {
    if (!/^\d{1,6}$/.test(values.rows) || parseInt(values.rows, 10) < 1 || parseInt(values.rows, 10) > 100000) {
      throw new CliError(`--rows nhận số dòng từ 1 đến 100000, không nhận "${values.rows}"`);
    }
    rows = parseInt(values.rows, 10);
  }
  const force = flags.has('force');
  const out = await checkOutput(values.out, io.cwd, force, 'danh-muc template -o nhap-lieu.xlsx');

  const spec = templateSpec({ years, sources, unit, preset, title: values.title?.normalize('NFC'), rows, plan });
  const [name] = await writeOutput([spec], out, values.out ?? out, force, io.err);
  const span = !years ? 'không chia theo năm' : years.from === years.to ? `năm ${years.from}` : `năm ${years.from}-${years.to}`;
  const filled = plan ? `, đã điền ${countPlan(plan.nodes).items} dự án` : '';
  io.out(
    `Đã tạo mẫu nhập liệu "${name}" (${span}; nguồn vốn ${sources.map((s) => s.code).join(', ')}; ĐVT ${unit}${filled}) → ${out}. ` +
    `Điền xong, tạo phụ lục bằng: danh-muc build ${path.basename(out)} -o phu-luc.xlsx`,
  );
  return 0;
}
