// School profiles and identification runs in the storage (issue 16 §1): the school map reads
// the district's latest stored run, which the demo seeds and the coordinator's upload
// renews; every rejected row comes back with its reasons; a run keeps the definitions'
// versions it used and is stored once for the same inputs; a school's staff may upload only
// their own school; every write is audited.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { instant } from '@eduset/core';
import {
  identificationRunSchema,
  identificationRunsSchema,
  parseSchoolProfiles,
  schoolMapDataSchema,
  schoolProfilesImportReportSchema,
  type SchoolProfile,
} from '@eduset/core/schools';
import { identifyDistrict, openStorage, type Storage } from '@eduset/adapters';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { createServer } from '../src/index.js';
import { signInStaff } from './helpers.js';
import { seedSchoolsIfEmpty } from '../src/cli-schools.js';

const examples = fileURLToPath(new URL('../../../examples/', import.meta.url));
const dataFile = `${examples}data/tutaev-schools.json`;
const json = JSON.parse(readFileSync(dataFile, 'utf8')) as {
  district: string;
  year: number;
  schools: unknown;
};
const tutaev: SchoolProfile[] = parseSchoolProfiles(json.schools);
const password = 'школы района 2026';
const at = instant(new Date('2026-12-07T08:00:00Z'));

const decimal = (value: number): string => String(Math.round(value * 1e6) / 1e6).replace('.', ',');
const levels = { primary: 'ОШ', basic: 'ООШ', secondary: 'СШ' } as const;
const localities = { urban: 'городская', rural: 'сельская' } as const;
const transports = { regular: 'регулярный', irregular: 'нерегулярный', none: 'нет' } as const;

/** The passports sheet of the schools, as a district sends it (shares in percent). */
function passportRows(schools: readonly SchoolProfile[]): string[][] {
  return [
    [
      'Код',
      'Наименование',
      'Уровень',
      'Местность',
      'Число учащихся',
      'Расстояние до райцентра, км',
      'Транспорт',
      'Доля семей с высшим образованием обоих родителей',
      'Доля неполных семей',
      'Доля малообеспеченных семей',
      'Доля на профилактических учётах',
      'Доля с неродным русским языком',
      'Доля обучающихся с ОВЗ',
    ],
    ...schools.map((school) => {
      const p = school.passport;
      return [
        school.id,
        school.name,
        levels[school.level],
        localities[p.locality],
        String(p.enrolment),
        decimal(p.distanceToCentreKm),
        transports[p.transport],
        ...[
          p.higherEducationShare,
          p.singleParentShare,
          p.lowIncomeShare,
          p.preventionRegisterShare,
          p.nonNativeShare,
          p.disabilityShare,
        ].map((share) => decimal(share * 100)),
      ];
    }),
  ];
}

/** The results sheet: one row per school, year and subject, with the year's regional rank. */
function resultRows(schools: readonly SchoolProfile[]): string[][] {
  return [
    [
      'Код школы',
      'Год',
      'Предмет',
      'Средний балл',
      'Доля ниже минимума, %',
      'Участников',
      'Место в рейтинге',
      'Из',
    ],
    ...schools.flatMap((school) =>
      school.results.map((result) => {
        const rank = school.regionalRanks.find((entry) => entry.year === result.year);
        return [
          school.id,
          String(result.year),
          result.subject,
          decimal(result.meanScore),
          result.shareBelowMinimum === undefined ? '' : decimal(result.shareBelowMinimum * 100),
          String(result.examinees),
          rank === undefined ? '' : String(rank.rank),
          rank === undefined ? '' : String(rank.outOf),
        ];
      }),
    ),
  ];
}

