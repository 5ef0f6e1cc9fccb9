import { Exact, exactOf } from './exact.js';
import { FormulaEvaluationStop, referenceSlot, type FormulaScope } from './evaluate.js';
import {
  exactTextWithNumbers,
  fixedWithNumbers,
  gcdNumber,
  integerText,
  MAX,
  roundedScaled,
} from './integers.js';
import type { RoundingMode } from '../common/money.js';
import type { FormulaNode } from './syntax.js';
import { SHORT_SPINE, spineLongerThan } from './spine.js';
import type { IndicatorDefinition } from './definition.js';
import type { IndicatorValue } from './result.js';

// A second evaluator for the formula language, used before the general one (evaluate.ts) and
// giving the same values. Why hand-written speed code: the benchmark (bench/indicators.bench.ts,
// 100 indicators × 10 000 org units × 10 years) spent most of its time allocating an `Exact`
// object and reducing it by a gcd after every `+ - * /`, and collecting that garbage; eduset was
// ~3–4× faster than mathjs in BigNumber mode, the target is ≥ 10×. Almost every value in
// education statistics is a small integer or a short decimal, so here a value is a fraction
// held in two plain numbers — not reduced, no object — while numerator and denominator stay
// safe integers (integer arithmetic on doubles is exact below 2^53: a result whose true value
// leaves that range is rounded to a double ≥ 2^53, so one comparison with MAX after each
// operation detects it). When a step would leave the range, or a value is already a BigInt
// fraction, or the formula uses something this evaluator does not cover (`%`, `I{…}`), it
// answers SLOW and the caller evaluates the formula again with the exact evaluator: exactness
// never depends on this file. `fast.prop.test.ts` checks that both evaluators agree, including
// near 2^53. Measured with it (and the batch loop in compute.ts, the text tables in
// integers.ts): 4.5–5.8× at full size on the shared machine (docs/en/indicators.md §7); what
// is left is mostly collecting the result objects and their texts.

/** The kind of a fast result; a NUMBER's value is in the registers N / D. */
const NUMBER = 0;
const TRUE = 1;
const FALSE = 2;
const NULL = 3;
/** The value cannot be had with safe integers: evaluate with the exact evaluator. */
const SLOW = 4;
type Kind = 0 | 1 | 2 | 3 | 4;

/** Registers of the last NUMBER result: N / D, D > 0, not necessarily reduced. */
let N = 0;
let D = 1;

/**
 * A formula compiled for the fast path: evaluates to a kind, a number in the registers.
 *
 * @internal
 */
export type FastFormula = (scope: FormulaScope) => Kind;

/** Loads an exact value (or null) into the registers. */
function load(value: Exact | null): Kind {
  if (value === null) return NULL;
  const n = value.n;
  const d = value.d;
  if (typeof n === 'number' && typeof d === 'number') {
    N = n;
    D = d;
    return NUMBER;
  }
  return SLOW;
}

/** Truth of a non-SLOW kind (numbers: not zero), reading N for NUMBER. */
function truth(kind: Kind): boolean {
  return kind === NUMBER ? N !== 0 : kind === TRUE;
}

type Binary = Extract<FormulaNode, { type: 'binary' }>['operator'];

/**
 * Compiles a syntax tree for the fast path, or `undefined` when it uses something the fast
 * path leaves to the exact evaluator (`%`, other indicators).
 *
 * @internal
 */
export function compileFastFormula(node: FormulaNode): FastFormula | undefined {
  // A long flat chain is left to the exact evaluator, which loops over it (evaluate.ts).
  if (hasLongSpine(node)) return undefined;
  return compileFast(node);
}

/** Whether any node of the tree has a left edge longer than {@link SHORT_SPINE} (no recursion). */
function hasLongSpine(root: FormulaNode): boolean {
  const pending: FormulaNode[] = [root];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (node.type === 'binary') {
      if (spineLongerThan(node, SHORT_SPINE)) return true;
      pending.push(node.left, node.right);
    } else if (node.type === 'unary') pending.push(node.operand);
    else if (node.type === 'call') pending.push(...node.args);
  }
  return false;
}

