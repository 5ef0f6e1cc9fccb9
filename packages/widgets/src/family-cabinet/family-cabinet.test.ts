import { describe, expect, it, vi } from 'vitest';
import {
  all,
  expectAccessible,
  jsonResponse,
  mountedElements,
  one,
  shadow,
  text,
} from '../../test/browser.js';
import './family-cabinet.define.js';
import { familyCabinetTexts } from './family-cabinet.texts.js';
import type { EdusetFamilyCabinet } from './family-cabinet.js';

const mounted = mountedElements();

const certificate = {
  number: '6800000001',
  kind: 'funded',
  status: 'active',
  birthDate: '2016-04-12',
  age: 10,
  issuedOn: '2026-09-01',
  activatedOn: '2026-09-01',
  groupName: 'Дети 5–18 лет',
  period: { id: '2026-2027', start: '2026-09-01', end: '2027-08-31' },
  balance: { nominal: '15000.00', available: '11132.22', reserved: '3867.78', spent: '0.00' },
};

const contract = {
  id: 'enr-1',
  status: 'requested',
  programmeId: 'mich-353',
  programmeName: 'Школа выживания (4)',
  providerName: 'МБОУ ДО «Центр детского творчества»',
  groupName: 'Группа 1',
  fundingKind: 'funded',
  requestedOn: '2026-10-05',
  start: '2026-10-05',
  end: '2027-05-31',
  all: '3867.78',
  certificate: '3867.78',
  family: '0.00',
  months: [
    {
      month: '2026-10',
      certificate: '437.01',
      family: '0.00',
      paid: '0.00',
      returned: '0.00',
      settled: false,
    },
    {
      month: '2026-11',
      certificate: '490.11',
      family: '0.00',
      paid: '441.10',
      returned: '49.01',
      settled: true,
      note: {
        ru: 'ноябрь 2026: оплачено по фактически проведённым занятиям',
        en: 'November 2026: paid for the classes held',
      },
    },
  ],
  reasons: [
    {
      ru: 'Программа уже идёт: оплачиваются только дни договора — 239 дней из 273.',
      en: "The programme has already started: only the contract's days are paid — 239 of 273.",
    },
  ],
  canWithdraw: true,
  canEnd: false,
};

interface Call {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: unknown;
}

/** A fake API: records each call and answers from `routes` (method and path → answer). */
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
      const route = routes[`${call.method} ${url.replace(/^\/api/, '')}`];
      return Promise.resolve(
        route
          ? route(call)
          : jsonResponse({ error: { code: 'not_found', message: { ru: 'Нет', en: 'No' } } }, 404),
      );
    }),
  );
  return calls;
}

async function mount(lang?: string): Promise<EdusetFamilyCabinet> {
  const element = document.createElement('eduset-family-cabinet');
  if (lang) element.setAttribute('lang', lang);
  element.setAttribute('api', '/api');
  document.body.append(element);
  mounted.push(element);
  await element.updateComplete;
  return element;
}

async function settle(element: EdusetFamilyCabinet): Promise<void> {
  for (let i = 0; i < 5; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await element.updateComplete;
  }
}

async function signIn(element: EdusetFamilyCabinet): Promise<void> {
  const form = one(element, '[part="sign-in"]') as HTMLFormElement;
  (form.querySelector('input[name="number"]') as HTMLInputElement).value = '6800000001';
  (form.querySelector('input[name="birthDate"]') as HTMLInputElement).value = '2016-04-12';
  form.requestSubmit();
  await settle(element);
}

const sessionRoutes = {
  'POST /family/session': () =>
    jsonResponse(
      { token: 'T'.repeat(43), expiresAt: '2026-10-05T07:30:00.000Z', certificate },
      201,
    ),
  'GET /family/contracts': () => jsonResponse({ today: '2026-10-05', contracts: [contract] }),
};

