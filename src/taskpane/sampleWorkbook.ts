/**
 * The preview's built-in workbook: the Sóc Trăng 2021-2025 sample laid out as its appendix ("Phụ lục 02").
 */
import type { Engine } from './engine';
import { PreviewHost } from '../office/previewHost';
import { parseA1 } from '../core/findings';
import type { SheetSpec } from '../core/sheetspec';

export async function samplePreviewHost(engine: Engine): Promise<PreviewHost> {
  const plan = await engine.samplePlan();
  const specs: SheetSpec[] = [];
  specs.push({ ...engine.layout(plan, {}), name: `Phụ lục ${plan.meta.appendixNo ?? ''}`.trim() });
  const host = PreviewHost.fromSpecs(specs);
  host.activate(specs[specs.length - 1].name);
  return host;
}

/** "G9=1000" → types 1000 into G9 of the active sheet (demo/test hook to show a finding). */
export function applyInjection(host: PreviewHost, spec: string): void {
  const m = /^([A-Za-z]{1,3}\d{1,7})=(-?\d+(?:\.\d+)?)$/.exec(spec.trim());
  if (!m) return;
  const pos = parseA1(m[1]);
  if (!pos) return;
  const { sheets, active } = host.state();
  host.setCellValue(sheets[active].name, pos.row, pos.col, Number(m[2]));
}
