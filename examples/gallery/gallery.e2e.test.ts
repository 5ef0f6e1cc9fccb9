// The gallery (issue 18 §1): every element of the widgets, in its main states, rendered by
// real Chromium at a phone's size (390 × 844) and a desktop's (1280 × 800) on the example
// pages, served by the real server over the demo data of `npm start --demo-accounts` (a fixed
// clock). For each element × state × size: no horizontal scrolling of the page, nothing of the
// element sticking out of it sideways, no two texts drawn over each other, axe clean on the
// element (WCAG 2.1 A/AA, which includes `scrollable-region-focusable`), and a screenshot of
// the element written to docs/screenshots/<tag>-<state>-<width>.png, shown by
// docs/{ru,en}/gallery.md.
import { mkdirSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { instant, surveyLinkPath } from '@eduset/core';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seedConsultationHistoryIfEmpty } from '@eduset/server';
import { demoCourseRoutes, seedCoursesIfEmpty } from '../../packages/server/src/cli-courses.js';
import { seedFinancingIfEmpty } from '../../packages/server/src/cli-financing.js';
import { seedIndicatorValuesIfEmpty } from '../../packages/server/src/cli-indicator-values.js';
import { seedInventoryIfEmpty } from '../../packages/server/src/cli-inventory.js';
import { seedOperatorIfEmpty } from '../../packages/server/src/cli-operator.js';
import { seedSchoolsIfEmpty } from '../../packages/server/src/cli-schools.js';
import { seedSettlementDemoIfEmpty } from '../../packages/server/src/cli-settlement.js';
import { seedSupportDemoIfEmpty } from '../../packages/server/src/cli-support.js';
import { demoAccounts, seedDemoAccountsIfEmpty } from '../../packages/server/src/cli-users.js';
import { attendedConsultation, seedUdomlya, useExampleServer, type SignIn } from '../e2e.js';

/** Monday 7 December 2026, 10:00 in Moscow: the server's and the browser's clock. */
const fixedNow = new Date('2026-12-07T07:00:00Z');
const now = instant(fixedNow);
const shotsDir = 'docs/screenshots';

const server = useExampleServer({
  // As `npm start --demo-accounts` seeds an empty storage (packages/server/src/cli.ts).
  seed: async (storage) => {
    const quiet = () => undefined;
    await seedUdomlya(storage);
    await seedConsultationHistoryIfEmpty(storage, 'examples/data/udomlya-consultations.csv', quiet);
    const financing = 'examples/data/michurinsk-financing.json';
    await seedFinancingIfEmpty(storage, financing, now, quiet);
    await seedInventoryIfEmpty(storage, 'examples/data', 'michurinsk', quiet);
    await seedSettlementDemoIfEmpty(storage, now, quiet);
    await seedOperatorIfEmpty(storage, financing, now, quiet);
    await seedIndicatorValuesIfEmpty(storage, 'examples/data/indicators', 'udomlya', now, quiet);
    await seedSchoolsIfEmpty(storage, 'examples/data/tutaev-schools.json', 'tutaev', now, quiet);
    await seedCoursesIfEmpty(storage, 'examples', quiet);
    await seedSupportDemoIfEmpty(storage, 'tutaev', now, quiet);
    await seedDemoAccountsIfEmpty(storage, quiet);
    // A consultation of last week, for the parents' survey.
    await storage.feedback.importPastConsultations(
      'udomlya',
      [{ booking: attendedConsultation('gallery-survey', '2026-12-01T07:00:00Z') }],
      { timeZone: 'Europe/Moscow' },
    );
  },
  server: { now: () => now, rateLimit: false, ...demoCourseRoutes('examples') },
});

/** A demo account by its login (packages/server/src/cli-users.ts). */
function account(login: string): SignIn {
  const found = demoAccounts.find((demo) => demo.login === login);
  if (found === undefined) throw new Error(`no demo account ${login}`);
  return { login: found.login, password: found.password };
}

/** One state of an element to show: reached from the loaded element by `reach`. */
interface State {
  readonly id: string;
  readonly reach?: (element: Locator, page: Page) => Promise<void>;
}

/** One element of the gallery: where it lives, who signs in, what it shows. */
interface GalleryEntry {
  readonly tag: string;
  /** The page (relative to the server), or a function making it (a link with a token). */
  readonly path: string | (() => Promise<string>);
  readonly signIn?: SignIn;
  /** Which of the page's elements (a CSS selector); the first `tag` otherwise. */
  readonly selector?: string;
  /** A text the loaded element shows. */
  readonly loaded: string | RegExp;
  readonly states: readonly State[];
}

