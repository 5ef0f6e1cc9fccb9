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

  it('the examples index links to the page', async () => {
    const { context, page, problems } = await openPage(server, '');
    await expect.poll(() => page.locator('a[href*="udomlya"]').count()).toBeGreaterThan(0);
    expect(problems.cspViolations).toEqual([]);
    await context.close();
  });
});
