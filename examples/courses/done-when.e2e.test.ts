// Issue 17's "done when", end to end in real Chromium against the real server over PGlite,
// the Udomlya course network seeded and published as `npm start` does:
// - the coordinator uploads a room and a teacher from the planner (examples/courses/planner.html),
//   runs the solver in the background, pins two lectures, re-solves keeping them, and
//   publishes the new timetable;
// - a student opens the personal link her school handed out and sees her week;
// - a teacher signs in and sees his week on the staff desk (examples/staff/), at 390×844 and
//   1280×800, axe clean, no horizontal overflow.
import { instant } from '@eduset/core';
import { describe, expect, it } from 'vitest';
import { useCourseServer } from './course-server.js';
import {
  expectAccessible,
  expectNoProblems,
  noHorizontalOverflow,
  openPage,
  openSignedIn,
} from '../e2e.js';

const password = 'пароль координатора 2026';
const teacherPassword = 'пароль преподавателя 2026';

const server = useCourseServer({
  iterations: 2_000,
  accounts: [
    {
      login: 'coordinator',
      displayName: 'Координатор сети курсов',
      password,
      grants: [{ role: 'coordinator', networkId: 'udomlya' }],
    },
    {
      login: 'sokolov',
      displayName: 'Соколов А. В.',
      password: teacherPassword,
      grants: [{ role: 'teacher', networkId: 'udomlya', teacherId: 't-sokolov' }],
    },
  ],
});

interface Session {
  readonly groupId: string;
  readonly day: number;
  readonly period: number;
  readonly roomId: string;
}
interface TimetableRecord {
  readonly id: number;
  readonly status: string;
  readonly pins: readonly Session[];
  readonly timetable: { readonly sessions: readonly Session[] };
}

const key = (s: Session): string => `${s.groupId}|${String(s.day)}|${String(s.period)}|${s.roomId}`;

