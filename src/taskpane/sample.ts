/** The embedded sample plan (Sóc Trăng 2021-2025), loaded on demand as its own chunk: the pane in Excel rarely needs it. */
import type { Plan } from '../core/plan/model';
import { planFromJsonData } from '../app/planJson';
import sample from '../../samples/soc-trang-2021-2025.plan.json';

export function samplePlan(): Plan {
  return planFromJsonData(sample);
}
