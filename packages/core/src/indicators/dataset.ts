import { z } from '../common/zod.js';
import { localizedTextSchema } from '../common/labels.js';
import { ValidationError, type ValidationIssue } from '../common/errors.js';
import { parse } from '../common/parse.js';
import { exact, exactOf, type Exact } from './exact.js';
import { parsePeriod, periodIdSchema, type Period } from './period.js';
import { identifierSchema, type AggregateFunction, type DataElementNode } from './syntax.js';
import { orgUnitSchema, type OrgUnit, type OrgUnitLevel } from './vocabulary.js';

/**
 * How a data element's values combine over org units and over time:
 * - `sum` — summed over both (consultations);
 * - `average` — averaged over both;
 * - `average-sum-org-unit` — averaged over time, summed over units (stocks such as headcounts);
 * - `count` — the number of values;
 * - `min`, `max` — smallest / largest over both;
 * - `last` — the latest period's value over time, summed over units (as-of counts).
 *
 * @example
 * ```ts
 * import { aggregationTypeSchema } from '@eduset/core/indicators';
 * aggregationTypeSchema.parse('average-sum-org-unit');
 * ```
 */
export const aggregationTypeSchema = z.enum([
  'sum',
  'average',
  'average-sum-org-unit',
  'count',
  'min',
  'max',
  'last',
]);

/**
 * An aggregation type (see {@link aggregationTypeSchema}).
 *
 * @example
 * ```ts
 * import type { AggregationType } from '@eduset/core/indicators';
 * const headcount: AggregationType = 'average-sum-org-unit';
 * ```
 */
export type AggregationType = z.infer<typeof aggregationTypeSchema>;

/**
 * Schema of a data element: what is counted or measured (parents consulted, teachers), its
 * value type and its aggregation type.
 *
 * @example
 * ```ts
 * import { dataElementSchema } from '@eduset/core/indicators';
 * dataElementSchema.parse({ id: 'teachers', name: { ru: 'Педагоги', en: 'Teachers' }, aggregation: 'average-sum-org-unit' });
 * ```
 */
export const dataElementSchema = z
  .object({
    id: identifierSchema,
    name: localizedTextSchema,
    /** `number` (default) or `text` (codes such as a child's id, usable with count/countDistinct). */
    valueType: z.enum(['number', 'text']).default('number'),
    aggregation: aggregationTypeSchema.default('sum'),
    /** Names of the disaggregations (`#{element.disaggregation}`), for explanations. */
    disaggregations: z.record(identifierSchema, localizedTextSchema).optional(),
  })
  .strict();

/**
 * A data element (see {@link dataElementSchema}).
 *
 * @example
 * ```ts
 * import type { DataElement } from '@eduset/core/indicators';
 * const element: DataElement = { id: 'consultations', name: { ru: 'Консультации', en: 'Consultations' }, valueType: 'number', aggregation: 'sum' };
 * ```
 */
export type DataElement = z.infer<typeof dataElementSchema>;

/**
 * Schema of one data value: (data element, org unit, period, disaggregation) → value. The
 * value is text: a decimal number (`"12.5"`, read exactly) or, for text elements, a code.
 *
 * @example
 * ```ts
 * import { dataValueSchema } from '@eduset/core/indicators';
 * dataValueSchema.parse({ dataElement: 'consultations', orgUnit: 'kp-teremok', period: '2019-2020', value: '74' });
 * ```
 */
export const dataValueSchema = z
  .object({
    dataElement: identifierSchema,
    orgUnit: z.string().min(1),
    period: periodIdSchema,
    disaggregation: identifierSchema.optional(),
    value: z.string().min(1),
  })
  .strict();

/**
 * One data value (see {@link dataValueSchema}).
 *
 * @example
 * ```ts
 * import type { DataValue } from '@eduset/core/indicators';
 * const value: DataValue = { dataElement: 'teachers', orgUnit: 'school-1', period: '2025Q1', value: '100' };
 * ```
 */
export type DataValue = z.infer<typeof dataValueSchema>;

/**
 * Schema of the input of {@link createDataset}.
 *
 * @example
 * ```ts
 * import { datasetInputSchema } from '@eduset/core/indicators';
 * datasetInputSchema.parse({ dataElements: [], orgUnits: [], values: [] });
 * ```
 */