describe('issue 17, done when: the course network run by people', () => {
  it('the coordinator uploads, solves, pins two, re-solves and publishes; a student opens her link', async () => {
    const { context, page, problems } = await openSignedIn(
      server,
      '/courses/planner.html',
      { login: 'coordinator', password },
      { context: { viewport: { width: 1280, height: 800 }, locale: 'ru-RU' } },
    );
    const api = (path: string) => new URL(path, server.running.url).href;
    const planner = page.locator('eduset-course-planner');
    await expect
      .poll(() => planner.locator('ul.cards > li').first().textContent(), { timeout: 15_000 })
      .toContain('Опубликовано, версия');

    // A room and a teacher added from files (the tables the planner uploads).
    const report = planner.locator('#tables-title ~ [role=status]');
    const upload = async (table: string, name: string, rows: readonly string[]) => {
      await planner.getByLabel('Таблица').selectOption(table);
      if (!(await planner.getByLabel('Дополнить таблицу').isChecked())) {
        await planner.getByLabel('Дополнить таблицу').check();
      }
      await planner.getByLabel('Файл CSV или XLSX').setInputFiles({
        name,
        mimeType: 'text/csv',
        buffer: Buffer.from(rows.join('\n')),
      });
      // The report of the previous upload reads the same words: wait for a new revision.
      const before = (await report.count()) > 0 ? await report.textContent() : null;
      await planner.getByRole('button', { name: 'Загрузить' }).click();
      await expect
        .poll(
          async () => {
            const now = await report.textContent();
            return now === before ? '' : now;
          },
          { timeout: 10_000 },
        )
        .toMatch(/Сохранена редакция \d+: принято строк 1 из 1/);
    };
    await upload('rooms', 'rooms.csv', [
      'Код;Ресурсный центр;Название;Мест;Оборудование;Занято',
      'r-new;rc-school-1;Кабинет 305;24;компьютеры;',
    ]);
    await upload('teachers', 'teachers.csv', ['Код;ФИО;Занят', 't-novikova;Новикова Е. А.;пт 1']);
    const teachers = await (
      await page.request.get(api('/api/courses/plan/network/tables/teachers.csv'))
    ).text();
    expect(teachers).toContain('t-novikova;Новикова Е. А.;пт 1');

    // A background solve, then its draft opened and two lectures pinned.
    const finished = async () => {
      await expect
        .poll(() => planner.locator('[role=status]').first().textContent(), { timeout: 30_000 })
        .toContain('Подбор закончен');
    };
    await planner.getByLabel('Сколько секунд искать').fill('2');
    await planner.getByRole('button', { name: 'Начать подбор' }).click();
    await finished();
    const drafts = planner.locator('ul.cards > li', { hasText: 'Черновик' });
    await expect.poll(() => drafts.count(), { timeout: 10_000 }).toBe(1);
    await drafts
      .first()
      .getByRole('button', { name: /^Открыть/ })
      .click();
    const lectures = planner.locator('ul.lectures input[type=checkbox]');
    await expect.poll(() => lectures.count(), { timeout: 10_000 }).toBeGreaterThan(2);
    await lectures.nth(0).check();
    await lectures.nth(3).check();
    const firstDraftId = Number(/№ (\d+)/.exec((await drafts.first().textContent()) ?? '')?.[1]);
    const firstDraft = (await (
      await page.request.get(api(`/api/courses/plan/timetables/${String(firstDraftId)}`))
    ).json()) as TimetableRecord;
    const pinned = [firstDraft.timetable.sessions[0], firstDraft.timetable.sessions[3]].map(
      (session) => key(session as Session),
    );

    // Re-solve the rest, keeping the two: a new draft with both lectures where they were.
    await planner
      .getByRole('button', { name: 'Подобрать заново, сохранив закреплённые (2)' })
      .click();
    await finished();
    await expect.poll(() => drafts.count(), { timeout: 10_000 }).toBe(2);
    const list = (await (await page.request.get(api('/api/courses/plan/timetables'))).json()) as {
      timetables: readonly { id: number; status: string }[];
    };
    const newest = Math.max(...list.timetables.map((timetable) => timetable.id));
    expect(newest).toBeGreaterThan(firstDraftId);
    const second = (await (
      await page.request.get(api(`/api/courses/plan/timetables/${String(newest)}`))
    ).json()) as TimetableRecord;
    expect(second.pins.map(key).sort()).toEqual([...pinned].sort());
    const placed = new Set(second.timetable.sessions.map(key));
    for (const pin of pinned) expect(placed.has(pin), pin).toBe(true);

    // Publish it: the next version, which students' and teachers' views follow.
    const newestCard = planner.locator('ul.cards > li', { hasText: `№ ${String(newest)}` });
    await newestCard.getByRole('button', { name: /^Опубликовать/ }).click();
    await expect
      .poll(() => planner.getByText(/Опубликована версия \d/).count(), { timeout: 10_000 })
      .toBe(1);
    await noHorizontalOverflow(page);
    await expectAccessible(page);
    expectNoProblems(problems);
    await context.close();

    // A student opens the personal link her school handed out.
    const { token } = await server.storage.courseLinks.issue({
      networkId: 'udomlya',
      studentId: 'st-001',
      issuedBy: 'acc-school-1',
      now: instant(new Date()),
      validForMs: 24 * 60 * 60 * 1000,
    });
    const student = await openPage(server, `courses/#token=${token}`, {
      context: { viewport: { width: 390, height: 844 } },
    });
    const mine = student.page.locator('#mine');
    await expect
      .poll(() => mine.locator('[part="title"]').textContent(), { timeout: 10_000 })
      .toContain('Семёнов Кирилл');
    expect(await mine.locator('[part="entry"]').count()).toBeGreaterThan(0);
    await noHorizontalOverflow(student.page);
    expectNoProblems(student.problems);
    await student.context.close();
  });

  for (const [width, height] of [
    [390, 844],
    [1280, 800],
  ] as const) {
    it(`at ${String(width)}×${String(height)}: a teacher signs in and sees his week on the staff desk`, async () => {
      const { context, page, problems } = await openSignedIn(
        server,
        '/staff/',
        { login: 'sokolov', password: teacherPassword },
        { context: { viewport: { width, height }, locale: 'ru-RU' } },
      );
      const week = page.locator('#courses eduset-course-timetable');
      await expect
        .poll(() => week.locator('[part="title"]').textContent(), { timeout: 15_000 })
        .toContain('Соколов');
      expect(await week.locator('[part="entry"]').count()).toBeGreaterThan(0);
      expect(await page.locator('#status').textContent()).toBe('');
      // The grant names the teacher of the course plan, not an id.
      expect(await page.locator('#me-grants').textContent()).toContain(
        'Преподаватель сетевого курса / Course teacher: Соколов Андрей Викторович',
      );
      await noHorizontalOverflow(page);
      await expectAccessible(page);
      await page.screenshot({
        path: `/tmp/eduset-teacher-week-${String(width)}.png`,
        fullPage: true,
      });
      expectNoProblems(problems);
      await context.close();
    });
  }
});
