import type { IndicatorResult, NoValueReason } from './result.js';
import { scaledText } from './integers.js';
import {
  IndicatorSession,
  prepareComputation,
  type CompiledIndicator,
  type ComputeOptions,
  type IndicatorQuery,
} from './compute.js';
import type { IndicatorDefinition } from './definition.js';
import type { IndicatorDataset } from './dataset.js';

// Why a second result shape: `computeIndicators` gives one object with four texts per value,
// and at scale (bench/indicators.bench.ts, 10 000 000 values) making and collecting those
// objects was most of the time left after the arithmetic had been made fast (docs/en/
// indicators.md §7). A table keeps what every value needs — its rounded value as an exact
// scaled integer, or its no-value reason — in two typed arrays, and makes everything else (the
// texts, the exact fraction, the sides, the explanation) on demand, by computing that one value
// again with the same engine: computation is pure, so what it gives is what
// `computeIndicators` gives (a property test holds the two together).

const ABSENT = 0;
const VALUE = 1;
const MISSING = 2;
const DENOMINATOR_ZERO = 3;
const OBJECT = 4;

/**
 * Indicators computed for many org units and periods, kept compactly: each cell (one
 * indicator, org unit and period) holds its rounded value or its no-value reason; texts,
 * exact fractions, sides and explanations are made on demand for the cells asked about.
 * Cells are ordered as {@link computeIndicators} orders its results — by indicator, then
 * org unit, then period — and a cell whose definition does not apply (another period type or
 * level) has no result, as there.
 *
 * @example
 * ```ts
 * import { computeIndicatorTable, createDataset } from '@eduset/core/indicators';
 * declare const definitions: unknown[];
 * declare const input: unknown;
 * const table = computeIndicatorTable(definitions, createDataset(input), {
 *   level: 'organization',
 *   periods: ['2023-2024', '2024-2025'],
 * });
 * const cell = table.cellOf('parents-satisfied-share', 'school-1', '2024-2025');
 * if (cell !== undefined) table.value(cell); // '92.0', or undefined with table.reason(cell)
 * ```
 */
export class IndicatorTable {
  /** Indicator ids, in the order of the definitions. */
  readonly indicators: readonly string[];
  /** Org unit ids, in the order of the query. */
  readonly orgUnits: readonly string[];
  /** Period ids, in the order of the query. */
  readonly periods: readonly string[];
  private readonly decimals: readonly number[];
  private readonly positions: Map<string, number>[];
  private readonly explain: boolean;
  private session: IndicatorSession | undefined;

  /** @internal Made by {@link computeIndicatorTable}. */
  constructor(
    private readonly compiled: readonly CompiledIndicator[],
    orgUnits: readonly string[],
    periods: readonly string[],
    private readonly codes: Uint8Array,
    private readonly scaled: Float64Array,
    private readonly objects: ReadonlyMap<number, IndicatorResult>,
    private readonly dataset: IndicatorDataset,
    private readonly options: ComputeOptions,
  ) {
    this.explain = options.explain ?? true;
    this.indicators = compiled.map((indicator) => indicator.definition.id);
    this.orgUnits = orgUnits;
    this.periods = periods;
    this.decimals = compiled.map((indicator) => indicator.definition.decimals);
    this.positions = [this.indicators, orgUnits, periods].map(
      (ids) => new Map(ids.map((id, index) => [id, index])),
    );
  }

  /**
   * The number of cells: indicators × org units × periods (with or without a result).
   *
   * @example
   * ```ts
   * import type { IndicatorTable } from '@eduset/core/indicators';
   * declare const table: IndicatorTable;
   * for (let cell = 0; cell < table.size; cell += 1) table.value(cell);
   * ```
   */
  get size(): number {
    return this.codes.length;
  }

  /**
   * The cell of an indicator, org unit and period, or `undefined` when the table has no such
   * row, column or period.
   *
   * @example
   * ```ts
   * import type { IndicatorTable } from '@eduset/core/indicators';
   * declare const table: IndicatorTable;
   * table.cellOf('consultations', 'udomlya', '2019-2020'); // 0
   * ```
   */
  cellOf(indicator: string, orgUnit: string, period: string): number | undefined {
    const [indicators, units, periods] = this.positions;
    const i = indicators?.get(indicator);
    const u = units?.get(orgUnit);
    const p = periods?.get(period);
    if (i === undefined || u === undefined || p === undefined) return undefined;
    return (i * this.orgUnits.length + u) * this.periods.length + p;
  }

  /**
   * Which indicator, org unit and period a cell is.
   *
   * @example
   * ```ts
   * import type { IndicatorTable } from '@eduset/core/indicators';
   * declare const table: IndicatorTable;
   * table.coordinates(0); // { indicator: 'consultations', orgUnit: 'udomlya', period: '2019-2020' }
   * ```
   */
  coordinates(cell: number): { indicator: string; orgUnit: string; period: string } {
    const perIndicator = this.orgUnits.length * this.periods.length;
    const i = Math.floor(cell / perIndicator);
    const rest = cell - i * perIndicator;
    const u = Math.floor(rest / this.periods.length);
    return {
      indicator: this.indicators[i] ?? '',
      orgUnit: this.orgUnits[u] ?? '',
      period: this.periods[rest - u * this.periods.length] ?? '',
    };
  }

