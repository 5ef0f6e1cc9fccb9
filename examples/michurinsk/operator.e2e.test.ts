// End to end: the operator's desk (examples/michurinsk/operator.html) — <eduset-certificate-registry>
// and <eduset-financing-parameters> from the staff bundle — in real Chromium against the real
// server over PGlite seeded as `npm start` does (the Michurinsk demo, a fixed clock), signed in
// as the demo operator. On a phone: find last year's certificate, move it into this year
// (the old balance lapses, the new nominal is credited), issue a certificate by keyboard,
// convert one to funded. At a desk: preview new normative-cost coefficients against the version
// in force, save version 2, look at version 1, set direction limits. axe clean in every state,
// no horizontal overflow at 390×844 and 1280×800.
import { computeNormativeCost, instant, parametersDefinition } from '@eduset/core';
import { hashPassword } from '@eduset/server';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seedFinancingIfEmpty } from '../../packages/server/src/cli-financing.js';
import { seedOperatorIfEmpty } from '../../packages/server/src/cli-operator.js';
import {
  expectAccessible,
  expectNoProblems,
  noHorizontalOverflow,
  openSignedIn,
  useExampleServer,
} from '../e2e.js';

// 5 October 2027, 12:00 in Moscow: the demo moves to the 2027–2028 school year.
const now = instant('2027-10-05T09:00:00Z');
const file = 'examples/data/michurinsk-financing.json';
const password = 'пароль оператора 2027';

const server = useExampleServer({
  seed: async (storage) => {
    await seedFinancingIfEmpty(storage, file, now, () => undefined);
    await seedOperatorIfEmpty(storage, file, now, () => undefined);
    await storage.identity.createAccount(
      {
        login: 'umic',
        displayName: 'МБУ «УМИЦ»',
        passwordHash: await hashPassword(password),
        grants: [{ role: 'operator', networkId: 'michurinsk' }],
      },
      now,
    );
  },
  server: { now: () => now, rateLimit: false },
});

/** Signs the operator in and opens the desk at the given size. */
async function openDesk(width: number, height: number) {
  const opened = await openSignedIn(
    server,
    '/michurinsk/operator.html',
    { login: 'umic', password },
    {
      context: { viewport: { width, height }, locale: 'ru-RU' },
    },
  );
  const registry = opened.page.locator('eduset-certificate-registry');
  const parameters = opened.page.locator('eduset-financing-parameters');
  await expect
    .poll(() => registry.locator('tbody tr').count(), { timeout: 15_000 })
    .toBeGreaterThan(3);
  await expect
    .poll(() => parameters.locator('[part="preview"]').count(), { timeout: 15_000 })
    .toBe(1);
  return { ...opened, registry, parameters };
}

const statusOf = (element: ReturnType<Page['locator']>) =>
  element.locator('[part="status"]').first().textContent();

