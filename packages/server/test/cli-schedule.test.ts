// `eduset schedule export|check|replace` and `serve --schedule` over a PGlite directory on
// disk, and once as a real process of the built CLI.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  addCivilDays,
  dayKind,
  instantsAt,
  isoWeekday,
  localDateTime,
  russianWorkCalendar,
  instant,
  type NetworkScheduleInput,
} from '@eduset/core';
import { openStorage } from '@eduset/adapters';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { main, type CliContext } from '../src/cli.js';
import { smallNetwork, smallNetworkInput } from '../../adapters/test/fixtures/network.js';

const root = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const cli = resolve(root, process.env.EDUSET_TEST_CLI ?? 'packages/server/dist/cli.js');
const dir = mkdtempSync(join(tmpdir(), 'eduset-schedule-'));
const dataDir = join(dir, 'pglite');
const flags = ['--data-dir', dataDir];
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A working Tuesday at least two weeks ahead of the real clock (the CLI uses it). */
function workingTuesday(): string {
  let date = addCivilDays(localDateTime(instant(new Date()), 'Europe/Moscow').date, 14);
  while (isoWeekday(date) !== 2 || dayKind(russianWorkCalendar, date) !== 'working') {
    date = addCivilDays(date, 1);
  }
  return date;
}
const tuesday = workingTuesday();

const schedule: NetworkScheduleInput = {
  networkId: 'test-town',
  availabilities: [
    {
      specialistId: 'psy-ivanova',
      siteId: 'kp-teremok',
      serviceId: 'speech',
      rules: [{ weekdays: [2, 4], start: '09:00', end: '13:00' }],
    },
  ],
  bookingRules: [{ serviceId: 'speech', duration: 45, bufferAfter: 15 }],
};
const files = {
  same: join(dir, 'same.json'),
  vacation: join(dir, 'vacation.json'),
  longer: join(dir, 'longer.json'),
  invalid: join(dir, 'invalid.json'),
  seed: join(dir, 'network.json'),
};
writeFileSync(files.same, JSON.stringify(schedule));
writeFileSync(
  files.vacation,
  JSON.stringify({
    ...schedule,
    vacations: [{ specialistId: 'psy-ivanova', from: tuesday, to: tuesday, note: 'Отпуск' }],
  }),
);
writeFileSync(
  files.longer,
  JSON.stringify({
    ...schedule,
    availabilities: [
      {
        ...schedule.availabilities[0],
        rules: [{ weekdays: [2, 4], start: '09:00', end: '15:00' }],
      },
    ],
  }),
);
writeFileSync(files.invalid, JSON.stringify({ ...schedule, bookingRules: [] }));
writeFileSync(files.seed, JSON.stringify(smallNetworkInput));

let bookingId = '';

beforeAll(async () => {
  const storage = await openStorage({ dataDir });
  try {
    await storage.saveNetwork(smallNetwork());
    await storage.saveSchedule((await import('@eduset/core')).createNetworkSchedule(schedule));
    const [start] = instantsAt(tuesday, '09:00', 'Europe/Moscow');
    const { booking } = await storage.createBooking(
      'test-town',
      {
        specialistId: 'psy-ivanova',
        siteId: 'kp-teremok',
        serviceId: 'speech',
        start: start!,
        end: instant(new Date(Date.parse(start!) + 45 * 60_000)),
        seats: 1,
        capacity: 1,
        childAge: 4,
        contact: { name: 'Анна', phone: '+79120000001' },
        personalDataConsent: true,
      },
      instant(new Date()),
    );
    bookingId = booking.id;
  } finally {
    await storage.close();
  }
});

/** Runs `main` with captured output; `stop()` ends `serve`. */
function run(argv: readonly string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const controller = new AbortController();
  let announce: (url: string) => void = () => undefined;
  const listening = new Promise<string>((done) => {
    announce = done;
  });
  const context: CliContext = {
    cwd: dir,
    env: {},
    signal: controller.signal,
    stdout: (line) => {
      stdout.push(line);
      const match = /server running: (\S+)/.exec(line);
      if (match?.[1] !== undefined) announce(match[1]);
    },
    stderr: (line) => stderr.push(line),
  };
  const exit = main(argv, context);
  return { exit, listening, stdout, stderr, stop: () => controller.abort() };
}

async function stored() {
  const storage = await openStorage({ dataDir });
  try {
    const { revision, schedule: current } = await storage.loadScheduleRevision('test-town');
    const booking = await storage.getBooking('test-town', bookingId);
    return { revision, schedule: current, status: booking.status, history: booking.history };
  } finally {
    await storage.close();
  }
}

