// End to end: the real server (with the profile-course routes over the Udomlya-like example
// network) serves examples/courses/ under its strict Content-Security-Policy; real Chromium
// shows a student's timetable, switches to a resource centre through the form, subscribes to
// the iCal feed, and axe finds no violations.
import { existsSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage, startServer, type RunningServer, type Storage } from '@eduset/adapters';
import data from '../data/udomlya-courses.json' with { type: 'json' };
import { chromiumArgs } from '../../vitest.config.js';

const bundle = 'packages/widgets/dist/eduset-widgets.js';
let storage: Storage;
let running: RunningServer;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(bundle))
    throw new Error(
      `Нет ${bundle}: выполните npm run build / Missing ${bundle}: run npm run build`,
    );
  storage = await openStorage({ dataDir: 'memory://' });
  running = await startServer(
    {
      storage,
      staticRoot: 'examples',
      widgetsRoot: 'packages/widgets/dist',
      courses: {
        network: data,
        approvedAt: '2025-08-29T09:00:00Z',
        iterations: 20_000,
        uidDomain: 'eduset.test',
      },
    },
    { port: 0 },
  );
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
});

afterAll(async () => {
  await browser?.close();
  await running?.close();
  await storage?.close();
});

describe('examples/courses', () => {
  it("shows a student's week, switches to a centre, offers the iCal feed; CSP and axe clean", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(new URL('courses/', running.url).href);
    const timetable = page.locator('#timetable');
    await expect
      .poll(() => timetable.locator('[part="title"]').textContent())
      .toContain('Расписание профильных курсов');
    const entries = await timetable.locator('[part="week-grid"] [part="entry"]').count();
    expect(entries).toBeGreaterThan(0);
    const href = await timetable.locator('[part="ical-link"]').getAttribute('href');
    expect(href).toBe('/api/courses/feeds/student/st-001.ics');
    const feed = await fetch(new URL(href ?? '', running.url));
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

    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
