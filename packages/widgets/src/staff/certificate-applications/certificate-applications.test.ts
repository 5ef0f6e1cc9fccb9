import { describe, expect, it, vi } from 'vitest';
import {
  all,
  expectAccessible,
  jsonResponse,
  mountedElements,
  one,
  shadow,
  text,
} from '../../../test/browser.js';
import './certificate-applications.define.js';
import { certificateApplicationsTexts } from './certificate-applications.texts.js';
import type { EdusetCertificateApplications } from './certificate-applications.js';

const mounted = mountedElements();

const waiting = {
  id: 'K7M2-Q9PX-3TWA',
  status: 'submitted',
  submittedAt: '2026-10-05T07:00:00.000Z',
  consentVersion: '2026-12-01',
  childName: 'Новикова Алиса Игоревна',
  birthDate: '2017-03-08',
  address: 'г. Мичуринск, ул. Лаврова, д. 5',
  email: 'novikova@example.ru',
};

interface Call {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: unknown;
}

function fakeApi(routes: Record<string, (call: Call) => Response>): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init: RequestInit = {}) => {
      const call: Call = {
        method: init.method ?? 'GET',
        url,
        headers: (init.headers ?? {}) as Record<string, string>,
        body: typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
      };
      calls.push(call);
      const path = url.replace(/^\/api/, '').replace(/\?.*$/, '');
      const route = routes[`${call.method} ${path}`];
      return Promise.resolve(route ? route(call) : jsonResponse({}, 404));
    }),
  );
  return calls;
}

async function mount(lang?: string): Promise<EdusetCertificateApplications> {
  const element = document.createElement('eduset-certificate-applications');
  if (lang) element.setAttribute('lang', lang);
  element.setAttribute('src-base', '/api');
  document.body.append(element);
  mounted.push(element);
  await settle(element);
  return element;
}

async function settle(element: EdusetCertificateApplications): Promise<void> {
  for (let i = 0; i < 5; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await element.updateComplete;
  }
}

const button = (element: Element, label: string) =>
  [...shadow(element).querySelectorAll('button')].find((candidate) => text(candidate) === label);

describe('<eduset-certificate-applications>', () => {
  it('lists the waiting applications with the child’s data, issues a certificate with the CSRF token', async () => {
    const calls = fakeApi({
      'GET /operator/certificate-applications': () =>
        jsonResponse({ total: 1, offset: 0, applications: [waiting] }),
      'GET /auth/csrf': () => jsonResponse({ csrfToken: 'csrf-1' }),
      'POST /operator/certificate-applications/K7M2-Q9PX-3TWA/confirm': () =>
        jsonResponse({
          application: {
            ...waiting,
            status: 'confirmed',
            decidedAt: '2026-10-05T08:00:00.000Z',
            decidedBy: 'Оператор УМИЦ',
            certificateNumber: '6800500001',
          },
          certificate: {
            number: '6800500001',
            kind: 'record',
            status: 'issued',
            issuedOn: '2026-10-05',
            period: '2026-2027',
            nominal: '13602.73',
          },
        }),
    });
    const element = await mount();
    expect(calls[0]?.url).toBe('/api/operator/certificate-applications?limit=200&status=submitted');
    const card = text(one(element, '[part="application"]'));
    expect(card).toContain('Заявление K7M2-Q9PX-3TWA');
    expect(card).toContain('Новикова Алиса Игоревна');
    expect(card).toContain('novikova@example.ru');
    await expectAccessible(element);
    button(element, 'Выдать сертификат')?.click();
    await settle(element);
    expect(calls.at(-1)).toMatchObject({
      method: 'POST',
      url: '/api/operator/certificate-applications/K7M2-Q9PX-3TWA/confirm',
      headers: { 'x-csrf-token': 'csrf-1' },
    });
    expect(text(one(element, '[part="status"]'))).toBe(
      'Выдан сертификат учёта № 6800500001, номинал на оставшуюся часть периода 13 602,73 ₽.',
    );
    expect(text(one(element, '[part="application"]'))).toContain('Выдан сертификат № 6800500001');
    expect(button(element, 'Выдать сертификат')).toBeUndefined();
    await expectAccessible(element);
  });

  it('refuses only with a reason, and says the server’s refusal', async () => {
    const calls = fakeApi({
      'GET /operator/certificate-applications': () =>
        jsonResponse({ total: 1, offset: 0, applications: [waiting] }),
      'GET /auth/csrf': () => jsonResponse({ csrfToken: 'csrf-1' }),
      'POST /operator/certificate-applications/K7M2-Q9PX-3TWA/refuse': () =>
        jsonResponse(
          {
            error: {
              code: 'application-decided',
              message: { ru: 'По заявлению уже принято решение', en: 'Already decided' },
            },
          },
          409,
        ),
    });
    const element = await mount();
    button(element, 'Отказать')?.click();
    await settle(element);
    expect(text(one(element, '[part="status"]'))).toBe('Напишите причину отказа: семья её увидит.');
    expect(calls.some((call) => call.method === 'POST')).toBe(false);
    (one(element, 'textarea') as HTMLTextAreaElement).value = 'Адрес вне города';
    button(element, 'Отказать')?.click();
    await settle(element);
    expect(calls.at(-1)?.body).toEqual({ reason: 'Адрес вне города' });
    expect(text(one(element, '[part="status"]'))).toBe('По заявлению уже принято решение');
  });

  it('says when the person may not see applications; English; the same keys in both languages', async () => {
    fakeApi({ 'GET /operator/certificate-applications': () => jsonResponse({}, 403) });
    const element = await mount('en');
    expect(text(one(element, '[part="status"]'))).toBe(
      'Your role does not see certificate applications.',
    );
    expect(all(element, '[part="application"]')).toHaveLength(0);
    expect([1, 3, 9, 21].map((age) => certificateApplicationsTexts.ru.age(age))).toEqual([
      '1 год сегодня',
      '3 года сегодня',
      '9 лет сегодня',
      '21 год сегодня',
    ]);
    expect(Object.keys(certificateApplicationsTexts.ru).sort()).toEqual(
      Object.keys(certificateApplicationsTexts.en).sort(),
    );
  });
});
