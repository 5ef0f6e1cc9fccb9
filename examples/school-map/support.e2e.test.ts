// End to end (issue 16 §4): the Tutaev coordinator signs in, opens «Программы поддержки
// школ» (examples/school-map/support.html, <eduset-support-programme> from the staff bundle),
// draws up a programme for a flagged school and adds a measure; the school's staff sign in,
// report it done with evidence; the coordinator accepts it; the printable report opens.
// Real server (PGlite in memory, the Tutaev demo seeded, a fixed clock), real sign-in, real
// Chromium at 390×844 and 1280×800, axe clean, no horizontal overflow; screenshots in /tmp.
import { instant } from '@eduset/core';
import { hashPassword } from '@eduset/server';
import { seedSchoolsIfEmpty } from '../../packages/server/src/cli-schools.js';
import { describe, expect, it } from 'vitest';
import {
  expectAccessible,
  expectNoProblems,
  noHorizontalOverflow,
  openSignedIn,
  plain,
  useExampleServer,
} from '../e2e.js';

const now = instant('2026-12-07T08:00:00Z');
const password = 'программа поддержки 2026';

const server = useExampleServer({
  server: { now: () => now },
  seed: async (storage) => {
    await seedSchoolsIfEmpty(storage, 'examples/data/tutaev-schools.json', 'tutaev', now, () => {});
    const passwordHash = await hashPassword(password);
    await storage.identity.createAccount(
      {
        login: 'tutaev',
        displayName: 'Методист Тутаевского района',
        passwordHash,
        grants: [{ role: 'coordinator', networkId: 'tutaev' }],
      },
      now,
    );
    await storage.identity.createAccount(
      {
        login: 'chebakovo',
        displayName: 'Заместитель директора Чебаковской СШ',
        passwordHash,
        grants: [{ role: 'school-staff', networkId: 'tutaev', organizationId: 'chebakovskaya' }],
      },
      now,
    );
  },
});

