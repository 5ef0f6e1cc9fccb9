import { createNetwork, siteKinds, type Network } from '@eduset/core';
import { beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import {
  expectAccessible,
  jsonResponse,
  mountedElements,
  text,
  shadow as root,
} from '../../test/browser.js';
import { userEvent } from 'vitest/browser';
import udomlya from '../../../../examples/data/udomlya.json';
import type { EdusetFilterChangeEvent } from '../events/filter-change.js';
import { EdusetElement } from '../internal/eduset-element.js';
import small from './fixtures/small-network.json';
import './site-directory.define.js';
import { EdusetSiteDirectory } from './site-directory.js';

const udomlyaNetwork: Network = createNetwork(udomlya);
const smallNetwork: Network = createNetwork(small);

const consoleMethods = ['log', 'info', 'warn', 'error', 'debug'] as const;
let consoleSpies: MockInstance[] = [];
const mounted = mountedElements();

beforeEach(() => {
  consoleSpies = consoleMethods.map((method) =>
    vi.spyOn(console, method).mockImplementation(() => undefined),
  );
});

/** Fails when anything was printed: normal operation is silent. */
function expectSilentConsole(): void {
  for (const spy of consoleSpies) expect(spy).not.toHaveBeenCalled();
}

async function mount(
  setup: (element: EdusetSiteDirectory) => void,
  parent: Element = document.body,
): Promise<EdusetSiteDirectory> {
  const element = document.createElement('eduset-site-directory');
  setup(element);
  parent.append(element);
  if (parent === document.body) mounted.push(element);
  await element.updateComplete;
  return element;
}

function groups(element: EdusetSiteDirectory): { kind: string; heading: string; count: string }[] {
  return [...root(element).querySelectorAll('section[part="group"]')].map((section) => ({
    kind: section.getAttribute('data-kind') ?? '',
    heading: text(section.querySelector('[part="group-heading"]')),
    count: text(section.querySelector('[part="group-count"]')),
  }));
}

function siteIds(element: EdusetSiteDirectory): string[] {
  return [...root(element).querySelectorAll('[part="site"]')].map(
    (site) => site.getAttribute('data-site-id') ?? '',
  );
}

function ageInput(element: EdusetSiteDirectory): HTMLInputElement {
  return root(element).querySelector<HTMLInputElement>('input#age')!;
}

function serviceSelect(element: EdusetSiteDirectory): HTMLSelectElement {
  return root(element).querySelector<HTMLSelectElement>('select#service')!;
}

function liveRegion(element: EdusetSiteDirectory): Element {
  return root(element).querySelector('[aria-live]')!;
}

/** Waits for MutationObserver callbacks and the resulting render. */
async function settle(element: EdusetSiteDirectory): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await element.updateComplete;
}

async function until(element: EdusetSiteDirectory, condition: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 100 && !condition(); attempt += 1) await settle(element);
  expect(condition()).toBe(true);
}

