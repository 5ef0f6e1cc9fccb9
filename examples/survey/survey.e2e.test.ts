// End to end: the survey link of the e-mail after a consultation opens /survey/ on the real
// server (embedded PostgreSQL) under the strict CSP; in real Chromium a parent answers from
// the keyboard, on a phone (390×844) and on a desktop (1280×800), with no horizontal scroll
// and no accessibility violation; the answer is stored once, without a contact, and the
// dashboard's figure moves. The demo's past years are seeded as the demo server does.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { surveyLinkPath } from '@eduset/core';
import { indicatorReportSchema } from '@eduset/core/indicators';
import { seedConsultationHistoryIfEmpty } from '@eduset/server';
import {
  attendedConsultation,
  expectAccessible,
  expectNoProblems,
  openPage,
  seedUdomlya,
  useExampleServer,
} from '../e2e.js';

const server = useExampleServer({
  seed: async (storage) => {
    await seedUdomlya(storage);
    await seedConsultationHistoryIfEmpty(
      storage,
      'examples/data/udomlya-consultations.csv',
      () => undefined,
    );
    await storage.feedback.importPastConsultations(
      'udomlya',
      [
        { booking: attendedConsultation('e2e-phone', '2026-10-06T07:00:00Z') },
        { booking: attendedConsultation('e2e-desktop', '2026-10-07T07:00:00Z') },
        {
          booking: attendedConsultation('e2e-earlier', '2026-09-15T07:00:00Z'),
          answer: { satisfied: false, score: 2 },
        },
      ],
      { timeZone: 'Europe/Moscow' },
    );
  },
});

async function noHorizontalOverflow(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

async function satisfiedShare(): Promise<string | undefined> {
  const answer = await fetch(
    new URL(
      '/api/indicators?orgUnit=udomlya&period=2026-2027&indicator=udomlya-parents-satisfied-share&explain=false',
      server.running.url,
    ),
  );
  const report = indicatorReportSchema.parse(await answer.json());
  const [result] = report.results;
  return result?.status === 'value' ? result.value : undefined;
}

describe('examples/survey', () => {
  const cases = [
    ['e2e-phone', 390, 844, '0', '50'],
    ['e2e-desktop', 1280, 800, '50', '67'],
  ] as const;
  for (const [bookingId, width, height, before, after] of cases) {
    it(`a parent answers the survey from the e-mail's link, by keyboard (${width}×${height})`, async () => {
      expect(await satisfiedShare()).toBe(before);
      const token = await server.storage.links.token('survey', bookingId);
      const { context, page, problems } = await openPage(server, surveyLinkPath(bookingId, token), {
        context: { viewport: { width, height } },
      });
      const survey = page.locator('eduset-survey');
      await expect
        .poll(() => survey.locator('legend').first().textContent(), { timeout: 15_000 })
        .toBe('Вы довольны консультацией?');
      const details = (await survey.locator('[part="details"]').textContent()) ?? '';
      expect(details).toContain('Консультация педагога-психолога');
      expect(details).toContain('Консультационный пункт МБДОУ детский сад «Теремок»');
      await expectAccessible(page, { step: 'the form' });
      await noHorizontalOverflow(page);
      await page.screenshot({ path: `/tmp/eduset-survey-${width}.png`, fullPage: true });

      // Sending with nothing chosen: the first question to fix gets the focus.
      await survey.getByRole('button', { name: 'Отправить ответ' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => survey.locator('fieldset .field-error').count()).toBe(2);
      await expectAccessible(page, { step: 'the errors' });
      await page.screenshot({ path: `/tmp/eduset-survey-errors-${width}.png`, fullPage: true });
      // The keyboard only: «Да», the score 4, a comment, send.
      await page.keyboard.press('Space');
      await page.keyboard.press('Tab');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Спасибо, всё понятно');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await expect
        .poll(() => survey.locator('h2').textContent(), { timeout: 15_000 })
        .toBe('Спасибо за ответ!');
      await expectAccessible(page, { step: 'the thanks' });
      await noHorizontalOverflow(page);
      await page.screenshot({ path: `/tmp/eduset-survey-thanks-${width}.png`, fullPage: true });

      // Stored once: the link opened again says so.
      await page.reload();
      await expect
        .poll(() => survey.locator('h2').textContent(), { timeout: 15_000 })
        .toBe('Вы уже ответили на этот опрос');
      expect(await satisfiedShare()).toBe(after);
      expectNoProblems(problems);
      await context.close();
    });
  }

  it('a wrong or missing link says so, accessibly', async () => {
    const { context, page, problems } = await openPage(
      server,
      'survey/#booking=e2e-phone&token=wrong',
      {
        context: { viewport: { width: 390, height: 844 } },
      },
    );
    const survey = page.locator('eduset-survey');
    await expect
      .poll(() => survey.locator('h2').textContent(), { timeout: 15_000 })
      .toBe('Опрос не найден');
    await expectAccessible(page);
    await page.goto(new URL('survey/', server.running.url).href);
    await expect
      .poll(() => survey.locator('[part="message"]').textContent())
      .toContain('В адресе страницы нет ссылки на опрос');
    // The 404 of the wrong token is the one console line the browser writes about it.
    expectNoProblems(problems, [
      'Failed to load resource: the server responded with a status of 404 (Not Found)',
    ]);
    await context.close();
  });
});
