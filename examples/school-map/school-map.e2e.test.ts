// End to end: the real server serves the school map page under a strict Content-Security-
// Policy with GET /api/schools answered from examples/data/tutaev-schools.json, and real
// Chromium shows the map, explains a school and finds no accessibility violations.
import { describe, expect, it } from 'vitest';
import {
  expectAccessible,
  expectNoProblems,
  noHorizontalOverflow,
  openPage,
  plain,
  useExampleServer,
} from '../e2e.js';

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

  // Issue 18 §3: the page loads /widgets/eduset-loader.js, which fetches only the modules of
  // the elements on the page; one put on the page later is defined when it appears.
  it('loads through the lazy loader: only the map, and an element added later', async () => {
    // A fresh context (an empty cache), every request of it seen from the first one on.
    const context = await server.browser.newContext();
    const fetched: string[] = [];
    context.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/widgets/')) fetched.push(url.pathname);
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(new URL('school-map/', server.running.url).href);
    const map = page.locator('eduset-school-map');
    await expect.poll(() => map.locator('tbody tr').count(), { timeout: 15_000 }).toBe(19);
    expect(fetched[0]).toBe('/widgets/eduset-loader.js');
    expect(fetched.some((path) => /^\/widgets\/lazy\/school-map\.define-/.test(path))).toBe(true);
    expect(fetched.some((path) => /booking|schedule|survey|navigator/.test(path))).toBe(false);
    expect(await page.evaluate(() => customElements.get('eduset-survey') === undefined)).toBe(true);
    await page.evaluate(() => {
      const block = document.createElement('div');
      block.innerHTML = '<eduset-survey></eduset-survey>';
      document.querySelector('main')?.append(block);
    });
    await expect
      .poll(() => page.evaluate(() => customElements.get('eduset-survey') !== undefined))
      .toBe(true);
    expect(fetched.some((path) => /^\/widgets\/lazy\/survey\.define-/.test(path))).toBe(true);
    // Asked of the loader's origin as files: the chunks are compressed and cached for good.
    const chunk = fetched.find((path) => path.startsWith('/widgets/lazy/')) ?? '';
    const answer = await page.request.get(new URL(chunk, server.running.url).href, {
      headers: { 'accept-encoding': 'br' },
    });
    expect(answer.headers()['content-encoding']).toBe('br');
    expect(answer.headers()['cache-control']).toContain('immutable');
    expect(problems).toEqual([]);
    await context.close();
  });

  // Issue 16: the explanation speaks in people's words — the index terms by their labels,
  // the locality as «сельская», never `preventionRegisterShare` or `rural`. At 390×844 and
  // 1280×800, no sideways scrolling, axe clean; screenshots in /tmp to look at.
  for (const viewport of [
    { width: 390, height: 844 },
    { width: 1280, height: 800 },
  ]) {
    it(`explains a school in words, never codes, at ${viewport.width}×${viewport.height}`, async () => {
      const { context, page, problems } = await openPage(server, 'school-map/', {
        context: { viewport },
      });
      const map = page.locator('eduset-school-map');
      await expect.poll(() => map.locator('tbody tr').count(), { timeout: 15_000 }).toBe(19);
      await map.getByRole('button', { name: 'МОУ Ченцевская СШ' }).click();
      const explanation = map.locator('[part="explanation"]');
      await expect.poll(() => explanation.locator('h3').textContent()).toBe('МОУ Ченцевская СШ');
      const shown = plain(await explanation.textContent());
      expect(shown).toContain('местность: сельская');
      expect(shown).toMatch(/Сильнее всего индекс снижают: доля/);
      expect(shown).not.toMatch(/\b(rural|urban|irregular)\b|[a-z][A-Z][a-z]+Share/);
      await explanation.screenshot({
        path: `/tmp/eduset-school-map-explanation-${viewport.width}.png`,
      });
      await page.screenshot({
        path: `/tmp/eduset-school-map-${viewport.width}.png`,
        fullPage: true,
      });
      await noHorizontalOverflow(page);
      await expectAccessible(page, { step: `school map at ${viewport.width}px` });
      expectNoProblems(problems);
      await context.close();
    });
  }
});
