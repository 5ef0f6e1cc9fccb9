// End to end: the coordinator uploads a table of the course network from the planner
// (examples/courses/planner.html) in real Chromium against the real server over PGlite: a
// rooms file with a bad row is refused with the row's reason and nothing saved; with «save the
// accepted rows» it is saved as a new revision. axe clean, no horizontal overflow at 390×844
// and 1280×800.
import { describe, expect, it } from 'vitest';
import { useCourseServer } from './course-server.js';
import { expectAccessible, expectNoProblems, noHorizontalOverflow, openSignedIn } from '../e2e.js';

const password = 'пароль координатора 2026';

const server = useCourseServer({
  iterations: 2_000,
  accounts: [
    {
      login: 'coordinator',
      displayName: 'Координатор сети курсов',
      password,
      grants: [{ role: 'coordinator', networkId: 'udomlya' }],
    },
  ],
});

const rooms = (id: string) =>
  Buffer.from(
    [
      'Код;Ресурсный центр;Название;Мест;Оборудование;Занято',
      `${id};rc-school-1;Новый кабинет;20;компьютеры;пн 1`,
      `${id}-x;nowhere;Кабинет Х;20;;`,
    ].join('\n'),
  );

describe('examples/courses/planner.html — the network’s tables as files', () => {
  for (const [width, height] of [
    [390, 844],
    [1280, 800],
  ] as const) {
    it(`at ${String(width)}×${String(height)}: a refused upload, then the accepted rows saved`, async () => {
      const { context, page, problems } = await openSignedIn(
        server,
        '/courses/planner.html',
        { login: 'coordinator', password },
        { context: { viewport: { width, height }, locale: 'ru-RU' } },
      );
      const planner = page.locator('eduset-course-planner');
      await expect
        .poll(() => planner.locator('ul.cards > li').count(), { timeout: 15_000 })
        .toBeGreaterThan(0);
      const file = { name: 'rooms.csv', mimeType: 'text/csv', buffer: rooms(`r-${String(width)}`) };
      await planner.getByLabel('Таблица').selectOption('rooms');
      await planner.getByLabel('Файл CSV или XLSX').setInputFiles(file);
      await planner.getByRole('button', { name: 'Загрузить' }).click();
      const report = planner.locator('#tables-title ~ [role=status]');
      await expect
        .poll(() => report.textContent(), { timeout: 10_000 })
        .toContain('Ничего не сохранено: отклонено строк 1 из 2');
      expect(await report.textContent()).toContain('Строка 3');
      expect(await report.textContent()).toContain('nowhere');
      await noHorizontalOverflow(page);
      await expectAccessible(page);
      await report.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `/tmp/eduset-planner-tables-${String(width)}.png` });

      await planner.getByLabel('Дополнить таблицу').check();
      await planner.getByLabel('Сохранить принятые строки').check();
      await planner.getByLabel('Файл CSV или XLSX').setInputFiles(file);
      await planner.getByRole('button', { name: 'Загрузить' }).click();
      await expect
        .poll(() => report.textContent(), { timeout: 10_000 })
        .toMatch(/Сохранена редакция \d+: принято строк 1 из 2/);
      const csv = await page.request.get(
        new URL('/api/courses/plan/network/tables/rooms.csv', server.running.url).href,
      );
      expect(await csv.text()).toContain(
        `r-${String(width)};rc-school-1;Новый кабинет;20;компьютеры;пн 1`,
      );
      await noHorizontalOverflow(page);
      await expectAccessible(page);
      // The refused upload's 422 (the report of its rows) is the only console line.
      expectNoProblems(problems, [
        'Failed to load resource: the server responded with a status of 422 (Unprocessable Entity)',
      ]);
      await context.close();
    });
  }
});
