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
import './payer-desk.define.js';
import type { EdusetPayerDesk } from './payer-desk.js';
import { payerDeskTexts } from './payer-desk.texts.js';

const totals = {
  contracts: 2,
  advance: '940.00',
  settlement: '235.00',
  refunded: '0.00',
  adjustment: '0.00',
  payer: '1175.00',
  family: '100.00',
  total: '1275.00',
};

function month(status: 'open' | 'approved' | 'paid' | 'closed', name = '2026-10') {
  return {
    month: name,
    status,
    version: status === 'open' ? 0 : 1,
    contracts: 2,
    pendingAdjustments: 0,
    totals: status === 'open' ? null : totals,
    approved: status === 'open' ? null : { at: '2026-11-02T09:00:00.000Z', by: 'Иванова А. А.' },
    paid:
      status === 'paid' || status === 'closed'
        ? { at: '2026-11-03T09:00:00.000Z', by: 'Иванова А. А.' }
        : null,
    closed: null,
  };
}

const contract = {
  contractId: 'k1',
  certificateNumber: '6800000201',
  programmeId: 'p1',
  programmeName: 'Робототехника',
  providerId: 'cdt',
  start: '2026-09-01',
  end: '2027-05-31',
  monthly: '587.50',
  family: '50.00',
  advancePercent: 80,
  advance: '470.00',
  completeness: 100,
  paidInFull: false,
  settled: '587.50',
  settlement: '117.50',
  refunded: '0.00',
  released: '0.00',
  adjustment: '0.00',
  payer: '587.50',
  steps: [
    {
      kind: 'advance',
      text: { ru: 'Аванс 80 % от 587,50 ₽ — 470,00 ₽.', en: 'Advance of 80 %.' },
      amount: '470.00',
    },
    {
      kind: 'payer',
      text: { ru: 'Плательщик перечисляет поставщику 587,50 ₽.', en: 'The payer transfers.' },
      amount: '587.50',
    },
  ],
};

function preview(status: 'open' | 'approved' | 'paid' | 'closed', withContracts: boolean) {
  return {
    month: month(status),
    providers: [
      {
        providerId: 'cdt',
        providerName: 'МБОУ ДО «Центр детского творчества»',
        ...totals,
      },
    ],
    totals,
    provider: withContracts ? 'cdt' : null,
    contracts: withContracts ? [contract, { ...contract, contractId: 'k2' }] : [],
    adjustmentsIn: [],
    adjustmentsOut: [],
  };
}

const calls: { method: string; path: string; csrf: string | null }[] = [];
let status: 'open' | 'approved' | 'paid' | 'closed' = 'open';
let refuse: string | null = null;

async function fakeFetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  const url = new URL(String(input), location.href);
  const method = init.method ?? 'GET';
  calls.push({
    method,
    path: `${url.pathname}${url.search}`,
    csrf: new Headers(init.headers).get('x-csrf-token'),
  });
  if (url.pathname === '/api/auth/csrf') return jsonResponse({ csrfToken: 'csrf-1' });
  if (url.pathname === '/api/payer/months')
    return jsonResponse({ current: '2026-12', months: [month(status, '2026-11'), month(status)] });
  if (url.pathname.endsWith('/preview'))
    return jsonResponse(preview(status, url.searchParams.has('provider')));
  const step = /\/api\/payer\/months\/([^/]+)\/(approve|pay|close)$/.exec(url.pathname);
  if (step !== null && method === 'POST') {
    if (refuse !== null) {
      return jsonResponse(
        {
          error: {
            code: refuse,
            message: {
              ru: 'Месяц закрыт: повторно его не рассчитывают',
              en: 'The month is closed',
            },
            issues: [],
          },
        },
        409,
      );
    }
    const changed = step[2] === 'approve' ? status === 'open' : true;
    status = step[2] === 'approve' ? 'approved' : step[2] === 'pay' ? 'paid' : 'closed';
    return jsonResponse({ month: month(status), changed, posted: step[2] === 'pay' ? 6 : 0 });
  }
  return jsonResponse(
    { error: { code: 'not_found', message: { ru: 'Нет', en: 'No' }, issues: [] } },
    404,
  );
}

const mounted = mountedElements();

async function mount(attributes: Record<string, string> = {}): Promise<EdusetPayerDesk> {
  const desk = document.createElement('eduset-payer-desk');
  desk.setAttribute('src-base', '/api');
  for (const [name, value] of Object.entries(attributes)) desk.setAttribute(name, value);
  document.body.append(desk);
  mounted.push(desk);
  await expect.poll(() => all(desk, 'tbody tr').length).toBeGreaterThan(0);
  return desk;
}

