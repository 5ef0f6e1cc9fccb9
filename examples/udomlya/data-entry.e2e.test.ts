// End to end: the done-when flow of issue 16 §2 on examples/udomlya/data-entry.html —
// <eduset-data-entry> from the staff bundle — in real Chromium against the real server over
// PGlite. A school signs in, enters its figures, one breaks a validation rule (the reason is
// shown as it types, the report cannot be submitted) and is corrected, submits; the
// coordinator sees who has reported and who is late by name, returns the report with a
// comment; the school corrects it and submits again; the coordinator approves it and the
// dashboard's API publishes the approved figure. axe clean, no horizontal overflow at
// 390×844 and 1280×800.
import { instant } from '@eduset/core';
import { indicatorReportSchema } from '@eduset/core/indicators';
import { hashPassword } from '@eduset/server';
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  expectAccessible,
  expectNoProblems,
  noHorizontalOverflow,
  openSignedIn,
  plain,
  useExampleServer,
} from '../e2e.js';

const now = instant('2026-12-07T09:00:00Z');
const password = 'отчёт школы 2026';

const server = useExampleServer({
  seed: async (storage) => {
    for (const [login, displayName, grant] of [
      [
        'school1',
        'Заместитель директора СОШ № 1',
        { role: 'school-staff', networkId: 'udomlya', organizationId: 'school-1' },
      ],
      ['coordinator', 'Координатор Удомли', { role: 'coordinator', networkId: 'udomlya' }],
      [
        'school2',
        'Завуч СОШ № 2',
        { role: 'school-staff', networkId: 'udomlya', organizationId: 'school-2' },
      ],
    ] as const) {
      await storage.identity.createAccount(
        {
          login,
          displayName,
          passwordHash: await hashPassword(password),
          grants: [grant],
          ...(login === 'school2' ? { email: 'school-udomlya2@example.org' } : {}),
        },
        now,
      );
    }
  },
  server: { now: () => now, rateLimit: false },
});

async function open(login: string, width: number, height: number, period: string) {
  const opened = await openSignedIn(
    server,
    '/udomlya/data-entry.html',
    { login, password },
    { context: { viewport: { width, height }, locale: 'ru-RU' } },
  );
  const entry = opened.page.locator('eduset-data-entry');
  await expect
    .poll(() => entry.locator('#form-title').textContent(), { timeout: 15_000 })
    .toContain('—');
  const select = entry.getByLabel('Период', { exact: true });
  if ((await select.inputValue()) !== period) {
    await select.selectOption(period);
    await expect.poll(() => entry.locator('#form-title').textContent()).toContain(period);
  }
  return { ...opened, entry };
}

const field = (entry: Locator, name: string) => entry.getByLabel(name, { exact: true });

