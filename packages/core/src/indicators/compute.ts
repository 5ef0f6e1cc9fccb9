import type { LocalizedText } from '../common/labels.js';
import type {
  ExplanationInput,
  ExplanationSide,
  IndicatorExplanation,
  IndicatorNoValue,
  IndicatorResult,
  IndicatorValue,
  NoValueReason,
} from './result.js';
import { exactOf, type Exact } from './exact.js';
import {
  compileFormula,
  referenceSlot,
  formulaNumber,
  FormulaEvaluationStop,
  type CompiledFormula,
  type FormulaScope,
} from './evaluate.js';
import type { AggregatedValue, IndicatorDataset } from './dataset.js';
import {
  compileFastFormula,
  FAST_DECLINED,
  FAST_DENOMINATOR_ZERO,
  FAST_MISSING,
  FAST_RATIO,
  fastIndicatorValue,
  fastScaled,
  fastScaledValue,
  fastSide,
  fastSides,
  runFast,
  type FastFormula,
} from './fast.js';
import type { OrgUnitLevel } from './vocabulary.js';
import {
  definitionFactor,
  parseIndicatorDefinition,
  type IndicatorDefinition,
} from './definition.js';
import { tokenize } from './lexer.js';
import { parseFormula } from './parser.js';
import { daysInYearOf, parsePeriod, type Period } from './period.js';
import { printFormula } from './print.js';
import {
  type AggregateFunction,
  formulaReferences,
  referenceKey,
  type DataElementNode,
  type FormulaNode,
} from './syntax.js';

const REASON_TEXT: Record<NoValueReason, LocalizedText> = {
  'denominator-zero': { ru: 'Знаменатель равен нулю', en: 'The denominator is zero' },
  'division-by-zero': { ru: 'Деление на ноль в формуле', en: 'Division by zero in the formula' },
  'missing-data': { ru: 'Нет данных', en: 'Data are missing' },
  'unknown-constant': { ru: 'Не задана константа', en: 'A constant is not defined' },
  'level-not-allowed': {
    ru: 'Показатель не рассчитывается на этом уровне',
    en: 'The indicator is not reported at this level',
  },
  'period-type-mismatch': {
    ru: 'Период другого типа, чем в определении показателя',
    en: 'The period is not of the type the indicator is defined for',
  },
  'not-valid-in-period': {
    ru: 'Определение показателя не действует в этом периоде',
    en: 'The indicator definition is not valid in this period',
  },
  'unknown-org-unit': { ru: 'Нет такого подразделения', en: 'No such org unit' },
  'unknown-period': { ru: 'Неизвестный период', en: 'Unknown period' },
  'indicator-cycle': {
    ru: 'Показатели ссылаются друг на друга по кругу',
    en: 'Indicators refer to each other in a circle',
  },
  'unknown-indicator': {
    ru: 'Формула ссылается на неизвестный показатель',
    en: 'The formula refers to an unknown indicator',
  },
};

/**
 * The Russian and English text of a no-value reason.
 *
 * @example
 * ```ts
 * import { noValueText } from '@eduset/core/indicators';
 * noValueText('denominator-zero').en; // 'The denominator is zero'
 * ```
 */
export function noValueText(reason: NoValueReason): LocalizedText {
  return REASON_TEXT[reason];
}

/**
 * @internal What `computeIndicatorTable` keeps per slot: a code (0 nothing computed, 1 a value
 * in `scaled`, 2 missing data, 3 a zero denominator, 4 a result object kept aside) and the
 * rounded value × 10^decimals.
 */
export interface ScaledColumns {
  readonly codes: Uint8Array;
  readonly scaled: Float64Array;
}

/**
 * A definition with its formulas parsed and compiled, ready to be computed many times.
 *
 * @example
 * ```ts
 * import { compileIndicator, type CompiledIndicator } from '@eduset/core/indicators';
 * declare const json: unknown;
 * const compiled: CompiledIndicator = compileIndicator(json);
 * ```
 */
export interface CompiledIndicator {
  readonly definition: IndicatorDefinition;
  readonly numeratorTree: FormulaNode;
  readonly denominatorTree: FormulaNode;
  /** @internal */
  readonly numerator: CompiledFormula;
  /** @internal */
  readonly denominator: CompiledFormula;
  /** @internal The numerator compiled for safe-integer arithmetic (fast.ts), if it can be. */
  readonly fastNumerator?: FastFormula | undefined;
  /** @internal The denominator compiled for safe-integer arithmetic, if it can be. */
  readonly fastDenominator?: FastFormula | undefined;
  /**
   * @internal The factor as safe integers when the value can be finished on them: no cap, no
   * target, not annualized.
   */
  readonly fastFactor?: { readonly n: number; readonly d: number } | undefined;
  /** @internal */
  readonly numeratorElements: readonly DataElementNode[];
  /** @internal */
  readonly denominatorElements: readonly DataElementNode[];
  /** @internal Slots ({@link referenceSlot}) of the numerator's data element references. */
  readonly numeratorSlots: readonly number[];
  /** @internal Slots of the denominator's data element references. */
  readonly denominatorSlots: readonly number[];
  /** @internal Ids of the indicators `I{…}` of both formulas, each once. */
  readonly indicatorReferences?: readonly string[];
  readonly factor: Exact;
  /** @internal Whether the factor is 1 (no multiplication needed). */
  readonly factorIsOne: boolean;
  readonly cap: Exact | undefined;
  readonly target: Exact | undefined;
}

function fastFactorOf(definition: IndicatorDefinition): { n: number; d: number } | undefined {
  if (definition.cap !== undefined || definition.target !== undefined || definition.annualized) {
    return undefined;
  }
  const factor = exactOf(definitionFactor(definition));
  return typeof factor.n === 'number' && typeof factor.d === 'number'
    ? { n: factor.n, d: factor.d }
    : undefined;
}