const loaded: State = { id: 'loaded' };

/** Books a slot of the Udomlya demo through the API; the manage link the parent gets. */
async function manageLink(): Promise<string> {
  const url = new URL('/api/slots', server.running.url);
  url.search = new URLSearchParams({
    serviceId: 'speech-therapist-consultation',
    siteId: 'kp-korablik',
    specialistId: 'speech-lebedeva',
    from: '2026-12-08',
    to: '2026-12-31',
  }).toString();
  const { slots } = (await (await fetch(url)).json()) as {
    slots: {
      specialistId: string;
      siteId: string;
      serviceId: string;
      start: string;
      end: string;
    }[];
  };
  const slot = slots[0];
  if (slot === undefined) throw new Error('no free slot in the demo');
  const response = await fetch(new URL('/api/bookings', server.running.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      specialistId: slot.specialistId,
      siteId: slot.siteId,
      serviceId: slot.serviceId,
      start: slot.start,
      end: slot.end,
      childAge: 4,
      contact: { name: 'Мария Иванова', phone: '8 912 000-11-22' },
      personalDataConsent: true,
    }),
  });
  expect(response.status).toBe(201);
  const { booking, cancelToken } = (await response.json()) as {
    booking: { id: string };
    cancelToken: string;
  };
  return `manage/#booking=${encodeURIComponent(booking.id)}&token=${encodeURIComponent(cancelToken)}`;
}