describe('<eduset-site-directory> with the Udomlya network', () => {
  it('groups the latest year’s sites by kind in core order, with Russian plural counts', async () => {
    const element = await mount((el) => (el.network = udomlyaNetwork));
    expect(groups(element)).toEqual([
      {
        kind: 'consultation-point',
        heading: 'Консультационный пункт (КП), 8 площадок',
        count: '8 площадок',
      },
      { kind: 'early-help', heading: 'Служба ранней помощи, 2 площадки', count: '2 площадки' },
      { kind: 'lekoteka', heading: 'Лекотека, 2 площадки', count: '2 площадки' },
      {
        kind: 'play-support-centre',
        heading: 'Центр игровой поддержки ребёнка (ЦИПР), 3 площадки',
        count: '3 площадки',
      },
      {
        kind: 'pmpk',
        heading: 'Психолого-медико-педагогическая комиссия (ПМПК), 1 площадка',
        count: '1 площадка',
      },
    ]);
    const kinds = groups(element).map((group) => group.kind);
    expect(
      [...kinds].sort((a, b) => siteKinds.indexOf(a as never) - siteKinds.indexOf(b as never)),
    ).toEqual(kinds);
    expect(text(root(element).querySelector('[part="school-year"]'))).toBe('2020–2021 учебный год');
    expect(text(root(element).querySelector('[part="summary"]'))).toBe('Найдено 16 площадок');
    expect(root(element).querySelector('h2[part="group-heading"]')).not.toBeNull();
    expectSilentConsole();
  });

  it('shows each site’s name, host organization, address, ages and services', async () => {
    const element = await mount((el) => (el.network = udomlyaNetwork));
    const site = root(element).querySelector('[data-site-id="kp-teremok"]')!;
    expect(text(site.querySelector('h3[part="site-name"]'))).toBe(
      'Консультационный пункт МБДОУ детский сад «Теремок»',
    );
    const details = text(site);
    expect(details).toContain('Организация МБДОУ детский сад «Теремок»');
    expect(details).toContain('Адрес Тверская область, г. Удомля, ул. Попова, д. 20');
    expect(details).toContain('Возраст детей от 0 до 7 лет');
    expect(details).toContain('Консультация педагога-психолога');
    expect(text(root(element).querySelector('[data-site-id="rp-malysh"]'))).toContain(
      'от 0 до 3 лет',
    );
  });

  it('shows only the sites active in the `school-year` attribute, and follows its changes', async () => {
    const element = await mount((el) => {
      el.network = udomlyaNetwork;
      el.setAttribute('school-year', '2012-2013');
    });
    expect(groups(element).map((group) => [group.kind, group.count])).toEqual([
      ['consultation-point', '2 площадки'],
      ['pmpk', '1 площадка'],
    ]);
    expect(text(root(element).querySelector('[part="school-year"]'))).toBe('2012–2013 учебный год');

    element.setAttribute('school-year', '2017/2018');
    await element.updateComplete;
    expect(groups(element).map((group) => [group.kind, group.count])).toEqual([
      ['consultation-point', '3 площадки'],
      ['early-help', '1 площадка'],
      ['lekoteka', '1 площадка'],
      ['play-support-centre', '2 площадки'],
      ['pmpk', '1 площадка'],
    ]);

    element.schoolYear = '2030-2031';
    await element.updateComplete;
    expect(groups(element)).toEqual([]);
    expect(text(root(element).querySelector('[part="empty"]'))).toBe(
      'В 2030–2031 учебном году площадки не работают.',
    );

    element.schoolYear = 'весна';
    await element.updateComplete;
    expect(text(liveRegion(element))).toContain('Неверный учебный год «весна»');
    expectSilentConsole();
  });

  it('filters by the child’s age typed into the age input', async () => {
    const element = await mount((el) => (el.network = udomlyaNetwork));
    const events: EdusetFilterChangeEvent[] = [];
    element.addEventListener('eduset-filter-change', (event) => events.push(event));

    await userEvent.fill(ageInput(element), '10');
    await element.updateComplete;
    expect(siteIds(element)).toEqual(['kp-school-1', 'pmpk-school-1']);
    expect(text(root(element).querySelector('[part="summary"]'))).toBe('Найдено 2 площадки');
    expect(events.at(-1)?.detail).toEqual({ schoolYear: '2020-2021', age: 10, serviceId: null });

    await userEvent.fill(ageInput(element), '1');
    await element.updateComplete;
    expect(groups(element).map((group) => group.kind)).toEqual([
      'consultation-point',
      'early-help',
      'play-support-centre',
      'pmpk',
    ]);
    expect(element.age).toBe(1);

    await userEvent.clear(ageInput(element));
    await element.updateComplete;
    expect(siteIds(element)).toHaveLength(16);
    expect(events.at(-1)?.detail.age).toBeNull();
    expectSilentConsole();
  });

  it('filters by a service chosen in the select, and says clearly when nothing matches', async () => {
    const element = await mount((el) => (el.network = udomlyaNetwork));
    const options = [...serviceSelect(element).options].map((option) => text(option));
    expect(options[0]).toBe('Любая услуга');
    expect(options).toContain('Игровые занятия лекотеки для ребёнка с родителем');
    expect(options).toHaveLength(11);

    await userEvent.selectOptions(serviceSelect(element), 'lekoteka-play-sessions');
    await element.updateComplete;
    expect(groups(element).map((group) => [group.kind, group.count])).toEqual([
      ['lekoteka', '2 площадки'],
    ]);
    expect(element.service).toBe('lekoteka-play-sessions');

    // Lekotekas serve children from 2: a one-year-old finds nothing with this service.
    ageInput(element).value = '1';
    ageInput(element).dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await element.updateComplete;
    expect(groups(element)).toEqual([]);
    const empty = root(element).querySelector('[part="empty"]')!;
    expect(text(empty)).toBe(
      'Нет площадок, подходящих под выбранные условия. Измените возраст или услугу либо сбросьте фильтры.',
    );
    expect(liveRegion(element).contains(empty)).toBe(true);
    await expectAccessible(element);

    const reset = root(element).querySelector<HTMLButtonElement>('[part="reset"]')!;
    await userEvent.click(reset);
    await element.updateComplete;
    expect(siteIds(element)).toHaveLength(16);
    expect(ageInput(element).value).toBe('');
    expect(serviceSelect(element).value).toBe('');
    expect(root(element).activeElement).toBe(ageInput(element));
    expectSilentConsole();
  });

  it('takes the filter from the `age` and `service` attributes', async () => {
    const element = await mount((el) => {
      el.network = udomlyaNetwork;
      el.setAttribute('age', '5');
      el.setAttribute('service', 'lekoteka-play-sessions');
    });
    expect(siteIds(element)).toEqual(['lekoteka-buratino', 'lekoteka-dyuymovochka']);
    expect(ageInput(element).value).toBe('5');
    expect(serviceSelect(element).value).toBe('lekoteka-play-sessions');
    expect(element.filter).toEqual({
      schoolYear: '2020-2021',
      age: 5,
      serviceId: 'lekoteka-play-sessions',
    });
  });

  it('fires eduset-filter-change that bubbles out of shadow roots (composed)', async () => {
    const host = document.createElement('div');
    mounted.push(host);
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    const element = await mount(
      (el) => (el.network = udomlyaNetwork),
      shadow as unknown as Element,
    );
    const seen: EdusetFilterChangeEvent[] = [];
    const listener = (event: EdusetFilterChangeEvent): void => {
      seen.push(event);
    };
    document.addEventListener('eduset-filter-change', listener);
    try {
      await userEvent.selectOptions(serviceSelect(element), 'pmpk-examination');
      await element.updateComplete;
    } finally {
      document.removeEventListener('eduset-filter-change', listener);
    }
    expect(seen).toHaveLength(1);
    expect(seen[0]!.bubbles).toBe(true);
    expect(seen[0]!.composed).toBe(true);
    expect(seen[0]!.detail).toEqual({
      schoolYear: '2020-2021',
      age: null,
      serviceId: 'pmpk-examination',
    });
  });

  it('fits the page outline with `heading-level`', async () => {
    const element = await mount((el) => {
      el.network = udomlyaNetwork;
      el.setAttribute('heading-level', '3');
    });
    expect(root(element).querySelectorAll('h3[part="group-heading"]')).toHaveLength(5);
    expect(root(element).querySelectorAll('h4[part="site-name"]')).toHaveLength(16);
    expect(root(element).querySelector('h2')).toBeNull();
  });

  it('is accessible (axe) when loaded', async () => {
    const element = await mount((el) => (el.network = udomlyaNetwork));
    await expectAccessible(element);
    expectSilentConsole();
  });
});

