import { isoDateSchema } from '../common/iso-date.js';
import { z } from '../common/zod.js';
import {
  decimalTextSchema,
  formulaTextSchema,
  INDICATOR_FORMAT,
  indicatorDefinitionSchema,
} from './definition.js';
import { MAX_FORMULA_LENGTH } from './lexer.js';
import { periodIdSchema } from './period.js';
import { IDENTIFIER, identifierSchema } from './syntax.js';

/**
 * What the zod refinements check, said in JSON Schema words where it can be said (patterns,
 * lengths) and in a description where it cannot (a formula is checked by parsing it).
 */
const REFINEMENTS = new Map<z.core.$ZodType, Record<string, unknown>>([
  [
    identifierSchema,
    {
      pattern: IDENTIFIER.source,
      description:
        'An id: a Latin letter, then letters, digits, "_" or "-". / Идентификатор: латинская буква, затем буквы, цифры, «_» или «-».',
    },
  ],
  [
    formulaTextSchema,
    {
      maxLength: MAX_FORMULA_LENGTH,
      description:
        'A formula of the eduset formula language (docs/en/indicators.md, section 4): #{element}, #{element.disaggregation}, C{constant}, I{indicator}, + - * / %, comparisons, and, or, not, if, isNull, coalesce, min, max, sum, avg, count, countDistinct. Checked by parsing it. / Формула на языке формул eduset (docs/ru/indicators.md, раздел 4); проверяется разбором.',
    },
  ],
  [
    decimalTextSchema,
    {
      pattern: '^\\s*[+-]?\\d+(\\.\\d+)?([eE][+-]?\\d+)?\\s*$',
      description: 'A decimal number written as text, e.g. "100" or "0.5". / Число текстом.',
    },
  ],
  [
    isoDateSchema,
    {
      pattern: '^\\d{4}-\\d{2}-\\d{2}$',
      format: 'date',
      description: 'A date as YYYY-MM-DD. / Дата в формате ГГГГ-ММ-ДД.',
    },
  ],
  [
    periodIdSchema,
    {
      pattern: '^(\\d{4}-\\d{4}|\\d{4}|\\d{4}Q[1-4]|\\d{4}-\\d{2}|\\d{4}-\\d{2}-\\d{2})$',
      description:
        'A period: 2019-2020 (school year), 2020, 2025Q1, 2025-03 or 2021-07-01. / Период.',
    },
  ],
]);

/**
 * The JSON Schema (draft 2020-12) of an indicator definitions file, generated from the zod
 * schema {@link indicatorDefinitionSchema}, so that another region can check its definitions
 * without TypeScript. A file is one definition, a list of them, or `{ "indicators": [...] }`
 * (what `parseIndicatorDefinitions` of `@eduset/adapters` reads); one definition is
 * `#/$defs/indicatorDefinition`. Fields with a default may be left out. What a JSON Schema
 * cannot say — a formula parses, a period exists, a date is a real day — is a pattern or a
 * description here and is checked in full by eduset when the file is read. The repository
 * keeps the output in `docs/schemas/indicator-definitions.schema.json` (a test holds it equal).
 *
 * @example
 * ```ts
 * import { indicatorDefinitionJsonSchema } from '@eduset/core/indicators';
 * const schema = indicatorDefinitionJsonSchema();
 * JSON.stringify(schema, null, 2); // the published file
 * ```
 */
export function indicatorDefinitionJsonSchema(): Record<string, unknown> {
  const registry = z.registry<{ id: string; title: string; description: string }>();
  registry.add(indicatorDefinitionSchema, {
    id: 'indicatorDefinition',
    title: 'eduset indicator definition',
    description: `A portable, versioned indicator definition (format ${INDICATOR_FORMAT}). / Переносимое версионированное определение показателя.`,
  });
  const file = z.union([
    indicatorDefinitionSchema,
    z.array(indicatorDefinitionSchema),
    z.object({ indicators: z.array(indicatorDefinitionSchema) }).strict(),
  ]);
  const generated = z.toJSONSchema(file, {
    target: 'draft-2020-12',
    io: 'input',
    metadata: registry,
    override: (context) => {
      const extra = REFINEMENTS.get(context.zodSchema as unknown as z.core.$ZodType);
      if (extra !== undefined) Object.assign(context.jsonSchema, extra);
    },
  }) as Record<string, unknown>;
  return {
    $schema: generated.$schema,
    title: 'eduset indicator definitions',
    description:
      'One indicator definition, a list of them, or { "indicators": [...] }. / Одно определение показателя, список определений или { "indicators": [...] }.',
    ...generated,
  };
}
