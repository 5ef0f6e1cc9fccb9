import { readFile } from 'node:fs/promises';
import { ValidationError, type ValidationIssue } from '@eduset/core/common';
import {
  catalogDataElements,
  createDataset,
  indicatorCatalog,
  indicatorDefinitionSchema,
  orgUnitSchema,
  dataElementSchema,
  type DataElement,
  type DataValue,
  type IndicatorDataset,
  type IndicatorDefinition,
  type OrgUnit,
} from '@eduset/core/indicators';
import { safeParse } from '@eduset/core/common';
import { importDataValues, type DataValueImport } from './import-values.js';

function jsonOf(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ValidationError([
      {
        path: [file],
        code: 'invalid_json',
        message: {
          ru: `${file}: не JSON (${(error as Error).message})`,
          en: `${file}: not JSON (${(error as Error).message})`,
        },
      },
    ]);
  }
}

function listOf<T>(
  json: unknown,
  key: string,
  parseOne: (item: unknown, index: number, issues: ValidationIssue[]) => T | undefined,
): T[] {
  const items = Array.isArray(json)
    ? json
    : typeof json === 'object' &&
        json !== null &&
        Array.isArray((json as Record<string, unknown>)[key])
      ? ((json as Record<string, unknown>)[key] as unknown[])
      : [json];
  const issues: ValidationIssue[] = [];
  const result: T[] = [];
  items.forEach((item, index) => {
    const parsed = parseOne(item, index, issues);
    if (parsed !== undefined) result.push(parsed);
  });
  if (issues.length > 0) throw new ValidationError(issues);
  return result;
}

/**
 * Reads indicator definitions from JSON: one definition, an array of them, or
 * `{ "indicators": [...] }`. Every problem of every definition is reported with its path.
 *
 * @throws ValidationError listing every problem.
 * @example
 * ```ts
 * import { readFile } from 'node:fs/promises';
 * import { parseIndicatorDefinitions } from '@eduset/adapters';
 * const definitions = parseIndicatorDefinitions(await readFile('catalog.json', 'utf8'), 'catalog.json');
 * ```
 */
export function parseIndicatorDefinitions(
  text: string,
  file = 'definitions',
): IndicatorDefinition[] {
  return listOf(jsonOf(text, file), 'indicators', (item, index, issues) => {
    const result = safeParse(indicatorDefinitionSchema, item, [index]);
    if (result.ok) return result.value;
    issues.push(...result.issues);
    return undefined;
  });
}

/**
 * Reads org units from JSON: an array, or `{ "orgUnits": [...] }`.
 *
 * @throws ValidationError listing every problem.
 * @example
 * ```ts
 * import { parseOrgUnits } from '@eduset/adapters';
 * parseOrgUnits('[{"id":"udomlya","name":{"ru":"Удомля","en":"Udomlya"},"level":"municipality"}]');
 * ```
 */
export function parseOrgUnits(text: string, file = 'org units'): OrgUnit[] {
  return listOf(jsonOf(text, file), 'orgUnits', (item, index, issues) => {
    const result = safeParse(orgUnitSchema, item, [index]);
    if (result.ok) return result.value;
    issues.push(...result.issues);
    return undefined;
  });
}

/**
 * Reads data elements from JSON: an array, or `{ "dataElements": [...] }`.
 *
 * @throws ValidationError listing every problem.
 * @example
 * ```ts
 * import { parseDataElements } from '@eduset/adapters';
 * parseDataElements('[{"id":"consultations","name":{"ru":"Консультации","en":"Consultations"}}]');
 * ```
 */
export function parseDataElements(text: string, file = 'data elements'): DataElement[] {
  return listOf(jsonOf(text, file), 'dataElements', (item, index, issues) => {
    const result = safeParse(dataElementSchema, item, [index]);
    if (result.ok) return result.value;
    issues.push(...result.issues);
    return undefined;
  });
}

/**
 * The files of an indicator computation.
 *
 * @example
 * ```ts
 * import type { IndicatorFiles } from '@eduset/adapters';
 * const files: IndicatorFiles = { orgUnits: 'org-units.json', values: ['data-values.csv'] };
 * ```
 */
export interface IndicatorFiles {
  /** JSON file of org units. */
  readonly orgUnits: string;
  /** CSV/XLSX data value files (long or wide layout). */
  readonly values: readonly string[];
  /** JSON file of data elements; default: the catalog's data elements. */
  readonly dataElements?: string;
  /** JSON file of definitions; default: the built-in catalog. */
  readonly definitions?: string;
}

/**
 * What {@link loadIndicatorFiles} read: the dataset, the definitions and each value file's
 * import result (with its rejected rows).
 *
 * @example
 * ```ts
 * import type { LoadedIndicatorFiles } from '@eduset/adapters';
 * declare const loaded: LoadedIndicatorFiles;
 * loaded.imports.flatMap((i) => i.result.rejected);
 * ```
 */
export interface LoadedIndicatorFiles {
  readonly dataset: IndicatorDataset;
  readonly definitions: readonly IndicatorDefinition[];
  readonly imports: readonly { readonly file: string; readonly result: DataValueImport }[];
}

/**
 * Reads org units, data elements, data values and definitions from files and builds the
 * dataset. Rows of the value files that are rejected are reported in `imports` (and left out
 * of the dataset); the caller decides whether that is acceptable.
 *
 * @throws ValidationError when a file cannot be read or the dataset is inconsistent.
 * @example
 * ```ts
 * import { loadIndicatorFiles } from '@eduset/adapters';
 * const loaded = await loadIndicatorFiles({
 *   orgUnits: 'examples/data/indicators/org-units.json',
 *   values: ['examples/data/indicators/data-values.csv'],
 * });
 * ```
 */
export async function loadIndicatorFiles(files: IndicatorFiles): Promise<LoadedIndicatorFiles> {
  const orgUnits = parseOrgUnits(await readFile(files.orgUnits, 'utf8'), files.orgUnits);
  const dataElements =
    files.dataElements === undefined
      ? [...catalogDataElements]
      : parseDataElements(await readFile(files.dataElements, 'utf8'), files.dataElements);
  const definitions =
    files.definitions === undefined
      ? [...indicatorCatalog]
      : parseIndicatorDefinitions(await readFile(files.definitions, 'utf8'), files.definitions);
  const textElements = dataElements
    .filter((element) => element.valueType === 'text')
    .map((element) => element.id);
  const imports: { file: string; result: DataValueImport }[] = [];
  const values: DataValue[] = [];
  for (const file of files.values) {
    const result = await importDataValues(await readFile(file), {
      fileName: file,
      textElements,
      dataElements: dataElements.map((element) => element.id),
      orgUnits: orgUnits.map((unit) => unit.id),
    });
    imports.push({ file, result });
    values.push(...result.values);
  }
  return { dataset: createDataset({ dataElements, orgUnits, values }), definitions, imports };
}
