// End to end: the real server (with the profile-course routes over the Udomlya-like example
// network) serves examples/courses/ under its strict Content-Security-Policy; real Chromium
// shows a student's timetable, switches to a resource centre through the form, subscribes to
// the iCal feed, and axe finds no violations.
import { describe, expect, it } from 'vitest';
import data from '../data/udomlya-courses.json' with { type: 'json' };
import { expectAccessible, expectNoProblems, openPage, useExampleServer } from '../e2e.js';

const server = useExampleServer({
  server: {
    courses: {
      network: data,
      approvedAt: '2025-08-29T09:00:00Z',
      iterations: 20_000,
      uidDomain: 'eduset.test',
    },
  },
});

describe('examples/courses', () => {
  it("shows a student's week, switches to a centre, offers the iCal feed; CSP and axe clean", async () => {
    const { context, page, problems } = await openPage(server, 'courses/', {
      context: { viewport: { width: 1280, height: 900 } },
    });
    const timetable = page.locator('#timetable');
    await expect
      .poll(() => timetable.locator('[part="title"]').textContent())
      .toContain('Расписание профильных курсов');
    const entries = await timetable.locator('[part="week-grid"] [part="entry"]').count();
    expect(entries).toBeGreaterThan(0);
    const href = await timetable.locator('[part="ical-link"]').getAttribute('href');
    expect(href).toBe('/api/courses/feeds/student/st-001.ics');
    const feed = await fetch(new URL(href ?? '', server.running.url));
    expect(feed.headers.get('content-type')).toContain('text/calendar');
    const ics = await feed.text();
    expect(ics).toContain('BEGIN:VTIMEZONE');
    expect(ics).toContain('RRULE:FREQ=WEEKLY');
    expect(ics).toContain('@eduset.test');

    await page.selectOption('#view', 'centre');
    await page.fill('#id', 'rc-college');
    await page.click('.course-picker button');
    await expect
      .poll(() => timetable.locator('[part="title"]').textContent())
      .toContain('Ресурсный центр Удомельского колледжа');
    expect(await timetable.locator('[part="entry"]').count()).toBeGreaterThan(0);
    const english = page.locator('eduset-course-timetable[lang="en"]');
    await expect
      .poll(() => english.locator('[part="title"]').textContent())
      .toContain('Profile course timetable');

    await expectAccessible(page, { rules: 'all' });
    expectNoProblems(problems);
    await context.close();
  });
});
