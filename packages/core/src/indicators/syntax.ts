import { z } from '../common/zod.js';

/**
 * Pattern of a data element, constant or indicator id: a letter, then letters, digits, `_`
 * and `-` (no dots: a dot separates a data element from its disaggregation).
 *
 * @example
 * ```ts
 * import { IDENTIFIER } from '@eduset/core/indicators';
 * IDENTIFIER.test('parents-consulted'); // true
 * ```
 */
export const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_-]*$/;

/**
 * Schema of an id used in formulas (see {@link IDENTIFIER}).
 *
 * @example
 * ```ts
 * import { identifierSchema } from '@eduset/core/indicators';
 * identifierSchema.parse('consultations');
 * ```
 */
export const identifierSchema = z.string().refine((value) => IDENTIFIER.test(value), {
  params: {
    text: {
      ru: 'Идентификатор: латинская буква, затем буквы, цифры, «_» или «-»',
      en: 'An id: a Latin letter, then letters, digits, "_" or "-"',
    },
  },
});

/**
 * The binary operators of the formula language.
 *
 * @example
 * ```ts
 * import type { BinaryOperator } from '@eduset/core/indicators';
 * const op: BinaryOperator = '/';
 * ```
 */
export type BinaryOperator =
  '+' | '-' | '*' | '/' | '%' | '==' | '!=' | '<' | '<=' | '>' | '>=' | 'and' | 'or';

/**
 * Built-in functions of the formula language (besides aggregates).
 *
 * @example
 * ```ts
 * import type { FunctionName } from '@eduset/core/indicators';
 * const name: FunctionName = 'coalesce';
 * ```
 */
export type FunctionName = 'if' | 'isNull' | 'coalesce' | 'min' | 'max';

/**
 * Aggregate functions over the raw values of a data element inside the org unit and period.
 *
 * @example
 * ```ts
 * import type { AggregateFunction } from '@eduset/core/indicators';
 * const fn: AggregateFunction = 'countDistinct';
 * ```
 */
export type AggregateFunction = 'sum' | 'avg' | 'count' | 'countDistinct';

/**
 * A reference to a data element, optionally to one disaggregation: `#{consultations}` or
 * `#{consultations.early-help}`.
 *
 * @example
 * ```ts
 * import type { DataElementNode } from '@eduset/core/indicators';
 * const node: DataElementNode = { type: 'dataElement', element: 'consultations', disaggregation: 'early-help' };
 * ```
 */
export interface DataElementNode {
  readonly type: 'dataElement';
  readonly element: string;
  readonly disaggregation?: string;
}

/**
 * A node of a formula's syntax tree. The tree is plain JSON: it can be stored, sent and
 * validated with {@link formulaNodeSchema}.
 *
 * @example
 * ```ts
 * import type { FormulaNode } from '@eduset/core/indicators';
 * const half: FormulaNode = {
 *   type: 'binary',
 *   operator: '/',
 *   left: { type: 'dataElement', element: 'satisfied' },
 *   right: { type: 'number', value: '2' },
 * };
 * ```
 */
export type FormulaNode =
  | { readonly type: 'number'; readonly value: string }
  | { readonly type: 'boolean'; readonly value: boolean }
  | { readonly type: 'null' }
  | DataElementNode
  | { readonly type: 'constant'; readonly id: string }
  | { readonly type: 'indicator'; readonly id: string }
  | { readonly type: 'unary'; readonly operator: '-' | 'not'; readonly operand: FormulaNode }
  | {
      readonly type: 'binary';
      readonly operator: BinaryOperator;
      readonly left: FormulaNode;
      readonly right: FormulaNode;
    }
  | { readonly type: 'call'; readonly name: FunctionName; readonly args: readonly FormulaNode[] }
  | {
      readonly type: 'aggregate';
      readonly function: AggregateFunction;
      readonly argument: DataElementNode;
    };

const dataElementNodeSchema = z
  .object({
    type: z.literal('dataElement'),
    element: identifierSchema,
    disaggregation: identifierSchema.optional(),
  })
  .strict();

/**
 * Deepest syntax tree {@link formulaNodeSchema} accepts. The parser accepts deeper trees (a
 * flat formula of thousands of terms is a tree that deep) and the evaluator runs them; such a
 * formula travels as text, which is what definitions hold.
 *
 * @example
 * ```ts
 * import { MAX_TREE_DEPTH } from '@eduset/core/indicators';
 * MAX_TREE_DEPTH; // 500
 * ```
 */
export const MAX_TREE_DEPTH = 500;

/**
 * Whether a JSON value nests objects deeper than `limit` (arrays do not count as a level, so a
 * call's arguments are one level below the call); an explicit stack, no recursion.
 */