export const datasetInputSchema = z
  .object({
    dataElements: z.array(dataElementSchema),
    orgUnits: z.array(orgUnitSchema),
    values: z.array(dataValueSchema),
    /** Named constants usable as `C{id}` (population figures, norms), decimal text. */
    constants: z.record(z.string(), z.string()).default({}),
  })
  .strict();

/**
 * What {@link createDataset} accepts (before defaults).
 *
 * @example
 * ```ts
 * import type { DatasetInput } from '@eduset/core/indicators';
 * const input: DatasetInput = { dataElements: [], orgUnits: [], values: [] };
 * ```
 */
export type DatasetInput = z.input<typeof datasetInputSchema>;

interface Entry {
  readonly period: Period;
  readonly disaggregation: string | undefined;
  readonly text: string;
  readonly number: Exact | undefined;
}

/**
 * A data element's value aggregated for one org unit and period, with which units reported.
 *
 * @example
 * ```ts
 * import type { AggregatedValue } from '@eduset/core/indicators';
 * declare const a: AggregatedValue;
 * a.value?.toString();
 * ```
 */
export interface AggregatedValue {
  /** The aggregated value, or null when no unit reported. */
  readonly value: Exact | null;
  /** Ids of the org units (in the subtree) that had at least one value. */
  readonly reportingUnits: readonly string[];
}

type Combine = 'sum' | 'average' | 'min' | 'max' | 'count' | 'last';

const TIME_AND_UNITS: Record<AggregationType, { time: Combine; units: Combine }> = {
  sum: { time: 'sum', units: 'sum' },
  average: { time: 'average', units: 'average' },
  'average-sum-org-unit': { time: 'average', units: 'sum' },
  count: { time: 'count', units: 'sum' },
  min: { time: 'min', units: 'min' },
  max: { time: 'max', units: 'max' },
  last: { time: 'last', units: 'sum' },
};

const ZERO = exactOf(0);

function periodOrThrow(id: string): Period {
  const period = parsePeriod(id);
  if (period === undefined)
    throw new RangeError(`Неизвестный период «${id}» / Unknown period "${id}"`);
  return period;
}

function combine(values: readonly Exact[], how: Combine): Exact {
  switch (how) {
    case 'sum':
    case 'last': {
      let total = ZERO;
      for (const value of values) total = total.add(value);
      return total;
    }
    case 'average': {
      let total = ZERO;
      for (const value of values) total = total.add(value);
      return total.divide(exactOf(values.length)) ?? ZERO;
    }
    case 'min':
    case 'max': {
      const wanted = how === 'min' ? -1 : 1;
      let best = values[0] ?? ZERO;
      for (const value of values) if (value.compare(best) === wanted) best = value;
      return best;
    }
    case 'count':
      return exactOf(values.length);
  }
}

/**
 * Validated data values with their elements and org unit hierarchy, indexed for computation.
 * Build with {@link createDataset}; the object is immutable.
 *
 * @example
 * ```ts
 * import { createDataset } from '@eduset/core/indicators';
 * const dataset = createDataset({ dataElements: [], orgUnits: [], values: [] });
 * dataset.orgUnits.length; // 0
 * ```
 */
export class IndicatorDataset {
  /** Every data element. */
  readonly dataElements: readonly DataElement[];
  /** Every org unit. */
  readonly orgUnits: readonly OrgUnit[];
  /** Every data value, in input order. */
  readonly values: readonly DataValue[];
  /** Named constants. */
  readonly constants: Readonly<Record<string, string>>;

  private readonly elementById = new Map<string, DataElement>();
  private readonly unitById = new Map<string, OrgUnit>();
  private readonly children = new Map<string, string[]>();
  private readonly subtreeCache = new Map<string, readonly string[]>();
  private readonly reportingCache = new Map<
    string,
    { readonly units: readonly string[]; readonly owner: ReadonlyMap<string, string> }
  >();
  private readonly entries = new Map<string, Map<string, Entry[]>>();
  private readonly constantValues = new Map<string, Exact>();