describe('examples/udomlya/data-entry.html — a school’s report and the coordinator’s approval', () => {
  for (const [width, height, period] of [
    [390, 844, '2025-2026'],
    [1280, 800, '2024-2025'],
  ] as const) {
    it(`at ${String(width)}×${String(height)}: enter, a rule broken and corrected, submit, return, approve`, async () => {
      // The school enters its figures; one breaks a rule and the reason shows as it types.
      const school = await open('school1', width, height, period);
      let entry = school.entry;
      expect(plain(await entry.locator('#form-title').textContent())).toBe(`СОШ №1 — ${period}`);
      await field(entry, 'Ресурсный центр работает (1 за год)').fill('1');
      await field(entry, 'Выдано сертификатов о прослушивании курса').fill('31');
      await field(entry, 'Старшеклассников (10–11 классы)').fill('90');
      await field(entry, 'Старшеклассников в сети профильных курсов').fill('120');
      const problem = entry.locator('.entry.invalid .problems').first();
      await expect.poll(() => problem.textContent()).toContain('120 <= 90 не выполняется');
      expect(
        await field(entry, 'Старшеклассников в сети профильных курсов').getAttribute(
          'aria-invalid',
        ),
      ).toBe('true');
      const submit = entry.getByRole('button', { name: 'Отправить на проверку' });
      expect(await submit.isDisabled()).toBe(true);
      await entry.getByRole('button', { name: 'Сохранить черновик' }).click();
      await expect.poll(() => entry.getByText('Черновик сохранён.').count()).toBe(1);
      await noHorizontalOverflow(school.page);
      await expectAccessible(school.page, { step: 'a broken rule' });
      await school.page.screenshot({
        path: `/tmp/eduset-data-entry-${String(width)}-rule.png`,
        fullPage: true,
      });

      // Corrected: the reason goes, the report is submitted.
      await field(entry, 'Старшеклассников в сети профильных курсов').fill('24');
      await expect.poll(() => entry.locator('.entry.invalid').count()).toBe(0);
      await submit.click();
      await expect
        .poll(() => entry.getByText('Отчёт отправлен на проверку координатору.').count())
        .toBe(1);
      expect(plain(await entry.locator('.chip').textContent())).toBe(
        'Состояние: Отправлен на проверку',
      );

      // The coordinator: who has reported, who is late — by name; returns with a comment.
      const coordinator = await open('coordinator', width, height, period);
      entry = coordinator.entry;
      const completeness = entry.locator('section[aria-labelledby=completeness-title]');
      await expect
        .poll(async () => plain(await completeness.textContent()))
        .toContain('Сдали 1 из 7, утверждено 0, просрочили 6');
      const late = plain(await completeness.locator('.group-late').textContent());
      expect(late).toContain('Просрочили (6)');
      expect(late).toContain('СОШ №2');
      expect(late).not.toContain('school-2');
      // Reminders by e-mail: queued for the late school with an address, the others named.
      await entry.getByRole('button', { name: 'Напомнить опоздавшим по почте' }).click();
      await expect
        .poll(async () => plain(await completeness.locator('.status.done').textContent()))
        .toContain('Напоминания отправлены: СОШ №2.');
      expect(plain(await completeness.locator('.status.done').textContent())).toContain(
        'Нет адреса почты',
      );
      await noHorizontalOverflow(coordinator.page);
      await expectAccessible(coordinator.page, { step: 'completeness' });
      await coordinator.page.screenshot({
        path: `/tmp/eduset-data-entry-${String(width)}-coordinator.png`,
        fullPage: true,
      });
      await entry
        .getByLabel('Комментарий для школы (что исправить)')
        .fill('Сверьте число сертификатов с журналом выдачи');
      await entry.getByRole('button', { name: 'Вернуть на доработку' }).click();
      await expect.poll(() => entry.getByText('Отчёт возвращён на доработку.').count()).toBe(1);

      // The school sees the comment, corrects and submits again.
      await school.page.reload();
      entry = school.page.locator('eduset-data-entry');
      await expect.poll(() => entry.locator('#form-title').textContent()).toContain('—');
      if ((await entry.getByLabel('Период', { exact: true }).inputValue()) !== period) {
        await entry.getByLabel('Период', { exact: true }).selectOption(period);
      }
      await expect
        .poll(async () => plain(await entry.locator('.comment').textContent()))
        .toContain('Сверьте число сертификатов с журналом выдачи');
      await field(entry, 'Выдано сертификатов о прослушивании курса').fill('29');
      await entry.getByRole('button', { name: 'Отправить на проверку' }).click();
      await expect
        .poll(() => entry.getByText('Отчёт отправлен на проверку координатору.').count())
        .toBe(1);

      // The coordinator approves; the dashboard's API publishes the approved figure.
      await coordinator.page.reload();
      entry = coordinator.page.locator('eduset-data-entry');
      await expect.poll(() => entry.locator('#form-title').textContent()).toContain('—');
      if ((await entry.getByLabel('Период', { exact: true }).inputValue()) !== period) {
        await entry.getByLabel('Период', { exact: true }).selectOption(period);
      }
      await expect.poll(() => entry.getByRole('button', { name: 'Утвердить' }).count()).toBe(1);
      await entry.getByRole('button', { name: 'Утвердить' }).click();
      await expect
        .poll(() =>
          entry.getByText('Отчёт утверждён: его данные опубликованы в показателях.').count(),
        )
        .toBe(1);
      await expect
        .poll(async () =>
          plain(await entry.locator('section[aria-labelledby=completeness-title]').textContent()),
        )
        .toContain('утверждено 1');
      // Every changed value with its old and new value, every step with its comment.
      await entry.getByText('История изменений').click();
      const history = entry.locator('details.history');
      await expect
        .poll(async () => plain(await history.textContent()))
        .toContain('Старшеклассников в сети профильных курсов: 120 → 24');
      const told = plain(await history.textContent());
      expect(told).toContain('Заместитель директора СОШ № 1');
      expect(told).toContain(
        'вернул(а) на доработку — «Сверьте число сертификатов с журналом выдачи»',
      );
      expect(told).toContain('Выдано сертификатов о прослушивании курса: 31 → 29');
      await noHorizontalOverflow(coordinator.page);
      await expectAccessible(coordinator.page, { step: 'approved' });
      await coordinator.page.screenshot({
        path: `/tmp/eduset-data-entry-${String(width)}-approved.png`,
        fullPage: true,
      });
      const answer = await coordinator.page.request.get(
        new URL(
          `/api/indicators?orgUnit=school-1&period=${period}&explain=false`,
          server.running.url,
        ).href,
      );
      const report = indicatorReportSchema.parse(await answer.json());
      expect(
        report.results.find((result) => result.indicator === 'udomlya-course-certificates'),
      ).toMatchObject({ status: 'value', value: '29' });
      expect(report.approvedData?.text.ru).toContain('утверждённых координатором');
      expectNoProblems(school.problems);
      expectNoProblems(coordinator.problems);
      await school.context.close();
      await coordinator.context.close();
    });
  }
});