/**
 * Validates (if needed) and compiles a definition.
 *
 * @throws ValidationError when the definition is invalid.
 * @example
 * ```ts
 * import { compileIndicator } from '@eduset/core/indicators';
 * const compiled = compileIndicator({
 *   id: 'share', version: 1, name: { ru: 'Доля', en: 'Share' }, unit: 'percent',
 *   numerator: '#{a}', denominator: '#{b}', levels: ['municipality'], periodType: 'school-year',
 * });
 * compiled.factor.toString(); // '100'
 * ```
 */
export function compileIndicator(definition: IndicatorDefinition | unknown): CompiledIndicator {
  const valid = parseIndicatorDefinition(definition);
  const numeratorTree = parseFormula(valid.numerator);
  const denominatorTree = parseFormula(valid.denominator);
  const numeratorReferences = formulaReferences(numeratorTree);
  const denominatorReferences = formulaReferences(denominatorTree);
  return {
    definition: valid,
    numeratorTree,
    denominatorTree,
    numerator: compileFormula(numeratorTree),
    denominator: compileFormula(denominatorTree),
    fastNumerator: compileFastFormula(numeratorTree),
    fastDenominator: compileFastFormula(denominatorTree),
    fastFactor: fastFactorOf(valid),
    numeratorElements: numeratorReferences.dataElements,
    denominatorElements: denominatorReferences.dataElements,
    numeratorSlots: numeratorReferences.dataElements.map(referenceSlot),
    denominatorSlots: denominatorReferences.dataElements.map(referenceSlot),
    indicatorReferences: [
      ...new Set([...numeratorReferences.indicators, ...denominatorReferences.indicators]),
    ],
    factor: exactOf(definitionFactor(valid)),
    factorIsOne: exactOf(definitionFactor(valid)).equals(exactOf(1)),
    cap: valid.cap === undefined ? undefined : exactOf(valid.cap),
    target: valid.target === undefined ? undefined : exactOf(valid.target),
  };
}

/**
 * Options of {@link computeIndicator} and {@link computeIndicators}.
 *
 * @example
 * ```ts
 * import type { ComputeOptions } from '@eduset/core/indicators';
 * const options: ComputeOptions = { explain: false, constants: { population: '10000' } };
 * ```
 */
export interface ComputeOptions {
  /** Attach an {@link IndicatorExplanation} to every result (default true). */
  readonly explain?: boolean;
  /** Constants in addition to the dataset's own (these win). */
  readonly constants?: Readonly<Record<string, string>>;
  /** Other indicators `I{…}` may refer to, by id. */
  readonly indicators?: readonly (CompiledIndicator | IndicatorDefinition)[];
}

const referenceKeys = new WeakMap<DataElementNode, string>();

/** The cache key of a reference, computed once per syntax tree node. */
function keyOf(ref: DataElementNode): string {
  let key = referenceKeys.get(ref);
  if (key === undefined) {
    key = referenceKey(ref);
    referenceKeys.set(ref, key);
  }
  return key;
}

/**
 * One side of an indicator as a number: the fast evaluator first (safe integers, see
 * fast.ts), the exact one when it declines. Both give the same value.
 */
function evaluateSide(
  fast: FastFormula | undefined,
  exactFormula: CompiledFormula,
  scope: FormulaScope,
): Exact | null {
  if (fast !== undefined) {
    const value = runFast(fast, scope);
    if (value !== undefined) return value;
  }
  return formulaNumber(exactFormula(scope));
}

const COMPLETE = 0;
const PARTIAL = 1;
const SKIP = 2;

/**
 * The definition's missing-value strategy, side by side: compute (`COMPLETE`), compute and
 * flag as partial, or skip (no value, missing data).
 */
function missingOutcome(compiled: CompiledIndicator, context: UnitPeriodContext): 0 | 1 | 2 {
  let outcome: 0 | 1 | 2 = COMPLETE;
  const strategy = compiled.definition.missingValueStrategy;
  for (let side = 0; side < 2; side += 1) {
    const elements = side === 0 ? compiled.numeratorElements : compiled.denominatorElements;
    if (elements.length === 0) continue;
    let missing = 0;
    const slots = side === 0 ? compiled.numeratorSlots : compiled.denominatorSlots;
    for (let index = 0; index < elements.length; index += 1) {
      const ref = elements[index];
      if (ref !== undefined && context.dataElementAt(slots[index] ?? 0, ref) === null) {
        missing += 1;
      }
    }
    if (missing === 0) continue;
    if (
      strategy === 'skip-if-any-missing' ||
      (strategy === 'skip-if-all-missing' && missing === elements.length)
    ) {
      return SKIP;
    }
    if (strategy === 'skip-if-all-missing') outcome = PARTIAL;
  }
  return outcome;
}

function noValueResult(
  compiled: CompiledIndicator,
  orgUnit: string,
  period: string,
  reason: NoValueReason,
  explanation?: IndicatorExplanation,
  message?: LocalizedText,
): IndicatorNoValue {
  const result: IndicatorNoValue = {
    indicator: compiled.definition.id,
    version: compiled.definition.version,
    orgUnit,
    period,
    status: 'no-value',
    reason,
    message: message ?? REASON_TEXT[reason],
  };
  if (explanation !== undefined) result.explanation = explanation;
  return result;
}

/**
 * The formula scope of one org unit and period: aggregated values cached by reference, shared
 * by every indicator computed there. While an indicator is evaluated it records its inputs
 * (when explanations are asked for) and `I{…}` cycles.
 */
