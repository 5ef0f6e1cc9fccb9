// End to end: the provider «ЦДТ» signs in and opens its desk (examples/michurinsk/provider.html,
// <eduset-provider-desk> from the staff bundle). On a phone, by keyboard, it accepts one
// family's application and declines another with a reason the family will see; at a desk it
// enters a month's attendance, reads the month's acts (the certificate's payment cut to the
// completeness), downloads them as CSV, prints them, and terminates a contract. Real server
// (PGlite in memory, the Michurinsk demo seeded as `npm start` does, a fixed clock), real
// sign-in, real Chromium at 390×844 and 1280×800, axe clean in every state, no horizontal
// overflow; the other provider's application never shows.
import { instant } from '@eduset/core';
import { hashPassword } from '@eduset/server';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seedFinancingIfEmpty } from '../../packages/server/src/cli-financing.js';
import {
  expectAccessible,
  expectNoProblems,
  noHorizontalOverflow,
  openSignedIn,
  useExampleServer,
} from '../e2e.js';

// Wednesday 30 September 2026, 12:00 in Moscow.
const fixedNow = new Date('2026-09-30T09:00:00Z');
const password = 'кабинет поставщика 2026';
const ids = { accept: '', decline: '', active: '', other: '' };

const server = useExampleServer({
  server: { now: () => instant(fixedNow), rateLimit: false },
  seed: async (storage) => {
    await seedFinancingIfEmpty(
      storage,
      'examples/data/michurinsk-financing.json',
      instant(fixedNow),
      () => undefined,
    );
    await storage.identity.createAccount(
      {
        login: 'cdt',
        displayName: 'ЦДТ Мичуринска',
        passwordHash: await hashPassword(password),
        grants: [{ role: 'provider', networkId: 'michurinsk', organizationId: 'cdt' }],
      },
      instant(fixedNow),
    );
    const apply = async (
      id: string,
      certificateId: string,
      programmeId: string,
      groupId = `${programmeId}-g1`,
    ) =>
      (
        await storage.financing.requestEnrolment({
          contractId: id,
          certificateId,
          programmeId,
          moduleId: `${programmeId}-m1`,
          groupId,
          requestedOn: '2026-09-01',
        })
      ).id;
    // demo-1 (born 2016-04-12, 10 years old), demo-2 (2012-10-03, 13), demo-3 (2010-01-25, 16).
    ids.accept = await apply('enr-demo-accept', 'demo-1', 'mich-353');
    ids.decline = await apply('enr-demo-decline', 'demo-2', 'mich-357', 'mich-357-g2');
    ids.active = await apply('enr-demo-active', 'demo-3', 'mich-368', 'mich-368-g2');
    await storage.providerDesk.accept(ids.active, '2026-09-01');
    // Another provider's application: ЦКИТ's «Мотокросс».
    ids.other = await apply('enr-demo-ckit', 'demo-1', 'mich-370');
  },
});

/** Signs «ЦДТ» in and opens its desk at the given size (English with `lang`). */
async function openDesk(width: number, height: number) {
  const opened = await openSignedIn(
    server,
    '/michurinsk/provider.html',
    { login: 'cdt', password },
    {
      context: { viewport: { width, height }, locale: 'ru-RU', acceptDownloads: true },
      fixedTime: fixedNow,
    },
  );
  const desk = opened.page.locator('eduset-provider-desk');
  await expect
    .poll(() => desk.getByRole('tab', { name: /Заявки \(\d+\)|Applications/ }).count())
    .toBe(1);
  return { ...opened, desk };
}

const status = (desk: ReturnType<Page['locator']>) =>
  desk
    .locator('[part="status"]')
    .textContent()
    .then((text) => text ?? '');

