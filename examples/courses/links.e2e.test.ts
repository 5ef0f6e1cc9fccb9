// End to end: school staff's list of their students' personal timetable links
// (examples/courses/links.html) — <eduset-course-links> from the staff bundle — in real
// Chromium against the real server over PGlite, the Udomlya course network seeded and
// published. The school's deputy sees only school 1's students, by name; issues a link for one
// who has none; copies a link. axe clean, no horizontal overflow at 390×844 and 1280×800.
import { instant } from '@eduset/core';
import { describe, expect, it } from 'vitest';
import data from '../data/udomlya-courses.json' with { type: 'json' };
import { useCourseServer } from './course-server.js';
import { expectAccessible, expectNoProblems, noHorizontalOverflow, openSignedIn } from '../e2e.js';

const password = 'пароль школы 2026';
const school1 = data.students.filter((student) => student.homeSchoolId === 'school-1');

const server = useCourseServer({
  iterations: 2_000,
  accounts: [
    {
      login: 'school1',
      displayName: 'Заместитель директора школы № 1',
      password,
      grants: [{ role: 'school-staff', networkId: 'udomlya', organizationId: 'school-1' }],
    },
  ],
  // One student of school 1 already has a link.
  seed: (storage) =>
    storage.courseLinks.issue({
      networkId: 'udomlya',
      studentId: school1[0]?.id ?? '',
      issuedBy: 'acc-school1',
      now: instant(new Date()),
      validForMs: 30 * 24 * 60 * 60 * 1000,
    }),
});

describe('examples/courses/links.html — school staff’s list of students’ timetable links', () => {
  for (const [width, height] of [
    [390, 844],
    [1280, 800],
  ] as const) {
    it(`at ${String(width)}×${String(height)}: names and links, issue one, copy one`, async () => {
      const { context, page, problems } = await openSignedIn(
        server,
        '/courses/links.html',
        { login: 'school1', password },
        { context: { viewport: { width, height }, locale: 'ru-RU' } },
      );
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      const links = page.locator('eduset-course-links');
      const items = links.locator('li');
      await expect.poll(() => items.count(), { timeout: 15_000 }).toBe(school1.length);
      const text = (await links.locator('section').textContent()) ?? '';
      // People's names, never codes; only this school's students.
      expect(text).toContain(school1[0]?.name);
      expect(text).not.toMatch(/st-\d{3}/);
      const other = data.students.find((student) => student.homeSchoolId !== 'school-1');
      expect(text).not.toContain(other?.name);
      expect(text).toContain('#token=');
      await noHorizontalOverflow(page);
      await expectAccessible(page);

      // Issue a link for a student who has none.
      // (Two students of a school may share a name: take names that are unique.)
      const unique = school1.filter((a) => school1.filter((b) => b.name === a.name).length === 1);
      const second = unique[width === 390 ? 1 : 2];
      await links.getByRole('button', { name: `Выдать ссылку: ${second?.name ?? ''}` }).click();
      await expect
        .poll(() =>
          links.getByRole('button', { name: `Копировать: ${second?.name ?? ''}` }).count(),
        )
        .toBe(1);
      await links.getByRole('button', { name: `Копировать: ${second?.name ?? ''}` }).click();
      await expect
        .poll(() => links.locator('[role=status]').textContent())
        .toContain('скопирована');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/courses\/#token=/);
      // The copied link opens the student's week without signing in.
      const week = await page.request.get(
        new URL(
          `/api/courses/timetable/by-link?token=${copied.split('#token=')[1] ?? ''}`,
          server.running.url,
        ).href,
      );
      expect(week.status()).toBe(200);
      await noHorizontalOverflow(page);
      await expectAccessible(page);
      await page.screenshot({ path: `/tmp/eduset-links-${String(width)}.png`, fullPage: true });
      await links.locator('h3').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `/tmp/eduset-links-${String(width)}-view.png` });
      expectNoProblems(problems);
      await context.close();
    });
  }
});