describe('<eduset-site-directory> languages', () => {
  it('speaks English with lang="en"', async () => {
    const element = await mount((el) => {
      el.network = udomlyaNetwork;
      el.lang = 'en';
    });
    expect(groups(element).map((group) => group.count)).toEqual([
      '8 sites',
      '2 sites',
      '2 sites',
      '3 sites',
      '1 site',
    ]);
    expect(groups(element)[0]!.heading).toContain('Consultation point');
    expect(text(root(element).querySelector('label[for="age"]'))).toBe("Child's age, full years");
    expect(text(root(element).querySelector('[part="summary"]'))).toBe('16 sites found');
    expect(text(root(element).querySelector('[part="school-year"]'))).toBe('school year 2020–2021');
    const site = text(root(element).querySelector('[data-site-id="kp-teremok"]'));
    expect(site).toContain("Children's ages ages 0–7");
    expect(site).toContain('Psychologist consultation');
    expect(text(serviceSelect(element).options[0])).toBe('Any service');
    await expectAccessible(element);
  });

  it('follows its own lang, then the closest ancestor’s, then <html lang>, else Russian', async () => {
    const english = document.createElement('div');
    english.lang = 'en-GB';
    document.body.append(english);
    mounted.push(english);
    const inEnglish = await mount((el) => (el.network = smallNetwork), english);
    const overridden = await mount((el) => {
      el.network = smallNetwork;
      el.lang = 'ru';
    }, english);
    const plain = await mount((el) => (el.network = smallNetwork));
    expect(inEnglish.language).toBe('en');
    expect(overridden.language).toBe('ru');
    expect(plain.language).toBe('ru');
    expect(text(root(plain).querySelector('label[for="service"]'))).toBe('Услуга');

    document.documentElement.lang = 'en';
    await settle(plain);
    expect(plain.language).toBe('en');
    expect(text(root(plain).querySelector('label[for="service"]'))).toBe('Service');

    english.lang = 'ru';
    await settle(inEnglish);
    expect(text(root(inEnglish).querySelector('label[for="service"]'))).toBe('Услуга');

    plain.lang = 'de';
    await settle(plain);
    expect(plain.language).toBe('ru');
  });

  it('names services in the element’s language, falling back to the Russian name', async () => {
    const element = await mount((el) => {
      el.network = smallNetwork;
      el.lang = 'en';
    });
    const lekoteka = text(root(element).querySelector('[data-site-id="lekoteka-1"]'));
    expect(lekoteka).toContain('Speech therapist consultation');
    expect(lekoteka).toContain('Игровые занятия');
    expect(lekoteka).toContain('ages 2–21');
    element.lang = 'ru';
    await element.updateComplete;
    expect(text(root(element).querySelector('[data-site-id="lekoteka-1"]'))).toContain(
      'от 2 до 21 года',
    );
    expect(text(root(element).querySelector('[data-site-id="kp-1"]'))).toContain('1 год');
  });
});