describe('eduset schedule', () => {
  test('export writes the stored schedule as JSON, to standard output or a file', async () => {
    const printed = run(['schedule', 'export', ...flags]);
    expect(await printed.exit).toBe(0);
    const json = JSON.parse(printed.stdout.join('\n')) as { networkId: string };
    expect(json.networkId).toBe('test-town');
    expect(printed.stderr.join('\n')).toContain('exported (revision 1)');
    const target = join(dir, 'exported.json');
    const written = run(['schedule', 'export', '--out', target, ...flags]);
    expect(await written.exit).toBe(0);
    expect(JSON.parse(readFileSync(target, 'utf8'))).toEqual(json);
    expect(written.stdout.join('\n')).toContain('выгружено (версия 1)');
  });

  test('check validates a file, lists the consultations it would hit, and stores nothing', async () => {
    const checked = run(['schedule', 'check', '--file', files.vacation, ...flags]);
    expect(await checked.exit).toBe(0);
    const output = checked.stdout.join('\n');
    expect(output).toContain('прошло проверку');
    expect(output).toContain('would hit booked consultations: 1');
    expect(output).toContain(`${tuesday} 09:00–09:45 (Europe/Moscow) psy-ivanova @ kp-teremok`);
    expect(output).toContain(bookingId);
    expect(output).not.toContain('+7912'); // no contact in the operator's terminal
    expect(output).toContain('nothing was stored');
    expect((await stored()).revision).toBe(1);

    const invalid = run(['schedule', 'check', '--file', files.invalid, ...flags]);
    expect(await invalid.exit).toBe(1);
    const problems = invalid.stderr.join('\n');
    expect(problems).toContain('Данные не прошли проверку');
    expect(problems).toContain('availabilities.0.serviceId');
    expect(problems).toMatch(/нет правил записи.*has no booking rules/s);

    const missing = run(['schedule', 'check', ...flags]);
    expect(await missing.exit).toBe(2);
    expect(missing.stderr.join('\n')).toContain('--file');
  });

  test('replace refuses a file that hits bookings unless told to keep or cancel them', async () => {
    const refused = run(['schedule', 'replace', '--file', files.vacation, ...flags]);
    expect(await refused.exit).toBe(1);
    expect(refused.stderr.join('\n')).toContain(bookingId);
    expect(refused.stderr.join('\n')).toContain('--cancel-hits');
    expect((await stored()).revision).toBe(1);

    const both = run([
      'schedule',
      'replace',
      '--file',
      files.vacation,
      '--keep-hits',
      '--cancel-hits',
      ...flags,
    ]);
    expect(await both.exit).toBe(2);

    const kept = run(['schedule', 'replace', '--file', files.vacation, '--keep-hits', ...flags]);
    expect(await kept.exit).toBe(0);
    expect(kept.stdout.join('\n')).toContain('replaced (revision 2); bookings kept: 1');
    expect(await stored()).toMatchObject({ revision: 2, status: 'confirmed' });

    const again = run(['schedule', 'replace', '--file', files.vacation, ...flags]);
    expect(await again.exit).toBe(0);
    expect(again.stdout.join('\n')).toContain('already the same (revision 2)');
  });

  test('replace --cancel-hits cancels them on the parent’s behalf, with the reason', async () => {
    const back = run(['schedule', 'replace', '--file', files.same, ...flags]);
    expect(await back.exit).toBe(0);
    const cancelled = run([
      'schedule',
      'replace',
      '--file',
      files.vacation,
      '--cancel-hits',
      '--reason',
      'Специалист в отпуске',
      ...flags,
    ]);
    expect(await cancelled.exit).toBe(0);
    expect(cancelled.stdout.join('\n')).toContain('bookings cancelled: 1');
    const after = await stored();
    expect(after.revision).toBe(4);
    expect(after.status).toBe('cancelled-by-site');
    expect(after.history.at(-1)).toMatchObject({ by: 'site', reason: 'Специалист в отпуске' });
    const storage = await openStorage({ dataDir });
    try {
      const { entries } = await storage.audit.list({ action: 'CLI schedule replace' });
      expect(entries.length).toBeGreaterThanOrEqual(3);
      expect(entries[0]).toMatchObject({ networkId: 'test-town', recordIds: [bookingId] });
    } finally {
      await storage.close();
    }
  });
});

describe('eduset serve --schedule over a storage that holds a schedule', () => {
  const serveArgs = [
    'serve',
    '--port',
    '0',
    '--seed',
    files.seed,
    '--static',
    join(dir, 'none'),
    ...flags,
  ];

  test('says clearly that the file is not loaded, and keeps the stored one', async () => {
    const server = run([...serveArgs, '--schedule', files.longer]);
    await Promise.race([
      server.listening,
      server.exit.then((code) =>
        Promise.reject(new Error(`exited ${code}: ${server.stderr.join('\n')}`)),
      ),
    ]);
    server.stop();
    expect(await server.exit).toBe(0);
    const said = server.stderr.join('\n');
    expect(said).toContain('НЕ загружен');
    expect(said).toContain('is NOT loaded');
    expect(said).toContain('--replace-schedule');
    expect((await stored()).revision).toBe(4);
  });

  test('--replace-schedule replaces it when it hits no booking', async () => {
    const server = run([...serveArgs, '--schedule', files.longer, '--replace-schedule']);
    await Promise.race([
      server.listening,
      server.exit.then((code) =>
        Promise.reject(new Error(`exited ${code}: ${server.stderr.join('\n')}`)),
      ),
    ]);
    server.stop();
    expect(await server.exit).toBe(0);
    expect(server.stdout.join('\n')).toContain('replaced (revision 5)');
    const after = await stored();
    expect(after.schedule.availabilities[0]?.rules[0]?.end).toBe('15:00');
  });
});

describe('the built CLI as a real process', () => {
  test('schedule check and export over the same data directory', () => {
    if (!existsSync(cli)) {
      throw new Error(
        `Нет собранного CLI (${cli}): выполните npm run build / No built CLI (${cli}): run npm run build`,
      );
    }
    const checked = spawnSync(
      process.execPath,
      [cli, 'schedule', 'check', '--file', files.same, ...flags],
      {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, DATABASE_URL: '' },
      },
    );
    expect(checked.status, checked.stderr).toBe(0);
    expect(checked.stdout).toContain('прошло проверку');
    const exported = spawnSync(process.execPath, [cli, 'schedule', 'export', ...flags], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: '' },
    });
    expect(exported.status, exported.stderr).toBe(0);
    expect(JSON.parse(exported.stdout)).toMatchObject({ networkId: 'test-town' });
  });
});