class UnitPeriodContext implements FormulaScope {
  /** Aggregated values by reference slot ({@link referenceSlot}). */
  private readonly values: (AggregatedValue | undefined)[] = [];
  private readonly raw = new Map<string, AggregatedValue>();
  definition = '';
  inputs: Map<string, ExplanationInput> | undefined;
  cycle = false;
  /**
   * Results of indicators computed here (for an `I{…}`, or asked for after one), each
   * computed once: a chain of references costs one evaluation per indicator, not one per
   * path. Results that met a cycle are not kept.
   */
  readonly results = new Map<CompiledIndicator, IndicatorResult>();

  /** Reporting units with a value, by the data elements asked (ids joined). */
  private readonly reported = new Map<string, ReadonlySet<string>>();

  constructor(
    private readonly session: IndicatorSession,
    readonly orgUnit: string,
    readonly period: Period,
  ) {}

  /** The reporting units of this org unit that have a value of any of the data elements. */
  reportedUnits(elements: readonly string[]): ReadonlySet<string> {
    const key = elements.join('\u0000');
    let reported = this.reported.get(key);
    if (reported === undefined) {
      reported = this.session.dataset.reportedUnits(elements, this.orgUnit, this.period);
      this.reported.set(key, reported);
    }
    return reported;
  }

  private record(reference: string, result: AggregatedValue): void {
    if (this.inputs === undefined || this.inputs.has(reference)) return;
    this.inputs.set(reference, {
      reference,
      value: result.value?.toString() ?? null,
      reportingUnits: [...result.reportingUnits],
    });
  }

  dataElement(ref: DataElementNode): Exact | null {
    return this.dataElementAt(referenceSlot(ref), ref);
  }

  dataElementAt(slot: number, ref: DataElementNode): Exact | null {
    let result = this.values[slot];
    if (result === undefined) {
      result = this.session.dataset.aggregate(ref, this.orgUnit, this.period);
      this.values[slot] = result;
    }
    if (this.inputs !== undefined) this.record(`#{${keyOf(ref)}}`, result);
    return result.value;
  }

  aggregate(fn: AggregateFunction, ref: DataElementNode): Exact | null {
    const key = `${fn}(#{${keyOf(ref)}})`;
    let result = this.raw.get(key);
    if (result === undefined) {
      result = this.session.dataset.aggregateRaw(fn, ref, this.orgUnit, this.period);
      this.raw.set(key, result);
    }
    if (this.inputs !== undefined) this.record(key, result);
    return result.value;
  }

  constant(id: string): Exact | undefined {
    const value = this.session.constantValue(id);
    this.inputs?.set(`C{${id}}`, { reference: `C{${id}}`, value: value?.toString() ?? null });
    return value;
  }

  indicator(id: string): Exact | null | undefined {
    const inputs = this.inputs;
    const outcome = this.session.indicatorValue(id, this);
    if (outcome === undefined) return undefined;
    const value = outcome === 'cycle' ? null : outcome;
    if (outcome === 'cycle') this.cycle = true;
    inputs?.set(`I{${id}}`, { reference: `I{${id}}`, value: value?.toString() ?? null });
    return value;
  }
}

/**
 * A computation over one dataset: caches aggregated values shared between indicators and
 * resolves `I{…}` references. Create one per dataset and reuse it for many queries.
 *
 * @example
 * ```ts
 * import { IndicatorSession, createDataset } from '@eduset/core/indicators';
 * declare const input: unknown;
 * const session = new IndicatorSession(createDataset(input));
 * ```
 */
export class IndicatorSession {
  private readonly contexts = new Map<string, UnitPeriodContext>();
  private lastContext: UnitPeriodContext | undefined;
  private readonly indicators = new Map<string, CompiledIndicator>();
  private readonly constants = new Map<string, Exact>();
  private readonly explain: boolean;
  private readonly stack: string[] = [];
  /** How many times a cycle was met; a result computed while it did not change is kept. */
  private cycles = 0;

  constructor(
    readonly dataset: IndicatorDataset,
    options: ComputeOptions = {},
  ) {
    this.explain = options.explain ?? true;
    for (const [id, text] of Object.entries(options.constants ?? {}))
      this.constants.set(id, exactOf(text));
    for (const indicator of options.indicators ?? []) this.register(indicator);
  }

  /**
   * Makes an indicator available to `I{…}` references; returns its compiled form.
   *
   * @example
   * ```ts
   * import { IndicatorSession, createDataset, indicatorCatalog } from '@eduset/core/indicators';
   * declare const input: unknown;
   * const session = new IndicatorSession(createDataset(input), { explain: false });
   * session.register(indicatorCatalog[0]!);
   * ```
   */
  register(indicator: CompiledIndicator | IndicatorDefinition): CompiledIndicator {
    const compiled = 'numeratorTree' in indicator ? indicator : compileIndicator(indicator);
    this.indicators.set(compiled.definition.id, compiled);
    return compiled;
  }

  /** The evaluation context of one org unit and period, created once and reused. */
  private context(orgUnit: string, period: Period): UnitPeriodContext {
    const last = this.lastContext;
    if (last !== undefined && last.orgUnit === orgUnit && last.period === period) return last;
    const key = `${orgUnit}\u0000${period.id}`;
    let context = this.contexts.get(key);
    if (context === undefined) {
      context = new UnitPeriodContext(this, orgUnit, period);
      this.contexts.set(key, context);
    }
    this.lastContext = context;
    return context;
  }

  /** @internal A constant's value (session constants win over the dataset's). */
  constantValue(id: string): Exact | undefined {
    return this.constants.get(id) ?? this.dataset.constant(id);
  }

