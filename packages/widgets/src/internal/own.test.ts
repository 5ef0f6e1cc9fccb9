import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNetwork } from '@eduset/core';
import { serviceNameById, siteNameById, specialistNameById } from './network-names.js';
import { findFirst, findFirstIndex, ownEntries, toJsonText } from './own.js';

const nativeStringify = JSON.stringify.bind(JSON);

// What an old library on a municipal page does to the built-ins (Prototype.js / MooTools
// era): assignments straight onto the prototypes, so the members are enumerable too.
const patched: [object, string][] = [
  [Array.prototype, 'find'],
  [Array.prototype, 'findIndex'],
  [Array.prototype, 'toJSON'],
  [Array.prototype, 'each'],
  [Object, 'entries'],
];
let saved: (PropertyDescriptor | undefined)[] = [];

function patchBuiltIns(): void {
  saved = patched.map(([target, key]) => Object.getOwnPropertyDescriptor(target, key));
  const arrays = Array.prototype as unknown as Record<string, unknown>;
  arrays['find'] = function (this: unknown[], value: unknown) {
    return this.indexOf(value) === -1 ? undefined : value;
  };
  arrays['findIndex'] = function (this: unknown[], value: unknown) {
    return this.indexOf(value);
  };
  arrays['toJSON'] = function (this: unknown[]) {
    return `[${this.map((item) => nativeStringify(item)).join(', ')}]`;
  };
  arrays['each'] = function () {
    return undefined;
  };
  (Object as unknown as Record<string, unknown>)['entries'] = () => [];
}

function restoreBuiltIns(): void {
  patched.forEach(([target, key], index) => {
    const descriptor = saved[index];
    if (descriptor === undefined) Reflect.deleteProperty(target, key);
    else Object.defineProperty(target, key, descriptor);
  });
}

const network = createNetwork({
  id: 'test',
  name: 'Тестовая сеть',
  municipality: 'Удомля',
  timeZone: 'Europe/Moscow',
  organizations: [{ id: 'ds-malysh', name: 'Детский сад «Малыш»', kind: 'kindergarten' }],
  sites: [
    {
      id: 'kp-malysh',
      kind: 'consultation-point',
      name: 'Консультационный пункт «Малыш»',
      hostOrganizationId: 'ds-malysh',
      activeYears: ['2026-2027'],
      serviceIds: ['special-needs-consultation'],
      ages: { from: 0, to: 7 },
    },
  ],
  specialists: [],
  services: [
    {
      id: 'special-needs-consultation',
      name: 'Консультация учителя-дефектолога',
      nameEn: 'Special education teacher consultation',
    },
  ],
});

describe('own built-ins, with an old library patching the page', () => {
  beforeEach(patchBuiltIns);
  afterEach(restoreBuiltIns);

  it('the patch really breaks the built-ins', () => {
    expect([1, 2].find((n) => n === 2)).toBeUndefined();
    expect(JSON.stringify({ a: [1] })).toBe('{"a":"[1]"}');
  });

  it('finds by predicate', () => {
    expect(findFirst([1, 2, 3], (n) => n > 1)).toBe(2);
    expect(findFirst(undefined, () => true)).toBeUndefined();
    expect(findFirstIndex([1, 2, 3], (n) => n > 2)).toBe(2);
    expect(findFirstIndex([1], (n) => n > 2)).toBe(-1);
  });

  it('names services and sites with people’s words, not ids', () => {
    expect(serviceNameById(network, 'special-needs-consultation', 'ru')).toBe(
      'Консультация учителя-дефектолога',
    );
    expect(serviceNameById(network, 'special-needs-consultation', 'en')).toBe(
      'Special education teacher consultation',
    );
    expect(siteNameById(network, 'kp-malysh')).toBe('Консультационный пункт «Малыш»');
    expect(specialistNameById(network, 'nobody')).toBe('nobody');
  });

  it('lists own entries and writes JSON as the browser would without the patch', () => {
    expect(ownEntries({ a: 1, b: 'x' })).toEqual([
      ['a', 1],
      ['b', 'x'],
    ]);
    expect(toJsonText({ a: [1, 'two', null], b: undefined, c: { d: true } })).toBe(
      '{"a":[1,"two",null],"c":{"d":true}}',
    );
    expect(toJsonText([undefined])).toBe('[null]');
    expect(toJsonText(new Date('2026-12-01T09:00:00Z'))).toBe('"2026-12-01T09:00:00.000Z"');
  });
});

describe('toJsonText', () => {
  it('writes the same text as JSON.stringify for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(toJsonText(value)).toBe(JSON.stringify(value));
      }),
    );
  });
});
