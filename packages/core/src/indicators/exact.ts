import type { RoundingMode } from '../common/money.js';
import {
  exactTextWithNumbers,
  fixedWithNumbers,
  gcdNumber,
  MAX,
  terminatingPlaces,
} from './integers.js';

// Exact numbers for indicators. Every value is a reduced fraction n/d (d > 0). While both
// parts are safe integers they are plain JavaScript numbers (integer arithmetic on doubles is
// exact below 2^53); the moment a result would leave that range the fraction moves to BigInt.
// Decimal data ("12.5") are read exactly as 125/10, so sums, ratios and factors never round;
// rounding happens once, at presentation, with a named mode ({@link formatExact}).

const FRACTION = /^(-?\d+)\/(\d+)$/;
const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

function gcdBig(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/**
 * An exact rational number: the arithmetic of eduset's formula language. Values are immutable;
 * every operation returns a new value. Build one with {@link exact}.
 *
 * @example
 * ```ts
 * import { exact } from '@eduset/core/indicators';
 * exact('0.1').add(exact('0.2')).toString(); // '0.3'
 * exact(1).divide(exact(3)).multiply(exact(3)).toString(); // '1'
 * ```
 */
export class Exact {
  /** Numerator, sign carrier (a safe integer number or a bigint). */
  readonly n: number | bigint;
  /** Denominator, always positive (a safe integer number or a bigint). */
  readonly d: number | bigint;

  /** @internal Use {@link exact}; the parts must already be reduced with d > 0. */
  constructor(n: number | bigint, d: number | bigint) {
    this.n = n;
    this.d = d;
  }

  /**
   * Whether the value is zero.
   *
   * @example
   * ```ts
   * import { exactOf } from '@eduset/core/indicators';
   * exactOf('0.0').isZero(); // true
   * ```
   */
  isZero(): boolean {
    return this.n === 0 || this.n === 0n;
  }

  /**
   * Whether the value is below zero.
   *
   * @example
   * ```ts
   * import { exactOf } from '@eduset/core/indicators';
   * exactOf('-1').isNegative(); // true
   * ```
   */
  isNegative(): boolean {
    return this.n < 0;
  }

  /**
   * The sum of this and `other`.
   *
   * @example
   * ```ts
   * import { exactOf } from '@eduset/core/indicators';
   * exactOf('0.1').add(exactOf('0.2')).toString(); // '0.3'
   * ```
   */
  add(other: Exact): Exact {
    const { n: a, d: b } = this;
    const { n: c, d: e } = other;
    if (
      typeof a === 'number' &&
      typeof b === 'number' &&
      typeof c === 'number' &&
      typeof e === 'number'
    ) {
      if (b === 1 && e === 1) {
        const s = a + c;
        if (s <= MAX && s >= -MAX) return new Exact(s, 1);
      } else if (b === e) {
        const s = a + c;
        if (s <= MAX && s >= -MAX) return reduceNumber(s, b);
      } else {
        const p = a * e;
        const q = c * b;
        const r = b * e;
        const s = p + q;
        if (p <= MAX && p >= -MAX && q <= MAX && q >= -MAX && r <= MAX && s <= MAX && s >= -MAX) {
          return reduceNumber(s, r);
        }
      }
    }
    const A = BigInt(a),
      B = BigInt(b),
      C = BigInt(c),
      E = BigInt(e);
    return reduceBig(A * E + C * B, B * E);
  }

  /**
   * The difference of this and `other`.
   *
   * @example
   * ```ts
   * import { exactOf } from '@eduset/core/indicators';
   * exactOf(1).subtract(exactOf('0.25')).toString(); // '0.75'
   * ```
   */
  subtract(other: Exact): Exact {
    return this.add(other.negate());
  }

  /**
   * The value with its sign changed.
   *
   * @example
   * ```ts
   * import { exactOf } from '@eduset/core/indicators';
   * exactOf(5).negate().toString(); // '-5'
   * ```
   */
  negate(): Exact {
    return typeof this.n === 'number' ? new Exact(-this.n, this.d) : new Exact(-this.n, this.d);
  }

  /**
   * The product of this and `other`.
   *
   * @example
   * ```ts
   * import { exactOf } from '@eduset/core/indicators';
   * exactOf('57').multiply(exactOf('100')).toString(); // '5700'
   * ```
   */
  multiply(other: Exact): Exact {
    const { n: a, d: b } = this;
    const { n: c, d: e } = other;
    if (
      typeof a === 'number' &&
      typeof b === 'number' &&
      typeof c === 'number' &&
      typeof e === 'number'
    ) {
      const p = a * c;
      const q = b * e;
      if (p <= MAX && p >= -MAX && q <= MAX) return q === 1 ? new Exact(p, 1) : reduceNumber(p, q);
    }
    return reduceBig(BigInt(a) * BigInt(c), BigInt(b) * BigInt(e));
  }

  /**
   * The quotient of this and `other`, or `undefined` when `other` is zero (the caller turns
   * that into "no value", never Infinity or NaN).
   *
   * @example
   * ```ts
   * import { exactOf } from '@eduset/core/indicators';
   * exactOf(47).divide(exactOf(60))?.toString(); // '47/60'
   * exactOf(1).divide(exactOf(0)); // undefined
   * ```
   */
  divide(other: Exact): Exact | undefined {
    if (other.isZero()) return undefined;
    const { n: a, d: b } = this;
    let { n: c, d: e } = other;
    // a/b ÷ c/e = a·e / b·c, sign moved to the numerator.
    if (
      typeof a === 'number' &&
      typeof b === 'number' &&
      typeof c === 'number' &&
      typeof e === 'number'
    ) {
      if (c < 0) {
        c = -c;
        e = -e;
      }
      const p = a * e;
      const q = b * c;
      if (p <= MAX && p >= -MAX && q <= MAX) return reduceNumber(p, q);
    }
    let N = BigInt(a) * BigInt(e);
    let D = BigInt(b) * BigInt(c);
    if (D < 0n) {
      N = -N;
      D = -D;
    }
    return reduceBig(N, D);
  }

  /**
   * The remainder of truncating division (sign of this), or `undefined` for zero divisor.
   *
   * @example
   * ```ts
   * import { exactOf } from '@eduset/core/indicators';
   * exactOf(7).remainder(exactOf(3))?.toString(); // '1'
   * ```
   */
  remainder(other: Exact): Exact | undefined {
    const quotient = this.divide(other);
    if (quotient === undefined) return undefined;
    return this.subtract(other.multiply(quotient.truncate()));
  }

  /**
   * The integer part, rounded towards zero.
   *
   * @example
   * ```ts
   * import { exactOf } from '@eduset/core/indicators';
   * exactOf('-2.7').truncate().toString(); // '-2'
   * ```
   */
  truncate(): Exact {
    if (typeof this.n === 'number' && typeof this.d === 'number') {
      return new Exact(Math.trunc(this.n / this.d), 1);
    }
    return reduceBig(BigInt(this.n) / BigInt(this.d), 1n);
  }

  /**
   * -1, 0 or 1 as this is below, equal to or above `other`.
   *
   * @example
   * ```ts
   * import { exactOf } from '@eduset/core/indicators';
   * exactOf('0.5').compare(exactOf('1/2')); // 0
   * ```
   */
  compare(other: Exact): -1 | 0 | 1 {
    const { n: a, d: b } = this;
    const { n: c, d: e } = other;
    if (
      typeof a === 'number' &&
      typeof b === 'number' &&
      typeof c === 'number' &&
      typeof e === 'number'
    ) {
      const p = a * e;
      const q = c * b;
      if (p <= MAX && p >= -MAX && q <= MAX && q >= -MAX) return p < q ? -1 : p > q ? 1 : 0;
    }
    const P = BigInt(a) * BigInt(e);
    const Q = BigInt(c) * BigInt(b);
    return P < Q ? -1 : P > Q ? 1 : 0;
  }

  /**
   * Whether this equals `other`.
   *
   * @example
   * ```ts
   * import { exactOf } from '@eduset/core/indicators';
   * exactOf('0.50').equals(exactOf('0.5')); // true
   * ```
   */
  equals(other: Exact): boolean {
    return this.compare(other) === 0;
  }

  /**
   * Rounds to `decimals` places with a named mode and returns the decimal text, padded with
   * zeros (`1.005` half-up to 2 → `"1.01"`; `5` to 1 → `"5.0"`).
   *
   * @example
   * ```ts
   * import { exactOf } from '@eduset/core/indicators';
   * exactOf('1.005').toFixed(2, 'half-up'); // '1.01'
   * exactOf(5).toFixed(1); // '5.0'
   * ```
   */
  toFixed(decimals: number, mode: RoundingMode = 'half-up'): string {
    if (typeof this.n === 'number' && typeof this.d === 'number' && decimals <= 15) {
      const fast = fixedWithNumbers(this.n, this.d, decimals, mode);
      if (fast !== undefined) return fast;
    }
    const scale = 10n ** BigInt(decimals);
    let N = BigInt(this.n) * scale;
    const D = BigInt(this.d);
    const negative = N < 0n;
    if (negative) N = -N;
    let q = N / D;
    const r = N - q * D;
    if (r !== 0n) {
      const twice = r * 2n;
      let up: boolean;
      switch (mode) {
        case 'down':
          up = false;
          break;
        case 'up':
          up = true;
          break;
        case 'half-up':
          up = twice >= D;
          break;
        case 'half-even':
          up = twice > D || (twice === D && q % 2n === 1n);
          break;
      }
      if (up) q += 1n;
    }
    let digits = q.toString();
    if (decimals > 0) {
      digits = digits.padStart(decimals + 1, '0');
      digits = `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
    }
    return negative && q !== 0n ? `-${digits}` : digits;
  }

  /**
   * Exact text: the decimal when the value has a finite decimal expansion (`0.125`), otherwise
   * the reduced fraction (`1/3`). {@link exact} reads both forms back.
   *
   * @example
   * ```ts
   * import { exactOf } from '@eduset/core/indicators';
   * exactOf('0.125').toString(); // '0.125'
   * exactOf(1).divide(exactOf(3))?.toString(); // '1/3'
   * ```
   */
  toString(): string {
    if (typeof this.d === 'number') {
      if (typeof this.n === 'number') {
        const text = exactTextWithNumbers(this.n, this.d);
        if (text !== undefined) return text;
      }
      if (this.d === 1) return String(this.n);
      const places = terminatingPlaces(this.d);
      if (places < 0) return `${String(this.n)}/${String(this.d)}`;
      const text = this.toFixed(places, 'half-even');
      return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
    }
    let D = BigInt(this.d);
    let twos = 0;
    while (D % 2n === 0n) {
      D /= 2n;
      twos += 1;
    }
    let fives = 0;
    while (D % 5n === 0n) {
      D /= 5n;
      fives += 1;
    }
    if (D !== 1n) return `${String(this.n)}/${String(this.d)}`;
    const text = this.toFixed(Math.max(twos, fives), 'half-even');
    return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
  }

  /**
   * The nearest JavaScript number (for charts only; never for further arithmetic).
   *
   * @example
   * ```ts
   * import { exactOf } from '@eduset/core/indicators';
   * exactOf('0.5').toNumber(); // 0.5
   * ```
   */
  toNumber(): number {
    return Number(this.n) / Number(this.d);
  }

  /**
   * JSON form: the decimal text of {@link Exact.toString}.
   *
   * @example
   * ```ts
   * import { exactOf } from '@eduset/core/indicators';
   * JSON.stringify({ v: exactOf('2.50') }); // '{"v":"2.5"}'
   * ```
   */
  toJSON(): string {
    return this.toString();
  }
}

function reduceNumber(n: number, d: number): Exact {
  if (n === 0) return ZERO;
  const g = gcdNumber(n, d);
  return g === 1 ? new Exact(n, d) : new Exact(n / g, d / g);
}

function reduceBig(n: bigint, d: bigint): Exact {
  if (n === 0n) return ZERO;
  const g = gcdBig(n, d);
  if (g !== 1n) {
    n /= g;
    d /= g;
  }
  const small = n <= BigInt(MAX) && n >= -BigInt(MAX) && d <= BigInt(MAX);
  return small ? new Exact(Number(n), Number(d)) : new Exact(n, d);
}

const ZERO = new Exact(0, 1);
const ONE = new Exact(1, 1);
const cache = new Map<number, Exact>();

/**
 * Reads an exact number from decimal text (`"12.5"`, `"-3"`, `"1e3"`), a fraction (`"1/3"`, as
 * {@link Exact.toString} writes values without a finite decimal expansion), a safe integer or a
 * bigint. Returns `undefined` for anything else (including non-integer JavaScript numbers,
 * which are not exact: pass them as text).
 *
 * @example
 * ```ts
 * import { exact } from '@eduset/core/indicators';
 * exact('1.005')?.toFixed(2, 'half-up'); // '1.01'
 * exact(0.1); // undefined: write '0.1'
 * ```
 */
export function exact(value: string | number | bigint): Exact | undefined {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) return undefined;
    if (value >= 0 && value < 1024) {
      let hit = cache.get(value);
      if (hit === undefined) {
        hit = value === 0 ? ZERO : value === 1 ? ONE : new Exact(value, 1);
        cache.set(value, hit);
      }
      return hit;
    }
    return new Exact(value, 1);
  }
  if (typeof value === 'bigint') return reduceBig(value, 1n);
  const ratio = FRACTION.exec(value.trim());
  if (ratio !== null) {
    const denominator = BigInt(ratio[2] ?? '1');
    if (denominator === 0n) return undefined;
    return reduceBig(BigInt(ratio[1] ?? '0'), denominator);
  }
  const match = DECIMAL.exec(value.trim());
  if (match === null) return undefined;
  const [, sign, whole = '', fraction = '', exponentText] = match;
  const exponent = exponentText === undefined ? 0 : Number(exponentText);
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > 1000) return undefined;
  let n = BigInt(whole + fraction);
  let d = 1n;
  const shift = exponent - fraction.length;
  if (shift >= 0) n *= 10n ** BigInt(shift);
  else d = 10n ** BigInt(-shift);
  if (sign === '-') n = -n;
  if (d === 1n && n >= 0n && n < 1024n) return exact(Number(n));
  return reduceBig(n, d);
}

/**
 * Like {@link exact} but throws a `RangeError` for text that is not a decimal number.
 *
 * @example
 * ```ts
 * import { exactOf } from '@eduset/core/indicators';
 * exactOf('57').multiply(exactOf('100')).toString(); // '5700'
 * ```
 */
export function exactOf(value: string | number | bigint): Exact {
  const result = exact(value);
  if (result === undefined) {
    throw new RangeError(`Не число: «${String(value)}» / Not a number: "${String(value)}"`);
  }
  return result;
}

/**
 * Whether a text is a decimal number that {@link exact} reads.
 *
 * @example
 * ```ts
 * import { isDecimalText } from '@eduset/core/indicators';
 * isDecimalText('12,5'); // false: write 12.5
 * ```
 */
export function isDecimalText(text: string): boolean {
  return DECIMAL.test(text.trim());
}
