// What every end-to-end test of the example pages does: the real server over an in-memory
// storage serves examples/ and the built widgets, real Chromium (with this machine's flags)
// opens a page under the server's strict Content-Security-Policy while console errors,
// warnings, uncaught errors and CSP violations are collected, and axe checks WCAG 2.1 AA.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { AxeBuilder } from '@axe-core/playwright';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Locator,
  type Page,
} from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import {
  createNetwork,
  createNetworkSchedule,
  parseBooking,
  type Booking,
  type Network,
} from '@eduset/core';
import { openStorage, type Storage } from '@eduset/adapters';
import { startServer, type RunningServer, type ServerOptions } from '@eduset/server';
import { chromiumArgs } from '../vitest.config.js';

/** The embed bundle the example pages load: the e2e tests need `npm run build` first. */
const widgetsBundle = 'packages/widgets/dist/eduset-widgets.js';

/** The server, its storage and the browser of one test file. */
export interface ExampleServer {
  readonly storage: Storage;
  readonly running: RunningServer;
  readonly browser: Browser;
}

/** How {@link useExampleServer} prepares the server. */
export interface ExampleServerOptions {
  /** Fills the storage before the server starts. */
  readonly seed?: (storage: Storage) => Promise<unknown>;
  /** Server options beyond the storage and the static roots (a fixed clock, courses, …). */
  readonly server?: Omit<ServerOptions, 'storage' | 'staticRoot' | 'widgetsRoot'>;
  /** `false` for a page that loads no widget (the sign-in page): no build needed. */
  readonly widgets?: false;
}

/**
 * Starts, before the file's tests, an in-memory storage (seeded), the real server on a free
 * port of 127.0.0.1 serving `examples/` and the widgets bundle, and Chromium; closes them
 * after the tests. Read the fields inside tests and hooks, once they have started.
 */
export function useExampleServer(options: ExampleServerOptions = {}): ExampleServer {
  let started: ExampleServer | undefined;
  let storage: Storage | undefined;
  let running: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (options.widgets !== false && !existsSync(widgetsBundle)) {
      throw new Error(
        `Нет ${widgetsBundle}: выполните npm run build / Missing ${widgetsBundle}: run npm run build`,
      );
    }
    storage = await openStorage({ dataDir: 'memory://' });
    await options.seed?.(storage);
    running = await startServer(
      {
        ...options.server,
        storage,
        staticRoot: 'examples',
        widgetsRoot: 'packages/widgets/dist',
      },
      { port: 0, host: '127.0.0.1' },
    );
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
    started = { storage, running, browser };
  });
  afterAll(async () => {
    await browser?.close();
    await running?.close();
    await storage?.close();
  });
  const get = (): ExampleServer => {
    if (started === undefined) throw new Error('The example server has not started yet.');
    return started;
  };
  return {
    get storage() {
      return get().storage;
    },
    get running() {
      return get().running;
    },
    get browser() {
      return get().browser;
    },
  };
}

/**
 * Saves the Udomlya example network and its schedule (`examples/data/udomlya*.json`).
 */
export async function seedUdomlya(storage: Storage): Promise<Network> {
  const network = createNetwork(JSON.parse(await readFile('examples/data/udomlya.json', 'utf8')));
  await storage.saveNetwork(network);
  await storage.saveSchedule(
    createNetworkSchedule(
      JSON.parse(await readFile('examples/data/udomlya-schedule.json', 'utf8')),
    ),
  );
  return network;
}

/** What went wrong on a page: console errors and warnings, uncaught errors, CSP violations. */
export interface PageProblems {
  readonly console: string[];
  readonly cspViolations: string[];
}

/** A page opened by {@link openPage}, in its own browser context. */
export interface OpenedPage {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly problems: PageProblems;
}

/** How {@link openPage} opens a page. */
export interface OpenPageOptions {
  /** Options of the page's browser context (viewport, downloads, …). */
  readonly context?: BrowserContextOptions;
  /** Fixes the browser's clock at this time before the page loads. */
  readonly fixedTime?: Date;
}

/**
 * Opens `path` (relative to the server's address) in a new browser context, collecting its
 * problems, and expects a 200 answer under the strict CSP (`script-src 'self'`).
 */
export async function openPage(
  server: ExampleServer,
  path: string,
  options: OpenPageOptions = {},
): Promise<OpenedPage> {
  const context = await server.browser.newContext(options.context);
  if (options.fixedTime !== undefined) await context.clock.setFixedTime(options.fixedTime);
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
  const response = await page.goto(new URL(path, server.running.url).href);
  expect(response?.status()).toBe(200);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  return { context, page, problems };
}

/** No CSP violation and no console error or warning, except the lines listed in `expected`. */
export function expectNoProblems(problems: PageProblems, expected: readonly string[] = []): void {
  expect(problems.cspViolations).toEqual([]);
  expect(problems.console).toEqual(expected);
}