  /** @internal Use {@link createDataset}. */
  constructor(input: z.output<typeof datasetInputSchema>) {
    this.dataElements = input.dataElements;
    this.orgUnits = input.orgUnits;
    this.values = input.values;
    this.constants = input.constants;
    for (const element of input.dataElements) this.elementById.set(element.id, element);
    for (const unit of input.orgUnits) {
      this.unitById.set(unit.id, unit);
      if (unit.parent !== undefined) {
        const list = this.children.get(unit.parent);
        if (list === undefined) this.children.set(unit.parent, [unit.id]);
        else list.push(unit.id);
      }
    }
    for (const value of input.values) {
      let byUnit = this.entries.get(value.dataElement);
      if (byUnit === undefined) {
        byUnit = new Map();
        this.entries.set(value.dataElement, byUnit);
      }
      let list = byUnit.get(value.orgUnit);
      if (list === undefined) {
        list = [];
        byUnit.set(value.orgUnit, list);
      }
      list.push({
        period: periodOrThrow(value.period),
        disaggregation: value.disaggregation,
        text: value.value,
        number: exact(value.value),
      });
    }
    for (const [id, text] of Object.entries(input.constants)) {
      const number = exact(text);
      if (number !== undefined) this.constantValues.set(id, number);
    }
  }

  /**
   * The data element with an id, if any.
   *
   * @example
   * ```ts
   * import { createDataset, parsePeriod } from '@eduset/core/indicators';
   * declare const input: unknown;
   * const dataset = createDataset(input);
   * dataset.dataElement('teachers')?.aggregation;
   * ```
   */
  dataElement(id: string): DataElement | undefined {
    return this.elementById.get(id);
  }

  /**
   * The org unit with an id, if any.
   *
   * @example
   * ```ts
   * import { createDataset, parsePeriod } from '@eduset/core/indicators';
   * declare const input: unknown;
   * const dataset = createDataset(input);
   * dataset.orgUnit('udomlya')?.level;
   * ```
   */
  orgUnit(id: string): OrgUnit | undefined {
    return this.unitById.get(id);
  }

  /**
   * A constant's exact value, if defined.
   *
   * @example
   * ```ts
   * import { createDataset, parsePeriod } from '@eduset/core/indicators';
   * declare const input: unknown;
   * const dataset = createDataset(input);
   * dataset.constant('population')?.toString();
   * ```
   */
  constant(id: string): Exact | undefined {
    return this.constantValues.get(id);
  }

  /**
   * The direct children of an org unit.
   *
   * @example
   * ```ts
   * import { createDataset, parsePeriod } from '@eduset/core/indicators';
   * declare const input: unknown;
   * const dataset = createDataset(input);
   * dataset.childrenOf('udomlya');
   * ```
   */
  childrenOf(id: string): readonly string[] {
    return this.children.get(id) ?? [];
  }

  /**
   * The org unit and all its descendants, the unit itself first.
   *
   * @example
   * ```ts
   * import { createDataset, parsePeriod } from '@eduset/core/indicators';
   * declare const input: unknown;
   * const dataset = createDataset(input);
   * dataset.subtree('udomlya'); // ['udomlya', 'ds-teremok', 'kp-teremok', …]
   * ```
   */
  subtree(id: string): readonly string[] {
    const cached = this.subtreeCache.get(id);
    if (cached !== undefined) return cached;
    const result: string[] = [];
    const stack = [id];
    const seen = new Set<string>();
    while (stack.length > 0) {
      const current = stack.pop();
      if (current === undefined) break;
      if (seen.has(current)) continue;
      seen.add(current);
      result.push(current);
      const kids = this.children.get(current);
      if (kids !== undefined) stack.push(...[...kids].reverse());
    }
    this.subtreeCache.set(id, result);
    return result;
  }

  /**
   * The units of a subtree that have no children (the ones expected to report).
   *
   * @example
   * ```ts
   * import { createDataset, parsePeriod } from '@eduset/core/indicators';
   * declare const input: unknown;
   * const dataset = createDataset(input);
   * dataset.leavesOf('udomlya');
   * ```
   */
  leavesOf(id: string): string[] {
    return this.subtree(id).filter((unit) => !this.children.has(unit));
  }

  /**
   * The units of a subtree that are asked to report ("reporting units"): each organization,
   * and each unit with no organization above it in the subtree that is a site or has no
   * children. Sites below an organization (an annex, a branch) report through it: their
   * values count for the organization, and they are never expected to report on their own.
   *
   * @example
   * ```ts
   * import { createDataset } from '@eduset/core/indicators';
   * declare const input: unknown;
   * const dataset = createDataset(input);
   * dataset.reportingUnitsOf('udomlya'); // ['ds-teremok', 'ds-malysh', …] — no annex sites
   * ```
   */
  reportingUnitsOf(id: string): readonly string[] {
    return this.reportingIndex(id).units;
  }