describe('<eduset-family-cabinet>', () => {
  it('opens with the pair, shows the certificate, the contract with its months and reasons, tells the page', async () => {
    const calls = fakeApi(sessionRoutes);
    const element = await mount();
    await expectAccessible(element);
    const opened = vi.fn();
    document.addEventListener('eduset-family-signed-in', opened);
    await signIn(element);
    document.removeEventListener('eduset-family-signed-in', opened);
    expect(calls[0]).toMatchObject({
      method: 'POST',
      url: '/api/family/session',
      body: { certificateNumber: '6800000001', birthDate: '2016-04-12' },
    });
    // The token goes in the header, never in an address.
    expect(calls[1]?.headers.Authorization).toBe(`Bearer ${'T'.repeat(43)}`);
    expect(calls.every((call) => !call.url.includes('TTTT'))).toBe(true);
    expect(opened).toHaveBeenCalledTimes(1);
    expect((opened.mock.calls[0]?.[0] as CustomEvent).detail.certificate.age).toBe(10);
    const card = text(one(element, '[part="certificate"]'));
    expect(card).toContain('Сертификат № 6800000001');
    expect(card).toContain('Доступно 11 132,22 ₽');
    const item = text(one(element, '[part="contract"]'));
    expect(item).toContain('Школа выживания (4)');
    expect(item).toContain('Состояние: заявка');
    expect(item).toContain('Программа уже идёт');
    expect(item).toContain('ноябрь 2026 г.');
    expect(item).toContain('ноябрь 2026: оплачено по фактически проведённым занятиям');
    expect(all(element, 'tbody tr')).toHaveLength(2);
    await expectAccessible(element);
  });

  it('withdraws a request; a refusal is said in the live region; an ended session closes the cabinet', async () => {
    const calls = fakeApi({
      ...sessionRoutes,
      'POST /family/contracts/enr-1/withdraw': () =>
        jsonResponse({
          contract: { ...contract, status: 'refused', closedBy: 'family', canWithdraw: false },
          certificate: {
            ...certificate,
            balance: { ...certificate.balance, available: '15000.00', reserved: '0.00' },
          },
        }),
    });
    const element = await mount();
    await signIn(element);
    const button = [...shadow(element).querySelectorAll('button')].find(
      (candidate) => text(candidate) === 'Отозвать заявку',
    );
    button?.click();
    await settle(element);
    expect(calls.at(-1)?.headers.Authorization).toBe(`Bearer ${'T'.repeat(43)}`);
    expect(text(one(element, '[part="status"]'))).toBe('Заявка отозвана.');
    expect(text(one(element, '[part="contract"]'))).toContain('Состояние: отозвана');
    expect(text(one(element, '[part="certificate"]'))).toContain('Доступно 15 000,00 ₽');

    // The session ends (30 minutes passed): the server's words, and the door again.
    fakeApi({
      'GET /family/certificate': () =>
        jsonResponse(
          {
            error: {
              code: 'family-session-ended',
              message: { ru: 'Кабинет закрыт: время сеанса истекло', en: 'The cabinet is closed' },
            },
          },
          404,
        ),
    });
    const closed = vi.fn();
    document.addEventListener('eduset-family-signed-out', closed);
    await element.refresh();
    await settle(element);
    document.removeEventListener('eduset-family-signed-out', closed);
    expect(closed).toHaveBeenCalledTimes(1);
    expect(text(one(element, '[part="status"]'))).toBe('Кабинет закрыт: время сеанса истекло');
    expect(shadow(element).querySelector('[part="sign-in"]')).not.toBeNull();
  });

  it('asks before ending a contract from next month', async () => {
    const calls = fakeApi({
      ...sessionRoutes,
      'GET /family/contracts': () =>
        jsonResponse({
          today: '2026-10-05',
          contracts: [{ ...contract, status: 'active', canWithdraw: false, canEnd: true }],
        }),
      'POST /family/contracts/enr-1/end': () =>
        jsonResponse({
          contract: {
            ...contract,
            status: 'closed',
            closedBy: 'family',
            canEnd: false,
            canWithdraw: false,
          },
          certificate,
        }),
    });
    const element = await mount();
    await signIn(element);
    const button = (label: string) =>
      [...shadow(element).querySelectorAll('button')].find(
        (candidate) => text(candidate) === label,
      );
    button('Расторгнуть со следующего месяца')?.click();
    await element.updateComplete;
    expect(text(one(element, '.card.accent[role="group"]'))).toContain(
      'этот месяц оплачивается полностью',
    );
    await expectAccessible(element);
    button('Не расторгать')?.click();
    await element.updateComplete;
    expect(shadow(element).querySelector('.card.accent[role="group"]')).toBeNull();
    button('Расторгнуть со следующего месяца')?.click();
    await element.updateComplete;
    button('Да, расторгнуть')?.click();
    await settle(element);
    expect(calls.at(-1)?.url).toBe('/api/family/contracts/enr-1/end');
    expect(text(one(element, '[part="status"]'))).toBe('Договор расторгнут.');
    expect(text(one(element, '[part="contract"]'))).toContain('Состояние: закрыт');
  });

  it('sends an application with the consent version and shows its number, code and link', async () => {
    const calls = fakeApi({
      'GET /consent': () =>
        jsonResponse({
          version: '2026-12-01',
          title: { ru: 'С', en: 'C' },
          text: { ru: 'Текст 152-ФЗ', en: 'Text' },
        }),
      'POST /certificate-applications': () =>
        jsonResponse(
          {
            application: {
              id: 'K7M2-Q9PX-3TWA',
              status: 'submitted',
              submittedAt: '2026-10-05T07:00:00.000Z',
            },
            code: 'abcdefghijklmnopqrstuv',
          },
          201,
        ),
    });
    const element = await mount();
    const details = one(element, 'details') as HTMLDetailsElement;
    details.open = true;
    details.dispatchEvent(new Event('toggle'));
    await settle(element);
    const form = one(element, '[part="apply"]') as HTMLFormElement;
    const set = (name: string, value: string) => {
      (form.querySelector(`[name="${name}"]`) as HTMLInputElement).value = value;
    };
    set('childName', 'Новикова Алиса');
    set('childBirthDate', '2017-03-08');
    set('address', 'г. Мичуринск, ул. Лаврова, 5');
    set('email', 'novikova@example.ru');
    (form.querySelector('[name="consent"]') as HTMLInputElement).checked = true;
    await expectAccessible(element);
    form.requestSubmit();
    await settle(element);
    expect(calls.at(-1)?.body).toEqual({
      childName: 'Новикова Алиса',
      birthDate: '2017-03-08',
      address: 'г. Мичуринск, ул. Лаврова, 5',
      email: 'novikova@example.ru',
      consentVersion: '2026-12-01',
      personalDataConsent: true,
    });
    const box = text(one(element, '.card.accent'));
    expect(box).toContain('Заявление принято. Его номер: K7M2-Q9PX-3TWA.');
    expect(box).toContain('abcdefghijklmnopqrstuv');
    expect(one(element, '.card.accent a').getAttribute('href')).toContain(
      '#application=K7M2-Q9PX-3TWA&code=abcdefghijklmnopqrstuv',
    );
    expect(text(one(element, '.facts'))).toContain('подано, ждёт решения');
    await expectAccessible(element);
  });

  it('speaks English; Russian and English texts have the same keys', async () => {
    fakeApi({});
    const element = await mount('en');
    expect(text(one(element, 'h2'))).toBe('Sign in to the cabinet');
    expect(Object.keys(familyCabinetTexts.ru).sort()).toEqual(
      Object.keys(familyCabinetTexts.en).sort(),
    );
  });
});