  /**
   * @internal Another indicator's unrounded value, for `I{…}`; `cycle` when it loops back;
   * `undefined` when no indicator of that id is known.
   */
  indicatorValue(id: string, context: UnitPeriodContext): Exact | null | 'cycle' | undefined {
    const other = this.indicators.get(id);
    if (other === undefined) return undefined;
    const result = this.referenced(other, context);
    if (result.status === 'value') return exactOf(result.exact);
    return result.reason === 'indicator-cycle' ? 'cycle' : null;
  }

  /** An indicator referred to from the context's current definition: computed once there. */
  private referenced(other: CompiledIndicator, context: UnitPeriodContext): IndicatorResult {
    const cached = context.results.get(other);
    if (cached !== undefined) return cached;
    const cyclesBefore = this.cycles;
    this.stack.push(context.definition);
    let result: IndicatorResult;
    try {
      result = this.compute(other, context.orgUnit, context.period.id);
    } finally {
      this.stack.pop();
    }
    if (result.status === 'no-value' && result.reason === 'indicator-cycle') this.cycles += 1;
    // A result that met no cycle does not depend on which indicators are being computed.
    if (this.cycles === cyclesBefore) context.results.set(other, result);
    return result;
  }

  /**
   * Before an indicator is evaluated, the indicators it refers to, directly or not, are
   * computed deepest first (an explicit stack, not recursion), so that each `I{…}` finds its
   * value already computed: a chain of 2 000 references never nests 2 000 evaluations. When
   * the references loop back, nothing is done here and evaluation finds the cycle as before.
   */
  private computeReferences(compiled: CompiledIndicator, context: UnitPeriodContext): void {
    const first = referencesOf(compiled);
    if (first.length === 0) return;
    const order: CompiledIndicator[] = [];
    // 1 = on the current path, 2 = done.
    const state = new Map<CompiledIndicator, 1 | 2>([[compiled, 1]]);
    const path: { node: CompiledIndicator; next: number; refs: readonly string[] }[] = [
      { node: compiled, next: 0, refs: first },
    ];
    while (path.length > 0) {
      const top = path[path.length - 1];
      if (top === undefined) break;
      const id = top.refs[top.next];
      if (id === undefined) {
        path.pop();
        state.set(top.node, 2);
        if (top.node !== compiled) order.push(top.node);
        continue;
      }
      top.next += 1;
      const other = this.indicators.get(id);
      if (other === undefined || context.results.has(other)) continue;
      const seen = state.get(other);
      if (seen === 1) return; // a cycle: left to evaluation, which reports it
      if (seen === 2) continue;
      state.set(other, 1);
      path.push({ node: other, next: 0, refs: referencesOf(other) });
    }
    const saved = context.definition;
    for (const other of order) {
      // Each is computed as if referred to directly by `compiled`.
      context.definition = compiled.definition.id;
      this.referenced(other, context);
    }
    context.definition = saved;
  }

  /**
   * Computes one indicator for one org unit and period.
   *
   * @example
   * ```ts
   * import { IndicatorSession, createDataset, indicatorCatalog } from '@eduset/core/indicators';
   * declare const input: unknown;
   * const session = new IndicatorSession(createDataset(input), { explain: false });
   * const result = session.compute(indicatorCatalog[0]!, 'udomlya', '2019-2020');
   * result.status === 'value' ? result.value : result.reason;
   * ```
   */
  compute(
    indicator: CompiledIndicator | IndicatorDefinition,
    orgUnitId: string,
    periodId: string,
  ): IndicatorResult {
    const compiled = 'numeratorTree' in indicator ? indicator : this.register(indicator);
    const { definition } = compiled;
    const unit = this.dataset.orgUnit(orgUnitId);
    if (unit === undefined) return noValueResult(compiled, orgUnitId, periodId, 'unknown-org-unit');
    const period = parsePeriod(periodId);
    if (period === undefined) return noValueResult(compiled, orgUnitId, periodId, 'unknown-period');
    if (period.type !== definition.periodType) {
      return noValueResult(compiled, orgUnitId, periodId, 'period-type-mismatch');
    }
    if (!definition.levels.includes(unit.level)) {
      return noValueResult(compiled, orgUnitId, periodId, 'level-not-allowed');
    }
    return this.computeAt(compiled, orgUnitId, period, this.context(orgUnitId, period));
  }

  /**
   * {@link IndicatorSession.compute} once the org unit is known, the period parsed and of the
   * definition's type, the level allowed, and the context of the org unit and period at hand.
   */
  private computeAt(
    compiled: CompiledIndicator,
    orgUnitId: string,
    period: Period,
    context: UnitPeriodContext,
  ): IndicatorResult {
    const { definition } = compiled;
    if (
      (definition.validFrom !== undefined && period.end < definition.validFrom) ||
      (definition.validTo !== undefined && period.start > definition.validTo)
    ) {
      return noValueResult(compiled, orgUnitId, period.id, 'not-valid-in-period');
    }
    const cached = context.results.get(compiled);
    if (cached !== undefined) return cached;
    if (this.stack.length > 0 && this.stack.includes(definition.id)) {
      this.cycles += 1;
      return noValueResult(compiled, orgUnitId, period.id, 'indicator-cycle');
    }
    this.computeReferences(compiled, context);
    // The context is shared; an `I{…}` inside this evaluation computes another indicator in it,
    // so its per-evaluation state is saved and restored around.
    const savedDefinition = context.definition;
    const savedInputs = context.inputs;
    const savedCycle = context.cycle;
    context.definition = definition.id;
    context.inputs = this.explain ? new Map() : undefined;
    context.cycle = false;
    try {
      return this.covered(compiled, context, this.evaluate(compiled, context, orgUnitId, period));
    } finally {
      context.definition = savedDefinition;
      context.inputs = savedInputs;
      context.cycle = savedCycle;
    }
  }