  /** Each member of a subtree mapped to the reporting unit it reports through. */
  private reportingIndex(id: string): {
    readonly units: readonly string[];
    readonly owner: ReadonlyMap<string, string>;
  } {
    const cached = this.reportingCache.get(id);
    if (cached !== undefined) return cached;
    const units: string[] = [];
    const owner = new Map<string, string>();
    const stack: { unit: string; owner: string | undefined }[] = [{ unit: id, owner: undefined }];
    while (stack.length > 0) {
      const current = stack.pop();
      if (current === undefined) break;
      if (owner.has(current.unit)) continue;
      const kids = this.children.get(current.unit);
      let mine = current.owner;
      if (mine === undefined) {
        const level = this.unitById.get(current.unit)?.level;
        if (level === 'organization' || level === 'site' || kids === undefined) {
          mine = current.unit;
          units.push(mine);
        }
      }
      owner.set(current.unit, mine ?? '');
      if (kids !== undefined)
        for (let k = kids.length - 1; k >= 0; k -= 1)
          stack.push({ unit: kids[k] ?? '', owner: mine });
    }
    const index = { units, owner };
    this.reportingCache.set(id, index);
    return index;
  }

  /**
   * The reporting units ({@link IndicatorDataset.reportingUnitsOf}) of a subtree that have at
   * least one value of any of the data elements in the period — entered by themselves or by
   * a site below them.
   *
   * @example
   * ```ts
   * import { createDataset, parsePeriod } from '@eduset/core/indicators';
   * declare const input: unknown;
   * const dataset = createDataset(input);
   * dataset.reportedUnits(['parents-consulted'], 'udomlya', parsePeriod('2019-2020')!).size;
   * ```
   */
  reportedUnits(elements: readonly string[], orgUnit: string, period: Period): Set<string> {
    const { owner } = this.reportingIndex(orgUnit);
    const reported = new Set<string>();
    for (const element of elements) {
      const byUnit = this.entries.get(element);
      if (byUnit === undefined) continue;
      // Whichever is smaller: the units with values of the element, or the subtree.
      const units = byUnit.size < owner.size ? byUnit.keys() : owner.keys();
      for (const unit of units) {
        const mine = owner.get(unit);
        if (mine === undefined || mine === '' || reported.has(mine)) continue;
        const list = byUnit.get(unit);
        if (list === undefined) continue;
        for (const entry of list) {
          if (entry.period.start >= period.start && entry.period.end <= period.end) {
            reported.add(mine);
            break;
          }
        }
      }
    }
    return reported;
  }

  /**
   * Org units at a level.
   *
   * @example
   * ```ts
   * import { createDataset, parsePeriod } from '@eduset/core/indicators';
   * declare const input: unknown;
   * const dataset = createDataset(input);
   * dataset.unitsAtLevel('municipality').map((unit) => unit.id);
   * ```
   */
  unitsAtLevel(level: OrgUnitLevel): OrgUnit[] {
    return this.orgUnits.filter((unit) => unit.level === level);
  }

  /**
   * Periods (ids) that have any data, sorted.
   *
   * @example
   * ```ts
   * import { createDataset, parsePeriod } from '@eduset/core/indicators';
   * declare const input: unknown;
   * const dataset = createDataset(input);
   * dataset.periods(); // ['2018-2019', '2019-2020', …]
   * ```
   */
  periods(): string[] {
    return [...new Set(this.values.map((value) => value.period))].sort();
  }

  private entriesIn(ref: DataElementNode, unit: string, period: Period): Entry[] {
    const list = this.entries.get(ref.element)?.get(unit);
    if (list === undefined) return [];
    const result: Entry[] = [];
    for (const entry of list) {
      if (ref.disaggregation !== undefined && entry.disaggregation !== ref.disaggregation) continue;
      if (entry.period.start >= period.start && entry.period.end <= period.end) result.push(entry);
    }
    return result;
  }

  /**
   * The common case of {@link IndicatorDataset.aggregate} without the general path's maps and
   * arrays per call (in bench/indicators.bench.ts one aggregation is made for every ten
   * values computed): an org unit without children, a whole data element, at most one value
   * in the period. Every aggregation but `count` of a single value is that value.
   * `undefined` sends the other cases to the general path.
   */
  private leafValue(element: string, unit: string, period: Period): AggregatedValue | undefined {
    const list = this.entries.get(element)?.get(unit);
    if (list === undefined) return { value: null, reportingUnits: [] };
    let found: Entry | undefined;
    for (const entry of list) {
      if (entry.period.start >= period.start && entry.period.end <= period.end) {
        if (found !== undefined) return undefined;
        found = entry;
      }
    }
    if (found === undefined) return { value: null, reportingUnits: [] };
    if (found.number === undefined) return undefined;
    return { value: found.number, reportingUnits: [unit] };
  }

