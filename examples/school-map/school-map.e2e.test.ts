// End to end: the real server serves the school map page under a strict Content-Security-
// Policy with GET /api/schools answered from examples/data/tutaev-schools.json, and real
// Chromium shows the map, explains a school and finds no accessibility violations.
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectNoProblems, openPage, useExampleServer } from '../e2e.js';

const server = useExampleServer();

describe('the school map page', () => {
  it('shows the district, explains a school, under a strict CSP, accessible', async () => {
    const { context, page, problems } = await openPage(server, 'school-map/');
    const map = page.locator('eduset-school-map');
    await expect.poll(() => map.locator('tbody tr').count(), { timeout: 15_000 }).toBe(19);

    await map.getByRole('button', { name: 'МОУ Столбищенская ОШ' }).click();
    const explanation = map.locator('[part="explanation"]');
    await expect.poll(() => explanation.textContent()).toContain('Место по индексу: 10 из 19');
    expect(await explanation.textContent()).toContain('Сельские малокомплектные');

    await map.locator('[part="chart"]').focus();
    await page.keyboard.press('End');
    await expect.poll(() => explanation.locator('h3').textContent()).toBe('МОУ Лицей № 1');

    await expectAccessible(page);

    const csv = await page.request.get(
      new URL('/api/schools/identification.csv?onlyFlagged=true', server.running.url).href,
    );
    expect(await csv.text()).toContain('МОУ Чебаковская СШ;222;17;да');
    expectNoProblems(problems);
    await context.close();
  });
});