/** The gallery: every element defined by the widgets, and the states shown of it. */
const gallery: readonly GalleryEntry[] = [
  // Public pages of the Udomlya parent help service.
  { tag: 'eduset-site-directory', path: 'udomlya/', loaded: 'Кораблик', states: [loaded] },
  { tag: 'eduset-schedule', path: 'udomlya/', loaded: /\S/, states: [loaded] },
  {
    tag: 'eduset-booking',
    path: 'udomlya/',
    loaded: 'С чем нужна помощь?',
    states: [
      loaded,
      {
        id: 'where',
        reach: (element) =>
          element.getByRole('button', { name: /Консультация учителя-логопеда/ }).click(),
      },
      // The time step: <eduset-slot-picker> inside the booking.
      {
        id: 'time',
        reach: (element) =>
          element.getByRole('button', { name: /Любой специалист на любой площадке/ }).click(),
      },
    ],
  },
  {
    tag: 'eduset-booking-manage',
    path: manageLink,
    loaded: 'Вы записаны',
    states: [
      loaded,
      {
        id: 'cancel',
        reach: (element) => element.getByRole('button', { name: 'Отменить запись' }).click(),
      },
    ],
  },
  {
    tag: 'eduset-survey',
    path: async () =>
      surveyLinkPath(
        'gallery-survey',
        await server.storage.links.token('survey', 'gallery-survey'),
      ),
    loaded: /консультац/i,
    states: [loaded],
  },
  // A link with a wrong token: the survey says it is not found.
  {
    tag: 'eduset-survey',
    path: 'survey/#booking=gallery-survey&token=wrong',
    loaded: 'Опрос не найден',
    states: [{ id: 'not-found' }],
  },
  {
    tag: 'eduset-indicator-dashboard',
    path: 'region-dashboard/',
    loaded: /\d/,
    states: [
      loaded,
      {
        id: 'explained',
        reach: (element) => element.getByRole('button', { name: 'Как получено' }).first().click(),
      },
      {
        id: 'table',
        reach: (element) => element.getByRole('button', { name: 'Таблица' }).click(),
      },
    ],
  },
  // Profile courses.
  {
    tag: 'eduset-course-timetable',
    path: 'courses/',
    selector: '#timetable',
    loaded: /Пн|понедельник/i,
    states: [loaded],
  },
  {
    tag: 'eduset-course-planner',
    path: 'courses/planner.html',
    signIn: account('coordinator'),
    loaded: /\S/,
    states: [loaded],
  },
  {
    tag: 'eduset-course-links',
    path: 'courses/links.html',
    signIn: account('school1'),
    loaded: /Учащихся: \d+/,
    states: [loaded],
  },
  // Schools of the Tutaev district.
  {
    tag: 'eduset-school-map',
    path: 'school-map/',
    loaded: 'МОУ Лицей № 1',
    states: [
      loaded,
      {
        id: 'school',
        reach: (element) => element.getByRole('button', { name: 'МОУ Столбищенская ОШ' }).click(),
      },
    ],
  },
  {
    tag: 'eduset-support-programme',
    path: 'school-map/support.html',
    signIn: account('tutaev'),
    loaded: /\S/,
    states: [loaded],
  },
  // Michurinsk: programmes and certificates.
  {
    tag: 'eduset-program-navigator',
    path: 'michurinsk/',
    loaded: 'Найдено:',
    states: [loaded],
  },
  {
    tag: 'eduset-family-cabinet',
    path: 'michurinsk/cabinet.html',
    loaded: 'Номер сертификата',
    states: [
      { id: 'sign-in' },
      // A wrong birth date: the one answer for any wrong pair.
      {
        id: 'not-found',
        reach: async (element) => {
          const door = element.getByRole('region', { name: 'Вход в кабинет' });
          await door.getByLabel('Номер сертификата').fill('6800000001');
          await door.getByLabel('Дата рождения ребёнка').fill('2016-04-13');
          await element.getByRole('button', { name: 'Войти в кабинет' }).click();
          await expect
            .poll(() => element.locator('[part="status"]').textContent())
            .toContain('не найден');
        },
      },
      {
        id: 'signed-in',
        reach: async (element) => {
          const door = element.getByRole('region', { name: 'Вход в кабинет' });
          await door.getByLabel('Номер сертификата').fill('6800000001');
          await door.getByLabel('Дата рождения ребёнка').fill('2016-04-12');
          await element.getByRole('button', { name: 'Войти в кабинет' }).click();
          await expect
            .poll(() => element.getByRole('button', { name: 'Выйти' }).count(), {
              timeout: 15_000,
            })
            .toBe(1);
        },
      },
    ],
  },
  // Staff desks.
  {
    tag: 'eduset-staff-agenda',
    path: 'staff/',
    signIn: account('coordinator'),
    loaded: /\S/,
    states: [
      { id: 'day' },
      { id: 'week', reach: (element) => element.getByLabel('Неделя').check() },
    ],
  },
  {
    tag: 'eduset-availability-editor',
    path: 'staff/availability.html',
    signIn: account('lebedeva'),
    loaded: /\S/,
    states: [loaded],
  },
  {
    tag: 'eduset-data-entry',
    path: 'udomlya/data-entry.html',
    signIn: account('school1'),
    loaded: /—/,
    states: [loaded],
  },
  {
    tag: 'eduset-inventory',
    path: 'michurinsk/inventory.html',
    signIn: account('centre'),
    loaded: /\S/,
    states: [loaded],
  },
  {
    tag: 'eduset-programme-review',
    path: 'michurinsk/operator.html',
    signIn: account('operator'),
    loaded: /\S/,
    states: [loaded],
  },
  {
    tag: 'eduset-certificate-applications',
    path: 'michurinsk/operator.html',
    signIn: account('operator'),
    loaded: /\S/,
    states: [loaded],
  },
  {
    tag: 'eduset-certificate-registry',
    path: 'michurinsk/operator.html',
    signIn: account('operator'),
    loaded: /\S/,
    states: [loaded],
  },
  {
    tag: 'eduset-financing-parameters',
    path: 'michurinsk/operator.html',
    signIn: account('operator'),
    loaded: /\S/,
    states: [loaded],
  },
  {
    tag: 'eduset-provider-programmes',
    path: 'michurinsk/provider.html',
    signIn: account('cdt'),
    loaded: /\S/,
    states: [loaded],
  },
  {
    tag: 'eduset-provider-desk',
    path: 'michurinsk/provider.html',
    signIn: account('cdt'),
    loaded: /\S/,
    states: [
      { id: 'applications' },
      {
        id: 'contracts',
        reach: (element) => element.getByRole('tab', { name: 'Договоры и посещаемость' }).click(),
      },
    ],
  },
  {
    tag: 'eduset-payer-desk',
    path: 'michurinsk/payer.html',
    signIn: account('payer'),
    loaded: /\S/,
    states: [loaded],
  },
  {
    tag: 'eduset-financing-reports',
    path: 'michurinsk/reports.html',
    signIn: account('centre'),
    loaded: /\S/,
    states: [loaded],
  },
];

const sizes = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
] as const;

/** The longest screenshot kept per width: the top of a long list is enough to show its look. */
const maxShotHeight: Readonly<Record<number, number>> = { 390: 900, 1280: 640 };

/** Opens a page in a fresh context at the fixed clock, signed in when `signIn` is given. */
async function open(
  path: string,
  signIn?: SignIn,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await server.browser.newContext({
    viewport: sizes[1],
    locale: 'ru-RU',
  });
  await context.clock.setFixedTime(fixedNow);
  const page = await context.newPage();
  if (signIn !== undefined) {
    const answer = await page.request.post(new URL('/api/auth/login', server.running.url).href, {
      data: signIn,
    });
    expect(answer.status()).toBe(200);
  }
  const response = await page.goto(new URL(path, server.running.url).href);
  expect(response?.status()).toBe(200);
  return { context, page };
}