function compileFast(node: FormulaNode): FastFormula | undefined {
  switch (node.type) {
    case 'number': {
      const value = exactOf(node.value);
      const n = value.n;
      const d = value.d;
      if (typeof n !== 'number' || typeof d !== 'number') return () => SLOW;
      return () => {
        N = n;
        D = d;
        return NUMBER;
      };
    }
    case 'boolean':
      return node.value ? () => TRUE : () => FALSE;
    case 'null':
      return () => NULL;
    case 'dataElement': {
      const slot = referenceSlot(node);
      return (scope) =>
        load(
          scope.dataElementAt === undefined
            ? scope.dataElement(node)
            : scope.dataElementAt(slot, node),
        );
    }
    case 'aggregate': {
      const fn = node.function;
      const ref = node.argument;
      return (scope) => load(scope.aggregate(fn, ref));
    }
    case 'constant': {
      const id = node.id;
      return (scope) => {
        const value = scope.constant(id);
        if (value === undefined) throw new FormulaEvaluationStop('unknown-constant', id);
        return load(value);
      };
    }
    case 'indicator':
      // Another indicator's value is computed on demand; evaluating it twice (fast, then
      // exact after a SLOW) would compute that indicator twice. Left to the exact evaluator.
      return undefined;
    case 'unary': {
      const operand = compileFast(node.operand);
      if (operand === undefined) return undefined;
      if (node.operator === 'not') {
        return (scope) => {
          const kind = operand(scope);
          if (kind === SLOW) return SLOW;
          return truth(kind) ? FALSE : TRUE;
        };
      }
      return (scope) => {
        const kind = operand(scope);
        if (kind === NUMBER) N = -N;
        else if (kind === SLOW) return SLOW;
        else {
          // null and false read as 0, true as 1 (as `asNumber` in evaluate.ts).
          N = kind === TRUE ? -1 : -0;
          D = 1;
        }
        return NUMBER;
      };
    }
    case 'binary': {
      if (node.operator === '%') return undefined;
      const left = compileFast(node.left);
      const right = compileFast(node.right);
      if (left === undefined || right === undefined) return undefined;
      return compileBinary(node.operator, left, right);
    }
    case 'call': {
      const args: FastFormula[] = [];
      for (const arg of node.args) {
        const compiled = compileFast(arg);
        if (compiled === undefined) return undefined;
        args.push(compiled);
      }
      return compileCall(node.name, args);
    }
  }
}

/** Arithmetic on a/b and c/e into the registers; SLOW when a part leaves the safe range. */
function arithmetic(operator: '+' | '*' | '/', a: number, b: number, c: number, e: number): Kind {
  switch (operator) {
    case '+': {
      if (b === e) {
        const s = a + c;
        if (s > MAX || s < -MAX) return SLOW;
        N = s;
        D = b;
        return NUMBER;
      }
      const p = a * e;
      const q = c * b;
      const r = b * e;
      const s = p + q;
      if (p > MAX || p < -MAX || q > MAX || q < -MAX || r > MAX || s > MAX || s < -MAX) {
        return SLOW;
      }
      N = s;
      D = r;
      return NUMBER;
    }
    case '*': {
      const p = a * c;
      const q = b * e;
      if (p > MAX || p < -MAX || q > MAX) return SLOW;
      N = p;
      D = q;
      return NUMBER;
    }
    case '/': {
      if (c === 0) throw new FormulaEvaluationStop('division-by-zero');
      let p = a * e;
      let q = b * c;
      if (p > MAX || p < -MAX || q > MAX || q < -MAX) return SLOW;
      if (q < 0) {
        p = -p;
        q = -q;
      }
      N = p;
      D = q;
      return NUMBER;
    }
  }
}

/** -1, 0, 1 for a/b against c/e; undefined when the cross products leave the safe range. */
function order(a: number, b: number, c: number, e: number): -1 | 0 | 1 | undefined {
  const p = a * e;
  const q = c * b;
  if (p > MAX || p < -MAX || q > MAX || q < -MAX) return undefined;
  return p < q ? -1 : p > q ? 1 : 0;
}

