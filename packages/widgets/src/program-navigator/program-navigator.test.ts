import {
  createProgrammeRegistry,
  programmeViewOf,
  type ProgrammeRegistry,
  type ProgrammeView,
} from '@eduset/core';
import { describe, expect, it, vi } from 'vitest';
import { expectAccessible, jsonResponse, mountedElements, shadow } from '../../test/browser.js';
import { userEvent } from 'vitest/browser';
import michurinsk from '../../../../examples/data/michurinsk-financing.json';
import './program-navigator.define.js';
import { programNavigatorTexts } from './program-navigator.i18n.js';
import type { EdusetProgramNavigator } from './program-navigator.js';

const registry: ProgrammeRegistry = createProgrammeRegistry(michurinsk.registry);
const views: readonly ProgrammeView[] = registry.programmes.map(programmeViewOf);
const mounted = mountedElements();

async function mount(
  programmes: readonly ProgrammeView[] = views,
  lang?: string,
): Promise<EdusetProgramNavigator> {
  const element = document.createElement('eduset-program-navigator');
  if (lang) element.setAttribute('lang', lang);
  element.programmes = programmes;
  element.providers = registry.providers;
  // The demo groups start on 1 September 2026: priced on that day, nothing is pro rata.
  element.today = '2026-09-01';
  document.body.append(element);
  mounted.push(element);
  await element.updateComplete;
  return element;
}

const summary = (element: EdusetProgramNavigator): string =>
  (shadow(element).querySelector('[part="summary"]')?.textContent ?? '').trim();
const cards = (element: EdusetProgramNavigator): HTMLElement[] => [
  ...shadow(element).querySelectorAll<HTMLElement>('[part="programme"]'),
];