/** The element's shadow text, for waiting until it has loaded. */
function shadowText(element: Locator): Promise<string> {
  return element.evaluate((host) => {
    const texts: string[] = [];
    const visit = (root: Node) => {
      for (const node of root.childNodes) {
        if (node.nodeType === Node.TEXT_NODE) texts.push(node.textContent ?? '');
        else if (node instanceof Element) {
          if (node.shadowRoot) visit(node.shadowRoot);
          visit(node);
        }
      }
    };
    if (host.shadowRoot) visit(host.shadowRoot);
    return texts.join(' ').replace(/\s+/g, ' ');
  });
}

/** Waits for the element's text to contain `expected` and then to stop changing. */
async function settle(page: Page, element: Locator, expected: string | RegExp): Promise<void> {
  await expect
    .poll(
      async () => {
        const text = await shadowText(element);
        return typeof expected === 'string' ? text.includes(expected) : expected.test(text);
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  let before = '';
  for (let round = 0; round < 20; round += 1) {
    await page.waitForTimeout(150);
    const text = await shadowText(element);
    if (text === before) return;
    before = text;
  }
}

/**
 * What sticks out: of the page (its width past the viewport) and of the element (its
 * shadow content past the host's box, unless clipped by a scrolling box inside it), and the
 * texts of the element drawn over one another.
 */
function measure(host: Element): { pageOverflow: number; outside: string[]; overlaps: string[] } {
  const doc = host.ownerDocument;
  const pageOverflow = doc.documentElement.scrollWidth - doc.documentElement.clientWidth;
  const hostBox = host.getBoundingClientRect();
  const parentOf = (node: Node): Element | null => {
    if (node.parentElement) return node.parentElement;
    const root = node.getRootNode();
    return root instanceof ShadowRoot ? root.host : null;
  };
  const clips = (element: Element): boolean => {
    const style = getComputedStyle(element);
    return style.overflowX !== 'visible' || style.overflowY !== 'visible' || style.clip !== 'auto';
  };
  /** The part of `box` left visible by the clipping boxes between it and the host. */
  const visiblePart = (start: Element, box: DOMRect): DOMRect | null => {
    let left = box.left;
    let right = box.right;
    let top = box.top;
    let bottom = box.bottom;
    for (let at: Element | null = start; at !== null && at !== host; at = parentOf(at)) {
      if (!clips(at)) continue;
      const clip = at.getBoundingClientRect();
      left = Math.max(left, clip.left);
      right = Math.min(right, clip.right);
      top = Math.max(top, clip.top);
      bottom = Math.min(bottom, clip.bottom);
    }
    return right - left > 1 && bottom - top > 1
      ? new DOMRect(left, top, right - left, bottom - top)
      : null;
  };
  /** Hidden, or visually hidden (a 1 px clipped label for screen readers). */
  const unseen = (element: Element): boolean => {
    if (!element.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return true;
    for (let at: Element | null = element; at !== null && at !== host; at = parentOf(at)) {
      const box = at.getBoundingClientRect();
      const style = getComputedStyle(at);
      if ((box.width <= 1 || box.height <= 1) && (clips(at) || style.position === 'absolute'))
        return true;
      if (style.clipPath !== 'none' && style.clipPath.startsWith('inset(50%')) return true;
    }
    return false;
  };
  const describe = (element: Element) =>
    `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${
      element.getAttribute('part') ? `[part=${element.getAttribute('part')}]` : ''
    }${typeof element.className === 'string' && element.className ? `.${element.className.split(' ').join('.')}` : ''}`;

  const outside: string[] = [];
  const texts: { text: string; box: DOMRect }[][] = [];
  const visit = (root: ShadowRoot) => {
    for (const element of root.querySelectorAll('*')) {
      if (element.shadowRoot) visit(element.shadowRoot);
      const box = element.getBoundingClientRect();
      if (box.width > 0 && (box.right > hostBox.right + 1 || box.left < hostBox.left - 1)) {
        const parent = parentOf(element);
        const shown = parent === null ? box : visiblePart(parent, box);
        if (
          shown !== null &&
          (shown.right > hostBox.right + 1 || shown.left < hostBox.left - 1) &&
          !unseen(element)
        ) {
          outside.push(`${describe(element)} ${Math.round(box.left)}…${Math.round(box.right)}`);
        }
      }
      for (const node of element.childNodes) {
        if (node.nodeType !== Node.TEXT_NODE || (node.textContent ?? '').trim() === '') continue;
        if (unseen(element)) continue;
        const range = doc.createRange();
        range.selectNodeContents(node);
        const boxes: { text: string; box: DOMRect }[] = [];
        for (const line of range.getClientRects()) {
          const shown = visiblePart(element, line);
          if (shown !== null)
            boxes.push({ text: (node.textContent ?? '').trim().slice(0, 40), box: shown });
        }
        if (boxes.length > 0) texts.push(boxes);
      }
    }
  };
  if (host.shadowRoot) visit(host.shadowRoot);
  // Texts of different nodes whose boxes share more than 1 px each way (sweep by top).
  const all = texts.flatMap((boxes, node) => boxes.map((one) => ({ ...one, node })));
  all.sort((a, b) => a.box.top - b.box.top);
  const overlaps: string[] = [];
  for (let i = 0; i < all.length; i += 1) {
    const one = all[i];
    if (one === undefined) continue;
    for (let j = i + 1; j < all.length; j += 1) {
      const other = all[j];
      if (other === undefined || other.box.top >= one.box.bottom - 1) break;
      if (other.node === one.node) continue;
      const wide =
        Math.min(one.box.right, other.box.right) - Math.max(one.box.left, other.box.left);
      const high =
        Math.min(one.box.bottom, other.box.bottom) - Math.max(one.box.top, other.box.top);
      if (wide > 1 && high > 1) overlaps.push(`«${one.text}» × «${other.text}»`);
    }
  }
  return { pageOverflow, outside: outside.slice(0, 10), overlaps: overlaps.slice(0, 10) };
}

/** The checks and the screenshot of one element in one state at one size. */
async function check(page: Page, element: Locator, name: string, size: number): Promise<void> {
  const box = await element.boundingBox();
  expect(box, `${name}: the element is on screen`).not.toBeNull();
  if (box !== null) {
    const scroll = await page.evaluate(() => ({ x: window.scrollX, y: window.scrollY }));
    await page.screenshot({
      path: `${shotsDir}/${name}.png`,
      fullPage: true,
      clip: {
        x: Math.max(0, box.x + scroll.x),
        y: Math.max(0, box.y + scroll.y),
        width: Math.max(1, Math.round(box.width)),
        height: Math.max(1, Math.min(Math.round(box.height), maxShotHeight[size] ?? 640)),
      },
    });
  }
  const { pageOverflow, outside, overlaps } = await element.evaluate(measure);
  expect(pageOverflow, `${name}: the page scrolls sideways`).toBeLessThanOrEqual(0);
  expect(outside, `${name}: parts outside the element`).toEqual([]);
  expect(overlaps, `${name}: texts drawn over each other`).toEqual([]);
  const result = await new AxeBuilder({ page })
    .include('[data-gallery-target]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  // The WCAG 2 A tag includes the rule for boxes that scroll: it ran.
  const ran = [
    ...result.passes,
    ...result.inapplicable,
    ...result.incomplete,
    ...result.violations,
  ];
  expect(ran.map((rule) => rule.id)).toContain('scrollable-region-focusable');
  expect(
    result.violations.map(
      (violation) =>
        `${violation.id}: ${violation.help} — ${violation.nodes
          .slice(0, 3)
          .map((node) => node.target.join(' '))
          .join('; ')}`,
    ),
    `${name}: axe`,
  ).toEqual([]);
}

describe('the gallery: every element at a phone and a desktop size', () => {
  it('renders each element in its main states without sideways scrolling, overlapping texts or axe violations', async () => {
    mkdirSync(shotsDir, { recursive: true });
    const failures: string[] = [];
    for (const entry of gallery) {
      const path = typeof entry.path === 'string' ? entry.path : await entry.path();
      const { context, page } = await open(path, entry.signIn);
      try {
        const element = page.locator(entry.selector ?? entry.tag).first();
        await element.evaluate((host) => host.setAttribute('data-gallery-target', ''));
        await settle(page, element, entry.loaded);
        for (const state of entry.states) {
          if (state.reach !== undefined) {
            await state.reach(element, page);
            await settle(page, element, /\S/);
          }
          for (const size of sizes) {
            await page.setViewportSize(size);
            await page.evaluate(
              () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
            );
            await page.waitForTimeout(100);
            const name = `${entry.tag}-${state.id}-${size.width}`;
            try {
              await check(page, element, name, size.width);
            } catch (error) {
              failures.push(error instanceof Error ? error.message : String(error));
            }
          }
        }
      } catch (error) {
        failures.push(`${entry.tag}: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        await context.close();
      }
    }
    expect(failures).toEqual([]);
  }, 600_000);
});
