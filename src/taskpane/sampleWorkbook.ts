/**
 * The preview's built-in workbook: the Sóc Trăng 2021-2025 sample laid out as its appendix ("Phụ lục 02").
 */
import type { Engine } from './engine';
import { PreviewHost } from '../office/previewHost';
import { parseA1 } from '../core/base/a1';
import type { SheetSpec } from '../core/layout/sheetspec';

export async function samplePreviewHost(engine: Engine): Promise<PreviewHost> {
  const plan = await engine.samplePlan();
  const specs: SheetSpec[] = [];
  specs.push({ ...engine.layout(plan, {}), name: `Phụ lục ${plan.meta.appendixNo ?? ''}`.trim() });
  const host = PreviewHost.fromSpecs(specs);
  host.activate(specs[specs.length - 1].name);
  return host;
}

/**
 * Demo/test hook: "G9=1000" types 1000 into G9 of the active sheet, "B9=some text" types text; several
 * entries are separated by ";". Used to show a finding in the preview.
 */
export function applyInjection(host: PreviewHost, spec: string): void {
  for (const part of spec.split(';')) {
    const m = /^([A-Za-z]{1,3}\d{1,7})=(.*)$/s.exec(part.trim());
    const pos = m ? parseA1(m[1]) : undefined;
    if (!m || !pos) continue;
    const { sheets, active } = host.state();
    const value = /^-?\d+(?:\.\d+)?$/.test(m[2]) ? Number(m[2]) : m[2];
    host.setCellValue(sheets[active].name, pos.row, pos.col, value);
  }
}
