// End to end: the real server over an embedded PostgreSQL (PGlite) seeded with the Udomlya
// network serves the municipal page under a strict Content-Security-Policy, and real
// Chromium shows the directory filled from the database, filters it and finds no
// accessibility violations.
import { describe, expect, it } from 'vitest';
import { activeSites, parseSchoolYear, type Network } from '@eduset/core';
import {
  expectAccessible,
  expectNoProblems,
  noHorizontalOverflow,
  openPage,
  seedUdomlya,
  useExampleServer,
} from '../e2e.js';

const year = parseSchoolYear('2020-2021');
let network: Network;

const server = useExampleServer({
  seed: async (storage) => {
    network = await seedUdomlya(storage);
  },
});

function sitesServing(age: number): number {
  return activeSites(network, year).filter((site) => site.ages.from <= age && age <= site.ages.to)
    .length;
}

describe('the Udomlya page', () => {
  it('shows the directory filled from the database, under a strict CSP, accessible', async () => {
    const { context, page, problems } = await openPage(server, 'udomlya/');
    const directory = page.locator('eduset-site-directory');
    // Sites active in 2020-2021, the latest year: 8 КП, 2 РП, 2 лекотеки, 3 ЦИПР, 1 ПМПК.
    await expect
      .poll(() => directory.locator('[part~="site"]').count(), { timeout: 15_000 })
      .toBe(16);
    await expect
      .poll(() => directory.getByRole('heading', { name: /Консультационный пункт/ }).count())
      .toBeGreaterThan(0);
    expect(await directory.getByText('Лекотека').first().isVisible()).toBe(true);

    // A parent types the child's age: only sites whose age range contains it remain.
    for (const age of [2, 12]) {
      await directory.getByLabel(/Возраст ребёнка/).fill(String(age));
      await expect.poll(() => directory.locator('[part~="site"]').count()).toBe(sitesServing(age));
    }

    await expectAccessible(page);
    expectNoProblems(problems);
    await context.close();
  });

  // The week's schedule on a Thursday: the week as «с … по …», past days with their hours
  // alone, free times from today on; at a phone's width and a desk's, no sideways scrolling.
  for (const viewport of [
    { width: 390, height: 844 },
    { width: 1280, height: 800 },
  ]) {
    it(`shows the week's schedule at ${viewport.width}×${viewport.height}`, async () => {
      const { context, page, problems } = await openPage(server, 'udomlya/', {
        context: { viewport, locale: 'ru-RU' },
        fixedTime: new Date('2026-12-10T08:00:00Z'),
      });
      const schedule = page.locator('eduset-schedule');
      await expect
        .poll(() => schedule.locator('.week-range').textContent(), { timeout: 15_000 })
        .toBe('с 7 декабря по 13 декабря');
      await schedule.getByLabel(/Что нужно|Услуга|Вид помощи/).selectOption({ index: 1 });
      await expect
        .poll(() => schedule.locator('[part="free-slots"]').count(), { timeout: 15_000 })
        .toBeGreaterThan(0);
      const shown = (await schedule.locator('[part="free-slots"]').allTextContents()).join(' ');
      expect(shown).not.toContain('свободно 0');
      await schedule.screenshot({ path: `/tmp/eduset-schedule-${viewport.width}.png` });
      await noHorizontalOverflow(page);
      await expectAccessible(page);
      expectNoProblems(problems);
      await context.close();
    });
  }

  // Issue 18 §1: the dark theme. Every element of the page with theme="dark" on a dark page:
  // readable (axe's contrast rules clean), nothing sideways; screenshots in /tmp to look at.
  for (const viewport of [
    { width: 390, height: 844 },
    { width: 1280, height: 800 },
  ]) {
    it(`the dark theme at ${viewport.width}×${viewport.height}: readable, accessible`, async () => {
      const { context, page, problems } = await openPage(server, 'udomlya/', {
        context: { viewport, locale: 'ru-RU', colorScheme: 'dark' },
        fixedTime: new Date('2026-12-10T08:00:00Z'),
      });
      // `auto` follows the reader's system setting (dark here); `dark` forces it.
      // The elements' own dark theme, without the page's light design (its stylesheet sets
      // some --eduset-* properties, which win over any theme by design).
      await page.evaluate(() => {
        document.querySelectorAll('link[rel="stylesheet"]').forEach((link) => link.remove());
        document.body.style.background = '#0d1117';
        document.body.style.color = '#e6edf3';
        for (const text of document.querySelectorAll<HTMLElement>('a, h1, h2, p, li, header'))
          text.style.color = '#e6edf3';
        document.querySelectorAll('eduset-site-directory, eduset-booking').forEach((element) => {
          element.setAttribute('theme', 'dark');
        });
        document.querySelector('eduset-schedule')?.setAttribute('theme', 'auto');
      });
      const directory = page.locator('eduset-site-directory');
      await expect
        .poll(() => directory.locator('[part~="site"]').count(), { timeout: 15_000 })
        .toBe(16);
      const schedule = page.locator('eduset-schedule');
      await schedule.getByLabel(/Что нужно|Услуга|Вид помощи/).selectOption({ index: 1 });
      await expect
        .poll(() => schedule.locator('[part="free-slots"]').count(), { timeout: 15_000 })
        .toBeGreaterThan(0);
      // The element's own surface is dark, its text light.
      const colors = await directory.evaluate((element) => {
        const style = getComputedStyle(element);
        return { text: style.color, surface: style.getPropertyValue('--_color-surface').trim() };
      });
      expect(colors).toEqual({ text: 'rgb(230, 237, 243)', surface: '#0d1117' });
      expect(await schedule.evaluate((element) => getComputedStyle(element).color)).toBe(
        'rgb(230, 237, 243)',
      );
      await page.screenshot({ path: `/tmp/eduset-dark-${viewport.width}.png`, fullPage: true });
      await schedule.screenshot({ path: `/tmp/eduset-dark-schedule-${viewport.width}.png` });
      await page
        .locator('eduset-booking')
        .screenshot({ path: `/tmp/eduset-dark-booking-${viewport.width}.png` });
      await page.screenshot({ path: `/tmp/eduset-dark-top-${viewport.width}.png` });
      await noHorizontalOverflow(page);
      await expectAccessible(page, { include: 'eduset-site-directory', step: 'directory' });
      await expectAccessible(page, { include: 'eduset-schedule', step: 'schedule' });
      await expectAccessible(page, { include: 'eduset-booking', step: 'booking' });
      expectNoProblems(problems);
      await context.close();
    });
  }

  it('the examples index links to the page', async () => {
    const { context, page, problems } = await openPage(server, '');
    await expect.poll(() => page.locator('a[href*="udomlya"]').count()).toBeGreaterThan(0);
    expect(problems.cspViolations).toEqual([]);
    await context.close();
  });
});
