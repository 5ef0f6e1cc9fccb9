import { exactOf, type Exact } from './exact.js';
import {
  referenceKey,
  type AggregateFunction,
  type DataElementNode,
  type FormulaNode,
} from './syntax.js';
import { leftSpine, SHORT_SPINE, spineLongerThan, type BinaryNode } from './spine.js';

/**
 * A value inside formula evaluation: an exact number, a truth value, or `null` (missing).
 *
 * @example
 * ```ts
 * import { exactOf, type FormulaValue } from '@eduset/core/indicators';
 * const values: FormulaValue[] = [exactOf('1.5'), true, null];
 * ```
 */
export type FormulaValue = Exact | boolean | null;

/**
 * Where a formula gets the values it refers to. The evaluator never touches JavaScript objects
 * by property name: every reference goes through one of these functions.
 *
 * @example
 * ```ts
 * import { exactOf, type FormulaScope } from '@eduset/core/indicators';
 * const scope: FormulaScope = {
 *   dataElement: (ref) => (ref.element === 'a' ? exactOf(5) : null),
 *   aggregate: () => null,
 *   constant: () => undefined,
 *   indicator: () => null,
 * };
 * ```
 */
export interface FormulaScope {
  /** The value of a data element (aggregated by its own aggregation type), or null if missing. */
  dataElement(ref: DataElementNode): Exact | null;
  /**
   * Optional fast path: the same as {@link FormulaScope.dataElement}, given also the
   * reference's slot number ({@link referenceSlot}) so a scope can keep values in an array.
   */
  dataElementAt?(slot: number, ref: DataElementNode): Exact | null;
  /** An explicit aggregate over the raw values of a data element, or null if none. */
  aggregate(fn: AggregateFunction, ref: DataElementNode): Exact | null;
  /** A constant's value, or `undefined` when it is not defined. */
  constant(id: string): Exact | undefined;
  /**
   * Another indicator's value at the same org unit and period, null if it has none, or
   * `undefined` when no indicator of that id is known (evaluation then stops with
   * `unknown-indicator`, as for an unknown constant).
   */
  indicator(id: string): Exact | null | undefined;
}

/**
 * Why evaluation stopped without a value.
 *
 * @example
 * ```ts
 * import { FormulaEvaluationStop } from '@eduset/core/indicators';
 * new FormulaEvaluationStop('division-by-zero').reason; // 'division-by-zero'
 * ```
 */
export class FormulaEvaluationStop extends Error {
  constructor(
    /** `division-by-zero`, `unknown-constant` or `unknown-indicator`. */
    readonly reason: 'division-by-zero' | 'unknown-constant' | 'unknown-indicator',
    /** The constant id for `unknown-constant`, the indicator id for `unknown-indicator`. */
    readonly detail?: string,
  ) {
    super(reason);
    this.name = 'FormulaEvaluationStop';
  }
}

const slots = new Map<string, number>();

/**
 * A small, stable number for a data element reference (`element` or
 * `element.disaggregation`): equal references get equal numbers, in this JavaScript realm.
 * Scopes use it to keep aggregated values in an array instead of a map.
 *
 * @example
 * ```ts
 * import { referenceSlot } from '@eduset/core/indicators';
 * referenceSlot({ type: 'dataElement', element: 'a' }) === referenceSlot({ type: 'dataElement', element: 'a' }); // true
 * ```
 */
export function referenceSlot(ref: DataElementNode): number {
  const key = referenceKey(ref);
  let slot = slots.get(key);
  if (slot === undefined) {
    slot = slots.size;
    slots.set(key, slot);
  }
  return slot;
}

/**
 * A formula turned into a function of its scope, ready to be evaluated many times.
 *
 * @example
 * ```ts
 * import { compileFormula, parseFormula, type CompiledFormula } from '@eduset/core/indicators';
 * const f: CompiledFormula = compileFormula(parseFormula('1 + 2'));
 * ```
 */
export type CompiledFormula = (scope: FormulaScope) => FormulaValue;