  /**
   * @internal The loop of {@link computeIndicators} and `computeIndicatorTable`: every
   * indicator at every org unit and period, given to `put` with its slot (indicator, org unit,
   * period order); returns how many there were. Org unit, period and each indicator's
   * applicability are resolved once, not per value. With `table`, what the safe-integer path
   * finishes is written there as a code and a scaled rounded value instead of an object.
   */
  computeAll(
    compiled: readonly CompiledIndicator[],
    units: readonly string[],
    periods: readonly string[],
    put: (slot: number, result: IndicatorResult) => void,
    table?: ScaledColumns,
  ): number {
    let filled = 0;
    const parsed = periods.map((period) => parsePeriod(period));
    // Which indicator applies in which period (type), then per org unit (level): decided once
    // per period and per org unit, not per value.
    const inPeriod = parsed.map((period) =>
      compiled.map((indicator) => period?.type === indicator.definition.periodType),
    );
    const count = compiled.length;
    // Definitions the safe-integer path can finish alone when no explanation is asked for.
    const fast = compiled.map(
      (indicator) =>
        !this.explain &&
        indicator.fastNumerator !== undefined &&
        indicator.fastDenominator !== undefined &&
        indicator.fastFactor !== undefined &&
        indicator.definition.validFrom === undefined &&
        indicator.definition.validTo === undefined,
    );
    for (let u = 0; u < units.length; u += 1) {
      const unitId = units[u] ?? '';
      const unit = this.dataset.orgUnit(unitId);
      const atLevel = compiled.map(
        (indicator) => unit === undefined || indicator.definition.levels.includes(unit.level),
      );
      for (let p = 0; p < periods.length; p += 1) {
        const period = parsed[p];
        const applies = inPeriod[p];
        if (period === undefined || applies === undefined) continue;
        const context = unit === undefined ? undefined : this.context(unitId, period);
        for (let i = 0; i < count; i += 1) {
          const indicator = compiled[i];
          if (indicator === undefined || applies[i] !== true || atLevel[i] !== true) continue;
          const slot = (i * units.length + u) * periods.length + p;
          filled += 1;
          if (context === undefined) {
            put(slot, this.compute(indicator, unitId, period.id));
            continue;
          }
          if (fast[i] === true) {
            if (table !== undefined) {
              const code = this.computeFastScaled(indicator, context);
              if (code !== FAST_DECLINED) {
                table.codes[slot] = code + 1;
                if (code === FAST_RATIO) table.scaled[slot] = fastScaledValue();
                continue;
              }
            } else {
              const result = this.computeFast(indicator, unitId, period, context);
              if (result !== undefined) {
                put(slot, result);
                continue;
              }
            }
          }
          put(slot, this.computeAt(indicator, unitId, period, context));
        }
      }
    }
    return filled;
  }

  /**
   * The whole computation on safe integers for a definition `computeAll` found eligible (no
   * explanation, no `I{…}`, `%`, cap, target, annualization or validity dates), or
   * `undefined` when the general path must do it (a value out of the safe range, a formula
   * that stops): that path computes it again from the start, which is harmless since
   * evaluation only reads (cached) values.
   */
  private computeFast(
    compiled: CompiledIndicator,
    orgUnitId: string,
    period: Period,
    context: UnitPeriodContext,
  ): IndicatorResult | undefined {
    const missing = missingOutcome(compiled, context);
    if (missing === SKIP) {
      return this.covered(
        compiled,
        context,
        noValueResult(compiled, orgUnitId, period.id, 'missing-data'),
      );
    }
    const numerator = compiled.fastNumerator;
    const denominator = compiled.fastDenominator;
    const factor = compiled.fastFactor;
    if (numerator === undefined || denominator === undefined || factor === undefined) {
      return undefined;
    }
    const result = fastIndicatorValue(
      numerator,
      denominator,
      factor.n,
      factor.d,
      context,
      compiled.definition,
      orgUnitId,
      period.id,
      missing === PARTIAL,
    );
    if (typeof result !== 'number') return this.covered(compiled, context, result);
    if (result === FAST_MISSING)
      return this.covered(
        compiled,
        context,
        noValueResult(compiled, orgUnitId, period.id, 'missing-data'),
      );
    if (result === FAST_DENOMINATOR_ZERO) {
      return this.covered(
        compiled,
        context,
        noValueResult(compiled, orgUnitId, period.id, 'denominator-zero'),
      );
    }
    return undefined;
  }

  /**
   * Adds the reporting coverage to a result computed from data (a value, missing data, a
   * zero denominator or division): how many reporting units of the org unit have a value of
   * the data elements the formulas refer to, out of how many were asked.
   */
  private covered(
    compiled: CompiledIndicator,
    context: UnitPeriodContext,
    result: IndicatorResult,
  ): IndicatorResult {
    if (
      result.status === 'no-value' &&
      result.reason !== 'missing-data' &&
      result.reason !== 'denominator-zero' &&
      result.reason !== 'division-by-zero'
    ) {
      return result;
    }
    const elements = elementsOf(compiled);
    if (elements.length === 0) return result;
    result.coverage = {
      reported: context.reportedUnits(elements).size,
      expected: this.dataset.reportingUnitsOf(context.orgUnit).length,
    };
    return result;
  }

  /**
   * {@link IndicatorSession.computeFast} without a result object: the code of the outcome
   * (`FAST_RATIO` with the value in `fastScaledValue()`, missing data, a zero denominator) or
   * `FAST_DECLINED` when the general path must do it.
   */
  private computeFastScaled(compiled: CompiledIndicator, context: UnitPeriodContext): number {
    if (missingOutcome(compiled, context) === SKIP) return FAST_MISSING;
    const { fastNumerator, fastDenominator, fastFactor, definition } = compiled;
    if (fastNumerator === undefined || fastDenominator === undefined || fastFactor === undefined) {
      return FAST_DECLINED;
    }
    return fastScaled(
      fastNumerator,
      fastDenominator,
      fastFactor.n,
      fastFactor.d,
      context,
      definition.decimals,
      definition.rounding,
    );
  }