describe("examples/michurinsk/operator.html — the operator's desk", () => {
  it('on a phone: moves last year’s certificate, issues one by keyboard, converts one to funded', async () => {
    const { context, page, problems, registry } = await openDesk(390, 844);
    const text = (await registry.locator('[part="base"]').textContent()) ?? '';
    expect(text).toContain('Реестр сертификатов');
    expect(text).toContain('Найдено 7 сертификатов');
    expect(text).toContain('Смирнова Анна Сергеевна');
    expect(text).toContain('сертификат ПФ');
    expect(text).not.toContain('michurinsk-5-18');
    await page.screenshot({ path: '/tmp/eduset-fin-operator-registry-390.png' });
    await page.screenshot({
      path: '/tmp/eduset-fin-operator-registry-390-full.png',
      fullPage: true,
    });
    await expectAccessible(page, { step: 'registry' });
    await noHorizontalOverflow(page);

    // Find last year's certificate and move it into this year.
    await registry.getByLabel('Номер сертификата или имя ребёнка').fill('Волков');
    await registry.getByRole('button', { name: 'Найти' }).click();
    await expect.poll(() => registry.locator('tbody tr').count()).toBe(1);
    const number = ((await registry.locator('tbody tr button').textContent()) ?? '').trim();
    await registry
      .getByRole('button', { name: `Открыть карточку сертификата № ${number}` })
      .click();
    const card = registry.locator('[part="card"]');
    await expect.poll(() => card.isVisible()).toBe(true);
    expect(await card.textContent()).toContain('Волкова Светлана Игоревна');
    expect(await registry.evaluate((element) => element.shadowRoot?.activeElement?.id ?? '')).toBe(
      'card-title',
    );
    await expectAccessible(page, { step: 'card' });
    await noHorizontalOverflow(page);
    await card.screenshot({ path: '/tmp/eduset-fin-operator-card-390.png' });
    await card.getByRole('button', { name: 'Перевести', exact: true }).click();
    await expect
      .poll(() => statusOf(registry))
      .toContain(
        'Сертификат переведён: сгорело 15\u202f000,00\u00a0₽, начислено 13\u202f606,55\u00a0₽.',
      );
    await expect.poll(() => card.textContent()).toContain('2027-2028');
    expect(await card.textContent()).toContain('сгорание остатка');
    await expectAccessible(page, { step: 'moved' });

    // Issue a certificate, by keyboard.
    await registry.getByRole('button', { name: 'Выдать сертификат' }).focus();
    await page.keyboard.press('Enter');
    const form = registry.locator('form.panel');
    await form.getByLabel('Фамилия, имя, отчество ребёнка').focus();
    await page.keyboard.type('Орлов Максим Юрьевич');
    await form.getByLabel('Дата рождения ребёнка').fill('2016-06-01');
    await form.getByLabel(/Родитель или законный представитель/).focus();
    await page.keyboard.type('Орлова Наталья Сергеевна');
    await form.getByLabel(/Телефон/).focus();
    await page.keyboard.type('+7 912 000-22-01');
    await expectAccessible(page, { step: 'issue form' });
    await noHorizontalOverflow(page);
    await form.screenshot({ path: '/tmp/eduset-fin-operator-issue-390.png' });
    await form.getByRole('button', { name: 'Выдать', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => statusOf(registry)).toMatch(/Сертификат № 68\d+ выдан\./);
    await expect.poll(() => card.textContent()).toContain('Орлова Наталья Сергеевна');
    expect(await card.textContent()).toContain('13\u202f606,55');

    // A refusal in the server's words: the new certificate is not active yet.
    await card.getByRole('button', { name: 'Активировать' }).click();
    await expect.poll(() => statusOf(registry)).toContain('Сертификат активирован.');
    await card.getByRole('button', { name: 'Сделать сертификатом ПФ' }).click();
    await expect.poll(() => statusOf(registry)).toContain('Вид сертификата изменён.');
    await expect.poll(() => card.textContent()).toContain('сертификат ПФ');
    await expectAccessible(page, { step: 'converted' });
    await noHorizontalOverflow(page);
    await page.screenshot({ path: '/tmp/eduset-fin-operator-converted-390.png', fullPage: true });

    // The parameters on a phone: the preview and the limits fit the width.
    const parameters = page.locator('eduset-financing-parameters');
    await parameters
      .locator('[part="preview"]')
      .screenshot({ path: '/tmp/eduset-fin-operator-preview-390.png' });
    await parameters
      .locator('form.panel')
      .nth(1)
      .screenshot({ path: '/tmp/eduset-fin-operator-limits-390.png' });
    await parameters
      .locator('details.set')
      .first()
      .screenshot({ path: '/tmp/eduset-fin-operator-coefficients-390.png' });

    const { entries } = await server.storage.audit.list({ action: 'certificate.holder.read' });
    expect(entries.length).toBeGreaterThan(0);
    expectNoProblems(problems);
    await context.close();
  });

  it('at a desk: previews new coefficients, saves version 2, reads version 1, sets direction limits', async () => {
    const { context, page, problems, parameters, registry } = await openDesk(1280, 800);
    await expectAccessible(page, { step: 'desk' });
    await noHorizontalOverflow(page);
    await page.screenshot({ path: '/tmp/eduset-fin-operator-registry-1280.png' });
    const text = (await parameters.locator('[part="base"]').textContent()) ?? '';
    expect(text).toContain('Действует версия 1');
    expect(text).toContain('Демонстрационные данные');

    // The preview: ZP 25 000 in town, 8 children — computed as core computes it.
    const urban = parameters.locator('details.set').first();
    await urban.getByLabel('Средняя зарплата педагога в месяц, ₽ (ЗП)').fill('25000');
    await parameters.getByLabel('Детей в группе (N)').fill('8');
    const versions = (await server.storage.financingParameters.parameters('2027-2028'))[0];
    const coefficients = versions?.definition.coefficients;
    if (coefficients === undefined) throw new Error('no version 1');
    const sample = { hours: 144, groupSize: 8, direction: 'technical' } as const;
    const proposed = computeNormativeCost(
      parametersDefinition('2027-2028', 2, {
        coefficients: { ...coefficients, urban: { ...coefficients.urban, zp: 25000 } },
      }),
      sample,
    ).value.format('ru');
    const current = computeNormativeCost(
      parametersDefinition('2027-2028', 1, { coefficients }),
      sample,
    ).value.format('ru');
    const preview = parameters.locator('[part="preview"]');
    await expect.poll(() => preview.locator('.cost').textContent()).toContain(proposed);
    expect(await preview.locator('.cost').textContent()).toContain(`версии 1: ${current}`);
    await expectAccessible(page, { step: 'preview' });
    await noHorizontalOverflow(page);
    await preview.screenshot({ path: '/tmp/eduset-fin-operator-preview-1280.png' });

    // A coefficient that makes no sense stops the preview and says why.
    await urban.getByLabel('Норма часов в неделю (NORM)').fill('0');
    await expect.poll(() => preview.textContent()).toContain('Расчёт невозможен');
    await urban.getByLabel('Норма часов в неделю (NORM)').fill('18');

    await parameters.getByLabel('Что изменилось и почему').first().fill('Новая средняя зарплата');
    await parameters.getByRole('button', { name: 'Сохранить новую версию' }).first().click();
    await expect.poll(() => statusOf(parameters)).toContain('Сохранена версия 2.');
    expect(await parameters.locator('[part="base"]').textContent()).toContain('Действует версия 2');
    const saved = await server.storage.financingParameters.parameters('2027-2028');
    expect(saved.map((v) => [v.version, v.changedBy.name, v.note])).toEqual([
      [
        1,
        'Демонстрационные данные / demo data',
        'Демонстрационные коэффициенты / demo coefficients',
      ],
      [2, 'МБУ «УМИЦ»', 'Новая средняя зарплата'],
    ]);
    expect(saved[1]?.definition.coefficients.urban.zp).toBe('25000');

    // Version 1 stays readable, read-only.
    const cost = parameters.locator('form.panel').first();
    await cost.locator('details.versions summary').click();
    await cost.getByRole('button', { name: 'Показать Версия 1' }).click();
    await expect.poll(() => cost.locator('.viewing').textContent()).toContain('версию 1');
    await expect
      .poll(() => urban.getByLabel('Средняя зарплата педагога в месяц, ₽ (ЗП)').inputValue())
      .toBe('30000');
    expect(await urban.getByLabel('Средняя зарплата педагога в месяц, ₽ (ЗП)').isDisabled()).toBe(
      true,
    );
    await expectAccessible(page, { step: 'version 1' });
    await page.screenshot({ path: '/tmp/eduset-fin-operator-parameters-1280.png', fullPage: true });
    await cost.getByRole('button', { name: 'К черновику новой версии' }).click();

    // Direction limits for the period.
    const limits = parameters.locator('form.panel').nth(1);
    await limits.getByLabel('Лимит зачислений: техническая').fill('120');
    await limits.getByLabel('Лимит зачислений: художественная').fill('80');
    await limits.getByRole('button', { name: 'Сохранить новую версию' }).click();
    await expect.poll(() => statusOf(parameters)).toContain('Сохранена версия 1.');
    const stored = await server.storage.financingParameters.directionLimits('2027-2028');
    expect(stored.versions.map((v) => v.limits)).toEqual([{ technical: 120, artistic: 80 }]);
    await expectAccessible(page, { step: 'limits' });
    await noHorizontalOverflow(page);
    await limits.screenshot({ path: '/tmp/eduset-fin-operator-limits-1280.png' });

    // The registry at a desk: the table with its columns.
    await registry.locator('table').screenshot({ path: '/tmp/eduset-fin-operator-table-1280.png' });
    expectNoProblems(problems);
    await context.close();
  });
});
