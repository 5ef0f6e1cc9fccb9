import type { BinaryOperator, FormulaNode } from './syntax.js';
import { leftSpine, type BinaryNode } from './spine.js';

const PRECEDENCE: Record<BinaryOperator, number> = {
  or: 1,
  and: 2,
  '==': 4,
  '!=': 4,
  '<': 4,
  '<=': 4,
  '>': 4,
  '>=': 4,
  '+': 5,
  '-': 5,
  '*': 6,
  '/': 6,
  '%': 6,
};
const NOT = 3;
const UNARY_MINUS = 7;

function precedenceOf(node: FormulaNode): number {
  if (node.type === 'binary') return PRECEDENCE[node.operator];
  if (node.type === 'unary') return node.operator === 'not' ? NOT : UNARY_MINUS;
  return 8;
}

/**
 * How leaves are written when printing: by default references print as written
 * (`#{a.b}`); {@link printFormula} callers can substitute numbers for them by returning text
 * (or `undefined` to keep the default).
 *
 * @example
 * ```ts
 * import type { LeafPrinter } from '@eduset/core/indicators';
 * const numbers: LeafPrinter = (node) => (node.type === 'dataElement' ? '45' : undefined);
 * ```
 */
export type LeafPrinter = (node: FormulaNode) => string | undefined;

/**
 * Writes a syntax tree back as formula text, with only the parentheses the grammar needs.
 * `parseFormula(printFormula(tree))` gives back the same tree. With `leaf`, references can be
 * replaced by their values (this is how explanations show "the formula with numbers").
 *
 * @example
 * ```ts
 * import { parseFormula, printFormula } from '@eduset/core/indicators';
 * printFormula(parseFormula('(#{a}+#{b})*100')); // '(#{a} + #{b}) * 100'
 * printFormula(parseFormula('#{a} / #{b}'), (n) => (n.type === 'dataElement' ? '7' : undefined)); // '7 / 7'
 * ```
 */
export function printFormula(node: FormulaNode, leaf?: LeafPrinter): string {
  const own = leaf?.(node);
  if (own !== undefined) return own;
  switch (node.type) {
    case 'number':
      return node.value;
    case 'boolean':
      return node.value ? 'true' : 'false';
    case 'null':
      return 'null';
    case 'dataElement':
      return node.disaggregation === undefined
        ? `#{${node.element}}`
        : `#{${node.element}.${node.disaggregation}}`;
    case 'constant':
      return `C{${node.id}}`;
    case 'indicator':
      return `I{${node.id}}`;
    case 'aggregate':
      return `${node.function}(${printFormula(node.argument, leaf)})`;
    case 'call':
      return `${node.name}(${node.args.map((arg) => printFormula(arg, leaf)).join(', ')})`;
    case 'unary': {
      const inner = printFormula(node.operand, leaf);
      if (node.operator === 'not') {
        return precedenceOf(node.operand) < NOT ? `not (${inner})` : `not ${inner}`;
      }
      const wrap =
        node.operand.type === 'binary' ||
        (node.operand.type === 'unary' && node.operand.operator === 'not');
      return wrap || inner.startsWith('-') ? `-(${inner})` : `-${inner}`;
    }
    case 'binary':
      return printChain(node, leaf);
  }
}

/**
 * A binary node and the binary nodes down its left edge, printed with a loop (a flat chain of
 * thousands of terms would overflow the stack by recursion), with only the parentheses the
 * grammar needs.
 */
function printChain(node: BinaryNode, leaf: LeafPrinter | undefined): string {
  // A node the leaf printer replaces ends the chain: it is printed as the bottom operand.
  const { bottom, spine } = leftSpine(node, (inner) => leaf?.(inner) !== undefined);
  let text = printFormula(bottom, leaf);
  let left: FormulaNode = bottom;
  for (const step of spine) {
    const own = PRECEDENCE[step.operator];
    const comparison = own === 4;
    const right = printFormula(step.right, leaf);
    const leftPrecedence = precedenceOf(left);
    const rightPrecedence = precedenceOf(step.right);
    // Left-associative: the left operand needs parentheses only when it binds looser (or is
    // itself a comparison, which does not chain); the right one also at equal precedence.
    const wrapLeft =
      leftPrecedence < own ||
      (comparison && leftPrecedence === own) ||
      (own > NOT && leftPrecedence === NOT);
    const wrapRight = rightPrecedence <= own || (own > NOT && rightPrecedence === NOT);
    text = `${wrapLeft ? `(${text})` : text} ${step.operator} ${wrapRight ? `(${right})` : right}`;
    left = step;
  }
  return text;
}