  private evaluate(
    compiled: CompiledIndicator,
    context: UnitPeriodContext,
    orgUnitId: string,
    period: Period,
  ): IndicatorResult {
    const { definition } = compiled;
    const missing = missingOutcome(compiled, context);
    if (missing === SKIP) {
      return noValueResult(
        compiled,
        orgUnitId,
        period.id,
        'missing-data',
        this.explainIf(compiled, context, orgUnitId, period, null, null, null),
      );
    }
    const partial = missing === PARTIAL;

    let numerator: Exact | null;
    let denominator: Exact | null;
    try {
      const fastNumerator = compiled.fastNumerator;
      const fastDenominator = compiled.fastDenominator;
      if (
        fastNumerator !== undefined &&
        fastDenominator !== undefined &&
        fastSides(fastNumerator, fastDenominator, context)
      ) {
        numerator = fastSide(0);
        denominator = fastSide(1);
      } else {
        numerator = evaluateSide(compiled.fastNumerator, compiled.numerator, context);
        denominator = evaluateSide(compiled.fastDenominator, compiled.denominator, context);
      }
    } catch (error) {
      if (error instanceof FormulaEvaluationStop) {
        return noValueResult(
          compiled,
          orgUnitId,
          period.id,
          error.reason,
          this.explainIf(compiled, context, orgUnitId, period, null, null, null),
          error.reason === 'unknown-indicator'
            ? unknownIndicatorText(compiled, error.detail ?? '')
            : undefined,
        );
      }
      throw error;
    }
    if (context.cycle) return noValueResult(compiled, orgUnitId, period.id, 'indicator-cycle');
    if (numerator === null || denominator === null) {
      return noValueResult(
        compiled,
        orgUnitId,
        period.id,
        'missing-data',
        this.explainIf(compiled, context, orgUnitId, period, numerator, denominator, null),
      );
    }
    let ratio = numerator.divide(denominator);
    if (ratio === undefined) {
      return noValueResult(
        compiled,
        orgUnitId,
        period.id,
        'denominator-zero',
        this.explainIf(compiled, context, orgUnitId, period, numerator, denominator, null),
      );
    }
    if (!compiled.factorIsOne) ratio = ratio.multiply(compiled.factor);
    if (definition.annualized) {
      const perYear = exactOf(daysInYearOf(period)).divide(exactOf(period.days));
      if (perYear !== undefined) ratio = ratio.multiply(perYear);
    }
    let capped = false;
    if (compiled.cap !== undefined && ratio.compare(compiled.cap) > 0) {
      ratio = compiled.cap;
      capped = true;
    }
    const value = ratio.toFixed(definition.decimals, definition.rounding);
    const result: IndicatorValue = {
      indicator: definition.id,
      version: definition.version,
      orgUnit: orgUnitId,
      period: period.id,
      status: 'value',
      value,
      exact: ratio.toString(),
      numerator: numerator.toString(),
      denominator: denominator.toString(),
      partial,
      capped,
    };
    if (compiled.target !== undefined) {
      result.meetsTarget =
        definition.direction === 'higher-is-better'
          ? ratio.compare(compiled.target) >= 0
          : ratio.compare(compiled.target) <= 0;
    }
    const explained = this.explainIf(
      compiled,
      context,
      orgUnitId,
      period,
      numerator,
      denominator,
      value,
    );
    if (explained !== undefined) result.explanation = explained;
    return result;
  }

  private explainIf(
    compiled: CompiledIndicator,
    context: UnitPeriodContext,
    orgUnitId: string,
    period: Period,
    numerator: Exact | null,
    denominator: Exact | null,
    result: string | null,
  ): IndicatorExplanation | undefined {
    if (context.inputs === undefined) return undefined;
    return this.explanation(
      compiled,
      orgUnitId,
      period,
      [...context.inputs.values()],
      numerator,
      denominator,
      result,
    );
  }

