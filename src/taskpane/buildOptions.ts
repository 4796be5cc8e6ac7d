/**
 * The Tạo phụ lục form applied to a plan: title, "Kèm theo" text, unit, year span and the funding sources to
 * show. The plan passed in is not changed. Amounts outside a narrowed year span, or unknown source codes, are
 * refused with a Vietnamese message rather than silently dropped.
 */
import type { Plan, PlanNode } from '../core/plan/model';
import type { BuildOptions } from './engine';
import { UserError } from './engine';

function yearsUsed(nodes: PlanNode[], out: Set<number>): Set<number> {
  for (const n of nodes) {
    if (n.kind === 'item') {
      for (const [y, v] of Object.entries(n.amounts.years)) if (v && !v.isZero()) out.add(parseInt(y, 10));
      if (n.children) yearsUsed(n.children, out);
    } else {
      yearsUsed(n.children, out);
    }
  }
  return out;
}

function sourceUsed(nodes: PlanNode[], code: string): boolean {
  return nodes.some((n) => (n.kind === 'item'
    ? (n.amounts.sources[code] !== undefined && !n.amounts.sources[code].isZero()) || (n.children ? sourceUsed(n.children, code) : false)
    : sourceUsed(n.children, code)));
}

export function applyBuildOptions(plan: Plan, o: BuildOptions): Plan {
  const meta = { ...plan.meta };
  if (o.title !== undefined) meta.title = o.title;
  if (o.attachedTo !== undefined) meta.attachedTo = o.attachedTo;
  if (o.unit !== undefined) meta.unit = o.unit;
  let years = plan.years;
  if (o.yearFrom !== undefined || o.yearTo !== undefined) {
    const from = o.yearFrom ?? plan.years?.from;
    const to = o.yearTo ?? plan.years?.to;
    if (from === undefined || to === undefined) throw new UserError('Cần cả năm bắt đầu và năm kết thúc.');
    if (from > to) throw new UserError('Năm bắt đầu phải trước năm kết thúc.');
    const outside = [...yearsUsed(plan.nodes, new Set())].filter((y) => y < from || y > to).sort();
    if (outside.length) {
      throw new UserError(`Kế hoạch có số liệu năm ${outside.join(', ')}, nằm ngoài giai đoạn ${from}-${to}: hãy mở rộng giai đoạn.`);
    }
    years = { from, to };
  }
  let sources = plan.sources;
  if (o.sources && o.sources.length) {
    const byCode = new Map(plan.sources.map((s) => [s.code.toLocaleUpperCase('vi'), s]));
    const unknown = o.sources.filter((c) => !byCode.has(c.toLocaleUpperCase('vi')));
    if (unknown.length) {
      throw new UserError(`Kế hoạch không có nguồn vốn ${unknown.join(', ')}; các nguồn có: ${plan.sources.map((s) => s.code).join(', ')}.`);
    }
    sources = o.sources.map((c) => byCode.get(c.toLocaleUpperCase('vi'))!);
    const kept = new Set(sources.map((s) => s.code));
    const dropped = plan.sources.filter((s) => !kept.has(s.code) && sourceUsed(plan.nodes, s.code));
    if (dropped.length) {
      throw new UserError(`Nguồn vốn ${dropped.map((s) => s.code).join(', ')} có số liệu: không thể bỏ khỏi phụ lục.`);
    }
  }
  return { ...plan, meta, years, sources, ...(o.preset ? { preset: o.preset } : {}) };
}
