import {
  buildIndicatorReport,
  createDataset,
  indicatorCatalog,
  type IndicatorReport,
} from '@eduset/core';
import { describe, expect, it, vi } from 'vitest';
import {
  mountedElements,
  text,
  shadow as root,
  expectAccessible as expectAccessibleElement,
} from '../../test/browser.js';
import { userEvent } from 'vitest/browser';
import './indicator-dashboard.define.js';
import type { EdusetIndicatorDashboard } from './indicator-dashboard.js';
import { indicatorDashboardTexts } from './indicator-dashboard.i18n.js';
import { formatDecimalText, formatPeriod, isDayPeriod } from './indicator-format.js';
import { trendChart } from './indicator-chart.js';
import { render } from 'lit';

const name = (ru: string, en: string) => ({ ru, en });
const years = ['2018-2019', '2019-2020', '2020-2021'];
const dataset = createDataset({
  dataElements: [
    { id: 'consultations-held', name: name('Консультации', 'Consultations') },
    { id: 'parents-surveyed', name: name('Опрошены', 'Surveyed') },
    { id: 'parents-satisfied', name: name('Удовлетворены', 'Satisfied') },
    {
      id: 'senior-students',
      name: name('Старшеклассники', 'Seniors'),
      aggregation: 'average-sum-org-unit',
    },
    {
      id: 'senior-students-in-network',
      name: name('В сети', 'In network'),
      aggregation: 'average-sum-org-unit',
    },
  ],
  orgUnits: [
    {
      id: 'udomlya',
      name: name('Удомельский городской округ', 'Udomlya urban district'),
      level: 'municipality',
    },
    {
      id: 'kp-teremok',
      name: name('КП «Теремок»', 'Consultation point Teremok'),
      level: 'organization',
      parent: 'udomlya',
    },
    {
      id: 'kp-malysh',
      name: name('КП «Малыш»', 'Consultation point Malysh'),
      level: 'organization',
      parent: 'udomlya',
    },
    // Reports through Teremok: never listed as not reporting on its own.
    {
      id: 'kp-teremok-annex',
      name: name('КП «Теремок», филиал', 'Consultation point Teremok, annex'),
      level: 'site',
      parent: 'kp-teremok',
    },
    // Never reports anything: not in the report's org units, yet named when missing.
    {
      id: 'kp-zvezdochka',
      name: name('КП «Звёздочка»', 'Consultation point Zvezdochka'),
      level: 'organization',
      parent: 'udomlya',
    },
  ],
  values: [
    ...[
      ['343', '200', '143'],
      ['601', '350', '251'],
      ['447', '447', '0'],
    ].flatMap(([total, teremok, malysh], index) => [
      {
        dataElement: 'consultations-held',
        orgUnit: 'kp-teremok',
        period: years[index]!,
        value: teremok!,
      },
      ...(malysh === '0'
        ? []
        : [
            {
              dataElement: 'consultations-held',
              orgUnit: 'kp-malysh',
              period: years[index]!,
              value: malysh!,
            },
          ]),
      {
        dataElement: 'parents-surveyed',
        orgUnit: 'kp-teremok',
        period: years[index]!,
        value: String(Number(total) > 400 ? 300 : 200),
      },
    ]),
    { dataElement: 'parents-satisfied', orgUnit: 'kp-teremok', period: '2018-2019', value: '174' },
    { dataElement: 'parents-satisfied', orgUnit: 'kp-teremok', period: '2019-2020', value: '276' },
    { dataElement: 'parents-satisfied', orgUnit: 'kp-teremok', period: '2020-2021', value: '188' },
    { dataElement: 'senior-students', orgUnit: 'kp-teremok', period: '2019-2020', value: '500' },
    {
      dataElement: 'senior-students-in-network',
      orgUnit: 'kp-teremok',
      period: '2019-2020',
      value: '120',
    },
    { dataElement: 'senior-students', orgUnit: 'kp-teremok', period: '2020-2021', value: '500' },
    {
      dataElement: 'senior-students-in-network',
      orgUnit: 'kp-teremok',
      period: '2020-2021',
      value: '90',
    },
  ],
});
const definitions = indicatorCatalog.filter((d) =>
  [
    'consultations-held',
    'parents-satisfied-share',
    'udomlya-senior-students-in-network-share',
  ].includes(d.id),
);
const report: IndicatorReport = JSON.parse(
  JSON.stringify(
    buildIndicatorReport(definitions, dataset, {
      orgUnits: ['udomlya', 'kp-malysh'],
      periods: years,
    }),
  ),
) as IndicatorReport;