const ZERO = exactOf(0);
const ONE = exactOf(1);

function asNumber(value: FormulaValue): Exact {
  if (value === null) return ZERO;
  if (value === true) return ONE;
  if (value === false) return ZERO;
  return value;
}

function asBoolean(value: FormulaValue): boolean {
  if (value === null) return false;
  if (typeof value === 'boolean') return value;
  return !value.isZero();
}

function compare(left: FormulaValue, right: FormulaValue): -1 | 0 | 1 | undefined {
  if (left === null || right === null) return undefined;
  return asNumber(left).compare(asNumber(right));
}

/**
 * Compiles a syntax tree into a closure. Semantics: a missing value is `null`; arithmetic
 * reads `null` as 0 and truth values as 1/0 (the missing-value strategy of the definition
 * decides beforehand whether to evaluate at all); comparisons with `null` are false;
 * `min`/`max`/`coalesce` skip `null`s; division or `%` by zero stops evaluation with
 * {@link FormulaEvaluationStop} — never Infinity or NaN. A long flat chain (thousands of
 * `+` terms) compiles into a loop, so its depth never overflows the stack.
 *
 * @example
 * ```ts
 * import { compileFormula, parseFormula, exactOf } from '@eduset/core/indicators';
 * const f = compileFormula(parseFormula('if(#{a} > 3, #{a} * 2, 0)'));
 * const value = f({
 *   dataElement: () => exactOf(5),
 *   aggregate: () => null,
 *   constant: () => undefined,
 *   indicator: () => null,
 * });
 * String(value); // '10'
 * ```
 */
export function compileFormula(node: FormulaNode): CompiledFormula {
  switch (node.type) {
    case 'number': {
      const value = exactOf(node.value);
      return () => value;
    }
    case 'boolean': {
      const value = node.value;
      return () => value;
    }
    case 'null':
      return () => null;
    case 'dataElement': {
      const slot = referenceSlot(node);
      return (scope) =>
        scope.dataElementAt === undefined
          ? scope.dataElement(node)
          : scope.dataElementAt(slot, node);
    }
    case 'aggregate': {
      const fn = node.function;
      const ref = node.argument;
      return (scope) => scope.aggregate(fn, ref);
    }
    case 'constant': {
      const id = node.id;
      return (scope) => {
        const value = scope.constant(id);
        if (value === undefined) throw new FormulaEvaluationStop('unknown-constant', id);
        return value;
      };
    }
    case 'indicator': {
      const id = node.id;
      return (scope) => {
        const value = scope.indicator(id);
        if (value === undefined) throw new FormulaEvaluationStop('unknown-indicator', id);
        return value;
      };
    }
    case 'unary': {
      const operand = compileFormula(node.operand);
      return node.operator === 'not'
        ? (scope) => !asBoolean(operand(scope))
        : (scope) => asNumber(operand(scope)).negate();
    }
    case 'binary':
      if (spineLongerThan(node, SHORT_SPINE)) return compileSpine(node);
      return compileBinary(node.operator, compileFormula(node.left), compileFormula(node.right));
    case 'call':
      return compileCall(node.name, node.args.map(compileFormula));
  }
}

/**
 * A long left-deep chain (`a + b - c + …`, thousands of terms) as one loop: the bottom
 * operand, then each step applied to the value so far — one stack frame for the chain
 * however long it is, with the same semantics and evaluation order as nested closures.
 */
function compileSpine(node: BinaryNode): CompiledFormula {
  const { bottom, spine } = leftSpine(node);
  const first = compileFormula(bottom);
  // Each step reads the value so far from `held` (before evaluating its right operand, so a
  // nested evaluation that reuses this closure cannot disturb it).
  let held: FormulaValue = null;
  const soFar: CompiledFormula = () => held;
  const steps = spine.map((step) =>
    compileBinary(step.operator, soFar, compileFormula(step.right)),
  );
  return (scope) => {
    let value = first(scope);
    for (const step of steps) {
      held = value;
      value = step(scope);
    }
    return value;
  };
}

