import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  all,
  expectAccessible,
  jsonResponse,
  mountedElements,
  one,
  shadow,
  text,
} from '../../../test/browser.js';
import './financing-reports.define.js';
import type { EdusetFinancingReports } from './financing-reports.js';
import { financingReportsTexts } from './financing-reports.texts.js';

function row(key: string, ru: string, en: string) {
  return {
    key,
    name: { ru, en },
    programmes: 3,
    places: 36,
    applications: 2,
    contracts: 9,
    placesTaken: 11,
    placesShare: '30.56',
    attendingFunded: 9,
    attendingAny: 9,
    fundedShare: '33.33',
    certificate: '54000.00',
    family: '1200.50',
    paid: '12000.00',
  };
}

function report(url: URL) {
  const direction = url.searchParams.get('direction');
  return {
    on: url.searchParams.get('on') ?? '2026-12-07',
    period: '2026-2027',
    periods: [
      { id: '2026-2027', start: '2026-09-01', end: '2027-08-31' },
      { id: '2025-2026', start: '2025-09-01', end: '2026-08-31' },
    ],
    providers: [
      { id: 'cdt', name: 'МБОУ ДО «Центр детского творчества»' },
      { id: 'syun', name: 'МБОУ ДО «Станция юных натуралистов»' },
    ],
    direction,
    provider: url.searchParams.get('provider'),
    coverage: {
      children: 27,
      funded: 9,
      fundedShare: '33.33',
      anyProgramme: 9,
      certificatesIssued: 27,
      certificatesUsed: 9,
      certificatesUsedShare: '33.33',
    },
    balances: {
      nominal: '405000.00',
      available: '300000.00',
      reserved: '90000.00',
      spent: '15000.00',
    },
    total: row('total', 'Итого', 'Total'),
    byDirection:
      direction === null
        ? [
            row('technical', 'техническая', 'technical'),
            row('artistic', 'художественная', 'artistic'),
          ]
        : [row(direction, 'техническая', 'technical')],
    byProvider: [
      row('cdt', 'МБОУ ДО «Центр детского творчества»', 'МБОУ ДО «Центр детского творчества»'),
    ],
  };
}

const asked: string[] = [];
const mounted = mountedElements();

async function mount(lang?: string): Promise<EdusetFinancingReports> {
  const element = document.createElement('eduset-financing-reports');
  element.setAttribute('src-base', '/api');
  if (lang !== undefined) element.setAttribute('lang', lang);
  document.body.append(element);
  mounted.push(element);
  await expect.poll(() => all(element, 'table').length).toBe(2);
  return element;
}

describe('<eduset-financing-reports>', () => {
  beforeEach(() => {
    asked.length = 0;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL) => {
        const url = new URL(String(input), location.href);
        asked.push(`${url.pathname}${url.search}`);
        return jsonResponse(report(url));
      }),
    );
  });

  it('has the same texts in Russian and English', () => {
    expect(Object.keys(financingReportsTexts.en).sort()).toEqual(
      Object.keys(financingReportsTexts.ru).sort(),
    );
  });

  it('shows coverage, uptake and money by direction and provider, in Russian (accessible)', async () => {
    const element = await mount();
    const summary = text(one(element, '[part="summary"]'));
    expect(summary).toContain('Детей с сертификатом (5–17 лет) 27');
    expect(summary).toContain('9 (33,33 %)');
    expect(summary).toContain('9 из 27');
    expect(summary).toContain('405 000,00 ₽');
    const [byDirection, byProvider] = all(element, 'table');
    expect(text(byDirection)).toContain('техническая');
    expect(text(byDirection)).toContain('11 (30,56 %)');
    expect(text(byProvider)).toContain('МБОУ ДО «Центр детского творчества»');
    const csv = shadow(element).querySelector('a[download]');
    expect(csv?.getAttribute('href')).toBe(
      '/api/reports/coverage.csv?period=2026-2027&on=2026-12-07',
    );
    await expectAccessible(element);
  });

  it('narrows by direction when chosen, and the CSV follows', async () => {
    const element = await mount();
    const select = one(element, '#direction') as HTMLSelectElement;
    select.value = 'technical';
    select.dispatchEvent(new Event('change'));
    await expect.poll(() => asked.at(-1)).toBe('/api/reports/coverage?direction=technical');
    await expect
      .poll(() => shadow(element).querySelector('a[download]')?.getAttribute('href'))
      .toBe('/api/reports/coverage.csv?period=2026-2027&on=2026-12-07&direction=technical');
    expect(all(element, 'table')[0]?.querySelectorAll('tbody tr').length).toBe(1);
  });

  it('speaks English with lang="en"', async () => {
    const element = await mount('en');
    expect(text(one(element, 'h2'))).toBe('Certificate coverage and uptake');
    expect(text(one(element, '[part="summary"]'))).toContain('9 of 27');
    await expectAccessible(element);
  });

  it('a refusal is shown with the server’s words', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        jsonResponse(
          {
            error: {
              code: 'forbidden',
              message: { ru: 'Недостаточно прав', en: 'Not allowed' },
              issues: [],
            },
          },
          403,
        ),
      ),
    );
    const element = document.createElement('eduset-financing-reports');
    element.setAttribute('src-base', '/api');
    document.body.append(element);
    mounted.push(element);
    await expect
      .poll(() => text(shadow(element).querySelector('[role="alert"]')))
      .toContain('Недостаточно прав');
    await expectAccessible(element);
  });
});