describe('examples/michurinsk/provider.html — <eduset-provider-desk>', () => {
  it('on a phone, by keyboard: accepts one application and declines another with a reason', async () => {
    const { context, page, problems, desk } = await openDesk(390, 844);
    const applications = desk.locator('#panel-applications');
    await expect.poll(() => applications.locator('[part="card"]').count()).toBe(2);
    const shown = (await applications.textContent()) ?? '';
    expect(shown).toContain('Школа выживания (4)');
    expect(shown).toContain('10 лет');
    expect(shown).toContain('6800000001');
    expect(shown).toContain('свободно мест');
    // The child's age, never the birth date; never another provider's application.
    expect(shown).not.toContain('2016');
    expect(shown).not.toContain('Мотокросс');
    expect(await desk.getByRole('tab', { name: 'Заявки (2)' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    await expectAccessible(page, { step: 'applications' });
    await noHorizontalOverflow(page);
    await page.screenshot({
      path: '/tmp/eduset-provider-desk-applications-390.png',
      fullPage: true,
    });

    // Accept «Школа выживания (4)» by keyboard: in force at once (classes have begun).
    const accepted = applications.locator('[part="card"]', { hasText: 'Школа выживания (4)' });
    await accepted.getByRole('button', { name: 'Принять' }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => status(desk))
      .toContain('Заявка принята: «Школа выживания (4)». Договор действует.');
    await expect.poll(() => desk.getByRole('tab', { name: 'Заявки (1)' }).count()).toBe(1);

    // Decline the other: «Другая причина» needs words; then it goes.
    const declined = applications.locator('[part="card"]');
    await declined.getByRole('button', { name: 'Отклонить…' }).focus();
    await page.keyboard.press('Enter');
    const reason = desk.getByLabel('Причина', { exact: true });
    // The reason list has the focus once the form opens.
    await expect.poll(() => reason.evaluate((element) => element.matches(':focus'))).toBe(true);
    await reason.selectOption('other');
    await desk.getByRole('button', { name: 'Отклонить заявку' }).click();
    await expect
      .poll(() => desk.getByRole('alert').textContent())
      .toContain('Для причины «Другая причина» напишите пояснение.');
    await expectAccessible(page, { step: 'decline form' });
    await noHorizontalOverflow(page);
    await page.screenshot({ path: '/tmp/eduset-provider-desk-decline-390.png', fullPage: true });
    await desk.getByLabel('Пояснение для семьи').focus();
    await page.keyboard.type('Группа по вторникам и четвергам заполнена, есть места в субботней');
    await desk.getByRole('button', { name: 'Отклонить заявку' }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => status(desk))
      .toContain('Заявка на «Юный исследователь (8)» отклонена. Семья увидит причину.');
    await expect.poll(() => applications.textContent()).toContain('Новых заявок нет.');
    await expectAccessible(page, { step: 'no applications' });

    // Stored: the contract refused, the reason and note kept for the family, reserve returned.
    const decision = await server.storage.providerDesk.decision(ids.decline);
    expect(decision).toMatchObject({
      kind: 'declined',
      reason: 'other',
      note: 'Группа по вторникам и четвергам заполнена, есть места в субботней',
      on: '2026-09-30',
    });
    expect((await server.storage.providerDesk.findContract(ids.accept)).contract.status).toBe(
      'active',
    );
    const balance = await server.storage.financing.findCertificate('6800000002', '2012-10-03');
    expect(balance.balance.reserved.isZero()).toBe(true);
    expectNoProblems(problems);
    await context.close();
  });

  it('at a desk: attendance, the month’s acts (print and CSV), and a termination', async () => {
    const { context, page, problems, desk } = await openDesk(1280, 800);
    await desk.getByRole('tab', { name: 'Договоры и посещаемость' }).click();
    const contracts = desk.locator('#panel-contracts');
    const swimming = contracts.locator('[part="card"]', { hasText: 'Плавание (4)' });
    await expect.poll(() => swimming.count()).toBe(1);
    expect(await swimming.textContent()).toContain('Посещаемость за сентябрь 2026');
    // Tuesdays and Fridays of September 2026: 1, 4, 8, 11, 15, 18, 22, 25, 29.
    expect(await swimming.textContent()).toContain('По расписанию группы: 9');
    expect(await swimming.textContent()).toContain('Не внесено: к оплате 100 %.');
    // More attended than planned: refused, in the server's own words.
    await swimming.getByLabel('Посещено').fill('10');
    await swimming.getByRole('button', { name: 'Сохранить посещаемость' }).click();
    await expect
      .poll(() => status(desk))
      .toContain('Посещено не может быть больше, чем запланировано');
    expect(await server.storage.providerDesk.completeness('2026-09')).toEqual({});
    await swimming.getByLabel('Посещено').fill('7');
    await swimming.getByRole('button', { name: 'Сохранить посещаемость' }).click();
    await expect.poll(() => status(desk)).toContain('Посещаемость сохранена, полнота 77,78 %.');
    await expect.poll(() => swimming.textContent()).toContain('Полнота оказания услуги: 77,78 %');
    expect(await server.storage.providerDesk.completeness('2026-09')).toEqual({
      [ids.active]: 77.78,
    });
    await expectAccessible(page, { step: 'contracts' });
    await noHorizontalOverflow(page);
    await page.screenshot({ path: '/tmp/eduset-provider-desk-contracts-1280.png', fullPage: true });

    await desk.getByRole('tab', { name: 'Акты за месяц' }).click();
    const acts = desk.locator('#panel-acts');
    await expect.poll(() => acts.locator('tbody tr').count()).toBe(2);
    const table = (await acts.textContent()) ?? '';
    expect(table).toContain('Акты об оказании услуг за сентябрь 2026');
    expect(table).toContain('7 из 9 занятий');
    expect(table).toContain('77,78');
    expect(table).toContain('не внесено');
    const act = (await server.storage.providerDesk.findContract(ids.active)).contract;
    const september = act.schedule.find((month) => month.month === '2026-09');
    expect(september).toBeDefined();
    await expectAccessible(page, { step: 'acts' });
    await noHorizontalOverflow(page);
    await page.screenshot({ path: '/tmp/eduset-provider-desk-acts-1280.png', fullPage: true });
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: '/tmp/eduset-provider-desk-acts-print.png', fullPage: true });
    expect(await desk.locator('[role="tablist"]').isVisible()).toBe(false);
    expect(await acts.locator('table').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    const download = page.waitForEvent('download');
    await acts.getByRole('link', { name: 'Скачать CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('acts-2026-09.csv');
    const csv = await page.request.get(
      new URL('/api/provider/acts.csv?month=2026-09&lang=ru', server.running.url).href,
    );
    const body = await csv.text();
    expect(body.startsWith('\ufeffМесяц;Поставщик;Договор;Сертификат')).toBe(true);
    expect(body).toContain('Плавание (4)');
    expect(body).not.toContain('Мотокросс');

    // Terminate «Школа выживания (4)» (accepted in the first test) from the contracts tab.
    await desk.getByRole('tab', { name: 'Договоры и посещаемость' }).click();
    const survival = contracts.locator('[part="card"]', { hasText: 'Школа выживания (4)' });
    await survival.getByRole('button', { name: 'Расторгнуть…' }).click();
    await expect.poll(() => desk.getByLabel('Дата расторжения').inputValue()).toBe('2026-09-30');
    await desk.getByLabel('Причина', { exact: true }).selectOption('moved-away');
    await expectAccessible(page, { step: 'terminate form' });
    await page.screenshot({ path: '/tmp/eduset-provider-desk-terminate-1280.png', fullPage: true });
    await desk.getByRole('button', { name: 'Расторгнуть договор' }).click();
    await expect
      .poll(() => status(desk))
      .toContain('Договор «Школа выживания (4)» расторгнут, последний день — 30 сентября 2026');
    const closed = (await server.storage.providerDesk.findContract(ids.accept)).contract;
    expect(closed).toMatchObject({ status: 'closed', closedBy: 'provider', end: '2026-09-30' });
    await expect.poll(() => survival.textContent()).toContain('Переезд семьи');
    await expectAccessible(page, { step: 'terminated' });
    await noHorizontalOverflow(page);
    // The refused attendance is a 400 in the browser's console; nothing else.
    expectNoProblems(problems, [
      'Failed to load resource: the server responded with a status of 400 (Bad Request)',
    ]);
    await context.close();
  });

  it('in English on a phone: the acts table scrolls inside its own region, never the page', async () => {
    const { context, page, problems, desk } = await openDesk(390, 844);
    await desk.evaluate((element) => element.setAttribute('lang', 'en'));
    await desk.getByRole('tab', { name: "The month's acts" }).click();
    const acts = desk.locator('#panel-acts');
    await expect.poll(() => acts.locator('tbody tr').count()).toBe(2);
    expect(await acts.textContent()).toContain('Acts of services provided in September 2026');
    expect(await acts.textContent()).toContain('7 of 9 sessions');
    const region = acts.getByRole('region');
    expect(await region.first().getAttribute('tabindex')).toBe('0');
    await expectAccessible(page, { step: 'acts in English' });
    await noHorizontalOverflow(page);
    await page.screenshot({ path: '/tmp/eduset-provider-desk-acts-390-en.png', fullPage: true });
    await desk.getByRole('tab', { name: 'Applications (0)' }).click();
    expect(await desk.locator('#panel-applications').textContent()).toContain(
      'No new applications.',
    );
    await page.screenshot({ path: '/tmp/eduset-provider-desk-applications-390-en.png' });
    expectNoProblems(problems);
    await context.close();
  });
});
