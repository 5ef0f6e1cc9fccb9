import type { FormulaNode } from './syntax.js';

// Long flat formulas (`#{a} + #{b} + … `, thousands of terms) parse into a left-deep tree: each
// `+` is the left operand of the next. Walking such a tree by recursion would take one stack
// frame per term and overflow; the compilers and the printer walk this left edge ("spine")
// with a loop instead. Not exported from the package.

/** A binary node of a formula tree. */
export type BinaryNode = Extract<FormulaNode, { type: 'binary' }>;

/**
 * Spines up to this many binary nodes are compiled by plain recursion (the hot path of
 * ordinary formulas stays as it was); longer ones by a loop.
 */
export const SHORT_SPINE = 32;

/** Whether the left edge of `node` has more than `limit` binary nodes (stops counting there). */
export function spineLongerThan(node: FormulaNode, limit: number): boolean {
  let count = 0;
  let current: FormulaNode = node;
  while (current.type === 'binary') {
    count += 1;
    if (count > limit) return true;
    current = current.left;
  }
  return false;
}

/**
 * The binary nodes down the left edge of `node`, deepest first (the order they are
 * evaluated in), and the operand at the bottom. `stop` may end the spine early at a node
 * (which then becomes the bottom operand).
 */
export function leftSpine(
  node: BinaryNode,
  stop?: (node: BinaryNode) => boolean,
): { readonly bottom: FormulaNode; readonly spine: BinaryNode[] } {
  const spine: BinaryNode[] = [node];
  let current: FormulaNode = node.left;
  while (current.type === 'binary' && !(stop?.(current) ?? false)) {
    spine.push(current);
    current = current.left;
  }
  spine.reverse();
  return { bottom: current, spine };
}