function compileBinary(
  operator: Extract<FormulaNode, { type: 'binary' }>['operator'],
  left: CompiledFormula,
  right: CompiledFormula,
): CompiledFormula {
  switch (operator) {
    case '+':
      return (scope) => asNumber(left(scope)).add(asNumber(right(scope)));
    case '-':
      return (scope) => asNumber(left(scope)).subtract(asNumber(right(scope)));
    case '*':
      return (scope) => asNumber(left(scope)).multiply(asNumber(right(scope)));
    case '/':
      return (scope) => {
        const result = asNumber(left(scope)).divide(asNumber(right(scope)));
        if (result === undefined) throw new FormulaEvaluationStop('division-by-zero');
        return result;
      };
    case '%':
      return (scope) => {
        const result = asNumber(left(scope)).remainder(asNumber(right(scope)));
        if (result === undefined) throw new FormulaEvaluationStop('division-by-zero');
        return result;
      };
    case '==':
      return (scope) => compare(left(scope), right(scope)) === 0;
    case '!=': {
      return (scope) => {
        const result = compare(left(scope), right(scope));
        return result !== undefined && result !== 0;
      };
    }
    case '<':
      return (scope) => compare(left(scope), right(scope)) === -1;
    case '<=':
      return (scope) => {
        const result = compare(left(scope), right(scope));
        return result === -1 || result === 0;
      };
    case '>':
      return (scope) => compare(left(scope), right(scope)) === 1;
    case '>=':
      return (scope) => {
        const result = compare(left(scope), right(scope));
        return result === 1 || result === 0;
      };
    case 'and':
      return (scope) => asBoolean(left(scope)) && asBoolean(right(scope));
    case 'or':
      return (scope) => asBoolean(left(scope)) || asBoolean(right(scope));
  }
}

function compileCall(
  name: Extract<FormulaNode, { type: 'call' }>['name'],
  args: CompiledFormula[],
): CompiledFormula {
  switch (name) {
    case 'if': {
      const [condition, then, otherwise] = args as [
        CompiledFormula,
        CompiledFormula,
        CompiledFormula,
      ];
      return (scope) => (asBoolean(condition(scope)) ? then(scope) : otherwise(scope));
    }
    case 'isNull': {
      const [argument] = args as [CompiledFormula];
      return (scope) => argument(scope) === null;
    }
    case 'coalesce':
      return (scope) => {
        for (const argument of args) {
          const value = argument(scope);
          if (value !== null) return value;
        }
        return null;
      };
    case 'min':
    case 'max': {
      const wanted = name === 'min' ? -1 : 1;
      return (scope) => {
        let best: Exact | null = null;
        for (const argument of args) {
          const value = argument(scope);
          if (value === null) continue;
          const number = asNumber(value);
          if (best === null || number.compare(best) === wanted) best = number;
        }
        return best;
      };
    }
  }
}

/**
 * Evaluates a syntax tree once (compiles it and runs it).
 *
 * @example
 * ```ts
 * import { evaluateFormula, parseFormula } from '@eduset/core/indicators';
 * const scope = { dataElement: () => null, aggregate: () => null, constant: () => undefined, indicator: () => null };
 * String(evaluateFormula(parseFormula('57 / 100 * 100'), scope)); // '57'
 * ```
 */
export function evaluateFormula(node: FormulaNode, scope: FormulaScope): FormulaValue {
  return compileFormula(node)(scope);
}

/**
 * Reads a formula result as a number: `true`/`false` count as 1/0; `null` stays `null`.
 *
 * @example
 * ```ts
 * import { formulaNumber } from '@eduset/core/indicators';
 * formulaNumber(true)?.toString(); // '1'
 * ```
 */
export function formulaNumber(value: FormulaValue): Exact | null {
  if (value === null) return null;
  if (typeof value === 'boolean') return value ? ONE : ZERO;
  return value;
}