function compileBinary(
  operator: Exclude<Binary, '%'>,
  left: FastFormula,
  right: FastFormula,
): FastFormula {
  switch (operator) {
    case 'and':
      return (scope) => {
        const l = left(scope);
        if (l === SLOW) return SLOW;
        if (!truth(l)) return FALSE;
        const r = right(scope);
        if (r === SLOW) return SLOW;
        return truth(r) ? TRUE : FALSE;
      };
    case 'or':
      return (scope) => {
        const l = left(scope);
        if (l === SLOW) return SLOW;
        if (truth(l)) return TRUE;
        const r = right(scope);
        if (r === SLOW) return SLOW;
        return truth(r) ? TRUE : FALSE;
      };
    case '+':
    case '-':
    case '*':
    case '/': {
      const sum = operator === '-' ? '+' : operator;
      const sign = operator === '-' ? -1 : 1;
      return (scope) => {
        let kind = left(scope);
        if (kind === SLOW) return SLOW;
        // null and false read as 0, true as 1.
        const a = kind === NUMBER ? N : kind === TRUE ? 1 : 0;
        const b = kind === NUMBER ? D : 1;
        kind = right(scope);
        if (kind === SLOW) return SLOW;
        const c = kind === NUMBER ? N : kind === TRUE ? 1 : 0;
        const e = kind === NUMBER ? D : 1;
        return arithmetic(sum, a, b, sign * c, e);
      };
    }
    default:
      // Comparisons: both sides are evaluated; with a null on either side the answer is false.
      return (scope) => {
        let kind = left(scope);
        if (kind === SLOW) return SLOW;
        const leftNull = kind === NULL;
        const a = kind === NUMBER ? N : kind === TRUE ? 1 : 0;
        const b = kind === NUMBER ? D : 1;
        kind = right(scope);
        if (kind === SLOW) return SLOW;
        if (leftNull || kind === NULL) return FALSE;
        const c = kind === NUMBER ? N : kind === TRUE ? 1 : 0;
        const e = kind === NUMBER ? D : 1;
        const result = order(a, b, c, e);
        if (result === undefined) return SLOW;
        let holds: boolean;
        switch (operator) {
          case '==':
            holds = result === 0;
            break;
          case '!=':
            holds = result !== 0;
            break;
          case '<':
            holds = result === -1;
            break;
          case '<=':
            holds = result !== 1;
            break;
          case '>':
            holds = result === 1;
            break;
          case '>=':
            holds = result !== -1;
            break;
        }
        return holds ? TRUE : FALSE;
      };
  }
}

function compileCall(
  name: Extract<FormulaNode, { type: 'call' }>['name'],
  args: FastFormula[],
): FastFormula {
  switch (name) {
    case 'if': {
      const [condition, then, otherwise] = args as [FastFormula, FastFormula, FastFormula];
      return (scope) => {
        const kind = condition(scope);
        if (kind === SLOW) return SLOW;
        return truth(kind) ? then(scope) : otherwise(scope);
      };
    }
    case 'isNull': {
      const [argument] = args as [FastFormula];
      return (scope) => {
        const kind = argument(scope);
        if (kind === SLOW) return SLOW;
        return kind === NULL ? TRUE : FALSE;
      };
    }
    case 'coalesce':
      return (scope) => {
        for (const argument of args) {
          const kind = argument(scope);
          if (kind !== NULL) return kind;
        }
        return NULL;
      };
    case 'min':
    case 'max': {
      const wanted = name === 'min' ? -1 : 1;
      return (scope) => {
        let found = false;
        let bn = 0;
        let bd = 1;
        for (const argument of args) {
          const kind = argument(scope);
          if (kind === SLOW) return SLOW;
          if (kind === NULL) continue;
          const n = kind === NUMBER ? N : kind === TRUE ? 1 : 0;
          const d = kind === NUMBER ? D : 1;
          if (found) {
            const result = order(n, d, bn, bd);
            if (result === undefined) return SLOW;
            if (result !== wanted) continue;
          }
          found = true;
          bn = n;
          bd = d;
        }
        if (!found) return NULL;
        N = bn;
        D = bd;
        return NUMBER;
      };
    }
  }
}

const ZERO = exactOf(0);
const ONE = exactOf(1);

/** The reduced exact value of n/d (safe integers, d > 0). */
export function exactOfParts(n: number, d: number): Exact {
  if (n === 0) return ZERO;
  if (d === 1) return n === 1 ? ONE : new Exact(n, 1);
  const g = gcdNumber(n, d);
  return g === 1 ? new Exact(n, d) : new Exact(n / g, d / g);
}

