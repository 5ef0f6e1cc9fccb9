// End to end: every public eduset element embedded in a hostile municipal CMS page served
// from ANOTHER origin (a second 127.0.0.1 port). The page has aggressive global CSS
// (`* { font-size: 40px !important; line-height: 3 !important; box-sizing: content-box
// !important }`, `html { font-size: 10px }`, `button { all: unset }`), an old library that
// patches built-ins the way Prototype.js / MooTools-era plugins did (find by value, an
// enumerable map, `Array.prototype.toJSON`, …) and a strict CSP that allows scripts and
// requests only from itself and the eduset server. The eduset server allows that origin
// (`corsOrigins`). A parent books a consultation from the page; the elements keep their own
// text size, show people's words (never ids), do not scroll sideways at 390 px, and no CSP
// violation or console error happens.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Locator, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { instant } from '@eduset/core';
import { seedConsultationHistoryIfEmpty, seedCourseNetwork } from '@eduset/server';
import { seedFinancingIfEmpty } from '../../packages/server/src/cli-financing.js';
import courses from '../data/udomlya-courses.json' with { type: 'json' };
import {
  noHorizontalOverflow,
  plain,
  seedUdomlya,
  useExampleServer,
  type PageProblems,
} from '../e2e.js';

/** Monday 30 November 2026, 09:00 in Udomlya: the first bookable day is 1 December. */
const fixedNow = new Date('2026-11-30T06:00:00Z');

// The host site: started before the eduset server, which must know its origin.
let edusetOrigin = '';
const host: Server = createServer((request, response) => {
  const path = new URL(request.url ?? '/', 'http://host').pathname;
  const file = hostFiles()[path];
  if (file === undefined) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, {
    'content-type': file.type,
    ...(file.type.startsWith('text/html')
      ? {
          'content-security-policy': [
            "default-src 'none'",
            `script-src 'self' ${edusetOrigin}`,
            `connect-src ${edusetOrigin}`,
            "style-src 'self'",
            `img-src 'self' data: ${edusetOrigin}`,
            "base-uri 'none'",
            "object-src 'none'",
            "form-action 'self'",
          ].join('; '),
        }
      : {}),
  });
  response.end(file.body);
});
await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
const hostOrigin = `http://127.0.0.1:${String((host.address() as AddressInfo).port)}`;
afterAll(() => new Promise<void>((resolve) => host.close(() => resolve())));

const server = useExampleServer({
  seed: async (storage) => {
    await seedUdomlya(storage);
    await seedConsultationHistoryIfEmpty(
      storage,
      'examples/data/udomlya-consultations.csv',
      () => undefined,
    );
    await seedFinancingIfEmpty(
      storage,
      'examples/data/michurinsk-financing.json',
      instant(fixedNow),
      () => undefined,
    );
    await seedCourseNetwork(storage.courseNetworks, 'courses', courses, {
      seed: 2025,
      iterations: 20_000,
      at: instant('2025-08-29T09:00:00Z'),
    });
  },
  server: {
    now: () => instant(fixedNow),
    rateLimit: false,
    corsOrigins: [hostOrigin],
    courses: { uidDomain: 'eduset.test' },
  },
});

/** The CSS a CMS theme and its editors piled up over the years. */
const hostileCss = `
html { font-size: 10px !important; }
* {
  font-size: 40px !important;
  line-height: 3 !important;
  box-sizing: content-box !important;
  letter-spacing: 0.2em !important;
  text-transform: uppercase !important;
  font-family: serif !important;
  color: #600 !important;
}
button, input, select, textarea { all: unset; }
h1, h2, h3, label, p, ul, li, table { margin: 0 0 40px 0 !important; font-weight: 900 !important; }
body { margin: 0; }
`;

/**
 * An old library of the kind found on municipal sites: helpers assigned straight onto the
 * built-in prototypes (so they are enumerable), a `find` that looks for a value (not a
 * predicate), Prototype.js 1.6's `Array.prototype.toJSON`, a home-made `Object.entries`.
 */
