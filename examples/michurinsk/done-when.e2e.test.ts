// Issue 15's "Done when", end to end in the Michurinsk demo, as one story through the real
// pages: the provider «ЦДТ» signs in on provider.html and submits a new programme whose group
// starts on 2 November; the operator signs in on operator.html and approves it; a family finds
// it in the navigator (index.html), opens its cabinet (cabinet.html) with the certificate
// number and the child's birth date and applies; the provider accepts the application (the
// contract comes into force on 2 November). In December the payer signs in, previews
// November on payer.html, approves it, downloads the payment register (CSV and XLSX, the
// contract's amount in them), pays and closes the month; the family sees November paid in its
// cabinet. One real server over PGlite seeded as `npm start --demo-accounts` does, the demo
// accounts' passwords, the server's clock (`ServerOptions.now`) moved from 20 October to
// 7 December between the provider's acceptance and the payer's month — nobody opens the
// provider's desk in between, so the payer's month itself brings the contract into force.
// Real Chromium; axe at the end of every page.
import { readFile } from 'node:fs/promises';
import { instant, Money, settlementPreviewSchema, type Instant } from '@eduset/core';
import ExcelJS from 'exceljs';
import type { Download, Page } from 'playwright-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { seedFinancingIfEmpty } from '../../packages/server/src/cli-financing.js';
import { seedOperatorIfEmpty } from '../../packages/server/src/cli-operator.js';
import { seedSettlementDemoIfEmpty } from '../../packages/server/src/cli-settlement.js';
import { demoAccounts, seedDemoAccountsIfEmpty } from '../../packages/server/src/cli-users.js';
import {
  expectAccessible,
  expectNoProblems,
  noHorizontalOverflow,
  openPage,
  plain,
  useExampleServer,
  type OpenedPage,
} from '../e2e.js';

const financingFile = 'examples/data/michurinsk-financing.json';
// Tuesday 20 October 2026, noon in Moscow: the programme, the application, the acceptance.
const october = new Date('2026-10-20T09:00:00Z');
// Monday 7 December 2026, noon in Moscow: November is settled.
const december = new Date('2026-12-07T09:00:00Z');
let today: Date = october;
const clock = (): Instant => instant(today);

const server = useExampleServer({
  // As `npm start --demo-accounts` seeds an empty storage (the Michurinsk part).
  seed: async (storage) => {
    const now = clock();
    await seedFinancingIfEmpty(storage, financingFile, now, () => undefined);
    await seedSettlementDemoIfEmpty(storage, now, () => undefined);
    await seedOperatorIfEmpty(storage, financingFile, now, () => undefined);
    await seedDemoAccountsIfEmpty(storage, () => undefined);
  },
  server: { now: clock, rateLimit: false },
});

// A loaded 2-core machine: every wait for what a page shows gets 30 s (not vitest's 1 s).
beforeAll(() => {
  vi.setConfig({ expect: { poll: { timeout: 30_000, interval: 100 } } });
});

/** The demo account of a role (packages/server/src/cli-users.ts). */
function demo(role: 'provider' | 'operator' | 'payer') {
  const account = demoAccounts.find((entry) => entry.role === role);
  if (account === undefined) throw new Error(`no demo ${role}`);
  return account;
}

/** The family: the demo certificate and the child's birth date (10 years old this autumn). */
const family = { number: '6800000001', birthDate: '2016-04-12' } as const;
const programme = {
  name: 'Робототехника: первые шаги',
  description: 'Собираем и программируем роботов из конструктора.',
  price: '7200',
  normativeCost: '8000',
} as const;

const desk = { viewport: { width: 1280, height: 800 }, locale: 'ru-RU', acceptDownloads: true };
const phone = { viewport: { width: 390, height: 844 }, locale: 'ru-RU' };
const pageLoad = { timeout: 30_000 };

/** Opens a page with the browser's clock at the server's day. */
function open(path: string, context: typeof desk | typeof phone): Promise<OpenedPage> {
  return openPage(server, path, { context, fixedTime: today });
}