/**
 * Runs a fast formula: its number value (booleans as 1 / 0) as an exact value, `null` when
 * missing, or `undefined` when the exact evaluator must do it. Throws
 * {@link FormulaEvaluationStop} exactly where the exact evaluator would.
 *
 * @internal
 */
export function runFast(formula: FastFormula, scope: FormulaScope): Exact | null | undefined {
  const kind = formula(scope);
  switch (kind) {
    case NUMBER:
      return exactOfParts(N, D);
    case TRUE:
      return ONE;
    case FALSE:
      return ZERO;
    case NULL:
      return null;
    case SLOW:
      return undefined;
  }
}

/** Registers of {@link fastSides}: numerator a/b and denominator c/e, null read as 0. */
let sideA = 0;
let sideB = 1;
let sideC = 0;
let sideE = 1;
let numeratorNull = false;
let denominatorNull = false;

/**
 * Evaluates both sides of an indicator, numerator first; `false` when either needs the exact
 * evaluator (then both are evaluated again there — evaluation has no effects but cached
 * reads). Throws {@link FormulaEvaluationStop} where the exact one would. Read the sides
 * with {@link fastSide}.
 *
 * @internal
 */
export function fastSides(
  numerator: FastFormula,
  denominator: FastFormula,
  scope: FormulaScope,
): boolean {
  let kind = numerator(scope);
  if (kind === SLOW) return false;
  numeratorNull = kind === NULL;
  sideA = kind === NUMBER ? N : kind === TRUE ? 1 : 0;
  sideB = kind === NUMBER ? D : 1;
  kind = denominator(scope);
  if (kind === SLOW) return false;
  denominatorNull = kind === NULL;
  sideC = kind === NUMBER ? N : kind === TRUE ? 1 : 0;
  sideE = kind === NUMBER ? D : 1;
  return true;
}

/**
 * The numerator (0) or denominator (1) of the last {@link fastSides} as an exact value.
 *
 * @internal
 */
export function fastSide(side: 0 | 1): Exact | null {
  if (side === 0) return numeratorNull ? null : exactOfParts(sideA, sideB);
  return denominatorNull ? null : exactOfParts(sideC, sideE);
}

/** What {@link fastRatio} found: a ratio, in the registers below. */
export const FAST_RATIO = 0;
/** What {@link fastRatio} found when there is no ratio: a side missing, a zero denominator… */
export const FAST_MISSING = 1;
export const FAST_DENOMINATOR_ZERO = 2;
/** …or the exact path must do it (a value out of the safe range, a formula that stops). */
export const FAST_DECLINED = 3;
type FastOutcome = 0 | 1 | 2 | 3;

/** Registers of the last {@link fastRatio}: sides a/b and c/e, the ratio p/q (q > 0, unreduced). */
let ratioA = 0;
let ratioB = 1;
let ratioC = 0;
let ratioE = 1;
let ratioP = 0;
let ratioQ = 1;

/**
 * Both sides of an indicator and (a/b) / (c/e) × f/g on safe integers, left in the registers
 * (not reduced), or the code of why there is none. Everything else stays in locals here: this
 * is the innermost loop of `computeIndicators` and `computeIndicatorTable`.
 */
function fastRatio(
  numerator: FastFormula,
  denominator: FastFormula,
  f: number,
  g: number,
  scope: FormulaScope,
): FastOutcome {
  let kind: Kind;
  try {
    kind = numerator(scope);
  } catch {
    return FAST_DECLINED;
  }
  if (kind === SLOW) return FAST_DECLINED;
  const missingNumerator = kind === NULL;
  const a = kind === NUMBER ? N : kind === TRUE ? 1 : 0;
  const b = kind === NUMBER ? D : 1;
  try {
    kind = denominator(scope);
  } catch {
    return FAST_DECLINED;
  }
  if (kind === SLOW) return FAST_DECLINED;
  if (missingNumerator || kind === NULL) return FAST_MISSING;
  const c = kind === NUMBER ? N : kind === TRUE ? 1 : 0;
  const e = kind === NUMBER ? D : 1;
  if (c === 0) return FAST_DENOMINATOR_ZERO;
  let p = a * e;
  let q = b * c;
  if (p > MAX || p < -MAX || q > MAX || q < -MAX) return FAST_DECLINED;
  if (q < 0) {
    p = -p;
    q = -q;
  }
  if (f !== 1 || g !== 1) {
    p *= f;
    q *= g;
    if (p > MAX || p < -MAX || q > MAX) return FAST_DECLINED;
  }
  ratioA = a;
  ratioB = b;
  ratioC = c;
  ratioE = e;
  ratioP = p;
  ratioQ = q;
  return FAST_RATIO;
}

