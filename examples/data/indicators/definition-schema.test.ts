// The published JSON Schema of indicator definition files (docs/schemas/) is what the
// generator gives, the repository's definition files validate against it, and it never
// refuses a definition eduset accepts. No JSON Schema library is a dependency of eduset, so
// the subset of JSON Schema the generated file uses is checked by the small validator below.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIndicatorDefinitions } from '@eduset/adapters';
import {
  indicatorCatalogInput,
  indicatorDefinitionJsonSchema,
  indicatorDefinitionSchema,
} from '@eduset/core/indicators';

const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url));
const schemaFile = here('../../../docs/schemas/indicator-definitions.schema.json');

type Schema = Record<string, unknown>;

/** The keywords the generated schema uses; any other keyword fails the test (see below). */
const KNOWN = new Set([
  '$schema',
  '$ref',
  '$defs',
  'title',
  'description',
  'default',
  'type',
  'const',
  'enum',
  'pattern',
  'format',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'minItems',
  'items',
  'properties',
  'required',
  'additionalProperties',
  'propertyNames',
  'anyOf',
]);

/** Every problem of `value` against `schema`, as JSON pointers with a word of why. */
function validate(root: Schema, schema: Schema, value: unknown, at = ''): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(schema))
    if (!KNOWN.has(key)) problems.push(`${at}: keyword ${key}`);
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.replace('#/$defs/', '');
    return validate(root, (root.$defs as Record<string, Schema>)[name] ?? {}, value, at);
  }
  if (Array.isArray(schema.anyOf)) {
    const branches = (schema.anyOf as Schema[]).map((branch) => validate(root, branch, value, at));
    if (branches.every((branch) => branch.length > 0)) problems.push(`${at}: no branch of anyOf`);
    return problems;
  }
  const type = schema.type;
  const isType = (name: unknown): boolean =>
    name === 'string'
      ? typeof value === 'string'
      : name === 'integer'
        ? Number.isInteger(value)
        : name === 'number'
          ? typeof value === 'number'
          : name === 'boolean'
            ? typeof value === 'boolean'
            : name === 'array'
              ? Array.isArray(value)
              : name === 'object'
                ? typeof value === 'object' && value !== null && !Array.isArray(value)
                : false;
  if (type !== undefined && !isType(type)) return [...problems, `${at}: not ${String(type)}`];
  if ('const' in schema && value !== schema.const) problems.push(`${at}: not the constant`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) problems.push(`${at}: enum`);
  if (typeof value === 'string') {
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value))
      problems.push(`${at}: pattern`);
    if (typeof schema.minLength === 'number' && [...value].length < schema.minLength)
      problems.push(`${at}: too short`);
    if (typeof schema.maxLength === 'number' && [...value].length > schema.maxLength)
      problems.push(`${at}: too long`);
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) problems.push(`${at}: min`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) problems.push(`${at}: max`);
    if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum)
      problems.push(`${at}: exclusive min`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems)
      problems.push(`${at}: too few items`);
    if (schema.items !== undefined)
      value.forEach((item, i) =>
        problems.push(...validate(root, schema.items as Schema, item, `${at}/${i}`)),
      );
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const key of (schema.required ?? []) as string[])
      if (!(key in record)) problems.push(`${at}/${key}: required`);
    for (const [key, item] of Object.entries(record)) {
      if (schema.propertyNames !== undefined)
        problems.push(...validate(root, schema.propertyNames as Schema, key, `${at}/${key}(name)`));
      if (key in properties)
        problems.push(...validate(root, properties[key]!, item, `${at}/${key}`));
      else if (schema.additionalProperties === false) problems.push(`${at}/${key}: not allowed`);
      else if (typeof schema.additionalProperties === 'object')
        problems.push(
          ...validate(root, schema.additionalProperties as Schema, item, `${at}/${key}`),
        );
    }
  }
  return problems;
}