/** Signs in with the form of a desk page (desk.js): the page reloads signed in. */
async function signInOnDesk(page: Page, login: string, password: string): Promise<void> {
  const form = page.locator('#desk-sign-in');
  await expect.poll(() => form.isVisible(), pageLoad).toBe(true);
  await form.getByLabel('Имя для входа').fill(login);
  await form.getByLabel('Пароль').fill(password);
  await form.getByRole('button', { name: /Войти/ }).click();
  await expect.poll(() => page.locator('#desk-me').isVisible(), pageLoad).toBe(true);
}

const textOf = async (page: Page, selector: string): Promise<string> =>
  plain(await page.locator(selector).first().textContent());

/** The file of a download, read once it is saved. */
async function saved(download: Promise<Download>): Promise<string> {
  const path = await (await download).path();
  if (path === null) throw new Error('the download was not saved');
  return path;
}

describe("issue 15's Done when: the whole cycle in the Michurinsk demo", () => {
  it(
    'provider submits, operator approves, a family finds and applies, provider accepts, payer settles the month, the family sees it paid',
    { timeout: 600_000 },
    async () => {
      const provider = demo('provider');
      const operator = demo('operator');
      const payer = demo('payer');

      // ---- a. The provider signs in on provider.html and submits a new programme. ----
      const a = await open('michurinsk/provider.html', desk);
      await signInOnDesk(a.page, provider.login, provider.password);
      expect(await textOf(a.page, '#desk-me')).toContain(provider.displayName);
      const programmes = a.page.locator('eduset-provider-programmes');
      await expect
        .poll(async () => plain(await programmes.locator('[part="list"]').textContent()), pageLoad)
        .toContain('одобрена');
      await programmes.getByRole('button', { name: 'Новая программа' }).click();
      await programmes.getByLabel('Название', { exact: true }).fill(programme.name);
      await programmes.getByLabel('Описание для семей').fill(programme.description);
      await programmes.getByLabel('Возраст от, лет').fill('8');
      await programmes.getByLabel('Возраст до, лет').fill('13');
      await programmes.getByLabel('Часов всего').fill('72');
      await programmes.getByLabel('Стоимость модуля за весь период, ₽').fill(programme.price);
      await programmes.getByLabel('Мест в группе').fill('10');
      await programmes.getByLabel('Начало занятий').fill('2026-11-02');
      await programmes.getByLabel('Окончание занятий').fill('2027-05-31');
      await programmes.getByLabel('Время: с').fill('16:00');
      await programmes.getByLabel('до', { exact: true }).fill('17:30');
      await programmes.getByRole('checkbox', { name: 'вторник' }).check();
      await programmes.getByRole('checkbox', { name: 'четверг' }).check();
      await programmes.getByRole('button', { name: 'Отправить на проверку' }).click();
      await expect
        .poll(async () => plain(await programmes.locator('[part="status"]').textContent()))
        .toContain('Отправлено оператору на проверку');
      expect(plain(await programmes.locator('[part="base"]').textContent())).toContain(
        'на проверке у оператора',
      );
      // Not in the navigator before the operator's decision.
      const hidden = await fetch(
        new URL(`/api/programmes?q=${encodeURIComponent(programme.name)}`, server.running.url),
      );
      expect(((await hidden.json()) as { total: number }).total).toBe(0);
      await expectAccessible(a.page, { step: 'a. provider: submitted' });
      await noHorizontalOverflow(a.page);
      await a.page.screenshot({ path: '/tmp/eduset-done-a-provider-1280.png', fullPage: true });
      // Signed out when the page opened: desk.js asked who is signed in (401) and showed the form.
      expectNoProblems(a.problems, [
        'Failed to load resource: the server responded with a status of 401 (Unauthorized)',
      ]);
      await a.context.close();

      // ---- b. The operator signs in on operator.html and approves it. ----
      const b = await open('michurinsk/operator.html', desk);
      await signInOnDesk(b.page, operator.login, operator.password);
      expect(await textOf(b.page, '#desk-me')).toContain(operator.displayName);
      const review = b.page.locator('eduset-programme-review');
      const reviewText = async () => plain(await review.locator('[part="base"]').textContent());
      await expect.poll(reviewText, pageLoad).toContain('ждёт решения');
      await review.getByRole('button', { name: `Открыть программу «${programme.name}»` }).click();
      await expect.poll(reviewText).toContain('Решение');
      const submitted = await reviewText();
      expect(submitted).toContain('Новая программа: в навигаторе её ещё нет.');
      expect(submitted).toContain(provider.displayName);
      expect(submitted).toContain('вт, чт, 16:00–17:30');
      await review
        .getByLabel('Нормативная стоимость модуля «Основной модуль», ₽')
        .fill(programme.normativeCost);
      await review.getByRole('button', { name: 'Одобрить' }).click();
      await expect
        .poll(async () => plain(await review.locator('[part="status"]').textContent()))
        .toContain('одобрена и показана в навигаторе');
      await expectAccessible(b.page, { step: 'b. operator: approved' });
      await noHorizontalOverflow(b.page);
      await b.page.screenshot({ path: '/tmp/eduset-done-b-operator-1280.png', fullPage: true });
      expectNoProblems(b.problems, [
        'Failed to load resource: the server responded with a status of 401 (Unauthorized)',
      ]);
      await b.context.close();

      // ---- c. A family finds it in the navigator, opens its cabinet and applies. ----
      const c = await open('michurinsk/', phone);
      const finder = c.page.locator('eduset-program-navigator');
      await expect
        .poll(async () => plain(await finder.locator('[part="summary"]').textContent()), pageLoad)
        .toMatch(/^Найдено: \d+ программ/);
      await finder.getByLabel('Поиск').fill(programme.name);
      await expect
        .poll(async () => plain(await finder.locator('[part="summary"]').textContent()))
        .toBe('Найдено: 1 программа');
      const found = plain(await finder.locator('[part="programme"]').first().textContent());
      expect(found).toContain(programme.name);
      expect(found).toContain('свободных мест: 10 из 10');
      expect(found).toContain('7 200,00 ₽');
      await expectAccessible(c.page, { step: 'c. navigator: found' });
      await noHorizontalOverflow(c.page);
      await c.page.screenshot({ path: '/tmp/eduset-done-c-navigator-390.png', fullPage: true });

      // The family's cabinet, from the page's menu.
      await c.page.getByRole('link', { name: 'Кабинет семьи' }).click();
      const cabinet = c.page.locator('eduset-family-cabinet');
      const door = cabinet.locator('[part="sign-in"]');
      await expect.poll(() => door.isVisible(), pageLoad).toBe(true);
      await door.getByLabel('Номер сертификата').fill(family.number);
      await door.getByLabel('Дата рождения ребёнка').fill(family.birthDate);
      await cabinet.getByRole('button', { name: 'Войти в кабинет' }).click();
      const certificate = cabinet.locator('[part="certificate"]');
      await expect
        .poll(async () => plain(await certificate.textContent()))
        .toContain(`Сертификат № ${family.number}`);
      expect(plain(await certificate.textContent())).toContain('Возраст ребёнка: 10');
      const navigator = c.page.locator('eduset-program-navigator');
      await expect
        .poll(() => navigator.getByLabel('Возраст ребёнка', { exact: true }).inputValue())
        .toBe('10');
      await navigator.getByLabel('Поиск').fill(programme.name);
      await expect
        .poll(async () => plain(await navigator.locator('[part="summary"]').textContent()))
        .toBe('Найдено: 1 программа');
      const card = navigator.locator('[part="programme"]').first();
      await card
        .getByRole('button', { name: `Записаться на программу «${programme.name}»` })
        .click();
      await expect
        .poll(async () => plain(await card.getByRole('status').textContent()))
        .toContain('Заявка отправлена. Сертификат оплатит 7 200,00 ₽, доплата семьи 0,00 ₽.');
      const request = cabinet.locator('[part="contract"]', { hasText: programme.name });
      await expect
        .poll(async () => plain(await request.textContent()))
        .toContain('Состояние: заявка');
      const requested = plain(await request.textContent());
      expect(requested).toContain('Стоимость 7 200,00 ₽');
      expect(requested).toContain('с 2 ноября 2026 г. по 31 мая 2027 г.');
      expect(requested).toContain('ноябрь 2026 г. 989,58 ₽ 0,00 ₽ 0,00 ₽');
      await expectAccessible(c.page, { step: 'c. cabinet: applied' });
      await noHorizontalOverflow(c.page);
      await cabinet.screenshot({ path: '/tmp/eduset-done-c-cabinet-390.png' });
      expectNoProblems(c.problems);
      await c.context.close();

      // The contract as stored: its November is what every later page must show.
      const contract = (await server.storage.financing.listContracts()).find(
        (entry) => entry.certificateId === 'demo-1' && entry.start === '2026-11-02',
      );
      if (contract === undefined) throw new Error('the family’s application was not stored');
      expect(contract.status).toBe('requested');
      const novemberAmount = contract.schedule.find((month) => month.month === '2026-11');
      if (novemberAmount === undefined) throw new Error('no November in the schedule');
      const november = plain(novemberAmount.certificate.format('ru'));
      // 7 200 ₽ over 2 November – 31 May: the later months 1 035,07 ₽, November the rest.
      expect(november).toBe('989,58 ₽');

      // ---- d. The provider accepts the application (it comes into force on 2 November). ----
      const d = await open('michurinsk/provider.html', phone);
      await signInOnDesk(d.page, provider.login, provider.password);
      const applications = d.page.locator('eduset-provider-desk').locator('#panel-applications');
      const application = applications.locator('[part="card"]', { hasText: programme.name });
      await expect.poll(() => application.count(), pageLoad).toBe(1);
      const shown = plain(await application.textContent());
      expect(shown).toContain(family.number);
      expect(shown).toContain('10 лет');
      expect(shown).not.toContain(family.birthDate.slice(0, 4));
      await application.getByRole('button', { name: 'Принять' }).click();
      await expect
        .poll(async () =>
          plain(
            await d.page.locator('eduset-provider-desk').locator('[part="status"]').textContent(),
          ),
        )
        .toContain(`Заявка принята: «${programme.name}». Договор вступит в силу 2 ноября 2026`);
      expect((await server.storage.providerDesk.findContract(contract.id)).contract.status).toBe(
        'accepted',
      );
      await expectAccessible(d.page, { step: 'd. provider: accepted' });
      await noHorizontalOverflow(d.page);
      await d.page.screenshot({ path: '/tmp/eduset-done-d-provider-390.png', fullPage: true });
      expectNoProblems(d.problems, [
        'Failed to load resource: the server responded with a status of 401 (Unauthorized)',
      ]);
      await d.context.close();

      // ---- e. December: the payer previews November, approves, exports, pays and closes. ----
      today = december;
      const e = await open('sign-in/', desk);
      await e.page.getByLabel(/Имя для входа/).fill(payer.login);
      await e.page.getByLabel(/Пароль/).fill(payer.password);
      await e.page.getByRole('button', { name: /Войти/ }).click();
      await e.page.waitForURL('**/staff/', pageLoad);
      await e.page.getByRole('link', { name: /Расчёты с поставщиками/ }).click();
      await e.page.waitForURL('**/michurinsk/payer.html', pageLoad);
      const payerDesk = e.page.locator('eduset-payer-desk');
      const heading = payerDesk.locator('[part="month"] h3');
      await expect.poll(async () => plain(await heading.textContent()), pageLoad).toMatch(/2026/);
      await payerDesk.getByRole('button', { name: /ноябрь 2026/ }).click();
      await expect.poll(async () => plain(await heading.textContent())).toContain('Ноябрь 2026');
      expect(plain(await heading.textContent())).toContain('открыт');
      const cdt = 'МБОУ ДО «Центр детского творчества»';
      await payerDesk
        .getByRole('button', { name: new RegExp(`^Договоры \\(\\d+\\): ${cdt}`) })
        .click();
      const line = payerDesk.locator('[part="contract"]', { hasText: programme.name });
      await expect.poll(() => line.count()).toBe(1);
      const lineText = plain(await line.textContent());
      expect(lineText).toContain(`Сертификат ${family.number}`);
      expect(lineText).toContain(november);
      expect((await server.storage.providerDesk.findContract(contract.id)).contract.status).toBe(
        'active',
      );

      const deskStatus = async () =>
        plain(await payerDesk.locator('[part="status"]').textContent());
      await payerDesk.getByRole('button', { name: 'Утвердить расчёт' }).click();
      await expect.poll(deskStatus).toContain('Расчёт за ноябрь 2026 утверждён (редакция 1).');

      const csvFile = saved(e.page.waitForEvent('download'));
      await payerDesk.getByRole('link', { name: 'Реестр платежей (CSV)' }).click();
      const csv = await readFile(await csvFile, 'utf8');
      expect(csv.startsWith('\ufeffМесяц;Статус;Код поставщика;Поставщик')).toBe(true);
      // The register pays each provider: ЦДТ's line sums its contracts, ours among them.
      const cdtRow = (csv.split(/\r?\n/).find((row) => row.includes(cdt)) ?? '').split(';');
      expect(cdtRow.slice(0, 4)).toEqual(['ноябрь 2026', 'утверждён', 'cdt', cdt]);
      const cdtPreview = settlementPreviewSchema.parse(
        await (
          await e.page.request.get(
            new URL('/api/payer/months/2026-11/preview?provider=cdt', server.running.url).href,
          )
        ).json(),
      );
      const ourLine = cdtPreview.contracts.find((entry) => entry.contractId === contract.id);
      expect(ourLine?.payer.toString()).toBe(novemberAmount.certificate.toString());
      const cdtTotal = cdtPreview.contracts.reduce(
        (sum, entry) => sum.add(entry.payer),
        Money.zero(),
      );
      expect(cdtRow[4]).toBe(String(cdtPreview.contracts.length));
      expect(cdtRow[9]).toBe(cdtTotal.toString().replace('.', ','));
      expect(plain(await payerDesk.locator('[part="providers"]').textContent())).toContain(
        plain(cdtTotal.format('ru')),
      );
      const xlsxFile = saved(e.page.waitForEvent('download'));
      await payerDesk.getByRole('link', { name: 'Реестр платежей (Excel)' }).click();
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(await xlsxFile);
      const rows: string[] = [];
      workbook.getWorksheet('Договоры')?.eachRow((row) => {
        rows.push((row.values as unknown[]).map((value) => String(value ?? '')).join(';'));
      });
      const ours = rows.find((row) => row.includes(family.number) && row.includes(programme.name));
      expect(ours).toContain(novemberAmount.certificate.toString());

      await payerDesk.getByRole('button', { name: /^Оплатить / }).click();
      await payerDesk
        .locator('.confirm')
        .getByRole('button', { name: 'Подтвердить: оплатить' })
        .click();
      await expect.poll(deskStatus).toMatch(/^ноябрь 2026 оплачен: проведено \d+ движени/i);
      await payerDesk.getByRole('button', { name: 'Закрыть месяц' }).click();
      await payerDesk
        .locator('.confirm')
        .getByRole('button', { name: 'Подтвердить: закрыть месяц' })
        .click();
      await expect.poll(deskStatus).toMatch(/ноябрь 2026 закрыт\./i);
      expect(plain(await heading.textContent())).toContain('закрыт');
      await expectAccessible(e.page, { step: 'e. payer: November closed' });
      await noHorizontalOverflow(e.page);
      await e.page.screenshot({ path: '/tmp/eduset-done-e-payer-1280.png', fullPage: true });
      expectNoProblems(e.problems);
      await e.context.close();

      // ---- f. The family sees November paid in its cabinet. ----
      const f = await open('michurinsk/cabinet.html', phone);
      const again = f.page.locator('eduset-family-cabinet');
      const door2 = again.locator('[part="sign-in"]');
      await expect.poll(() => door2.isVisible(), pageLoad).toBe(true);
      await door2.getByLabel('Номер сертификата').fill(family.number);
      await door2.getByLabel('Дата рождения ребёнка').fill(family.birthDate);
      await again.getByRole('button', { name: 'Войти в кабинет' }).click();
      const running = again.locator('[part="contract"]', { hasText: programme.name });
      await expect
        .poll(async () => plain(await running.textContent()), pageLoad)
        .toContain('Состояние: действует');
      const novemberRow = running.locator('[part="schedule"] tbody tr', { hasText: 'ноябр' });
      expect(plain(await novemberRow.locator('td').nth(2).textContent())).toBe(november);
      expect(plain(await again.locator('[part="certificate"]').textContent())).toContain(
        `Оплачено ${november}`,
      );
      await expectAccessible(f.page, { step: 'f. cabinet: November paid' });
      await noHorizontalOverflow(f.page);
      await again.screenshot({ path: '/tmp/eduset-done-f-cabinet-390.png' });
      expectNoProblems(f.problems);
      await f.context.close();
    },
  );
});
