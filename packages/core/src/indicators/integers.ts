import type { RoundingMode } from '../common/money.js';

// Integer helpers shared by the exact rationals (exact.ts) and the fast evaluator (fast.ts).
// Internal: not re-exported from the package. Every function works on safe integers held in
// plain JavaScript numbers (exact below 2^53) and says so when it cannot stay exact.

/** The largest safe integer, 2^53 - 1. */
export const MAX = Number.MAX_SAFE_INTEGER;

/** Greatest common divisor of two safe integers (`b` ≥ 0); gcd(0, b) = b. */
export function gcdNumber(a: number, b: number): number {
  a = Math.abs(a);
  if ((a | 0) === a && (b | 0) === b) {
    // Both fit in 32 bits: integer remainders, several times faster than on doubles.
    let x = a | 0;
    let y = b | 0;
    while (y !== 0) {
      const t = (x % y) | 0;
      x = y;
      y = t;
    }
    return x;
  }
  while (b !== 0) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

const POWERS = Array.from({ length: 16 }, (_, i) => 10 ** i);

/**
 * n/d (d > 0, any common factors) rounded to `decimals` places and scaled by 10^decimals: the
 * signed integer q with q / 10^decimals the rounded value (-0 when a negative value rounds to
 * 0), computed with plain integer arithmetic; `undefined` when a step would leave the safe
 * range (the caller then reduces the fraction or uses BigInt).
 */
export function roundedScaled(
  n: number,
  d: number,
  decimals: number,
  mode: RoundingMode,
): number | undefined {
  const scale = POWERS[decimals] ?? 0;
  const negative = n < 0;
  const scaled = (negative ? -n : n) * scale;
  if (scale === 0 || scaled > MAX / 2) return undefined;
  let q = Math.floor(scaled / d);
  let r = scaled - q * d;
  if (r < 0) {
    q -= 1;
    r += d;
  } else if (r >= d) {
    q += 1;
    r -= d;
  }
  if (r !== 0) {
    const twice = r * 2;
    const up =
      mode === 'up' ||
      (mode === 'half-up' && twice >= d) ||
      (mode === 'half-even' && (twice > d || (twice === d && q % 2 === 1)));
    if (up) q += 1;
  }
  return negative ? -q : q;
}

/**
 * Rounds n/d (d > 0, any common factors) to `decimals` places with plain integer arithmetic,
 * or `undefined` when a step would leave the safe range (the caller then uses BigInt).
 */
export function fixedWithNumbers(
  n: number,
  d: number,
  decimals: number,
  mode: RoundingMode,
): string | undefined {
  const q = roundedScaled(n, d, decimals, mode);
  return q === undefined ? undefined : scaledText(q, decimals);
}

/**
 * The text of q / 10^decimals for an integer q from {@link roundedScaled} (0 ≤ decimals ≤ 15;
 * -0 is written without a sign).
 */
export function scaledText(signed: number, decimals: number): string {
  const q = signed < 0 ? -signed : signed;
  const scale = POWERS[decimals] ?? 1;
  // Indicator values repeat (a share with one decimal has a few thousand texts at most), and
  // making texts and collecting them is a large part of what is left of a value's cost
  // (measured with bench/indicators.bench.ts, where about half of the texts come from here):
  // recent texts are kept in a small direct-mapped table keyed by the rounded integer, the
  // places and the sign.
  const sign = signed < 0 ? 1 : 0;
  let slot = -1;
  if (q < CACHED_BELOW) {
    const key = q * 32 + decimals * 2 + sign;
    slot = (q * 31 + decimals * 2 + sign) & (TEXTS - 1);
    if (textKeys === undefined) {
      textKeys = new Float64Array(TEXTS).fill(-1);
      texts = new Array<string>(TEXTS).fill('');
    }
    if (textKeys[slot] === key) return texts[slot] ?? '';
    textKeys[slot] = key;
  }
  const text = roundedText(q, scale, decimals, sign === 1);
  if (slot >= 0) texts[slot] = text;
  return text;
}

/** Texts kept by {@link fixedWithNumbers} (a power of two), and their keys. */
const TEXTS = 1 << 14;
const CACHED_BELOW = 2 ** 40;
// Made on first use, so that importing the module (a page with a widget) allocates nothing.
let textKeys: Float64Array | undefined;
let texts: string[] = [];

/** The text of q / 10^decimals (q ≥ 0 an integer, scale = 10^decimals), signed. */
function roundedText(q: number, scale: number, decimals: number, negative: boolean): string {
  let digits: string;
  if (decimals === 0) digits = integerText(q);
  else {
    // Whole part and decimal places apart, the places from a table of padded texts.
    let whole = Math.floor(q / scale);
    let places = q - whole * scale;
    if (places < 0) {
      whole -= 1;
      places += scale;
    } else if (places >= scale) {
      whole += 1;
      places -= scale;
    }
    digits = `${integerText(whole)}.${placesText(decimals, places)}`;
  }
  return negative ? `-${digits}` : digits;
}

const PLACES: string[][] = [];

/** `places` (0 ≤ places < 10^decimals) written with `decimals` digits, leading zeros kept. */
function placesText(decimals: number, places: number): string {
  if (decimals > 4) return String(places).padStart(decimals, '0');
  let table = PLACES[decimals];
  if (table === undefined) {
    table = Array.from({ length: 10 ** decimals }, (_, i) => String(i).padStart(decimals, '0'));
    PLACES[decimals] = table;
  }
  return table[places] ?? String(places).padStart(decimals, '0');
}

/**
 * The number of decimal places of the reduced fraction n/d (d > 0) when it has a finite
 * decimal expansion, otherwise -1.
 */
export function terminatingPlaces(d: number): number {
  if ((d | 0) === d) {
    // 32 bits: the 2s by counting trailing zero bits, the 5s by integer remainders (the
    // general loop below divides doubles: about 5 % of the indicators benchmark's profile).
    let x = d | 0;
    const twos = 31 - Math.clz32(x & -x);
    x >>= twos;
    let fives = 0;
    while (x % 5 === 0) {
      x = (x / 5) | 0;
      fives += 1;
    }
    return x === 1 ? Math.max(twos, fives) : -1;
  }
  let twos = 0;
  while (d % 2 === 0) {
    d /= 2;
    twos += 1;
  }
  let fives = 0;
  while (d % 5 === 0) {
    d /= 5;
    fives += 1;
  }
  return d === 1 ? Math.max(twos, fives) : -1;
}

/**
 * The exact text of the reduced fraction n/d (d > 0) as `Exact.toString` writes it — the
 * integer, the finite decimal, or `n/d` — or `undefined` when it needs BigInt. A reduced
 * fraction with a finite expansion has no trailing zero after its last place (n is prime to
 * the 2s and 5s of d), so the rounding-free `fixedWithNumbers` gives the text as it is.
 */
export function exactTextWithNumbers(n: number, d: number): string | undefined {
  if (d === 1) return integerText(n);
  const places = terminatingPlaces(d);
  // The numerator of a ratio rarely repeats: not kept in the table (only the denominator).
  if (places < 0) return `${String(n)}/${integerText(d)}`;
  return places <= 15 ? fixedWithNumbers(n, d, places, 'half-even') : undefined;
}

/** Texts of recent integers (a power of two), and their keys (0.5: empty). */
const INTEGER_TEXTS = 1 << 14;
let integerKeys: Float64Array | undefined;
let integerTexts: string[] = [];

/**
 * `String(n)` for an integer, from a small direct-mapped table of recent texts: counts repeat
 * across org units, and a text made once is not made (and collected) again.
 */
export function integerText(n: number): string {
  const slot = n & (INTEGER_TEXTS - 1);
  if (integerKeys === undefined) {
    integerKeys = new Float64Array(INTEGER_TEXTS).fill(0.5);
    integerTexts = new Array<string>(INTEGER_TEXTS).fill('');
  }
  if (integerKeys[slot] === n) return integerTexts[slot] ?? String(n);
  const text = String(n);
  integerKeys[slot] = n;
  integerTexts[slot] = text;
  return text;
}