const oldLibrary = `
(function () {
  Array.prototype.find = function (value) {
    for (var i = 0; i < this.length; i++) if (this[i] === value) return this[i];
    return undefined;
  };
  Array.prototype.findIndex = function (value) { return this.indexOf(value); };
  var nativeMap = Array.prototype.map;
  Array.prototype.map = function (iterator, context) { return nativeMap.call(this, iterator, context); };
  Array.prototype.each = function (iterator) { for (var i = 0; i < this.length; i++) iterator(this[i], i); };
  Array.prototype.include = function (value) { return this.indexOf(value) !== -1; };
  Array.prototype.toJSON = function () {
    var parts = [];
    for (var i = 0; i < this.length; i++) parts.push(JSON.stringify(this[i]));
    return '[' + parts.join(', ') + ']';
  };
  String.prototype.trim = function () { return String(this).replace(/^\\s+|\\s+$/g, ''); };
  String.prototype.capitalize = function () { return this.charAt(0).toUpperCase() + this.slice(1); };
  Object.entries = function (object) {
    var entries = [];
    for (var key in object) entries.push([key, object[key]]);
    return entries;
  };
  window.$ = window.jQuery = function () { return { ready: function () {} }; };
})();
`;

function hostFiles(): Record<string, { readonly type: string; readonly body: string }> {
  const e = edusetOrigin;
  const html = `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>Муниципальный портал: услуги для семей</title>
<link rel="icon" href="data:," />
<link rel="stylesheet" href="/theme.css" />
<script src="/old-library.js"></script>
<script type="module" src="${e}/widgets/eduset-widgets.js"></script>
</head>
<body>
<main>
<h1>Услуги для семей</h1>
<eduset-booking src-base="${e}/api"></eduset-booking>
<eduset-site-directory src="${e}/api/network" heading-level="2"></eduset-site-directory>
<eduset-schedule src-base="${e}/api"></eduset-schedule>
<eduset-booking-manage src-base="${e}/api"></eduset-booking-manage>
<eduset-indicator-dashboard src="${e}/api/indicators?orgUnit=udomlya&amp;indicator=udomlya-parents-consulted,udomlya-consultation-points"></eduset-indicator-dashboard>
<eduset-program-navigator api="${e}/api"></eduset-program-navigator>
<eduset-family-cabinet api="${e}/api"></eduset-family-cabinet>
<eduset-course-timetable src-base="${e}/api" view="centre" entity="rc-gymnasium-3"></eduset-course-timetable>
<eduset-school-map src="${e}/api/schools"></eduset-school-map>
<eduset-survey src-base="${e}/api"></eduset-survey>
</main>
</body>
</html>`;
  return {
    '/': { type: 'text/html; charset=utf-8', body: html },
    '/theme.css': { type: 'text/css; charset=utf-8', body: hostileCss },
    '/old-library.js': { type: 'text/javascript; charset=utf-8', body: oldLibrary },
  };
}

/** Every public element of the bundle `eduset-widgets.js`. */
const publicElements = [
  'eduset-booking',
  'eduset-site-directory',
  'eduset-schedule',
  'eduset-booking-manage',
  'eduset-indicator-dashboard',
  'eduset-program-navigator',
  'eduset-family-cabinet',
  'eduset-course-timetable',
  'eduset-school-map',
  'eduset-survey',
];

/** The ids of the Udomlya network's services, sites and specialists: never shown as words. */
async function networkIds(): Promise<string[]> {
  const network = JSON.parse(await readFile('examples/data/udomlya.json', 'utf8')) as Record<
    string,
    readonly { readonly id: string }[]
  >;
  return ['services', 'sites', 'specialists'].flatMap((key) =>
    (network[key] ?? []).map((entry) => entry.id),
  );
}

