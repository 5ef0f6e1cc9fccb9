// End to end: <eduset-program-navigator> on the Michurinsk page, in real Chromium, against the
// real server over PGlite seeded like `npm start` does. A parent finds a funded programme,
// checks the certificate (number + the child's birth date), sees what the certificate pays and
// what the family pays, and enrols; the stored balance then shows the reserve. axe finds no
// WCAG 2.1 AA violation.
import { existsSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instant } from '@eduset/core';
import { openStorage, startServer, type RunningServer, type Storage } from '@eduset/adapters';
import { seedFinancingIfEmpty } from '../../packages/adapters/src/cli-financing.js';
import { chromiumArgs } from '../../vitest.config.js';

const bundle = 'packages/widgets/dist/eduset-widgets.js';
const fixedNow = new Date('2026-10-05T07:00:00Z');

let storage: Storage;
let running: RunningServer;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(bundle)) {
    throw new Error(
      `Нет ${bundle}: выполните npm run build / Missing ${bundle}: run npm run build`,
    );
  }
  storage = await openStorage({ dataDir: 'memory://' });
  await seedFinancingIfEmpty(
    storage,
    'examples/data/michurinsk-financing.json',
    instant(fixedNow),
    () => undefined,
  );
  running = await startServer(
    {
      storage,
      staticRoot: 'examples',
      widgetsRoot: 'packages/widgets/dist',
      now: () => instant(fixedNow),
      rateLimit: false,
    },
    { port: 0, host: '127.0.0.1' },
  );
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
});

afterAll(async () => {
  await browser?.close();
  await running?.close();
  await storage?.close();
});

describe('Michurinsk programme navigator', () => {
  it('finds a programme, shows the co-payment and enrols', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().includes('409'))
        problems.push(message.text());
    });
    const response = await page.goto(new URL('michurinsk/', running.url).href);
    expect(response?.status()).toBe(200);
    const navigator = page.locator('eduset-program-navigator');
    await expect
      .poll(async () => (await navigator.locator('[part="summary"]').textContent())?.trim(), {
        timeout: 15_000,
      })
      .toBe('Найдено: 383 программы');

    await navigator.getByLabel('Вид программы').selectOption('funded');
    await navigator.getByLabel('Возраст ребёнка', { exact: true }).fill('10');
    const summary = (await navigator.locator('[part="summary"]').textContent())?.trim();
    expect(summary).toMatch(/^Найдено: \d+ программ/);
    const first = navigator.locator('[part="programme"]').first();
    const name = (await first.getByRole('heading', { level: 3 }).textContent())?.trim() ?? '';
    expect(name).not.toBe('');

    await navigator.getByLabel('Номер сертификата').fill('6800000001');
    await navigator.getByLabel('Дата рождения ребёнка').fill('2016-04-12');
    await navigator.getByRole('button', { name: 'Проверить остаток' }).click();
    await expect
      .poll(() => navigator.locator('.balance').textContent())
      .toContain('Доступно на сертификате: 15\u202f000,00\u00a0₽');
    const payment =
      (await first.locator('[part="payment"]').textContent())?.replace(/\s+/g, ' ') ?? '';
    expect(payment).toMatch(/Оплатит сертификат [\d ]+,\d\d ₽ Доплата семьи [\d ]+,\d\d ₽/);

    await first.getByRole('button', { name: `Записаться на программу «${name}»` }).click();
    await expect.poll(() => first.getByRole('status').textContent()).toContain('Заявка отправлена');
    await expect
      .poll(() => navigator.locator('.balance').textContent())
      .not.toContain('15\u202f000,00');

    const found = await storage.financing.findCertificate('6800000001', '2016-04-12');
    expect(found.balance.reserved.isZero()).toBe(false);
    expect(found.balance.available.add(found.balance.reserved).toString()).toBe('15000.00');
    const contracts = await storage.financing.listContracts();
    expect(contracts).toHaveLength(1);
    expect(contracts[0]?.status).toBe('requested');

    const axe = await new AxeBuilder({ page })
      .include('eduset-program-navigator')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(axe.violations.map((violation) => violation.id)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
