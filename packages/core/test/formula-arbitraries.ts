// Random formula trees for the indicators' property tests (not part of the public surface).
import fc from 'fast-check';
import type { FormulaNode } from '../src/indicators/syntax.js';

type BinaryOperator = Extract<FormulaNode, { type: 'binary' }>['operator'];

/**
 * Formulas built from `leaf` with unary minus and `not`, the `binaryOperators`, `coalesce`,
 * `min`, `max`, `if` and `isNull`, small in depth and shrinking towards a leaf.
 */
export function formulaArbitrary(
  leaf: fc.Arbitrary<FormulaNode>,
  binaryOperators: readonly BinaryOperator[],
): fc.Arbitrary<FormulaNode> {
  return fc.letrec<{ node: FormulaNode }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc
        .tuple(fc.constantFrom('-', 'not' as const), tie('node'))
        .map(([operator, operand]): FormulaNode => ({ type: 'unary', operator, operand })),
      fc
        .tuple(fc.constantFrom(...binaryOperators), tie('node'), tie('node'))
        .map(([operator, left, right]): FormulaNode => ({ type: 'binary', operator, left, right })),
      fc
        .tuple(
          fc.constantFrom('coalesce', 'min', 'max' as const),
          fc.array(tie('node'), { minLength: 1, maxLength: 3 }),
        )
        .map(([name, args]): FormulaNode => ({ type: 'call', name, args })),
      fc
        .tuple(tie('node'), tie('node'), tie('node'))
        .map(([a, b, c]): FormulaNode => ({ type: 'call', name: 'if', args: [a, b, c] })),
      tie('node').map((arg): FormulaNode => ({ type: 'call', name: 'isNull', args: [arg] })),
    ),
  })).node;
}