/** What {@link expectAccessible} checks. */
export interface AccessibilityOptions {
  /** Checks only this element (a CSS selector); the whole page otherwise. */
  readonly include?: string;
  /** Names the moment in the failure message. */
  readonly step?: string;
  /** `wcag21aa` (default): the WCAG 2.0/2.1 A and AA rules; `all`: every axe rule. */
  readonly rules?: 'wcag21aa' | 'all';
}

/** Runs axe over the page (or one element) and expects no violation. */
export async function expectAccessible(
  page: Page,
  options: AccessibilityOptions = {},
): Promise<void> {
  let builder = new AxeBuilder({ page });
  if (options.include !== undefined) builder = builder.include(options.include);
  if ((options.rules ?? 'wcag21aa') === 'wcag21aa') {
    builder = builder.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  }
  const result = await builder.analyze();
  const prefix = options.step === undefined ? '' : `${options.step}: `;
  expect(
    result.violations.map((violation) => `${prefix}${violation.id}: ${violation.help}`),
    options.step,
  ).toEqual([]);
}

/** A text as a person reads it: runs of white space as one space, trimmed. */
export function plain(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Expects the elements `locator` finds (e.g. a chart's axis labels) not to overlap one
 * another on screen; the failure names the two texts that do.
 */
export async function noOverlappingText(locator: Locator): Promise<void> {
  const boxes = await locator.evaluateAll((elements) =>
    elements.map((element) => {
      const box = element.getBoundingClientRect();
      return {
        text: (element.textContent ?? '').trim(),
        left: box.left,
        right: box.right,
        top: box.top,
        bottom: box.bottom,
      };
    }),
  );
  const overlaps: string[] = [];
  boxes.forEach((one, index) => {
    for (const other of boxes.slice(index + 1)) {
      const apart =
        one.right <= other.left + 0.5 ||
        other.right <= one.left + 0.5 ||
        one.bottom <= other.top + 0.5 ||
        other.bottom <= one.top + 0.5;
      if (!apart) overlaps.push(`«${one.text}» × «${other.text}»`);
    }
  });
  expect(overlaps, 'texts that overlap on screen').toEqual([]);
}

/**
 * Expects the page not to scroll sideways; the failure names what sticks out past the
 * viewport's right edge (elements and text, inside shadow roots too).
 */
export async function noHorizontalOverflow(page: Page): Promise<void> {
  const { overflow, wide } = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide: string[] = [];
    const visit = (root: Document | ShadowRoot) => {
      for (const element of root.querySelectorAll('*')) {
        const box = element.getBoundingClientRect();
        if (box.right > width + 0.5) {
          wide.push(
            `${element.tagName.toLowerCase()}.${element.className} → ${Math.round(box.right)}`,
          );
        }
        for (const node of element.childNodes) {
          if (node.nodeType !== Node.TEXT_NODE || (node.textContent ?? '').trim() === '') continue;
          const range = document.createRange();
          range.selectNodeContents(node);
          const right = range.getBoundingClientRect().right;
          if (right > width + 0.5) {
            wide.push(
              `text "${(node.textContent ?? '').trim().slice(0, 30)}" → ${Math.round(right)}`,
            );
          }
        }
        if (element.shadowRoot) visit(element.shadowRoot);
      }
    };
    visit(document);
    return { overflow: document.documentElement.scrollWidth - width, wide };
  });
  expect(overflow, wide.slice(0, 8).join('; ')).toBeLessThanOrEqual(0);
}

/** Who signs in, for {@link openSignedIn}. */
export interface SignIn {
  readonly login: string;
  readonly password: string;
}

/**
 * Opens the sign-in page in a new browser context, signs in through the API
 * (`POST /api/auth/login`, expecting 200), then goes to `path`: a staff page that opens
 * signed in at once.
 */
export async function openSignedIn(
  server: ExampleServer,
  path: string,
  account: SignIn,
  options: OpenPageOptions = {},
): Promise<OpenedPage> {
  const opened = await openPage(server, 'sign-in/', options);
  const signedIn = await opened.page.request.post(
    new URL('/api/auth/login', server.running.url).href,
    { data: account },
  );
  expect(signedIn.status()).toBe(200);
  await opened.page.goto(new URL(path, server.running.url).href);
  return opened;
}

/**
 * An attended 45-minute psychologist's consultation at kp-teremok starting at `start`, its
 * contact erased: what a parent can still rate from the survey's link.
 */
export function attendedConsultation(id: string, start: string): Booking {
  const startMs = Date.parse(start);
  const at = (ms: number) => new Date(ms).toISOString();
  return parseBooking({
    id,
    specialistId: 'psy-smirnova',
    siteId: 'kp-teremok',
    serviceId: 'psychologist-consultation',
    start: at(startMs),
    end: at(startMs + 45 * 60_000),
    status: 'attended',
    childAge: 5,
    contact: { name: '' },
    contactErased: true,
    personalDataConsent: true,
    createdAt: at(startMs - 86_400_000),
    updatedAt: at(startMs + 3_600_000),
    sequence: 3,
    history: [
      { from: 'requested', to: 'confirmed', at: at(startMs - 86_400_000), by: 'system' },
      { from: 'confirmed', to: 'attended', at: at(startMs + 3_000_000), by: 'site' },
    ],
  });
}