describe('<eduset-site-directory> safety', () => {
  it('renders user data as text: no markup from names or addresses reaches the DOM', async () => {
    const element = await mount((el) => (el.network = smallNetwork));
    const shadow = root(element);
    expect(shadow.querySelector('img')).toBeNull();
    expect(shadow.querySelector('script')).toBeNull();
    expect(shadow.querySelector('b')).toBeNull();
    const site = shadow.querySelector('[data-site-id="kp-1"]')!;
    expect(text(site.querySelector('[part="site-name"]'))).toBe('<img src=x onerror=alert(1)>');
    expect(text(site)).toContain('<script>alert(2)</script> ул. Мира, 1');
    expect(text(shadow.querySelector('[data-site-id="lekoteka-1"]'))).toContain('<b>СОШ №1</b>');
    expect(shadow.querySelector('[onerror], [onclick], [onload]')).toBeNull();
  });

  it('links a phone number with a clean tel: address', async () => {
    const element = await mount((el) => (el.network = smallNetwork));
    const link = root(element).querySelector<HTMLAnchorElement>('[data-site-id="kp-1"] a')!;
    expect(link.getAttribute('href')).toBe('tel:+74825550000');
    expect(text(link)).toBe('+7 (48255) 5-00-00');
  });
});

describe('<eduset-site-directory src>', () => {
  it('loads the network from `src`, showing a loading state first', async () => {
    let respond: (response: Response) => void = () => undefined;
    const fetchMock = vi.fn(
      (_url: string, _init?: RequestInit) =>
        new Promise<Response>((resolve) => {
          respond = resolve;
        }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const loaded = vi.fn();
    const element = await mount((el) => {
      el.addEventListener('eduset-load', loaded);
      el.src = '/api/network';
    });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/network');
    expect(text(liveRegion(element))).toBe('Загружаем список площадок…');
    expect(root(element).querySelector('[part="base"]')!.getAttribute('aria-busy')).toBe('true');
    await expectAccessible(element);

    respond(jsonResponse(udomlya));
    await until(element, () => element.loadState === 'loaded');
    expect(siteIds(element)).toHaveLength(16);
    expect(loaded).toHaveBeenCalledTimes(1);
    expect(element.network?.id).toBe(udomlyaNetwork.id);
    expectSilentConsole();
  });

  it('aborts the old request when `src` changes, and on disconnect', async () => {
    const signals: AbortSignal[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(
        (_url: string, init?: RequestInit) =>
          new Promise<Response>((_resolve, reject) => {
            const signal = init!.signal!;
            signals.push(signal);
            signal.addEventListener('abort', () => reject(signal.reason));
          }),
      ),
    );
    const element = await mount((el) => (el.src = '/api/one'));
    element.src = '/api/two';
    await element.updateComplete;
    expect(signals).toHaveLength(2);
    expect(signals[0]!.aborted).toBe(true);
    expect(signals[1]!.aborted).toBe(false);
    element.remove();
    expect(signals[1]!.aborted).toBe(true);
    await settle(element);
    expect(element.loadState).toBe('loading');
    expectSilentConsole();
  });

  it('shows a bilingual error in an aria-live region on HTTP 500', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('oops', { status: 500 })),
    );
    const failed = vi.fn();
    const element = await mount((el) => {
      el.addEventListener('eduset-error', failed);
      el.src = '/api/network';
    });
    await until(element, () => element.loadState === 'error');
    const live = liveRegion(element);
    expect(live.getAttribute('aria-live')).toBe('polite');
    const error = live.querySelector('[part="error"]')!;
    expect(text(error)).toBe(
      'Не удалось загрузить список площадок Сервер ответил ошибкой 500. Попробуйте позже.',
    );
    expect(failed).toHaveBeenCalledTimes(1);
    expect(
      (failed.mock.calls[0]![0] as CustomEvent<{ error: { kind: string } }>).detail.error.kind,
    ).toBe('http');
    await expectAccessible(element);

    element.lang = 'en';
    await element.updateComplete;
    expect(text(liveRegion(element).querySelector('[part="error"]'))).toBe(
      'Could not load the list of sites The server answered with error 500. Please try again later.',
    );

    // Retry: the server has recovered.
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse(udomlya)),
    );
    await userEvent.click(root(element).querySelector<HTMLButtonElement>('[part="retry"]')!);
    await until(element, () => element.loadState === 'loaded');
    expect(siteIds(element)).toHaveLength(16);
  });

  it('reports a body that is not JSON', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('<html>Not found</html>', { status: 200 })),
    );
    const element = await mount((el) => (el.src = '/api/network'));
    await until(element, () => element.loadState === 'error');
    expect(text(liveRegion(element))).toContain('Сервер прислал данные в неверном формате');
    element.lang = 'en';
    await element.updateComplete;
    expect(text(liveRegion(element))).toContain('The server sent data in a wrong format');
  });

  it('reports data that fail core’s validation, with where', async () => {
    const broken = structuredClone(udomlya) as { sites: { kind: string }[] };
    broken.sites[0]!.kind = 'museum';
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse(broken)),
    );
    const element = await mount((el) => (el.src = '/api/network'));
    await until(element, () => element.loadState === 'error');
    expect(text(liveRegion(element))).toContain(
      'Данные с сервера не прошли проверку — sites[0].kind',
    );
    expect(element.loadError?.issues[0]?.path).toEqual(['sites', 0, 'kind']);
  });

  it('reports an unreachable server', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    const element = await mount((el) => (el.src = '/api/network'));
    await until(element, () => element.loadState === 'error');
    expect(text(liveRegion(element))).toContain('Не удалось связаться с сервером');
  });
});