  /** An input with the name of what it refers to (a data element, an indicator), if known. */
  private namedInput(input: ExplanationInput): ExplanationInput {
    const match = /^(?:(\w+)\()?([#I])\{([^}.]+)(?:\.([^}]+))?\}\)?$/.exec(input.reference);
    if (match === null) return input;
    const [, fn, kind, id = '', disaggregation] = match;
    const element = kind === '#' ? this.dataset.dataElement(id) : undefined;
    const base = kind === '#' ? element?.name : this.indicators.get(id)?.definition.name;
    if (base === undefined) return input;
    const functionNames: Record<string, LocalizedText> = {
      sum: { ru: 'сумма', en: 'sum' },
      avg: { ru: 'среднее', en: 'average' },
      count: { ru: 'число значений', en: 'number of values' },
      countDistinct: { ru: 'число разных значений', en: 'number of distinct values' },
    };
    const how = fn === undefined ? undefined : functionNames[fn];
    const named =
      disaggregation === undefined ? undefined : element?.disaggregations?.[disaggregation];
    const part = (lang: 'ru' | 'en'): string =>
      disaggregation === undefined ? '' : `: ${named?.[lang] ?? disaggregation}`;
    const name =
      how === undefined
        ? { ru: `${base.ru}${part('ru')}`, en: `${base.en}${part('en')}` }
        : {
            ru: `${how.ru}: ${base.ru}${part('ru')}`,
            en: `${how.en}: ${base.en}${part('en')}`,
          };
    return {
      reference: input.reference,
      name,
      value: input.value,
      ...(input.reportingUnits === undefined ? {} : { reportingUnits: input.reportingUnits }),
    };
  }

  private explanation(
    compiled: CompiledIndicator,
    orgUnit: string,
    period: Period,
    inputs: ExplanationInput[],
    numerator: Exact | null,
    denominator: Exact | null,
    result: string | null,
  ): IndicatorExplanation {
    const { definition } = compiled;
    const byReference = new Map(inputs.map((input) => [input.reference, input.value]));
    const leaf = (node: FormulaNode): string | undefined => {
      let key: string | undefined;
      if (node.type === 'dataElement') key = `#{${referenceKey(node)}}`;
      else if (node.type === 'aggregate')
        key = `${node.function}(#{${referenceKey(node.argument)}})`;
      else if (node.type === 'constant') key = `C{${node.id}}`;
      else if (node.type === 'indicator') key = `I{${node.id}}`;
      if (key === undefined) return undefined;
      const value = byReference.get(key);
      return value === undefined || value === null ? '∅' : value;
    };
    const side = (tree: FormulaNode, text: string, value: Exact | null): ExplanationSide => ({
      formula: text,
      substituted: printFormula(tree, leaf),
      value: value?.toString() ?? null,
    });
    const numeratorSide = side(compiled.numeratorTree, definition.numerator, numerator);
    const denominatorSide = side(compiled.denominatorTree, definition.denominator, denominator);
    const factor = compiled.factor.toString();
    const annualization = definition.annualized
      ? { daysInYear: daysInYearOf(period), daysInPeriod: period.days }
      : undefined;
    const elements = elementsOf(compiled);
    // Judged per reporting unit (the organization asked), not per site below it.
    const reporting = this.dataset.reportedUnits(elements, orgUnit, period);
    const unitsNotReporting =
      elements.length === 0
        ? []
        : this.dataset.reportingUnitsOf(orgUnit).filter((unit) => !reporting.has(unit));
    const notReporting = unitsNotReporting.map((id) => ({
      id,
      name: this.dataset.orgUnit(id)?.name ?? { ru: id, en: id },
    }));
    const named = inputs.map((input) => this.namedInput(input));
    const missing = inputs.filter((input) => input.value === null).map((input) => input.reference);
    const wrap = (text: string): string => (/^[\d.∅-]+$/.test(text) ? text : `(${text})`);
    let line = wrap(numeratorSide.substituted);
    if (definition.denominator.trim() !== '1') line += ` / ${wrap(denominatorSide.substituted)}`;
    if (factor !== '1') line += ` × ${factor}`;
    if (annualization !== undefined)
      line += ` × ${annualization.daysInYear} / ${annualization.daysInPeriod}`;
    const outcome = result ?? '—';
    return {
      definition: { id: definition.id, version: definition.version },
      orgUnit,
      period: period.id,
      numerator: numeratorSide,
      denominator: denominatorSide,
      factor,
      ...(annualization === undefined ? {} : { annualization }),
      inputs: named,
      missing,
      unitsNotReporting,
      notReporting,
      missingValueStrategy: definition.missingValueStrategy,
      text: {
        ru: `${definition.name.ru} (в. ${definition.version}): ${line} = ${outcome}`,
        en: `${definition.name.en} (v. ${definition.version}): ${line} = ${outcome}`,
      },
    };
  }
}

/**
 * Computes one indicator for one org unit and period. The numerator and denominator are
 * evaluated on values already aggregated for the org unit's whole subtree — a municipal share
 * is re-derived from summed parts, never averaged from school shares.
 *
 * @example
 * ```ts
 * import { computeIndicator, createDataset } from '@eduset/core/indicators';
 * const dataset = createDataset({
 *   dataElements: [
 *     { id: 'satisfied', name: { ru: 'Удовлетворены', en: 'Satisfied' } },
 *     { id: 'surveyed', name: { ru: 'Опрошены', en: 'Surveyed' } },
 *   ],
 *   orgUnits: [
 *     { id: 'town', name: { ru: 'Город', en: 'Town' }, level: 'municipality' },
 *     { id: 'a', name: { ru: 'Школа А', en: 'School A' }, level: 'organization', parent: 'town' },
 *     { id: 'b', name: { ru: 'Школа Б', en: 'School B' }, level: 'organization', parent: 'town' },
 *   ],
 *   values: [
 *     { dataElement: 'satisfied', orgUnit: 'a', period: '2024-2025', value: '45' },
 *     { dataElement: 'surveyed', orgUnit: 'a', period: '2024-2025', value: '50' },
 *     { dataElement: 'satisfied', orgUnit: 'b', period: '2024-2025', value: '2' },
 *     { dataElement: 'surveyed', orgUnit: 'b', period: '2024-2025', value: '10' },
 *   ],
 * });
 * const result = computeIndicator(
 *   { id: 'share', version: 1, name: { ru: 'Доля', en: 'Share' }, unit: 'percent',
 *     numerator: '#{satisfied}', denominator: '#{surveyed}', levels: ['organization', 'municipality'],
 *     periodType: 'school-year' },
 *   dataset, 'town', '2024-2025',
 * );
 * result.status === 'value' && result.value; // '78.3'
 * ```
 */
export function computeIndicator(
  definition: CompiledIndicator | IndicatorDefinition | unknown,
  dataset: IndicatorDataset,
  orgUnit: string,
  period: string,
  options: ComputeOptions = {},
): IndicatorResult {
  const compiled = isCompiled(definition) ? definition : compileIndicator(definition);
  return new IndicatorSession(dataset, options).compute(compiled, orgUnit, period);
}

const elementCache = new WeakMap<CompiledIndicator, readonly string[]>();

/** The data element ids both formulas refer to, each once, sorted. */
function elementsOf(compiled: CompiledIndicator): readonly string[] {
  let elements = elementCache.get(compiled);
  if (elements === undefined) {
    const ids = new Set<string>();
    for (const ref of compiled.numeratorElements) ids.add(ref.element);
    for (const ref of compiled.denominatorElements) ids.add(ref.element);
    elements = [...ids].sort();
    elementCache.set(compiled, elements);
  }
  return elements;
}

/** The ids an indicator's formulas refer to with `I{…}`. */
function referencesOf(compiled: CompiledIndicator): readonly string[] {
  if (compiled.indicatorReferences !== undefined) return compiled.indicatorReferences;
  return [
    ...new Set([
      ...formulaReferences(compiled.numeratorTree).indicators,
      ...formulaReferences(compiled.denominatorTree).indicators,
    ]),
  ];
}

/**
 * Where the first `I{id}` of a definition is written: the formula (numerator or denominator),
 * line and column (from 1), as a syntax error names its place; line 1, column 1 of the
 * numerator when the formulas do not mention it.
 *
 * @example
 * ```ts
 * import { indicatorReferencePlace } from '@eduset/core/indicators';
 * indicatorReferencePlace({ numerator: '#{a}', denominator: '1 +\n  I{nosuch}' }, 'nosuch');
 * // { side: 'denominator', line: 2, column: 3 }
 * ```
 */
export function indicatorReferencePlace(
  definition: Pick<IndicatorDefinition, 'numerator' | 'denominator'>,
  id: string,
): { readonly side: 'numerator' | 'denominator'; readonly line: number; readonly column: number } {
  for (const side of ['numerator', 'denominator'] as const) {
    const token = tokenize(definition[side]).find(
      (candidate) => candidate.kind === 'indicator' && candidate.text === id,
    );
    if (token !== undefined) return { side, line: token.line, column: token.column };
  }
  return { side: 'numerator', line: 1, column: 1 };
}

/** The message of a reference to an indicator nobody defined, with its place. */
function unknownIndicatorText(compiled: CompiledIndicator, id: string): LocalizedText {
  const place = indicatorReferencePlace(compiled.definition, id);
  const side =
    place.side === 'numerator'
      ? { ru: 'числитель', en: 'numerator' }
      : { ru: 'знаменатель', en: 'denominator' };
  return {
    ru: `Формула ссылается на неизвестный показатель «${id}» (I{${id}}: ${side.ru}, строка ${place.line}, столбец ${place.column})`,
    en: `The formula refers to an unknown indicator "${id}" (I{${id}}: ${side.en}, line ${place.line}, column ${place.column})`,
  };
}

function isCompiled(value: unknown): value is CompiledIndicator {
  return typeof value === 'object' && value !== null && 'numeratorTree' in value;
}

/**
 * What to compute with {@link computeIndicators}: org units (by id or by level) and periods.
 *
 * @example
 * ```ts
 * import type { IndicatorQuery } from '@eduset/core/indicators';
 * const query: IndicatorQuery = { level: 'municipality', periods: ['2018-2019', '2019-2020'] };
 * ```
 */
export interface IndicatorQuery {
  readonly orgUnits?: readonly string[];
  readonly level?: OrgUnitLevel;
  readonly periods: readonly string[];
}

/**
 * @internal The definitions compiled, a session that knows them (for `I{…}`), and the query's
 * org units: what {@link computeIndicators} and `computeIndicatorTable` start from.
 */
export function prepareComputation(
  definitions: readonly (CompiledIndicator | IndicatorDefinition | unknown)[],
  dataset: IndicatorDataset,
  query: IndicatorQuery,
  options: ComputeOptions,
): { compiled: CompiledIndicator[]; session: IndicatorSession; units: readonly string[] } {
  const compiled = definitions.map((definition) =>
    isCompiled(definition) ? definition : compileIndicator(definition),
  );
  const session = new IndicatorSession(dataset, {
    ...options,
    indicators: [...(options.indicators ?? []), ...compiled],
  });
  const units =
    query.orgUnits ??
    (query.level === undefined
      ? dataset.orgUnits.map((unit) => unit.id)
      : dataset.unitsAtLevel(query.level).map((unit) => unit.id));
  return { compiled, session, units };
}

/**
 * Computes many indicators for many org units and periods in one session (shared aggregation
 * cache, `I{…}` between them). Results are ordered by indicator, then org unit, then period —
 * independent of the order of the data values. Definitions whose period type differs from a
 * period are skipped for that period rather than reported as mismatches; levels likewise.
 *
 * @example
 * ```ts
 * import { computeIndicators, createDataset } from '@eduset/core/indicators';
 * declare const definitions: unknown[];
 * declare const input: unknown;
 * computeIndicators(definitions, createDataset(input), { level: 'municipality', periods: ['2019-2020'] });
 * ```
 */
export function computeIndicators(
  definitions: readonly (CompiledIndicator | IndicatorDefinition | unknown)[],
  dataset: IndicatorDataset,
  query: IndicatorQuery,
  options: ComputeOptions = {},
): IndicatorResult[] {
  const { compiled, session, units } = prepareComputation(definitions, dataset, query, options);
  // Org unit and period outermost, so every indicator of one (org unit, period) shares one
  // evaluation context; the results are placed in indicator, org unit, period order.
  const periods = query.periods;
  const slots: (IndicatorResult | undefined)[] = new Array<IndicatorResult | undefined>(
    compiled.length * units.length * periods.length,
  );
  const filled = session.computeAll(compiled, units, periods, (slot, result) => {
    slots[slot] = result;
  });
  // Usually every slot has a result: then the slots are the results (no second array).
  if (filled === slots.length) return slots as IndicatorResult[];
  const results: IndicatorResult[] = [];
  for (const result of slots) if (result !== undefined) results.push(result);
  return results;
}
