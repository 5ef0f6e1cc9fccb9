// End to end: the payer signs in and runs October on examples/michurinsk/payer.html
// (<eduset-payer-desk> from the staff bundle) on a phone — previews it per provider and per
// contract with every amount explained, approves, downloads the payment register, pays once,
// closes — then at a desk corrects September (closed by the demo payer), which is paid in the
// next open month; a provider sees its own line only. Real server over PGlite seeded like
// `npm start --demo-accounts` (the Michurinsk registry, the payer's demo contracts, the demo
// accounts), a fixed server clock, real Chromium at 390×844 and 1280×800, axe clean in every
// state, no horizontal overflow.
import { readFile } from 'node:fs/promises';
import { instant } from '@eduset/core';
import { describe, expect, it } from 'vitest';
import { seedFinancingIfEmpty } from '../../packages/server/src/cli-financing.js';
import { seedSettlementDemoIfEmpty } from '../../packages/server/src/cli-settlement.js';
import { seedDemoAccountsIfEmpty } from '../../packages/server/src/cli-users.js';
import {
  expectAccessible,
  expectNoProblems,
  noHorizontalOverflow,
  openSignedIn,
  useExampleServer,
} from '../e2e.js';

// Monday 7 December 2026, noon in Moscow.
const now = instant('2026-12-07T09:00:00Z');

const server = useExampleServer({
  seed: async (storage) => {
    await seedFinancingIfEmpty(storage, 'examples/data/michurinsk-financing.json', now, () => {});
    await seedSettlementDemoIfEmpty(storage, now, () => {});
    await seedDemoAccountsIfEmpty(storage, () => {});
  },
  server: { now: () => now, rateLimit: false },
});

/** Signs in with a demo account and opens the payer's desk at the given size. */
async function openDesk(
  login: string,
  password: string,
  width: number,
  height: number,
  providers = 3,
) {
  const opened = await openSignedIn(
    server,
    '/michurinsk/payer.html',
    { login, password },
    {
      context: { viewport: { width, height }, locale: 'ru-RU', acceptDownloads: true },
    },
  );
  const desk = opened.page.locator('eduset-payer-desk');
  await expect
    .poll(() => desk.locator('[part="providers"] tbody tr').count())
    .toBeGreaterThanOrEqual(providers);
  const status = () => desk.locator('[part="status"]').textContent();
  return { ...opened, desk, status };
}