/** Opens the host page at a viewport, collecting console problems and CSP violations. */
async function openHostPage(viewport: {
  readonly width: number;
  readonly height: number;
}): Promise<{ page: Page; problems: PageProblems; close: () => Promise<void> }> {
  const context = await server.browser.newContext({ viewport });
  await context.clock.setFixedTime(fixedNow);
  const page = await context.newPage();
  const problems: PageProblems = { console: [], cspViolations: [] };
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      problems.console.push(message.text());
  });
  page.on('pageerror', (error) => problems.console.push(error.message));
  await page.exposeFunction('reportCspViolation', (text: string) =>
    problems.cspViolations.push(text),
  );
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportCspViolation(text: string): void })
        .reportCspViolation;
      report(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const response = await page.goto(`${hostOrigin}/`);
  expect(response?.status()).toBe(200);
  return { page, problems, close: () => context.close() };
}

/** The text of an element's shadow tree (and the shadow trees inside it). */
function shadowText(element: Locator): Promise<string> {
  return element.evaluate((node) => {
    const textOf = (root: ShadowRoot): string => {
      let text = root.textContent;
      for (const inner of root.querySelectorAll('*')) {
        if (inner.shadowRoot) text += ` ${textOf(inner.shadowRoot)}`;
      }
      return text;
    };
    return node.shadowRoot === null ? '' : textOf(node.shadowRoot);
  });
}

/** The largest computed font size (px) of any element with text inside the shadow tree. */
function textSizes(element: Locator): Promise<{ host: string; lineHeight: string; max: number }> {
  return element.evaluate((node) => {
    let max = 0;
    const root = node.shadowRoot;
    if (root !== null) {
      for (const inner of root.querySelectorAll('*')) {
        const hasText = [...inner.childNodes].some(
          (child) => child.nodeType === Node.TEXT_NODE && (child.textContent ?? '').trim() !== '',
        );
        if (hasText) max = Math.max(max, parseFloat(getComputedStyle(inner).fontSize));
      }
    }
    const style = getComputedStyle(node);
    return { host: style.fontSize, lineHeight: style.lineHeight, max };
  });
}

async function expectStep(booking: Locator, title: string): Promise<void> {
  await expect
    .poll(() => booking.getByRole('heading', { level: 3 }).textContent(), { timeout: 15_000 })
    .toBe(title);
}