  /**
   * A data element (or one disaggregation of it) aggregated for an org unit (with its
   * subtree) and a period, by the element's aggregation type: first over time within each
   * unit, then over units.
   *
   * @example
   * ```ts
   * import { createDataset, parsePeriod } from '@eduset/core/indicators';
   * declare const input: unknown;
   * const dataset = createDataset(input);
   * dataset.aggregate({ type: 'dataElement', element: 'teachers' }, 'udomlya', parsePeriod('2025')!).value?.toString();
   * ```
   */
  aggregate(ref: DataElementNode, orgUnit: string, period: Period): AggregatedValue {
    const element = this.elementById.get(ref.element);
    const how = TIME_AND_UNITS[element?.aggregation ?? 'sum'];
    if (how.time !== 'count' && ref.disaggregation === undefined && !this.children.has(orgUnit)) {
      const single = this.leafValue(ref.element, orgUnit, period);
      if (single !== undefined) return single;
    }
    const perUnit: Exact[] = [];
    const reporting: string[] = [];
    for (const unit of this.subtree(orgUnit)) {
      const entries = this.entriesIn(ref, unit, period);
      if (entries.length === 0) continue;
      reporting.push(unit);
      if (how.time === 'count') {
        perUnit.push(exactOf(entries.length));
        continue;
      }
      // Values of one unit and period (several disaggregations) combine as over units.
      const byPeriod = new Map<string, { period: Period; values: Exact[] }>();
      for (const entry of entries) {
        if (entry.number === undefined) continue;
        const slot = byPeriod.get(entry.period.id);
        if (slot === undefined)
          byPeriod.set(entry.period.id, { period: entry.period, values: [entry.number] });
        else slot.values.push(entry.number);
      }
      if (byPeriod.size === 0) continue;
      const cell = how.units === 'average' ? 'sum' : how.units === 'count' ? 'sum' : how.units;
      const slots = [...byPeriod.values()];
      if (how.time === 'last') {
        let latest = slots[0];
        if (latest === undefined) continue;
        for (const slot of slots) if (slot.period.end > latest.period.end) latest = slot;
        perUnit.push(combine(latest.values, cell));
      } else {
        perUnit.push(
          combine(
            slots.map((slot) => combine(slot.values, cell)),
            how.time,
          ),
        );
      }
    }
    return {
      value: perUnit.length === 0 ? null : combine(perUnit, how.units),
      reportingUnits: reporting,
    };
  }

  /**
   * An explicit aggregate over the raw values of a data element in an org unit's subtree and
   * a period: `sum`, `avg`, `count` (number of values) or `countDistinct` (distinct values —
   * a child enrolled in three programmes counts once).
   *
   * @example
   * ```ts
   * import { createDataset, parsePeriod } from '@eduset/core/indicators';
   * declare const input: unknown;
   * const dataset = createDataset(input);
   * dataset.aggregateRaw('countDistinct', { type: 'dataElement', element: 'funded-enrolment' }, 'michurinsk', parsePeriod('2020-09-01')!).value?.toString();
   * ```
   */
  aggregateRaw(
    fn: AggregateFunction,
    ref: DataElementNode,
    orgUnit: string,
    period: Period,
  ): AggregatedValue {
    const reporting: string[] = [];
    const numbers: Exact[] = [];
    const distinct = new Set<string>();
    let count = 0;
    for (const unit of this.subtree(orgUnit)) {
      const entries = this.entriesIn(ref, unit, period);
      if (entries.length === 0) continue;
      reporting.push(unit);
      for (const entry of entries) {
        count += 1;
        distinct.add(entry.number === undefined ? entry.text : entry.number.toString());
        if (entry.number !== undefined) numbers.push(entry.number);
      }
    }
    if (reporting.length === 0) return { value: null, reportingUnits: reporting };
    switch (fn) {
      case 'count':
        return { value: exactOf(count), reportingUnits: reporting };
      case 'countDistinct':
        return { value: exactOf(distinct.size), reportingUnits: reporting };
      case 'sum':
        return {
          value: numbers.length === 0 ? null : combine(numbers, 'sum'),
          reportingUnits: reporting,
        };
      case 'avg':
        return {
          value: numbers.length === 0 ? null : combine(numbers, 'average'),
          reportingUnits: reporting,
        };
    }
  }
}