/**
 * The whole value of an indicator on safe integers: {@link fastRatio} reduced by one gcd, the
 * rounded text, the exact texts and the result object — or the code of why there is none.
 *
 * @internal
 */
export function fastIndicatorValue(
  numerator: FastFormula,
  denominator: FastFormula,
  f: number,
  g: number,
  scope: FormulaScope,
  definition: IndicatorDefinition,
  orgUnit: string,
  period: string,
  partial: boolean,
): IndicatorValue | 1 | 2 | 3 {
  const outcome = fastRatio(numerator, denominator, f, g, scope);
  if (outcome !== FAST_RATIO) return outcome;
  let p = ratioP;
  let q = ratioQ;
  if (p === 0) q = 1;
  else {
    const divisor = gcdNumber(p, q);
    if (divisor !== 1) {
      p /= divisor;
      q /= divisor;
    }
  }
  const a = ratioA;
  const b = ratioB;
  const c = ratioC;
  const e = ratioE;
  return {
    indicator: definition.id,
    version: definition.version,
    orgUnit,
    period,
    status: 'value',
    value: fixedOfParts(p, q, definition.decimals, definition.rounding),
    exact: q === 1 ? integerText(p) : ratioText(p, q),
    numerator: b === 1 ? integerText(a) : textOfParts(a, b),
    denominator: e === 1 ? integerText(c) : textOfParts(c, e),
    partial,
    capped: false,
  };
}

/** The rounded value of the last {@link fastScaled}, × 10^decimals (see `roundedScaled`). */
let scaledValue = 0;

/**
 * The scaled rounded value the last {@link fastScaled} found.
 *
 * @internal
 */
export function fastScaledValue(): number {
  return scaledValue;
}

/**
 * The rounded value of an indicator on safe integers, scaled to an integer (value ×
 * 10^decimals, read with {@link fastScaledValue}), without texts or a result object — or the code of
 * why there is none. The fraction is reduced only when the unreduced one would leave the
 * safe range while rounding.
 *
 * @internal
 */
export function fastScaled(
  numerator: FastFormula,
  denominator: FastFormula,
  f: number,
  g: number,
  scope: FormulaScope,
  decimals: number,
  mode: RoundingMode,
): FastOutcome {
  const outcome = fastRatio(numerator, denominator, f, g, scope);
  if (outcome !== FAST_RATIO) return outcome;
  if (decimals > 15) return FAST_DECLINED;
  let scaled = roundedScaled(ratioP, ratioQ, decimals, mode);
  if (scaled === undefined && ratioP !== 0) {
    const divisor = gcdNumber(ratioP, ratioQ);
    scaled = roundedScaled(ratioP / divisor, ratioQ / divisor, decimals, mode);
  }
  if (scaled === undefined) return FAST_DECLINED;
  scaledValue = scaled;
  return FAST_RATIO;
}

/**
 * `Exact.toFixed` of the reduced fraction n/d.
 *
 * @internal
 */
export function fixedOfParts(n: number, d: number, decimals: number, mode: RoundingMode): string {
  return (
    (decimals <= 15 ? fixedWithNumbers(n, d, decimals, mode) : undefined) ??
    new Exact(n, d).toFixed(decimals, mode)
  );
}

/**
 * `Exact.toString` of n/d (reduced here).
 *
 * @internal
 */
export function textOfParts(n: number, d: number): string {
  if (d === 1) return integerText(n); // the text of -0 is '0'
  if (n === 0) return '0';
  const divisor = gcdNumber(n, d);
  if (divisor !== 1) {
    n /= divisor;
    d /= divisor;
  }
  return exactTextWithNumbers(n, d) ?? new Exact(n, d).toString();
}

/**
 * `Exact.toString` of the reduced fraction n/d.
 *
 * @internal
 */
export function ratioText(n: number, d: number): string {
  return exactTextWithNumbers(n, d) ?? new Exact(n, d).toString();
}