describe('eduset elements on a hostile host page from another origin', () => {
  it('keep their own size and words, fit 390 px, book a consultation cross-origin, CSP clean', async () => {
    edusetOrigin = new URL(server.running.url).origin;
    expect(edusetOrigin).not.toBe(hostOrigin);
    const ids = await networkIds();
    const { page, problems, close } = await openHostPage({ width: 390, height: 844 });

    // The old library really is there and really breaks the built-ins.
    expect(await page.evaluate(() => [1, 2].find((n) => n === 2))).toBeUndefined();
    expect(await page.evaluate(() => JSON.stringify({ a: [1] }))).toBe('{"a":"[1]"}');

    const booking = page.locator('eduset-booking');
    await expectStep(booking, 'С чем нужна помощь?');
    const directory = page.locator('eduset-site-directory');
    await expect
      .poll(() => shadowText(directory), { timeout: 15_000 })
      .toContain('Консультационный пункт');
    const dashboard = page.locator('eduset-indicator-dashboard');
    await expect
      .poll(() => dashboard.locator('[part="card"]').count(), { timeout: 15_000 })
      .toBe(2);
    const navigator = page.locator('eduset-program-navigator');
    await expect
      .poll(async () => (await navigator.locator('[part="summary"]').textContent())?.trim(), {
        timeout: 15_000,
      })
      .toMatch(/^Найдено: \d+ программ/);

    // Every element: its own base size (16 px, line height 1.5), not the page's 40 px.
    for (const name of publicElements) {
      const element = page.locator(name);
      expect(await element.count(), name).toBe(1);
      const sizes = await textSizes(element);
      expect(sizes.host, name).toBe('16px');
      expect(sizes.lineHeight, name).toBe('24px');
      expect(sizes.max, name).toBeLessThanOrEqual(32);
    }
    // Lengths inside are in em of the element, not rem of the page's 10 px root.
    const firstService = booking.getByRole('button').first();
    expect((await firstService.boundingBox())?.height).toBeGreaterThanOrEqual(44);
    expect(await firstService.textContent()).toContain('Консультация педагога-психолога');

    await noHorizontalOverflow(page);

    // A parent books a consultation from the page.
    await booking.getByRole('button', { name: /Консультация учителя-дефектолога/ }).click();
    await expectStep(booking, 'Где и к кому записаться?');
    const providers = plain(await shadowText(booking));
    await booking.getByRole('list', { name: 'Специалист' }).getByRole('button').first().click();
    await expectStep(booking, 'Выберите время');
    const grid = booking.getByRole('grid');
    await expect
      .poll(() => grid.getByRole('button').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await grid.locator('button[tabindex="0"]').click();
    await expectStep(booking, 'Контакты и согласие');
    const nameLabel = booking.getByText('Имя родителя', { exact: true });
    expect(await nameLabel.evaluate((label) => getComputedStyle(label).fontSize)).toBe('16px');
    await booking.getByLabel('Имя родителя').fill('Анна Петрова');
    await booking.getByLabel('Телефон').fill('8 912 345-67-89');
    await booking.getByLabel('Возраст ребёнка, полных лет').fill('5');
    await booking.getByRole('checkbox', { name: /согласие на обработку/ }).check();
    await noHorizontalOverflow(page);
    const posted = page.waitForResponse(
      (response) =>
        response.request().method() === 'POST' && response.url() === `${edusetOrigin}/api/bookings`,
    );
    await booking.getByRole('button', { name: 'Записаться' }).click();
    const answer = await posted;
    expect(answer.status()).toBe(201);
    expect(answer.headers()['access-control-allow-origin']).toBe(hostOrigin);
    await expectStep(booking, 'Вы записаны');
    const confirmation = plain(await shadowText(booking));
    expect(confirmation).toContain('Консультация учителя-дефектолога');
    await noHorizontalOverflow(page);

    // People's words everywhere, never the network's ids.
    const texts = [providers, confirmation];
    for (const name of publicElements) texts.push(plain(await shadowText(page.locator(name))));
    for (const text of texts) {
      for (const id of ids) expect(text, `${id} shown as a word`).not.toContain(id);
    }

    expect(problems.cspViolations).toEqual([]);
    expect(problems.console).toEqual([]);
    await close();
  });

  it('fit a desk-wide page too (1280 px), each element as wide as the page', async () => {
    edusetOrigin = new URL(server.running.url).origin;
    const { page, problems, close } = await openHostPage({ width: 1280, height: 800 });
    const navigator = page.locator('eduset-program-navigator');
    await expect
      .poll(async () => (await navigator.locator('[part="summary"]').textContent())?.trim(), {
        timeout: 15_000,
      })
      .toMatch(/^Найдено: \d+ программ/);
    await expect
      .poll(() => page.locator('eduset-indicator-dashboard [part="card"]').count(), {
        timeout: 15_000,
      })
      .toBe(2);
    await noHorizontalOverflow(page);
    await page.screenshot({ path: '/tmp/eduset-hostile-1280.png', fullPage: true });
    expect(problems.cspViolations).toEqual([]);
    await close();
  });

  it('does not answer CORS to an origin that is not allowed', async () => {
    const response = await fetch(new URL('/api/bookings', server.running.url), {
      method: 'OPTIONS',
      headers: {
        origin: 'http://127.0.0.1:1',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,idempotency-key',
      },
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const allowed = await fetch(new URL('/api/bookings', server.running.url), {
      method: 'OPTIONS',
      headers: {
        origin: hostOrigin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,idempotency-key',
      },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe(hostOrigin);
  });
});