/**
 * Validates data elements, org units, data values and constants and indexes them. Checks,
 * each reported with its path and a Russian and English message: unknown data elements and
 * org units, unknown parents and cycles in the hierarchy, duplicate ids, values that are not
 * decimal numbers for number elements, constants that are not numbers.
 *
 * @throws ValidationError listing every problem.
 * @example
 * ```ts
 * import { createDataset } from '@eduset/core/indicators';
 * const dataset = createDataset({
 *   dataElements: [{ id: 'consultations', name: { ru: 'Консультации', en: 'Consultations' } }],
 *   orgUnits: [{ id: 'udomlya', name: { ru: 'Удомля', en: 'Udomlya' }, level: 'municipality' }],
 *   values: [{ dataElement: 'consultations', orgUnit: 'udomlya', period: '2019-2020', value: '601' }],
 * });
 * ```
 */
export function createDataset(input: unknown): IndicatorDataset {
  const data = parse(datasetInputSchema, input);
  const issues: ValidationIssue[] = [];
  const elements = new Map<string, DataElement>();
  data.dataElements.forEach((element, index) => {
    if (elements.has(element.id)) {
      issues.push({
        path: ['dataElements', index, 'id'],
        code: 'duplicate_id',
        message: {
          ru: `Повторяется показатель данных «${element.id}»`,
          en: `Duplicate data element "${element.id}"`,
        },
      });
    }
    elements.set(element.id, element);
  });
  const units = new Map<string, OrgUnit>();
  data.orgUnits.forEach((unit, index) => {
    if (units.has(unit.id)) {
      issues.push({
        path: ['orgUnits', index, 'id'],
        code: 'duplicate_id',
        message: {
          ru: `Повторяется подразделение «${unit.id}»`,
          en: `Duplicate org unit "${unit.id}"`,
        },
      });
    }
    units.set(unit.id, unit);
  });
  data.orgUnits.forEach((unit, index) => {
    if (unit.parent === undefined) return;
    if (!units.has(unit.parent)) {
      issues.push({
        path: ['orgUnits', index, 'parent'],
        code: 'unknown_parent',
        message: { ru: `Нет подразделения «${unit.parent}»`, en: `No org unit "${unit.parent}"` },
      });
      return;
    }
    const seen = new Set([unit.id]);
    for (
      let current = units.get(unit.parent);
      current !== undefined;
      current = current.parent === undefined ? undefined : units.get(current.parent)
    ) {
      if (seen.has(current.id)) {
        issues.push({
          path: ['orgUnits', index, 'parent'],
          code: 'cycle',
          message: {
            ru: `Подразделение «${unit.id}» входит само в себя`,
            en: `Org unit "${unit.id}" contains itself`,
          },
        });
        break;
      }
      seen.add(current.id);
    }
  });
  data.values.forEach((value, index) => {
    const element = elements.get(value.dataElement);
    if (element === undefined) {
      issues.push({
        path: ['values', index, 'dataElement'],
        code: 'unknown_data_element',
        message: {
          ru: `Нет показателя данных «${value.dataElement}»`,
          en: `No data element "${value.dataElement}"`,
        },
      });
    } else if (element.valueType === 'number' && exact(value.value) === undefined) {
      issues.push({
        path: ['values', index, 'value'],
        code: 'not_a_number',
        message: {
          ru: `«${value.value}» — не число (десятичная точка, без пробелов)`,
          en: `"${value.value}" is not a number (decimal point, no spaces)`,
        },
      });
    }
    if (!units.has(value.orgUnit)) {
      issues.push({
        path: ['values', index, 'orgUnit'],
        code: 'unknown_org_unit',
        message: {
          ru: `Нет подразделения «${value.orgUnit}»`,
          en: `No org unit "${value.orgUnit}"`,
        },
      });
    }
  });
  for (const [id, text] of Object.entries(data.constants)) {
    if (exact(text) === undefined) {
      issues.push({
        path: ['constants', id],
        code: 'not_a_number',
        message: { ru: `Константа «${id}» — не число`, en: `Constant "${id}" is not a number` },
      });
    }
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return new IndicatorDataset(data);
}