describe('support programmes page', () => {
  for (const viewport of [
    { width: 390, height: 844 },
    { width: 1280, height: 800 },
  ]) {
    it(`coordinator creates, school reports, coordinator accepts, report opens at ${viewport.width}×${viewport.height}`, async () => {
      // Each viewport works on its own school: the first creates Чебаковская СШ's programme,
      // the second finds it made and adds another measure.
      const coordinator = await openSignedIn(
        server,
        'school-map/support.html',
        { login: 'tutaev', password },
        { context: { viewport } },
      );
      let page = coordinator.page;
      let widget = page.locator('eduset-support-programme');
      await expect
        .poll(() => widget.getByText('Школы, отмеченные выявлением').count(), { timeout: 15_000 })
        .toBe(1);
      const create = widget.getByRole('button', {
        name: 'Составить программу для школы «МОУ Чебаковская СШ»',
      });
      if ((await create.count()) === 1) await create.click();
      else
        await widget
          .getByRole('button', { name: 'Открыть программу: МОУ Чебаковская СШ, 2016' })
          .first()
          .click();
      await expect
        .poll(() => widget.locator('#view-title').textContent())
        .toContain('МОУ Чебаковская СШ');
      await expect
        .poll(() => widget.locator('section.panel').first().textContent())
        .toContain('Низкие результаты');
      await expectAccessible(page, { step: `new programme at ${viewport.width}px` });

      const title = `Родительские собрания (${viewport.width})`;
      await widget.getByText('Добавить мероприятие').click();
      await widget.getByLabel('Мероприятие', { exact: true }).fill(title);
      await widget.getByLabel('Ответственный', { exact: true }).fill('Завуч Смирнова О. П.');
      await widget
        .getByLabel('Эл. почта ответственного (для напоминаний)')
        .fill('smirnova@example.org');
      await widget.getByLabel('Срок').fill('2026-11-30');
      await widget
        .getByLabel('Влияет на показатель')
        .selectOption({ label: 'Доля родителей, вовлечённых в мероприятия' });
      await widget
        .getByLabel('Ожидаемый эффект')
        .fill('Доля вовлечённых родителей вырастет до 60 %');
      await widget.getByRole('button', { name: 'Добавить', exact: true }).click();
      const card = widget.locator('li.measure', { hasText: title });
      await expect.poll(() => card.textContent()).toContain('Просрочено');
      await page.screenshot({
        path: `/tmp/eduset-support-coordinator-${viewport.width}.png`,
        fullPage: true,
      });
      await noHorizontalOverflow(page);
      await expectAccessible(page, { step: `road map at ${viewport.width}px` });
      // The overdue measure is mailed to the person responsible (once a day).
      await page.reload();
      widget = page.locator('eduset-support-programme');
      await widget
        .getByRole('button', { name: 'Напомнить ответственным о просроченных мероприятиях' })
        .click({ timeout: 15_000 });
      await expect
        .poll(async () => plain(await widget.locator('[part=status]').textContent()))
        .toMatch(/(Напоминания отправлены|Уже напоминали сегодня): Завуч Смирнова О\. П\.$/);
      await page.screenshot({
        path: `/tmp/eduset-support-remind-${viewport.width}.png`,
        fullPage: true,
      });
      await noHorizontalOverflow(page);
      await expectAccessible(page, { step: `reminded at ${viewport.width}px` });
      expectNoProblems(coordinator.problems);
      await coordinator.context.close();

      const school = await openSignedIn(
        server,
        'school-map/support.html',
        { login: 'chebakovo', password },
        { context: { viewport } },
      );
      page = school.page;
      widget = page.locator('eduset-support-programme');
      const schoolCard = widget.locator('li.measure', { hasText: title });
      await expect.poll(() => schoolCard.count(), { timeout: 15_000 }).toBe(1);
      expect(await widget.getByText('Школы, отмеченные выявлением').count()).toBe(0);
      await schoolCard.getByText('Отметить ход').click();
      await schoolCard.getByLabel('Новый статус').selectOption({ label: 'Выполнено' });
      await schoolCard
        .getByLabel('Что сделано (обязательно для «Выполнено»)')
        .fill('Проведено 3 собрания, пришли 47 родителей');
      await schoolCard.getByRole('button', { name: 'Сохранить' }).click();
      await expect.poll(() => schoolCard.textContent()).toContain('Ждёт проверки координатора');
      expect(await schoolCard.textContent()).not.toContain('Просрочено');
      await page.screenshot({
        path: `/tmp/eduset-support-school-${viewport.width}.png`,
        fullPage: true,
      });
      await noHorizontalOverflow(page);
      await expectAccessible(page, { step: `school at ${viewport.width}px` });
      expectNoProblems(school.problems);
      await school.context.close();

      const back = await openSignedIn(
        server,
        'school-map/support.html',
        { login: 'tutaev', password },
        { context: { viewport } },
      );
      page = back.page;
      widget = page.locator('eduset-support-programme');
      await widget
        .getByRole('button', { name: 'Открыть программу: МОУ Чебаковская СШ, 2016' })
        .first()
        .click({ timeout: 15_000 });
      const review = widget.locator('li.measure', { hasText: title });
      await review.getByRole('button', { name: 'Принять' }).click();
      await expect.poll(() => review.textContent()).toContain('Принято координатором');
      await noHorizontalOverflow(page);
      await expectAccessible(page, { step: `accepted at ${viewport.width}px` });

      const [report] = await Promise.all([
        page.context().waitForEvent('page'),
        widget.getByRole('link', { name: 'Открыть отчёт для печати' }).click(),
      ]);
      await report.waitForLoadState();
      await expect
        .poll(() => report.locator('h1').textContent())
        .toBe('Отчёт о реализации программы поддержки');
      const text = (await report.locator('body').textContent()) ?? '';
      expect(text).toContain(title);
      expect(text).toContain('Принято координатором');
      expect(text).toContain('Проведено 3 собрания');
      expect(text).not.toMatch(/chebakovskaya|parents-involved|inProgress|lowResults/);
      await report.screenshot({
        path: `/tmp/eduset-support-report-${viewport.width}.png`,
        fullPage: true,
      });
      await noHorizontalOverflow(report);
      await expectAccessible(report, { step: `report at ${viewport.width}px` });
      expectNoProblems(back.problems);
      await back.context.close();
    });
  }
});