describe('EdusetSiteDirectory.define', () => {
  it('is registered under its tag name', () => {
    expect(customElements.get('eduset-site-directory')).toBe(EdusetSiteDirectory);
    expect(document.createElement('eduset-site-directory')).toBeInstanceOf(EdusetSiteDirectory);
    expect(EdusetSiteDirectory.prototype).toBeInstanceOf(EdusetElement);
  });

  it('does nothing when the same class is defined again', () => {
    expect(() => EdusetSiteDirectory.define('eduset-site-directory')).not.toThrow();
    expect(customElements.get('eduset-site-directory')).toBe(EdusetSiteDirectory);
    expectSilentConsole();
  });

  it('warns once and keeps the other class when the tag is taken by another version', () => {
    class OtherVersion extends HTMLElement {
      static readonly version = '9.9.9';
    }
    customElements.define('eduset-clash-test', OtherVersion);
    EdusetSiteDirectory.define('eduset-clash-test');
    EdusetSiteDirectory.define('eduset-clash-test');
    expect(customElements.get('eduset-clash-test')).toBe(OtherVersion);
    const warn = consoleSpies[consoleMethods.indexOf('warn')]!;
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toContain('9.9.9');
  });

  it('can register the same class under a second tag name', () => {
    EdusetSiteDirectory.define('eduset-site-directory-second');
    const element = document.createElement('eduset-site-directory-second');
    expect(element).toBeInstanceOf(EdusetSiteDirectory);
  });
});