describe('<eduset-program-navigator>', () => {
  it('lists the registry and filters by kind, direction, age and days, with Russian plurals', async () => {
    const element = await mount();
    expect(summary(element)).toBe('Найдено: 383 программы');
    expect(cards(element)).toHaveLength(30);
    const kind = shadow(element).querySelector<HTMLSelectElement>('select#kind');
    if (!kind) throw new Error('no kind select');
    kind.value = 'funded';
    kind.dispatchEvent(new Event('change'));
    await element.updateComplete;
    expect(summary(element)).toBe('Найдено: 31 программа');
    expect(cards(element).every((card) => card.textContent?.includes('сертификат ПФ'))).toBe(true);
    const age = shadow(element).querySelector<HTMLInputElement>('input#age');
    if (!age) throw new Error('no age input');
    await userEvent.type(age, '6');
    await element.updateComplete;
    const expected = views.filter(
      (p) => p.fundingKind === 'funded' && p.ageFrom <= 6 && p.ageTo >= 6,
    ).length;
    expect(element.found()).toHaveLength(expected);
    await expectAccessible(element);
  });

  it('says 1 программа, 2 программы, 5 программ', () => {
    expect([1, 2, 5, 21].map((n) => programNavigatorTexts.ru.found(n))).toEqual([
      'Найдено: 1 программа',
      'Найдено: 2 программы',
      'Найдено: 5 программ',
      'Найдено: 21 программа',
    ]);
    expect(Object.keys(programNavigatorTexts.ru).sort()).toEqual(
      Object.keys(programNavigatorTexts.en).sort(),
    );
  });

  it('speaks English with lang="en"', async () => {
    const element = await mount(views.slice(0, 1), 'en');
    expect(summary(element)).toBe('Found: 1 programme');
  });

  it('filters 5 000 programmes while typing, without a visible pause', async () => {
    const many: ProgrammeView[] = [];
    for (let i = 0; many.length < 5000; i += 1) {
      const base = views[i % views.length] as ProgrammeView;
      many.push({ ...base, id: `${base.id}-${String(i)}`, name: `${base.name} ${String(i)}` });
    }
    const element = await mount(many);
    expect(summary(element)).toBe('Найдено: 5000 программ');
    const search = shadow(element).querySelector<HTMLInputElement>('input#search');
    if (!search) throw new Error('no search input');
    const started = performance.now();
    for (const text of ['р', 'ро', 'роб', 'робо', 'робот']) {
      search.value = text;
      search.dispatchEvent(new Event('input'));
      await element.updateComplete;
    }
    const perKeystroke = (performance.now() - started) / 5;
    expect(summary(element)).toMatch(/^Найдено: \d+ программ/);
    // A generous guard (measured ~10 ms here); the real figure is in the docs.
    expect(perKeystroke).toBeLessThan(250);
  });

  it('previews the co-payment from the checked balance and enrols', async () => {
    const funded = views.find(
      (p) => p.fundingKind === 'funded' && p.modules[0]?.price !== undefined,
    ) as ProgrammeView;
    const calls: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string, init?: RequestInit) => {
        calls.push(`${init?.method ?? 'GET'} ${url}`);
        if (url.includes('/programmes')) {
          return Promise.resolve(
            jsonResponse({
              total: 1,
              offset: 0,
              programmes: [funded],
              providers: registry.providers,
            }),
          );
        }
        if (url.includes('/balance')) {
          return Promise.resolve(
            jsonResponse({
              number: '6800000002',
              kind: 'funded',
              status: 'active',
              period: '2026-2027',
              nominal: '4000.00',
              available: '4000.00',
              reserved: '0.00',
              spent: '0.00',
            }),
          );
        }
        return Promise.resolve(
          jsonResponse(
            {
              error: {
                code: 'empty-balance',
                message: { ru: 'На сертификате нет доступного остатка', en: 'No balance' },
                issues: [],
              },
            },
            409,
          ),
        );
      }),
    );
    const element = await mount([funded]);
    element.api = '/api';
    await vi.waitFor(() => expect(element.loadState).toBe('loaded'));
    expect(summary(element)).toBe('Найдено: 1 программа');
    const number = shadow(element).querySelector<HTMLInputElement>('input#number');
    const birth = shadow(element).querySelector<HTMLInputElement>('input#birth-date');
    if (!number || !birth) throw new Error('no certificate inputs');
    await userEvent.type(number, '6800000002');
    birth.value = '2012-10-03';
    birth.dispatchEvent(new Event('input'));
    const button = shadow(element).querySelector<HTMLButtonElement>('form.certificate button');
    button?.click();
    await vi.waitFor(() => expect(element.balance?.available).toBe('4000.00'));
    await element.updateComplete;
    const payment =
      shadow(element).querySelector('[part="payment"]')?.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(payment).toContain('Оплатит сертификат 4 000,00 ₽');
    shadow(element).querySelector<HTMLButtonElement>('[part="enrol"]')?.click();
    await vi.waitFor(() =>
      expect(shadow(element).querySelector('[role="status"].error')?.textContent).toContain(
        'нет доступного остатка',
      ),
    );
    expect(calls.some((call) => call.startsWith('POST /api/enrolments'))).toBe(true);
    await expectAccessible(element);
  });

  it('pages the results, and says what free, co-payment and places left mean', async () => {
    const element = await mount();
    const terms =
      shadow(element).querySelector('[part="terms"]')?.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(terms).toContain('Как читать карточку');
    expect(terms).toContain('Бесплатно занятия оплачивает бюджет города');
    expect(terms).toContain('Доплата семьи что семья платит сама за весь период');
    expect(terms).toContain('Свободных мест сколько мест в группе ещё не занято');
    const pageOf = () => shadow(element).querySelector('[part="pages"] span')?.textContent;
    expect(summary(element)).toBe('Найдено: 383 программы');
    expect(pageOf()).toBe('Страница 1 из 13');
    const first = cards(element)[0]?.dataset.programmeId;
    const pages = shadow(element).querySelector('[part="pages"]');
    const [previous, next] = [...(pages?.querySelectorAll('button') ?? [])];
    expect(previous?.disabled).toBe(true);
    next?.click();
    await element.updateComplete;
    expect(pageOf()).toBe('Страница 2 из 13');
    expect(cards(element)).toHaveLength(30);
    expect(cards(element)[0]?.dataset.programmeId).toBe(views[30]?.id);
    expect(cards(element)[0]?.dataset.programmeId).not.toBe(first);
    expect(shadow(element).activeElement?.getAttribute('part')).toBe('summary');
    // A new filter starts again from the first page.
    const kind = shadow(element).querySelector<HTMLSelectElement>('select#kind');
    if (!kind) throw new Error('no kind select');
    kind.value = 'paid';
    kind.dispatchEvent(new Event('change'));
    await element.updateComplete;
    expect([summary(element), pageOf()]).toEqual(['Найдено: 74 программы', 'Страница 1 из 3']);
    await expectAccessible(element);
  });

  it('with an API the server filters and pages, and each group says its places left', async () => {
    const programme = views[0] as ProgrammeView;
    const group = programme.modules[0]?.groups[0];
    const second = programme.modules[0]?.groups[1];
    if (!group || !second) throw new Error('no groups');
    const calls: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string) => {
        calls.push(url);
        return Promise.resolve(
          jsonResponse({
            total: 45,
            offset: 0,
            programmes: [programme],
            providers: registry.providers,
            placesLeft: { [group.id]: 5, [second.id]: 0 },
            districts: ['Кочетовка', 'Центр'],
          }),
        );
      }),
    );
    const element = document.createElement('eduset-program-navigator');
    element.setAttribute('page-size', '20');
    element.setAttribute('api', '/api');
    document.body.append(element);
    mounted.push(element);
    await vi.waitFor(() => expect(element.loadState).toBe('loaded'));
    await element.updateComplete;
    expect(calls).toEqual(['/api/programmes?offset=0&limit=20']);
    expect(summary(element)).toBe('Найдено: 45 программ');
    const card = cards(element)[0]?.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(card).toContain(
      `${group.name}: вт, пт · свободных мест: 5 из ${String(group.capacity)}`,
    );
    expect(card).toContain(`${second.name}: пн, ср, пт · свободных мест нет`);
    const districts = [...shadow(element).querySelectorAll('select#district option')].map(
      (option) => option.textContent?.trim(),
    );
    expect(districts).toEqual(['Любой', 'Кочетовка', 'Центр']);
    const next = shadow(element).querySelectorAll<HTMLButtonElement>('[part="pages"] button')[1];
    next?.click();
    await vi.waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1]).toBe('/api/programmes?offset=20&limit=20');
    // Setting the age (as the family's cabinet does from the certificate) narrows on the server.
    element.age = 9;
    await vi.waitFor(() => expect(calls).toHaveLength(3));
    expect(calls[2]).toBe('/api/programmes?age=9&offset=0&limit=20');
    const kind = shadow(element).querySelector<HTMLSelectElement>('select#kind');
    if (!kind) throw new Error('no kind select');
    kind.value = 'funded';
    kind.dispatchEvent(new Event('change'));
    await vi.waitFor(() => expect(calls).toHaveLength(4));
    expect(calls[3]).toBe('/api/programmes?kind=funded&age=9&offset=0&limit=20');
    await vi.waitFor(() => expect(element.loadState).toBe('loaded'));
    await expectAccessible(element);
  });

  it('prices a started programme pro rata, saying why, as the contract will (not the full price)', async () => {
    const funded = views.find(
      (p) => p.fundingKind === 'funded' && p.modules[0]?.price !== undefined,
    ) as ProgrammeView;
    const element = await mount([funded]);
    const before = shadow(element).querySelector('[part="payment"]')?.textContent ?? '';
    element.today = '2026-10-05';
    await element.updateComplete;
    const card = shadow(element).querySelector('[part="programme"]');
    const payment = card?.querySelector('[part="payment"]')?.textContent ?? '';
    expect(payment).not.toBe(before);
    const reason = (card?.querySelector('[part="reasons"]')?.textContent ?? '').replace(
      /\s+/g,
      ' ',
    );
    expect(reason).toMatch(
      /^ ?Программа уже идёт: стоимость — за оставшиеся 239 из 273 дней \(за весь период — .+ ₽\)\. ?$/,
    );
    await expectAccessible(element);
  });

  it('narrows to the child’s age and takes the certificate when the family’s cabinet opens', async () => {
    const calls: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string) => {
        calls.push(url);
        return Promise.resolve(
          jsonResponse({
            number: '6800000001',
            kind: 'funded',
            status: 'active',
            period: '2026-2027',
            nominal: '15000.00',
            available: '15000.00',
            reserved: '0.00',
            spent: '0.00',
          }),
        );
      }),
    );
    const element = await mount();
    document.dispatchEvent(
      new CustomEvent('eduset-family-signed-in', {
        detail: { certificate: { number: '6800000001', birthDate: '2016-04-12', age: 10 } },
        bubbles: true,
        composed: true,
      }),
    );
    await vi.waitFor(() => expect(element.balance?.available).toBe('15000.00'));
    expect(element.age).toBe(10);
    expect(calls[0]).toContain('/certificates/6800000001/balance?birthDate=2016-04-12');
    expect(shadow(element).querySelector<HTMLInputElement>('input#age')?.value).toBe('10');
    expect(element.found().every((p) => p.ageFrom <= 10 && p.ageTo >= 10)).toBe(true);
    document.dispatchEvent(new CustomEvent('eduset-family-signed-out', { bubbles: true }));
    await element.updateComplete;
    expect(element.age).toBeNull();
    expect(element.balance).toBeNull();
  });
});