describe('examples/michurinsk/payer.html — <eduset-payer-desk>', () => {
  it('on a phone: October previewed and explained, approved, the register downloaded, paid once, closed', async () => {
    const { context, page, problems, desk, status } = await openDesk(
      'payer',
      'demo-payer-2026',
      390,
      844,
    );
    const month = desk.locator('[part="month"]');
    expect(await month.locator('h3').textContent()).toContain('Октябрь 2026');
    expect(await month.locator('h3').textContent()).toContain('открыт');
    const september = desk.getByRole('button', { name: /сентябрь 2026/ });
    expect(await september.textContent()).toContain('закрыт');
    await expectAccessible(page, { step: 'open month' });
    await noHorizontalOverflow(page);
    await page.screenshot({ path: '/tmp/eduset-payer-open-390.png', fullPage: true });
    await desk.locator('[part="month"]').screenshot({ path: '/tmp/eduset-payer-month-390.png' });

    // One provider's contracts, each amount explained (keyboard: the toggle, then the details).
    const toggle = desk.getByRole('button', { name: /^Договоры \(\d+\): / }).first();
    await toggle.focus();
    await page.keyboard.press('Enter');
    const contract = desk.locator('[part="contract"]').first();
    await expect.poll(() => contract.isVisible()).toBe(true);
    expect(await contract.textContent()).toMatch(/Сертификат 6800000\d{3}/);
    await contract.locator('summary').focus();
    await page.keyboard.press('Enter');
    const explanation = (await contract.locator('.explanation').textContent()) ?? '';
    expect(explanation).toContain('Сертификат оплачивает меньшее из стоимости');
    expect(explanation).toContain('Аванс 80 %');
    expect(explanation).toContain('Полнота оказания услуги 100 %');
    expect(explanation).toContain('Плательщик перечисляет поставщику');
    expect(await desk.textContent()).not.toMatch(/@|\+7\d/);
    await expectAccessible(page, { step: 'contracts' });
    await noHorizontalOverflow(page);
    await page.screenshot({ path: '/tmp/eduset-payer-contracts-390.png', fullPage: true });
    await contract.screenshot({ path: '/tmp/eduset-payer-contract-390.png' });

    await desk.getByRole('button', { name: 'Утвердить расчёт' }).click();
    await expect.poll(status).toContain('Расчёт за октябрь 2026 утверждён (редакция 1).');
    const total = (await desk.locator('tfoot td').nth(5).textContent())?.trim() ?? '';
    expect(total).toMatch(/₽$/);

    const download = page.waitForEvent('download');
    await desk.getByRole('link', { name: 'Реестр платежей (CSV)' }).click();
    const csv = await readFile((await (await download).path()) ?? '', 'utf8');
    expect(csv.startsWith('\ufeffМесяц;Статус;Код поставщика;Поставщик')).toBe(true);
    expect(csv).toContain('октябрь 2026;утверждён');
    expect(csv).toContain(';Итого;');

    await desk.getByRole('button', { name: /^Оплатить / }).click();
    const confirm = desk.locator('.confirm');
    expect(await confirm.textContent()).toContain(
      'Списания с сертификатов будут проведены один раз',
    );
    await expectAccessible(page, { step: 'confirm payment' });
    await noHorizontalOverflow(page);
    await page.screenshot({ path: '/tmp/eduset-payer-confirm-390.png', fullPage: true });
    await confirm.getByRole('button', { name: 'Подтвердить: оплатить' }).click();
    await expect.poll(status).toMatch(/октябрь 2026 оплачен: проведено \d+ движени/);
    const ledgerSize = (await server.storage.financing.ledgerEntries()).length;

    await desk.getByRole('button', { name: 'Закрыть месяц' }).click();
    await desk
      .locator('.confirm')
      .getByRole('button', { name: 'Подтвердить: закрыть месяц' })
      .click();
    await expect.poll(status).toContain('октябрь 2026 закрыт.');
    expect(await month.locator('h3').textContent()).toContain('закрыт');
    expect((await server.storage.financing.ledgerEntries()).length).toBe(ledgerSize);
    const months = await server.storage.settlement.listMonths();
    expect(months.find((entry) => entry.month === '2026-10')?.status).toBe('closed');
    await expectAccessible(page, { step: 'closed' });
    await noHorizontalOverflow(page);
    await page.screenshot({ path: '/tmp/eduset-payer-closed-390.png', fullPage: true });
    expectNoProblems(problems);
    await context.close();
  });

  it('at a desk: a correction of closed September goes into November, the next open month', async () => {
    const { context, page, problems, desk, status } = await openDesk(
      'payer',
      'demo-payer-2026',
      1280,
      800,
    );
    await noHorizontalOverflow(page);
    await page.screenshot({ path: '/tmp/eduset-payer-1280.png', fullPage: true });
    await page.screenshot({ path: '/tmp/eduset-payer-top-1280.png' });
    await desk.getByRole('button', { name: /сентябрь 2026/ }).click();
    await expect
      .poll(() => desk.locator('[part="month"] h3').textContent())
      .toContain('Сентябрь 2026');
    await desk
      .getByRole('button', { name: /^Договоры \(\d+\): / })
      .first()
      .click();
    const contract = desk.locator('[part="contract"]').first();
    await expect.poll(() => contract.isVisible()).toBe(true);
    const certificate = /Сертификат (\d+)/.exec((await contract.textContent()) ?? '')?.[1];
    await contract.getByRole('button', { name: 'Исправить полноту' }).click();
    await contract.getByLabel('Верная полнота оказания услуги, %').fill('80');
    await contract.getByLabel('Причина').fill('Поставщик исправил табель: две пропущенные недели');
    await expectAccessible(page, { step: 'correction form' });
    await page.screenshot({ path: '/tmp/eduset-payer-correction-1280.png', fullPage: true });
    await contract.getByRole('button', { name: 'Оформить корректировку' }).click();
    await expect.poll(status).toMatch(/Корректировка −.+ будет оплачена в месяце «ноябрь 2026»/);
    const adjustments = (await desk.locator('.adjustments').textContent()) ?? '';
    expect(adjustments).toContain(`Сертификат ${certificate ?? ''}`);
    expect(adjustments).toContain('полнота 100 % → 80 %');
    expect(adjustments).toContain('в расчёте за ноябрь 2026');

    await desk.getByRole('button', { name: /ноябрь 2026/ }).click();
    await expect
      .poll(() => desk.locator('.adjustments').first().textContent())
      .toContain('ожидает оплаты');
    await expectAccessible(page, { step: 'november with the adjustment' });
    await noHorizontalOverflow(page);
    await page.screenshot({ path: '/tmp/eduset-payer-november-1280.png', fullPage: true });
    expectNoProblems(problems);
    await context.close();
  });

  it('a provider sees its own line and contracts, without the steps', async () => {
    const { context, page, problems, desk } = await openDesk(
      'cdt',
      'demo-provider-2026',
      1280,
      800,
      1,
    );
    const names = await desk
      .locator('[part="providers"] tbody th .provider-name')
      .allTextContents();
    expect(names).toEqual(['МБОУ ДО «Центр детского творчества»']);
    expect(await desk.getByRole('button', { name: 'Утвердить расчёт' }).count()).toBe(0);
    await expectAccessible(page, { step: 'provider' });
    await noHorizontalOverflow(page);
    expectNoProblems(problems);
    await context.close();
  });
});