const published = async (): Promise<Schema> =>
  JSON.parse(await readFile(schemaFile, 'utf8')) as Schema;

describe('the JSON Schema of indicator definitions', () => {
  it('the committed file is what the generator gives (regenerate: scripts/write-indicator-schema.ts)', async () => {
    expect(await published()).toEqual(indicatorDefinitionJsonSchema());
  });

  it('is a draft 2020-12 schema of a definition, a list, or { indicators }, with the definition in $defs', async () => {
    const schema = await published();
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.anyOf).toHaveLength(3);
    const definition = (schema.$defs as Record<string, Schema>).indicatorDefinition!;
    expect(definition.additionalProperties).toBe(false);
    expect(definition.required).toEqual([
      'id',
      'version',
      'name',
      'unit',
      'numerator',
      'levels',
      'periodType',
    ]);
    // Every field of the zod schema is described, and nothing else.
    expect(Object.keys(definition.properties as Schema).sort()).toEqual(
      Object.keys(indicatorDefinitionSchema.shape).sort(),
    );
    const properties = definition.properties as Record<string, Schema>;
    expect(properties.id?.pattern).toBe('^[A-Za-z][A-Za-z0-9_-]*$');
    expect(properties.unit?.enum).toEqual(['number', 'percent', 'per-thousand']);
    expect(properties.numerator?.maxLength).toBe(20_000);
    expect(validate(schema, schema, {})).not.toEqual([]);
  });

  it("the repository's definition files validate against it (and against eduset)", async () => {
    const schema = await published();
    const text = await readFile(here('catalog.json'), 'utf8');
    const file: unknown = JSON.parse(text);
    expect(validate(schema, schema, file)).toEqual([]);
    expect(parseIndicatorDefinitions(text, 'catalog.json').length).toBeGreaterThan(10);
    // The built-in catalog, one by one, as a list, and as { indicators }.
    for (const definition of indicatorCatalogInput)
      expect(validate(schema, schema, definition)).toEqual([]);
    expect(validate(schema, schema, { indicators: indicatorCatalogInput })).toEqual([]);
  });

  it('refuses what eduset refuses for shape: unknown fields, bad ids, units, levels, types', async () => {
    const schema = await published();
    const good = indicatorCatalogInput[0]!;
    for (const bad of [
      { ...good, colour: 'red' },
      { ...good, id: '1st' },
      { ...good, unit: 'pieces' },
      { ...good, levels: [] },
      { ...good, version: 0 },
      { ...good, factor: 'lots' },
      { ...good, validFrom: '2024/01/01' },
      { ...good, name: { ru: 'Только по-русски' } },
    ]) {
      expect(validate(schema, schema, bad)).not.toEqual([]);
      expect(indicatorDefinitionSchema.safeParse(bad).success).toBe(false);
    }
  });

  it('never refuses a definition eduset accepts (property)', async () => {
    const schema = await published();
    const word = fc.constantFrom('a', 'Z', '1', '-', '_', '.', ' ', 'é', '#{a}', '+', '0.5', '');
    const text = fc.array(word, { maxLength: 6 }).map((parts) => parts.join(''));
    const anyValue = fc.oneof(
      text,
      fc.integer({ min: -2, max: 30 }),
      fc.boolean(),
      fc.constant(null),
    );
    const field = fc.constantFrom(
      'id',
      'version',
      'unit',
      'numerator',
      'denominator',
      'factor',
      'decimals',
      'rounding',
      'cap',
      'target',
      'validFrom',
      'direction',
      'missingValueStrategy',
      'periodType',
      'annualized',
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...indicatorCatalogInput),
        fc.array(fc.tuple(field, anyValue), { maxLength: 3 }),
        (base, changes) => {
          const changed: Record<string, unknown> = { ...base };
          for (const [key, value] of changes) changed[key] = value;
          if (indicatorDefinitionSchema.safeParse(changed).success) {
            expect(validate(schema, schema, changed)).toEqual([]);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