describe('<eduset-payer-desk>', () => {
  beforeEach(() => {
    calls.length = 0;
    status = 'open';
    refuse = null;
    vi.stubGlobal('fetch', vi.fn(fakeFetch));
  });

  it('has the same texts in Russian and English, with Russian plurals', () => {
    expect(Object.keys(payerDeskTexts.en).sort()).toEqual(Object.keys(payerDeskTexts.ru).sort());
    expect(payerDeskTexts.ru.contracts(1)).toBe('1 договор');
    expect(payerDeskTexts.ru.contracts(3)).toBe('3 договора');
    expect(payerDeskTexts.ru.contracts(11)).toBe('11 договоров');
    expect(payerDeskTexts.ru.paid('октябрь 2026', 2)).toContain('2 движения');
  });

  it('shows the months and the earliest month not closed, per provider, in Russian (accessible)', async () => {
    const desk = await mount();
    expect(text(one(desk, '[part="months"]'))).toContain('ноябрь 2026');
    expect(desk.month).toBe('2026-10');
    const table = one(desk, '[part="providers"]');
    expect(text(table)).toContain('МБОУ ДО «Центр детского творчества»');
    expect(text(table)).toContain('1 175,00 ₽');
    expect(
      calls.some((call) => call.path === '/api/payer/months/2026-10/preview?summary=true'),
    ).toBe(true);
    await expectAccessible(desk);
  });

  it('opens a provider’s contracts with the explanation of each amount', async () => {
    const desk = await mount();
    const toggle = one(desk, 'button.link');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    toggle.click();
    await expect.poll(() => all(desk, '[part="contract"]').length).toBe(2);
    expect(calls.at(-1)?.path).toBe('/api/payer/months/2026-10/preview?provider=cdt');
    const card = all(desk, '[part="contract"]')[0];
    expect(text(card)).toContain('Сертификат 6800000201');
    expect(text(card)).toContain('Аванс 80 % от 587,50 ₽ — 470,00 ₽.');
    await expectAccessible(desk);
  });

  it('approves, then pays after a confirmation, announcing each step; the CSRF token goes along', async () => {
    const desk = await mount();
    const events: unknown[] = [];
    desk.addEventListener('eduset-settlement-change', (event) => events.push(event.detail));
    const approve = [...all(desk, 'button')].find((b) => text(b) === 'Утвердить расчёт');
    approve?.click();
    await expect
      .poll(() => text(one(desk, '[part="status"]')))
      .toContain('Расчёт за октябрь 2026 утверждён (редакция 1).');
    expect(calls.find((call) => call.method === 'POST')?.csrf).toBe('csrf-1');
    expect(text(one(desk, '[part="actions"]'))).toContain('Реестр платежей (CSV)');
    const csv = shadow(desk).querySelector('a[href$="register.csv"]');
    expect(csv?.getAttribute('href')).toBe('/api/payer/months/2026-10/register.csv');
    const pay = [...all(desk, 'button')].find((b) => text(b).startsWith('Оплатить'));
    pay?.click();
    await desk.updateComplete;
    expect(text(one(desk, '.confirm'))).toContain(
      'Оплатить поставщикам 1 175,00 ₽ за октябрь 2026?',
    );
    await expectAccessible(desk);
    [...all(desk, '.confirm button')][0]?.click();
    await expect
      .poll(() => text(one(desk, '[part="status"]')))
      .toContain('октябрь 2026 оплачен: проведено 6 движений по сертификатам.');
    expect(events).toEqual([
      { month: '2026-10', change: 'approved', changed: true },
      { month: '2026-10', change: 'paid', changed: true },
    ]);
  });

  it('a refusal is shown with the server’s words', async () => {
    const desk = await mount();
    refuse = 'month-closed';
    [...all(desk, 'button')].find((b) => text(b) === 'Утвердить расчёт')?.click();
    await expect
      .poll(() => text(one(desk, '[part="status"]')))
      .toContain('Месяц закрыт: повторно его не рассчитывают');
    expect(one(desk, '[part="status"]').className).toContain('error');
  });

  it('in English, read-only: the figures without the steps', async () => {
    status = 'approved';
    const desk = await mount({ lang: 'en', readonly: '' });
    expect(text(one(desk, 'h2'))).toBe('Payments to providers');
    expect(text(one(desk, '[part="actions"]'))).not.toContain('Approve');
    expect(text(one(desk, '[part="actions"]'))).toContain('Payment register (Excel)');
    await expectAccessible(desk);
  });

  it('a provider (no financing.billing.write in /staff/me) sees the figures without the steps', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        if (new URL(String(input), location.href).pathname === '/api/staff/me') {
          return jsonResponse({ actions: [{ action: 'financing.billing.read' }] });
        }
        return fakeFetch(input, init);
      }),
    );
    const desk = await mount();
    expect(text(one(desk, '[part="actions"]'))).not.toContain('Утвердить');
    expect([...all(desk, 'button')].some((b) => text(b) === 'Утвердить расчёт')).toBe(false);
  });

  it('without a server it says so and offers to retry', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('offline'))),
    );
    const desk = document.createElement('eduset-payer-desk');
    desk.setAttribute('src-base', '/api');
    document.body.append(desk);
    mounted.push(desk);
    await expect
      .poll(() => text(shadow(desk).querySelector('[role="alert"]')))
      .toContain('Не удалось связаться с сервером');
    expect(text(shadow(desk).querySelector('[role="alert"] button'))).toBe('Повторить');
    await expectAccessible(desk);
  });
});
