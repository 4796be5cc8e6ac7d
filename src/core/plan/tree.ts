/**
 * The one walker of a plan's tree (groups → items → sub-items). Iterative, so a deep tree cannot overflow the stack;
 * a damaged tree (cycles, shared nodes, too deep) is found first by `treeProblem` in model.ts.
 */
import type { Group, Item, PlanNode } from './model';

export interface Visit {
  node: PlanNode;
  /** 0 for top-level nodes */
  depth: number;
  parent: PlanNode | undefined;
}

/** Every node in document order (a node before its children). */
export function* walkPlan(nodes: readonly PlanNode[]): Generator<Visit> {
  const stack: Visit[] = [];
  for (let i = nodes.length - 1; i >= 0; i--) stack.push({ node: nodes[i], depth: 0, parent: undefined });
  while (stack.length) {
    const v = stack.pop()!;
    yield v;
    const kids = v.node.children;
    if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i], depth: v.depth + 1, parent: v.node });
  }
}

/** Items and sub-items, in document order. */
export function itemsOf(nodes: readonly PlanNode[]): Item[] {
  const out: Item[] = [];
  for (const { node } of walkPlan(nodes)) if (node.kind === 'item') out.push(node);
  return out;
}

/** Groups at any level, in document order. */
export function groupsOf(nodes: readonly PlanNode[]): Group[] {
  const out: Group[] = [];
  for (const { node } of walkPlan(nodes)) if (node.kind === 'group') out.push(node);
  return out;
}

/** How many items (sub-items included) and groups a tree holds. */
export function countPlan(nodes: readonly PlanNode[]): { items: number; groups: number } {
  let items = 0;
  let groups = 0;
  for (const { node } of walkPlan(nodes)) {
    if (node.kind === 'group') groups++;
    else items++;
  }
  return { items, groups };
}
