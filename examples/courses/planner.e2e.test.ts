// End to end: the coordinator's course planner (examples/courses/planner.html) —
// <eduset-course-planner> from the staff bundle — in real Chromium against the real server
// over PGlite, the Udomlya course network seeded and published as `npm start` does. The
// coordinator solves in the background (progress, then a draft), opens the draft, pins two
// lectures, checks a hand move (its violations shown before saving) and publishes: version 2.
// axe clean, no horizontal overflow at 390×844 and 1280×800.
import { describe, expect, it } from 'vitest';
import { useCourseServer } from './course-server.js';
import { expectAccessible, expectNoProblems, noHorizontalOverflow, openSignedIn } from '../e2e.js';

const password = 'пароль координатора 2026';

const server = useCourseServer({
  iterations: 5_000,
  accounts: [
    {
      login: 'coordinator',
      displayName: 'Координатор сети курсов',
      password,
      grants: [{ role: 'coordinator', networkId: 'udomlya' }],
    },
  ],
});

describe('examples/courses/planner.html — the coordinator’s course planner', () => {
  for (const [width, height] of [
    [390, 844],
    [1280, 800],
  ] as const) {
    it(`at ${String(width)}×${String(height)}: solve in the background, pin, check a move, publish`, async () => {
      const { context, page, problems } = await openSignedIn(
        server,
        '/courses/planner.html',
        { login: 'coordinator', password },
        { context: { viewport: { width, height }, locale: 'ru-RU' } },
      );
      const planner = page.locator('eduset-course-planner');
      await expect
        .poll(() => planner.locator('ul.cards > li').first().textContent(), { timeout: 15_000 })
        .toContain('Опубликовано, версия');
      await noHorizontalOverflow(page);
      await expectAccessible(page);

      // A short background solve: progress, then a draft.
      await planner.getByLabel('Сколько секунд искать').fill('2');
      await planner.getByRole('button', { name: 'Начать подбор' }).click();
      await expect
        .poll(() => planner.locator('[role=status]').first().textContent(), { timeout: 20_000 })
        .toContain('Подбор закончен');
      const draft = planner.locator('ul.cards > li', { hasText: 'Черновик' }).first();
      await expect.poll(() => draft.count(), { timeout: 10_000 }).toBe(1);
      await draft.getByRole('button', { name: /^Открыть/ }).click();
      const lectures = planner.locator('ul.lectures input[type=checkbox]');
      await expect.poll(() => lectures.count(), { timeout: 10_000 }).toBeGreaterThan(2);
      await lectures.nth(0).check();
      await lectures.nth(1).check();
      await expect
        .poll(() => planner.getByRole('button', { name: /сохранив закреплённые \(2\)/ }).count())
        .toBe(1);

      // A hand move onto another lecture's time in the same room: the room clash is shown
      // before anything is saved.
      const draftId = /№ (\d+)/.exec((await draft.textContent()) ?? '')?.[1] ?? '';
      const record = (await (
        await page.request.get(
          new URL(`/api/courses/plan/timetables/${draftId}`, server.running.url).href,
        )
      ).json()) as {
        timetable: { sessions: { groupId: string; day: number; period: number; roomId: string }[] };
      };
      const sessions = record.timetable.sessions;
      const from = sessions.findIndex((a) =>
        sessions.some((b) => b.roomId === a.roomId && (b.day !== a.day || b.period !== a.period)),
      );
      const onto = sessions.find(
        (b) =>
          b.roomId === sessions[from]?.roomId &&
          (b.day !== sessions[from]?.day || b.period !== sessions[from]?.period),
      );
      if (from < 0 || onto === undefined) throw new Error('no two lectures share a room');
      await planner.locator('select[name=lecture]').selectOption(String(from));
      await planner.locator('select[name=day]').selectOption(String(onto.day));
      await planner.locator('select[name=period]').selectOption(String(onto.period));
      await planner.getByRole('button', { name: 'Проверить перенос' }).click();
      await expect.poll(() => planner.getByText('Перенос добавит нарушения:').count()).toBe(1);
      expect(await planner.locator('ul.problems').textContent()).toContain('занято дважды');
      await noHorizontalOverflow(page);
      await expectAccessible(page);
      await page.screenshot({ path: `/tmp/eduset-planner-${String(width)}.png`, fullPage: true });

      // Publish the draft: the next version.
      await draft.getByRole('button', { name: /^Опубликовать/ }).click();
      await expect
        .poll(() => planner.getByText(/Опубликована версия \d/).count(), { timeout: 10_000 })
        .toBe(1);
      expectNoProblems(problems);
      await context.close();
    });
  }
});