  /**
   * Whether a cell has a value, no value (with a reason), or no result at all (the definition
   * does not apply to that period type or level, or the cell is out of range).
   *
   * @example
   * ```ts
   * import type { IndicatorTable } from '@eduset/core/indicators';
   * declare const table: IndicatorTable;
   * table.status(0); // 'value'
   * ```
   */
  status(cell: number): IndicatorResult['status'] | undefined {
    const code = this.codes[cell] ?? ABSENT;
    if (code === ABSENT) return undefined;
    if (code === VALUE) return 'value';
    if (code === OBJECT) return this.objects.get(cell)?.status;
    return 'no-value';
  }

  /**
   * A cell's value rounded for presentation (the `value` of {@link IndicatorValue}), or
   * `undefined` when it has none.
   *
   * @example
   * ```ts
   * import type { IndicatorTable } from '@eduset/core/indicators';
   * declare const table: IndicatorTable;
   * table.value(0); // '78.3'
   * ```
   */
  value(cell: number): string | undefined {
    const code = this.codes[cell] ?? ABSENT;
    if (code === VALUE) {
      const indicator = Math.floor(cell / (this.orgUnits.length * this.periods.length));
      return scaledText(this.scaled[cell] ?? 0, this.decimals[indicator] ?? 0);
    }
    if (code !== OBJECT) return undefined;
    const result = this.objects.get(cell);
    return result?.status === 'value' ? result.value : undefined;
  }

  /**
   * Why a cell has no value, or `undefined` when it has one (or no result at all).
   *
   * @example
   * ```ts
   * import type { IndicatorTable } from '@eduset/core/indicators';
   * declare const table: IndicatorTable;
   * table.reason(5); // 'denominator-zero'
   * ```
   */
  reason(cell: number): NoValueReason | undefined {
    const code = this.codes[cell] ?? ABSENT;
    if (code === MISSING) return 'missing-data';
    if (code === DENOMINATOR_ZERO) return 'denominator-zero';
    if (code !== OBJECT) return undefined;
    const result = this.objects.get(cell);
    return result?.status === 'no-value' ? result.reason : undefined;
  }

  /**
   * A cell's whole result — the same object {@link computeIndicators} gives for it, with the
   * explanation when the table was computed with `explain` (the default) — or `undefined`
   * when the cell has no result.
   *
   * @example
   * ```ts
   * import type { IndicatorTable } from '@eduset/core/indicators';
   * declare const table: IndicatorTable;
   * const result = table.result(0);
   * result?.explanation?.text.ru; // 'Доля (в. 1): 47 / 60 × 100 = 78.3'
   * ```
   */
  result(cell: number): IndicatorResult | undefined {
    const code = this.codes[cell] ?? ABSENT;
    if (code === ABSENT) return undefined;
    if (code === OBJECT && !this.explain) return this.objects.get(cell);
    const { orgUnit, period } = this.coordinates(cell);
    const compiled = this.compiled[Math.floor(cell / (this.orgUnits.length * this.periods.length))];
    return compiled === undefined ? undefined : this.answering().compute(compiled, orgUnit, period);
  }

  /** The session that computes single cells again, made on first use. */
  private answering(): IndicatorSession {
    this.session ??= new IndicatorSession(this.dataset, {
      ...this.options,
      indicators: [...(this.options.indicators ?? []), ...this.compiled],
    });
    return this.session;
  }

  /**
   * Every result in cell order: what {@link computeIndicators} returns for the same
   * definitions, dataset, query and options.
   *
   * @example
   * ```ts
   * import type { IndicatorTable } from '@eduset/core/indicators';
   * declare const table: IndicatorTable;
   * table.results().filter((result) => result.status === 'no-value').length;
   * ```
   */
  results(): IndicatorResult[] {
    const results: IndicatorResult[] = [];
    for (let cell = 0; cell < this.codes.length; cell += 1) {
      const result = this.result(cell);
      if (result !== undefined) results.push(result);
    }
    return results;
  }
}

/**
 * Computes many indicators for many org units and periods into an {@link IndicatorTable}:
 * the same values as {@link computeIndicators}, without making a result object per value —
 * for large computations (every school of a region over ten years) whose values are read,
 * exported or charted, and only some of them explained.
 *
 * @example
 * ```ts
 * import { computeIndicatorTable, createDataset } from '@eduset/core/indicators';
 * declare const definitions: unknown[];
 * declare const input: unknown;
 * const table = computeIndicatorTable(definitions, createDataset(input), {
 *   level: 'municipality',
 *   periods: ['2019-2020'],
 * });
 * table.results(); // as computeIndicators(definitions, dataset, query)
 * ```
 */
export function computeIndicatorTable(
  definitions: readonly (CompiledIndicator | IndicatorDefinition | unknown)[],
  dataset: IndicatorDataset,
  query: IndicatorQuery,
  options: ComputeOptions = {},
): IndicatorTable {
  // The values themselves are computed without explanations (none is kept); the session
  // that answers `result(cell)` gives them when asked for. This session and its caches are
  // dropped when the table is made.
  const { compiled, session, units } = prepareComputation(definitions, dataset, query, {
    ...options,
    explain: false,
  });
  const size = compiled.length * units.length * query.periods.length;
  const codes = new Uint8Array(size);
  const scaled = new Float64Array(size);
  const objects = new Map<number, IndicatorResult>();
  session.computeAll(
    compiled,
    units,
    query.periods,
    (slot, result) => {
      codes[slot] = OBJECT;
      objects.set(slot, result);
    },
    { codes, scaled },
  );
  return new IndicatorTable(
    compiled,
    units,
    query.periods,
    codes,
    scaled,
    objects,
    dataset,
    options,
  );
}