const mounted = mountedElements();

async function mount(
  setup: (element: EdusetIndicatorDashboard) => void,
): Promise<EdusetIndicatorDashboard> {
  const element = document.createElement('eduset-indicator-dashboard');
  setup(element);
  element.style.width = '60rem';
  document.body.append(element);
  mounted.push(element);
  await element.updateComplete;
  return element;
}

function card(element: EdusetIndicatorDashboard, id: string): HTMLElement {
  const found = root(element).querySelector<HTMLElement>(`[part="card"][data-indicator="${id}"]`);
  if (found === null) throw new Error(`no card ${id}`);
  return found;
}

async function expectAccessible(element: EdusetIndicatorDashboard): Promise<void> {
  await expectAccessibleElement(element, {
    runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'],
  });
}

describe('<eduset-indicator-dashboard>', () => {
  it('shows cards with the current value, target and a trend arrow, in Russian', async () => {
    const element = await mount((e) => (e.report = report));
    expect(text(root(element).querySelector('[part="title"]'))).toBe(
      'Показатели: Удомельский городской округ',
    );
    const consulted = card(element, 'consultations-held');
    expect(text(consulted.querySelector('[part="value"]'))).toBe('447');
    expect(text(consulted.querySelector('.period'))).toBe('за 2020/21');
    expect(text(consulted.querySelector('[part="target"]'))).toBe('Цель не задана');
    expect(text(consulted.querySelector('[part="trend"]'))).toBe(
      '▼ ниже, чем за 2019/20 (601), хуже',
    );
    const share = card(element, 'udomlya-senior-students-in-network-share');
    expect(text(share.querySelector('[part="value"]'))).toBe('18 %');
    expect(text(share.querySelector('[part="target"]'))).toBe('Цель: 20 % — цель не достигнута');
    const chart = share.querySelector('[part="chart"]')!;
    expect(chart.getAttribute('role')).toBe('img');
    expect(chart.getAttribute('aria-label')).toBe(
      'График «Доля старшеклассников, занимающихся в муниципальной сети»: 2018/19 — нет значения; 2019/20 — 24\u00a0%; 2020/21 — 18\u00a0%',
    );
    expect(chart.querySelectorAll('circle')).toHaveLength(2);
    expect(chart.querySelector('line.target')).not.toBeNull();
    await expectAccessible(element);
  });

  it('says when organizations’ figures come from reports approved by the coordinator', async () => {
    const plainReport = await mount((e) => (e.report = report));
    expect(root(plainReport).querySelector('[part="approved-data"]')).toBeNull();
    const approved = await mount(
      (e) =>
        (e.report = {
          ...report,
          approvedData: {
            periods: [{ period: '2020-2021', organizations: 3 }],
            text: {
              ru: 'Данные организаций опубликованы только из утверждённых координатором отчётов',
              en: 'Organizations’ figures are published from approved reports only',
            },
          },
        }),
    );
    expect(text(root(approved).querySelector('[part="approved-data"]'))).toBe(
      'Данные организаций опубликованы только из утверждённых координатором отчётов',
    );
    await expectAccessible(approved);
  });

  it('explains a value on demand: formula with numbers, version, inputs, units not reporting', async () => {
    const element = await mount((e) => (e.report = report));
    const consulted = card(element, 'consultations-held');
    const button = consulted.querySelector<HTMLButtonElement>('[part="explain-button"]')!;
    expect(button.getAttribute('aria-expanded')).toBe('false');
    await userEvent.click(button);
    await element.updateComplete;
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const panel = consulted.querySelector('[part="explanation"]')!;
    expect(text(panel)).toContain('Консультаций проведено (в. 1): 447 = 447');
    expect(text(panel)).toContain('Определение показателя, версия 1');
    // Names, never codes: the data element's name, the missing organizations by name.
    expect(text(panel)).toContain('Консультации = 447');
    expect(text(panel)).not.toContain('#{');
    expect(text(panel)).toContain('Не сдали данные: 2 организации');
    const missing = [...panel.querySelectorAll('.units li')].map(text);
    expect(missing).toEqual(['КП «Малыш»', 'КП «Звёздочка»']);
    expect(text(panel)).not.toContain('kp-');
    expect(text(panel)).not.toContain('филиал');
    await expectAccessible(element);
  });

  it('shows next to each value how many organizations reported it, with Russian plurals', async () => {
    const element = await mount((e) => (e.report = report));
    const consulted = card(element, 'consultations-held');
    // 2020/21: only Teremok reported (through itself), Malysh and Zvezdochka did not.
    expect(text(consulted.querySelector('[part="coverage"]'))).toBe('данные от 1 из 3 организаций');
    expect(consulted.querySelector('[part="coverage"]')?.classList.contains('incomplete')).toBe(
      true,
    );
    element.setAttribute('lang', 'en');
    await element.updateComplete;
    expect(text(card(element, 'consultations-held').querySelector('[part="coverage"]'))).toBe(
      'data from 1 of 3 organizations',
    );
    element.removeAttribute('lang');
    element.view = 'table';
    await element.updateComplete;
    const row = root(element).querySelector(
      '[part="table"] tr[data-indicator="consultations-held"]',
    )!;
    // 2018/19 and 2019/20: two of three reported; the cell says so (short, and in full for
    // screen readers).
    expect([...row.querySelectorAll('td')].map(text)).toEqual([
      '3432 из 3, данные от 2 из 3 организаций',
      '6012 из 3, данные от 2 из 3 организаций',
      '4471 из 3, данные от 1 из 3 организаций',
    ]);
    await expectAccessible(element);
  });

  it('has a table view with the same numbers, and no value says why', async () => {
    const element = await mount((e) => {
      e.report = report;
      e.view = 'table';
    });
    const table = root(element).querySelector('[part="table"]')!;
    expect(text(table.querySelector('caption'))).toBe('Показатели: Удомельский городской округ');
    const rows = [...table.querySelectorAll('tbody tr')].map((row) => [...row.children].map(text));
    // The value, then how many organizations reported it (short, and in full for screen readers).
    const partOf3 = (value: string, reported: number) =>
      `${value}${reported} из 3, данные от ${reported} из 3 организаций`;
    expect(rows).toContainEqual([
      'Консультаций проведено',
      partOf3('343', 2),
      partOf3('601', 2),
      partOf3('447', 1),
    ]);
    expect(rows).toContainEqual([
      'Доля старшеклассников, занимающихся в муниципальной сети',
      '—Нет данных',
      partOf3('24 %', 1),
      partOf3('18 %', 1),
    ]);
    await expectAccessible(element);
  });

  it('switches org unit and view with the keyboard, and speaks English', async () => {
    const element = await mount((e) => {
      e.report = report;
      e.setAttribute('lang', 'en');
    });
    expect(text(root(element).querySelector('[part="title"]'))).toBe(
      'Indicators: Udomlya urban district',
    );
    const select = root(element).querySelector('select')!;
    select.value = 'kp-malysh';
    select.dispatchEvent(new Event('change'));
    await element.updateComplete;
    expect(element.orgUnit).toBe('kp-malysh');
    expect(text(card(element, 'consultations-held').querySelector('[part="value"]'))).toBe('251');
    const tableButton = [
      ...root(element).querySelectorAll<HTMLButtonElement>('[part="view-button"]'),
    ].find((b) => text(b) === 'Table')!;
    tableButton.focus();
    await userEvent.keyboard('{Enter}');
    await element.updateComplete;
    expect(tableButton.getAttribute('aria-pressed')).toBe('true');
    expect(root(element).querySelector('[part="table"]')).not.toBeNull();
    await expectAccessible(element);
  });

  it('downloads the numbers as CSV', async () => {
    const element = await mount((e) => (e.report = report));
    const csv = element.csv();
    expect(
      csv.startsWith(
        '\uFEFFПоказатель;Подразделение;Период;Значение;Цель;Нет значения: причина;Сдали данные;Ожидалось\r\n',
      ),
    ).toBe(true);
    expect(csv).toContain(
      'Консультаций проведено;Удомельский городской округ;2019-2020;601;;;2;3\r\n',
    );
    expect(csv).toContain(
      'Доля старшеклассников, занимающихся в муниципальной сети;Удомельский городской округ;2018-2019;;20;Нет данных;0;3\r\n',
    );
    const created = vi.spyOn(URL, 'createObjectURL');
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await userEvent.click(root(element).querySelector<HTMLButtonElement>('[part="download"]')!);
    expect(created).toHaveBeenCalledTimes(1);
    expect(clicked).toHaveBeenCalledTimes(1);
  });

  it('loads from src, validates with core, and reports errors in the live region', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL) =>
        String(input).includes('broken')
          ? new Response(JSON.stringify({ indicators: 'no' }), {
              headers: { 'Content-Type': 'application/json' },
            })
          : new Response(JSON.stringify(report), {
              headers: { 'Content-Type': 'application/json' },
            }),
      ),
    );
    const element = await mount((e) => (e.src = '/api/indicators?level=municipality'));
    await vi.waitFor(() => expect(root(element).querySelectorAll('[part="card"]').length).toBe(3));
    const errors: string[] = [];
    element.addEventListener('eduset-error', (event) => errors.push(event.detail.error.kind));
    element.src = '/api/indicators?broken';
    await vi.waitFor(() => expect(errors).toEqual(['validation']));
    await element.updateComplete;
    expect(text(root(element).querySelector('[part="status"]'))).toMatch(
      /^Данные с сервера не прошли проверку/,
    );
    await expectAccessible(element);
  });
});

