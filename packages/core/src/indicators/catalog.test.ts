import { describe, expect, it } from 'vitest';
import {
  catalogDataElements,
  indicatorCatalog,
  indicatorCatalogInput,
  runDefinitionTests,
} from './index.js';
import { formulaReferences, parseFormula } from './index.js';

describe('built-in catalog', () => {
  it('has unique ids and the Demidov programme indicators 1–15 (4 in three parts)', () => {
    const ids = indicatorCatalog.map((definition) => definition.id);
    expect(new Set(ids).size).toBe(ids.length);
    const demidov = ids.filter((id) => id.startsWith('demidov-'));
    expect(demidov).toHaveLength(17);
    const numbers = indicatorCatalog
      .filter((d) => d.id.startsWith('demidov-'))
      .map((d) => /^[\d.]+(?=\. )/.exec(d.name.ru)?.[0] ?? '');
    expect(
      numbers.sort((a, b) => Number.parseFloat(a) - Number.parseFloat(b) || a.localeCompare(b)),
    ).toEqual([
      '1',
      '2',
      '3',
      '4.1',
      '4.2',
      '4.3',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
      '11',
      '12',
      '13',
      '14',
      '15',
    ]);
  });

  it('every definition has test cases and they all pass', () => {
    for (const definition of indicatorCatalog) {
      expect(definition.tests.length, definition.id).toBeGreaterThan(0);
      for (const outcome of runDefinitionTests(definition)) {
        expect(outcome.actual, `${definition.id}: ${outcome.name}`).toBe(
          'noValue' in outcome.expected
            ? `no value: ${outcome.expected.noValue}`
            : `${outcome.expected.value}${outcome.expected.capped === true ? ' (capped)' : ''}`,
        );
      }
    }
  });

  it('every data element a definition refers to is described, with its aggregation type', () => {
    const described = new Set(catalogDataElements.map((element) => element.id));
    for (const definition of indicatorCatalog) {
      for (const formula of [definition.numerator, definition.denominator]) {
        for (const ref of formulaReferences(parseFormula(formula)).dataElements) {
          expect(described.has(ref.element), `${definition.id}: ${ref.element}`).toBe(true);
        }
      }
    }
  });

  it('is portable JSON: the written form round-trips to the same validated definitions', () => {
    expect(JSON.parse(JSON.stringify(indicatorCatalogInput))).toEqual(indicatorCatalogInput);
  });
});