async function workbook(passports: string[][], results: string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const first = book.addWorksheet('Паспорта');
  for (const row of passports) first.addRow(row);
  const second = book.addWorksheet('Результаты');
  for (const row of results) second.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('school profiles and identification runs from the storage', () => {
  let storage: Storage;
  let server: FastifyInstance;
  let coordinator: Record<string, string> = {};
  let udomlya: Record<string, string> = {};
  let licey: Record<string, string> = {};

  const signIn = (
    login: string,
    grants: Parameters<Storage['identity']['createAccount']>[0]['grants'],
  ) => signInStaff(server, storage, login, grants, { password });

  const upload = (headers: Record<string, string>, body: Buffer | string, query: string) =>
    server.inject({
      method: 'POST',
      url: `/api/staff/schools/profiles?${query}`,
      headers: {
        ...headers,
        'content-type':
          typeof body === 'string'
            ? 'text/csv'
            : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
      payload: body,
    });

  beforeAll(async () => {
    storage = await openStorage({ dataDir: 'memory://' });
    await seedSchoolsIfEmpty(storage, dataFile, 'tutaev', at, () => {});
    server = createServer({ storage, staticRoot: examples, rateLimit: false });
    await server.ready();
    coordinator = await signIn('schools-coordinator', [
      { role: 'coordinator', networkId: 'tutaev' },
    ]);
    udomlya = await signIn('schools-udomlya', [{ role: 'coordinator', networkId: 'udomlya' }]);
    licey = await signIn('schools-licey', [
      { role: 'school-staff', networkId: 'tutaev', organizationId: 'licey-1' },
    ]);
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    await storage?.close();
  });

  test('the school map answers the seeded run: the same as identifying the demo file', async () => {
    const answer = await server.inject({ method: 'GET', url: '/api/schools' });
    expect(answer.statusCode).toBe(200);
    const expected = identifyDistrict({ name: json.district, year: json.year, schools: tutaev }, 4);
    expect(schoolMapDataSchema.parse(answer.json())).toEqual(expected.map);
    const csv = await server.inject({
      method: 'GET',
      url: '/api/schools/identification.csv?onlyFlagged=true',
    });
    expect(csv.body).toContain('МОУ Ченцевская СШ;217;18;да');
    const runs = await server.inject({
      method: 'GET',
      url: '/api/staff/schools/runs?district=tutaev',
      headers: coordinator,
    });
    expect(runs.statusCode).toBe(200);
    const [run] = identificationRunsSchema.parse(runs.json()).runs;
    expect(run).toMatchObject({
      district: 'tutaev',
      year: 2016,
      definition: expected.result.definition,
      index: expected.result.index.definition,
      schools: 19,
      runBy: 'demo',
    });
    // Run again with the same profiles and definitions: the same run, not a new one.
    const again = await server.inject({
      method: 'POST',
      url: '/api/staff/schools/identification?district=tutaev',
      headers: coordinator,
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(identificationRunSchema.parse(again.json()).id).toBe(run?.id);
  });

  test('an upload with a rejected row saves nothing and lists every reason; saveAccepted stores and renews the map', async () => {
    const next = tutaev.map((school) => ({
      ...school,
      passport: { ...school.passport, enrolment: school.passport.enrolment + 10 },
    }));
    const passports = passportRows(next);
    passports.push([
      'broken',
      'МОУ Ошибочная ОШ',
      'ОШ',
      'деревня',
      'много',
      '5',
      'регулярный',
      '10',
      '20',
      '30',
      '1',
      '1',
      '1',
    ]);
    const file = await workbook(passports, resultRows(next));
    const query = 'district=tutaev&year=2017&file=passports-2017.xlsx&resultsSheet=2';
    const refused = await upload(coordinator, file, query);
    expect(refused.statusCode, refused.body).toBe(422);
    const report = schoolProfilesImportReportSchema.parse(refused.json());
    expect(report).toMatchObject({ saved: false, schools: 0 });
    expect(report.passports.rows).toBe(20);
    expect(report.passports.accepted + report.passports.rejected.length).toBe(20);
    expect(report.passports.rejected[0]?.row).toBe(21);
    const reasons = report.passports.rejected[0]?.issues ?? [];
    expect(reasons.map((issue) => issue.message.ru).join(' ')).toContain('деревня');
    expect(reasons.every((issue) => issue.message.en.length > 0)).toBe(true);
    expect(report.results.accepted).toBe(next.flatMap((school) => school.results).length);
    expect((await storage.schools.districts())[0]?.years).toEqual([2016]);

    const saved = await upload(coordinator, file, `${query}&saveAccepted=true`);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(schoolProfilesImportReportSchema.parse(saved.json())).toMatchObject({
      saved: true,
      district: 'tutaev',
      year: 2017,
      schools: 19,
    });
    const stored = await storage.schools.year('tutaev');
    expect(stored?.year).toBe(2017);
    expect(stored?.schools.map((school) => school.passport.enrolment)).toEqual(
      next.map((school) => school.passport.enrolment),
    );
    // The map now shows the new year's run, stored with who ran it.
    const runs = identificationRunsSchema.parse(
      (
        await server.inject({
          method: 'GET',
          url: '/api/staff/schools/runs?district=tutaev',
          headers: coordinator,
        })
      ).json(),
    ).runs;
    expect(runs.map((run) => [run.year, run.runBy])).toEqual([
      [2017, 'schools-coordinator'],
      [2016, 'demo'],
    ]);
    const map = schoolMapDataSchema.parse(
      (await server.inject({ method: 'GET', url: '/api/schools' })).json(),
    );
    expect(map.schools).toHaveLength(19);
    expect(map.year).toBe(2017);
    // The audit entry is appended as the answer is sent.
    const importId = schoolProfilesImportReportSchema.parse(saved.json()).importId;
    await vi.waitFor(async () => {
      const audit = await storage.audit.list({}, { limit: 20 });
      expect(audit.entries.flatMap((entry) => entry.recordIds)).toContain(
        `school-import-${String(importId)}`,
      );
    });
  });

  test("a school's staff uploads only their own school; another district's coordinator may not", async () => {
    const own = passportRows(tutaev.filter((school) => school.id === 'licey-1'));
    const csv = (rows: string[][]) => rows.map((row) => row.join(';')).join('\n');
    const other = passportRows(tutaev.filter((school) => school.id !== 'licey-1').slice(0, 2));
    expect((await upload(licey, csv(other), 'district=tutaev&year=2017')).statusCode).toBe(403);
    expect((await upload(udomlya, csv(own), 'district=tutaev&year=2017')).statusCode).toBe(403);
    expect(
      (
        await server.inject({
          method: 'POST',
          url: '/api/staff/schools/identification?district=tutaev',
          headers: udomlya,
        })
      ).statusCode,
    ).toBe(403);
    expect((await upload({}, csv(own), 'district=tutaev&year=2017')).statusCode).toBe(401);
    const answer = await upload(licey, csv(own), 'district=tutaev&year=2017&file=licey.csv');
    expect(answer.statusCode, answer.body).toBe(200);
    // The district's other schools stay; the lyceum's figures are the file's.
    const stored = await storage.schools.year('tutaev', 2017);
    expect(stored?.schools).toHaveLength(19);
    expect(stored?.import.importedBy).toBe('schools-licey');
  });

  test('bad queries are bilingual 400s, an unknown district 404', async () => {
    const noYear = await upload(coordinator, 'x', 'district=tutaev');
    expect(noYear.statusCode).toBe(400);
    const empty = await server.inject({
      method: 'POST',
      url: '/api/staff/schools/profiles?district=tutaev&year=2017',
      headers: { ...coordinator, 'content-type': 'text/csv' },
      payload: '',
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message.en).toContain('CSV or XLSX');
    const unknown = await server.inject({
      method: 'POST',
      url: '/api/staff/schools/identification?district=nowhere',
      headers: await signIn('schools-nowhere', [{ role: 'coordinator', networkId: 'nowhere' }]),
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message.ru).toContain('Нет данных школ');
    const map = await server.inject({ method: 'GET', url: '/api/schools?district=nowhere' });
    expect(map.statusCode).toBe(404);
  });
});