describe('indicator formatting and texts', () => {
  it('formats numbers and periods without losing digits', () => {
    expect(formatDecimalText('11677', 'ru')).toBe('11\u00a0677');
    expect(formatDecimalText('21871.5', 'en')).toBe('21,871.5');
    expect(formatDecimalText('1234', 'ru')).toBe('1234');
    expect(formatDecimalText('-0.5', 'ru')).toBe('−0,5');
    expect(formatPeriod('2019-2020', 'en')).toBe('2019/20');
    expect(formatPeriod('2020-09-01', 'ru')).toBe('01.09.2020');
    expect(formatPeriod('2025Q1', 'ru')).toBe('I кв. 2025');
  });

  it('labels at most six periods of a chart, always the last, never two side by side', () => {
    for (const count of [1, 2, 5, 6, 7, 10, 13, 20]) {
      const points = Array.from({ length: count }, (_, index) => ({
        label: `p${index}`,
        value: index,
        text: String(index),
      }));
      const host = document.createElement('div');
      render(trendChart(points, undefined, 'chart'), host);
      const shown = [...host.querySelectorAll('text.label')].map((label) =>
        Number((label.textContent ?? '').slice(1)),
      );
      expect(shown.length).toBeLessThanOrEqual(6);
      expect(shown.at(-1)).toBe(count - 1);
      const gaps = shown.slice(1).map((index, at) => index - (shown[at] ?? 0));
      expect(Math.min(...gaps, Infinity)).toBeGreaterThanOrEqual(Math.ceil(count / 6));
    }
  });

  it('says a figure of a date is «на» it and a figure of a year «за» it', () => {
    const { ru, en } = indicatorDashboardTexts;
    const on = (period: string) => [formatPeriod(period, 'ru'), isDayPeriod(period)] as const;
    expect(ru.latest(...on('2020-09-01'))).toBe('на 01.09.2020');
    expect(ru.latest(...on('2019-2020'))).toBe('за 2019/20');
    expect(ru.trendUp('12', ...on('2019-09-01'))).toBe('выше, чем на 01.09.2019 (12)');
    expect(ru.trendSame(...on('2025Q1'))).toBe('как за I кв. 2025');
    expect(en.latest('2020-09-01', true)).toBe('as of 2020-09-01');
    expect(en.trendDown('12', '2019/20', false)).toBe('down from 12 in 2019/20');
  });

  it('has the same terms in Russian and English, with Russian plurals', () => {
    expect(Object.keys(indicatorDashboardTexts.en).sort()).toEqual(
      Object.keys(indicatorDashboardTexts.ru).sort(),
    );
    const ru = indicatorDashboardTexts.ru;
    expect([1, 2, 5, 21].map((n) => ru.unitsNotReporting(n))).toEqual([
      'Не сдали данные: 1 организация',
      'Не сдали данные: 2 организации',
      'Не сдали данные: 5 организаций',
      'Не сдали данные: 21 организация',
    ]);
    expect(
      [
        [18, 21],
        [1, 1],
        [2, 3],
        [0, 5],
        [3, 22],
      ].map(([r, e]) => ru.coverage(r!, e!)),
    ).toEqual([
      'данные от 18 из 21 организации',
      'данные от 1 из 1 организации',
      'данные от 2 из 3 организаций',
      'данные от 0 из 5 организаций',
      'данные от 3 из 22 организаций',
    ]);
  });
});