function deeperThan(value: unknown, limit: number): boolean {
  const pending: [unknown, number][] = [[value, 1]];
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    const [current, depth] = item;
    if (typeof current !== 'object' || current === null) continue;
    if (Array.isArray(current)) {
      for (const child of current as unknown[]) pending.push([child, depth]);
      continue;
    }
    if (depth > limit) return true;
    for (const child of Object.values(current)) pending.push([child, depth + 1]);
  }
  return false;
}

const treeSchema: z.ZodType<FormulaNode> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('number'), value: z.string().regex(/^\d+(\.\d+)?$/) }).strict(),
    z.object({ type: z.literal('boolean'), value: z.boolean() }).strict(),
    z.object({ type: z.literal('null') }).strict(),
    dataElementNodeSchema,
    z.object({ type: z.literal('constant'), id: identifierSchema }).strict(),
    z.object({ type: z.literal('indicator'), id: identifierSchema }).strict(),
    z
      .object({
        type: z.literal('unary'),
        operator: z.enum(['-', 'not']),
        operand: treeSchema,
      })
      .strict(),
    z
      .object({
        type: z.literal('binary'),
        operator: z.enum(['+', '-', '*', '/', '%', '==', '!=', '<', '<=', '>', '>=', 'and', 'or']),
        left: treeSchema,
        right: treeSchema,
      })
      .strict(),
    z
      .object({
        type: z.literal('call'),
        name: z.enum(['if', 'isNull', 'coalesce', 'min', 'max']),
        args: z.array(treeSchema),
      })
      .strict(),
    z
      .object({
        type: z.literal('aggregate'),
        function: z.enum(['sum', 'avg', 'count', 'countDistinct']),
        argument: dataElementNodeSchema,
      })
      .strict(),
  ]),
);

/**
 * Zod schema of a formula syntax tree (recursive). A tree deeper than {@link MAX_TREE_DEPTH}
 * nodes is refused with an issue in Russian and English before it is walked, never with a
 * stack overflow.
 *
 * @example
 * ```ts
 * import { formulaNodeSchema } from '@eduset/core/indicators';
 * formulaNodeSchema.parse({ type: 'number', value: '100' });
 * ```
 */
export const formulaNodeSchema: z.ZodType<FormulaNode> = z
  .unknown()
  .superRefine((value, context) => {
    if (deeperThan(value, MAX_TREE_DEPTH)) {
      context.addIssue({
        code: 'custom',
        message: 'tree too deep',
        params: {
          text: {
            ru: `Дерево формулы глубже ${MAX_TREE_DEPTH} уровней: передайте формулу текстом`,
            en: `The formula tree is deeper than ${MAX_TREE_DEPTH} levels: send the formula as text`,
          },
        },
      });
    }
  })
  .pipe(treeSchema);

/**
 * Every data element, constant and indicator a formula refers to, each once, in order of
 * first appearance.
 *
 * @example
 * ```ts
 * import { parseFormula, formulaReferences } from '@eduset/core/indicators';
 * formulaReferences(parseFormula('#{a} + #{a.x} + C{k}')).dataElements; // [{element:'a'}, {element:'a', disaggregation:'x'}]
 * ```
 */
export function formulaReferences(node: FormulaNode): {
  dataElements: DataElementNode[];
  constants: string[];
  indicators: string[];
} {
  const dataElements: DataElementNode[] = [];
  const seen = new Set<string>();
  const constants = new Set<string>();
  const indicators = new Set<string>();
  // An explicit stack, not recursion: a flat formula of thousands of terms is a tree that
  // deep. Children are pushed right to left so that references come out in text order.
  const pending: FormulaNode[] = [node];
  for (let current = pending.pop(); current !== undefined; current = pending.pop()) {
    switch (current.type) {
      case 'dataElement':
      case 'aggregate': {
        const ref = current.type === 'aggregate' ? current.argument : current;
        const key = referenceKey(ref);
        if (!seen.has(key)) {
          seen.add(key);
          dataElements.push(ref);
        }
        break;
      }
      case 'constant':
        constants.add(current.id);
        break;
      case 'indicator':
        indicators.add(current.id);
        break;
      case 'unary':
        pending.push(current.operand);
        break;
      case 'binary':
        pending.push(current.right, current.left);
        break;
      case 'call':
        for (let i = current.args.length - 1; i >= 0; i -= 1) {
          const arg = current.args[i];
          if (arg !== undefined) pending.push(arg);
        }
        break;
      case 'number':
      case 'boolean':
      case 'null':
        break;
    }
  }
  return { dataElements, constants: [...constants], indicators: [...indicators] };
}

/**
 * The text key of a data element reference: `element` or `element.disaggregation`.
 *
 * @example
 * ```ts
 * import { referenceKey } from '@eduset/core/indicators';
 * referenceKey({ type: 'dataElement', element: 'consultations', disaggregation: 'early-help' }); // 'consultations.early-help'
 * ```
 */
export function referenceKey(ref: DataElementNode): string {
  return ref.disaggregation === undefined ? ref.element : `${ref.element}.${ref.disaggregation}`;
}
