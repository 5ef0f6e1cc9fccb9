import { ValidationError, type ValidationIssue } from '../common/errors.js';
import type { LocalizedText } from '../common/labels.js';
import { compileIndicator, indicatorReferencePlace, type CompiledIndicator } from './compute.js';
import type { IndicatorDefinition } from './definition.js';
import { formulaReferences } from './syntax.js';

/**
 * Machine-readable codes of {@link IndicatorReferenceError}.
 *
 * @example
 * ```ts
 * import type { IndicatorReferenceCode } from '@eduset/core/indicators';
 * const code: IndicatorReferenceCode = 'unknown-indicator';
 * ```
 */
export type IndicatorReferenceCode =
  'unknown-indicator' | 'indicator-cycle' | 'duplicate-indicator';

/**
 * A set of definitions does not hold together: an `I{…}` names an indicator that is not in
 * the set (`unknown-indicator`), references loop back (`indicator-cycle`), or two
 * definitions share an id (`duplicate-indicator`). It is a {@link ValidationError} (tag
 * `ValidationError`) with one issue at `[index, side, line, column]` of the definition, and a
 * Russian and English message that names the indicator and the place, as a syntax error does.
 *
 * @example
 * ```ts
 * import { compileIndicatorSet, IndicatorReferenceError } from '@eduset/core/indicators';
 * declare const definitions: unknown[];
 * try {
 *   compileIndicatorSet(definitions);
 * } catch (error) {
 *   if (error instanceof IndicatorReferenceError) error.reference; // e.g. 'nosuch'
 * }
 * ```
 */
export class IndicatorReferenceError extends ValidationError {
  /** What is wrong. */
  readonly code: IndicatorReferenceCode;
  /** The id of the definition whose formula has the problem. */
  readonly indicator: string;
  /** The id referred to (the unknown one, the next one in the cycle, or the duplicate). */
  readonly reference: string;
  /** The indicators of a cycle, in order, the first repeated at the end; empty otherwise. */
  readonly cycle: readonly string[];
  /** Line of the reference in its formula, from 1. */
  readonly line: number;
  /** Column of the reference in its formula, from 1. */
  readonly column: number;

  constructor(options: {
    readonly code: IndicatorReferenceCode;
    readonly index: number;
    readonly indicator: string;
    readonly reference: string;
    readonly side: 'numerator' | 'denominator' | 'id';
    readonly line: number;
    readonly column: number;
    readonly detail: LocalizedText;
    readonly cycle?: readonly string[];
  }) {
    const { code, index, indicator, side, line, column, detail } = options;
    const where =
      side === 'id'
        ? { ru: `показатель «${indicator}»`, en: `indicator "${indicator}"` }
        : {
            ru: `показатель «${indicator}», ${side === 'numerator' ? 'числитель' : 'знаменатель'}, строка ${line}, столбец ${column}`,
            en: `indicator "${indicator}", ${side}, line ${line}, column ${column}`,
          };
    const text: LocalizedText = {
      ru: `Ошибка в ссылке на показатель (${where.ru}): ${detail.ru}`,
      en: `Indicator reference error (${where.en}): ${detail.en}`,
    };
    const path = side === 'id' ? [index, 'id'] : [index, side, line, column];
    const issue: ValidationIssue = { path, code, message: text };
    super([issue], text);
    this.name = 'IndicatorReferenceError';
    this.code = code;
    this.indicator = indicator;
    this.reference = options.reference;
    this.cycle = options.cycle ?? [];
    this.line = line;
    this.column = column;
  }
}

/**
 * A set of definitions compiled together: each once, every `I{…}` resolved.
 *
 * @example
 * ```ts
 * import { compileIndicatorSet, type CompiledIndicatorSet } from '@eduset/core/indicators';
 * declare const definitions: unknown[];
 * const set: CompiledIndicatorSet = compileIndicatorSet(definitions);
 * set.byId.get('share')?.definition.version;
 * ```
 */
export interface CompiledIndicatorSet {
  /** The compiled definitions, in input order. */
  readonly indicators: readonly CompiledIndicator[];
  /** The compiled definitions by id. */
  readonly byId: ReadonlyMap<string, CompiledIndicator>;
  /** The compiled definitions, every one after the indicators it refers to. */
  readonly order: readonly CompiledIndicator[];
}

