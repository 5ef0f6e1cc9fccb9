// End to end: the real server (with the profile-course routes over the Udomlya-like example
// network) serves examples/courses/ under its strict Content-Security-Policy; real Chromium
// opens a student's personal link (issued by the school), subscribes to its iCal feed,
// switches to a resource centre's public timetable through the form, and axe finds no
// violations.
import { instant } from '@eduset/core';
import { seedCourseNetwork } from '@eduset/server';
import { describe, expect, it } from 'vitest';
import data from '../data/udomlya-courses.json' with { type: 'json' };
import { expectAccessible, expectNoProblems, openPage, useExampleServer } from '../e2e.js';

const server = useExampleServer({
  seed: (storage) =>
    seedCourseNetwork(storage.courseNetworks, 'courses', data, {
      seed: 2025,
      iterations: 20_000,
      at: instant('2025-08-29T09:00:00Z'),
    }),
  server: {
    courses: { uidDomain: 'eduset.test' },
  },
});

describe('examples/courses', () => {
  it("shows a student's week through the personal link, then a centre; CSP and axe clean", async () => {
    const { token } = await server.storage.courseLinks.issue({
      networkId: 'courses',
      studentId: 'st-001',
      issuedBy: 'acc-deputy-school-1',
      now: instant(new Date()),
      validForMs: 24 * 60 * 60 * 1000,
    });
    const { context, page, problems } = await openPage(server, `courses/#token=${token}`, {
      context: { viewport: { width: 1280, height: 900 } },
    });
    const mine = page.locator('#mine');
    await expect
      .poll(() => mine.locator('[part="title"]').textContent())
      .toContain('Расписание профильных курсов');
    const entries = await mine.locator('[part="week-grid"] [part="entry"]').count();
    expect(entries).toBeGreaterThan(0);
    const href = await mine.locator('[part="ical-link"]').getAttribute('href');
    expect(href).toBe(`/api/courses/feeds/by-link/${token}.ics`);
    const feed = await fetch(new URL(href ?? '', server.running.url));
    expect(feed.headers.get('content-type')).toContain('text/calendar');
    expect(feed.headers.get('cache-control')).toBe('no-store');
    const ics = await feed.text();
    expect(ics).toContain('BEGIN:VTIMEZONE');
    expect(ics).toContain('RRULE:FREQ=WEEKLY');
    expect(ics).toContain('@eduset.test');

    const timetable = page.locator('#timetable');
    await page.selectOption('#place', 'centre:rc-college');
    await page.click('.course-picker button');
    await expect
      .poll(() => timetable.locator('[part="title"]').textContent())
      .toContain('Ресурсный центр Удомельского колледжа');
    expect(await timetable.locator('[part="entry"]').count()).toBeGreaterThan(0);
    expect(await timetable.locator('[part="entry"]').first().textContent()).not.toContain(
      'Преподаватель',
    );
    const english = page.locator('eduset-course-timetable[lang="en"]');
    await expect
      .poll(() => english.locator('[part="title"]').textContent())
      .toContain('Profile course timetable');

    await expectAccessible(page, { rules: 'all' });
    expectNoProblems(problems);
    await context.close();
  });
});
