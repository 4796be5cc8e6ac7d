/** The size of plan JSON, checked before the schema or any row is looked at (PLAN limits). */
import { Dec } from '../base/decimal';
import { PLAN } from '../base/limits';
import { formatVi } from '../text/numbers';
import { PLAN_JSON_MESSAGES as M } from './messages';

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * The plan's size within PLAN (sources, rows of the tree), checked on the parsed data before the schema or any row
 * is looked at: a plan of a million items is refused in one line instead of exhausting memory.
 */
export function planSizeProblem(data: unknown): { path: string; message: string } | undefined {
  if (!isObj(data)) return;
  if (Array.isArray(data.sources) && data.sources.length > PLAN.maxSources) {
    return { path: 'sources', message: M.tooManySources(formatVi(new Dec(data.sources.length)), formatVi(new Dec(PLAN.maxSources))) };
  }
  let n = 0;
  const stack: unknown[] = Array.isArray(data.nodes) ? [...(data.nodes as unknown[])] : [];
  while (stack.length > 0) {
    const x = stack.pop();
    n++;
    if (n > PLAN.maxNodes) {
      return { path: 'nodes', message: M.tooManyItems(`hơn ${formatVi(new Dec(PLAN.maxNodes))}`, formatVi(new Dec(PLAN.maxNodes))) };
    }
    if (isObj(x) && Array.isArray(x.children)) for (const c of x.children as unknown[]) stack.push(c);
  }
  return undefined;
}