/**
 * Validates and compiles a set of definitions that may refer to each other with `I{…}`, in
 * time linear in their size: each definition is compiled once (a definition given already
 * compiled is not compiled again), references are resolved by id, and the reference graph is
 * walked once with an explicit stack (a chain of 2 000 references neither recompiles
 * anything nor overflows the stack). A reference to an indicator that is not in the set, a
 * cycle of references, or a repeated id throws an {@link IndicatorReferenceError} naming the
 * indicator and the place of the reference — before anything is computed.
 *
 * @throws ValidationError when a definition is invalid (every problem, with its index), or
 * {@link IndicatorReferenceError} when the set does not hold together.
 * @example
 * ```ts
 * import { compileIndicatorSet } from '@eduset/core/indicators';
 * const base = {
 *   version: 1, name: { ru: 'Показатель', en: 'Indicator' }, unit: 'number',
 *   levels: ['municipality'], periodType: 'school-year',
 * } as const;
 * const set = compileIndicatorSet([
 *   { ...base, id: 'doubled', numerator: 'I{consultations} * 2' },
 *   { ...base, id: 'consultations', numerator: '#{consultations}' },
 * ]);
 * set.order.map((c) => c.definition.id); // ['consultations', 'doubled']
 * compileIndicatorSet([{ ...base, id: 'a', numerator: 'I{nosuch}' }]); // throws: unknown indicator "nosuch", line 1, column 1
 * ```
 */
export function compileIndicatorSet(
  definitions: readonly (CompiledIndicator | IndicatorDefinition | unknown)[],
): CompiledIndicatorSet {
  const issues: ValidationIssue[] = [];
  const indicators: CompiledIndicator[] = [];
  definitions.forEach((definition, index) => {
    try {
      indicators.push(isCompiled(definition) ? definition : compileIndicator(definition));
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      for (const issue of error.issues) issues.push({ ...issue, path: [index, ...issue.path] });
    }
  });
  if (issues.length > 0) throw new ValidationError(issues);

  const byId = new Map<string, CompiledIndicator>();
  const indexOf = new Map<CompiledIndicator, number>();
  indicators.forEach((compiled, index) => {
    const id = compiled.definition.id;
    if (byId.has(id)) {
      throw new IndicatorReferenceError({
        code: 'duplicate-indicator',
        index,
        indicator: id,
        reference: id,
        side: 'id',
        line: 1,
        column: 1,
        detail: {
          ru: `код «${id}» уже есть у другого показателя набора`,
          en: `the id "${id}" is already used by another indicator of the set`,
        },
      });
    }
    byId.set(id, compiled);
    indexOf.set(compiled, index);
  });

  const referencesOf = (compiled: CompiledIndicator): readonly string[] =>
    compiled.indicatorReferences ?? [
      ...new Set([
        ...formulaReferences(compiled.numeratorTree).indicators,
        ...formulaReferences(compiled.denominatorTree).indicators,
      ]),
    ];
  const place = (compiled: CompiledIndicator, reference: string) =>
    indicatorReferencePlace(compiled.definition, reference);

  // Unknown references first: they are the commoner mistake and name one place each.
  for (const compiled of indicators) {
    for (const reference of referencesOf(compiled)) {
      if (byId.has(reference)) continue;
      const { side, line, column } = place(compiled, reference);
      throw new IndicatorReferenceError({
        code: 'unknown-indicator',
        index: indexOf.get(compiled) ?? 0,
        indicator: compiled.definition.id,
        reference,
        side,
        line,
        column,
        detail: {
          ru: `неизвестный показатель «${reference}» (I{${reference}}): его нет в наборе`,
          en: `unknown indicator "${reference}" (I{${reference}}): it is not in the set`,
        },
      });
    }
  }

  // Depth-first, iteratively: 1 = on the current path, 2 = done. Post-order is the order.
  const state = new Map<CompiledIndicator, 1 | 2>();
  const order: CompiledIndicator[] = [];
  for (const root of indicators) {
    if (state.has(root)) continue;
    state.set(root, 1);
    const path: { node: CompiledIndicator; next: number; refs: readonly string[] }[] = [
      { node: root, next: 0, refs: referencesOf(root) },
    ];
    while (path.length > 0) {
      const top = path[path.length - 1];
      if (top === undefined) break;
      const reference = top.refs[top.next];
      if (reference === undefined) {
        path.pop();
        state.set(top.node, 2);
        order.push(top.node);
        continue;
      }
      top.next += 1;
      const next = byId.get(reference);
      if (next === undefined) continue;
      const seen = state.get(next);
      if (seen === 2) continue;
      if (seen === 1) {
        const start = path.findIndex((step) => step.node === next);
        const cycle = [...path.slice(start).map((step) => step.node.definition.id), reference];
        const { side, line, column } = place(top.node, reference);
        throw new IndicatorReferenceError({
          code: 'indicator-cycle',
          index: indexOf.get(top.node) ?? 0,
          indicator: top.node.definition.id,
          reference,
          side,
          line,
          column,
          cycle,
          detail: {
            ru: `показатели ссылаются друг на друга по кругу: ${cycle.join(' → ')}`,
            en: `indicators refer to each other in a circle: ${cycle.join(' → ')}`,
          },
        });
      }
      state.set(next, 1);
      path.push({ node: next, next: 0, refs: referencesOf(next) });
    }
  }
  return { indicators, byId, order };
}

function isCompiled(value: unknown): value is CompiledIndicator {
  return typeof value === 'object' && value !== null && 'numeratorTree' in value;
}
