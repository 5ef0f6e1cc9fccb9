// Indicator data values in the storage (issue 16 §1): the dashboard's API answers exactly
// the same from the demo files and from the storage seeded with them; a coordinator's upload
// replaces the values of its periods, a file with rejected rows saves nothing unless asked,
// every rejected row comes back with its reasons in Russian and English, and the write is
// audited.
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { instant } from '@eduset/core';
import { indicatorReportSchema, indicatorValuesImportReportSchema } from '@eduset/core/indicators';
import { openStorage, type Storage } from '@eduset/adapters';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createServer } from '../src/index.js';
import { signInStaff } from './helpers.js';
import { seedIndicatorValuesIfEmpty } from '../src/cli-indicator-values.js';

const examples = fileURLToPath(new URL('../../../examples/', import.meta.url));
const password = 'значения показателей 2026';

const queries = [
  '/api/indicators',
  '/api/indicators?level=municipality&period=2018-2019,2019-2020&period=2020-2021',
  '/api/indicators?level=organization',
  '/api/indicators?level=site&explain=false',
  '/api/indicators?level=region',
  '/api/indicators?orgUnit=ds-teremok,udomlya,michurinsk',
];

describe('indicator values from the storage', () => {
  let storage: Storage;
  let server: FastifyInstance;
  const fromFiles = new Map<string, unknown>();
  let coordinator: Record<string, string> = {};
  let schoolStaff: Record<string, string> = {};

  const signIn = (
    login: string,
    grants: Parameters<Storage['identity']['createAccount']>[0]['grants'],
  ) => signInStaff(server, storage, login, grants, { password });

  const upload = (headers: Record<string, string>, body: string, query = '') =>
    server.inject({
      method: 'POST',
      url: `/api/staff/indicators/values?file=values.csv${query}`,
      headers: { ...headers, 'content-type': 'text/csv' },
      payload: body,
    });

  beforeAll(async () => {
    storage = await openStorage({ dataDir: 'memory://' });
    server = createServer({ storage, staticRoot: examples, rateLimit: false });
    await server.ready();
    coordinator = await signIn('values-coordinator', [
      { role: 'coordinator', networkId: 'udomlya' },
    ]);
    schoolStaff = await signIn('values-school', [
      { role: 'school-staff', networkId: 'udomlya', organizationId: 'school-1' },
    ]);
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    await storage?.close();
  });

  test('the API answers exactly the same from the files and from the seeded storage', async () => {
    for (const url of queries) {
      const answer = await server.inject({ method: 'GET', url });
      expect(answer.statusCode, answer.body).toBe(200);
      fromFiles.set(url, indicatorReportSchema.parse(answer.json()));
    }
    expect(await storage.indicatorValues.has('udomlya')).toBe(false);
    await seedIndicatorValuesIfEmpty(
      storage,
      `${examples}data/indicators`,
      'udomlya',
      instant(new Date()),
      () => undefined,
    );
    const stored = await storage.indicatorValues.values('udomlya');
    // Every data row of the demo file (2436) is one value.
    expect(stored).toHaveLength(2436);
    for (const url of queries) {
      const answer = await server.inject({ method: 'GET', url });
      expect(indicatorReportSchema.parse(answer.json()), url).toEqual(fromFiles.get(url));
    }
    // Seeding again does nothing.
    await seedIndicatorValuesIfEmpty(
      storage,
      `${examples}data/indicators`,
      'udomlya',
      instant(new Date()),
      () => undefined,
    );
    expect(await storage.indicatorValues.imports('udomlya')).toHaveLength(1);
  });

  test('a file with a rejected row saves nothing: 422 with every rejected row in ru and en', async () => {
    const file =
      'dataElement,orgUnit,period,disaggregation,value\n' +
      'site-operates,kp-teremok,2019-2020,consultation-point,1\n' +
      'site-operates,atlantis,2019-2020,consultation-point,1\n' +
      'site-operates,kp-malysh,someday,consultation-point,много\n';
    const answer = await upload(coordinator, file);
    expect(answer.statusCode, answer.body).toBe(422);
    const report = indicatorValuesImportReportSchema.parse(answer.json());
    expect(report).toMatchObject({ saved: false, rows: 3, accepted: 1, values: 0 });
    expect(report.accepted + report.rejected.length).toBe(report.rows);
    expect(report.rejected.map((row) => row.row)).toEqual([3, 4]);
    expect(report.rejected[1]?.issues.length).toBeGreaterThanOrEqual(2);
    for (const row of report.rejected) {
      for (const issue of row.issues) {
        expect(issue.message.ru).toMatch(/[а-я]/i);
        expect(issue.message.en).toMatch(/[a-z]/i);
      }
    }
    expect(await storage.indicatorValues.imports('udomlya')).toHaveLength(1);
  });

  test("a coordinator's upload replaces its periods' values; the dashboard shows them at once; audited", async () => {
    const file =
      'Показатель;Подразделение;Период;Разрез;Значение\n' +
      'site-operates;kp-teremok;2019/20;consultation-point;1\n';
    const answer = await upload(coordinator, file);
    expect(answer.statusCode, answer.body).toBe(200);
    const report = indicatorValuesImportReportSchema.parse(answer.json());
    expect(report).toMatchObject({
      saved: true,
      dataSet: 'udomlya',
      rows: 1,
      accepted: 1,
      rejected: [],
      values: 1,
      periods: ['2019-2020'],
    });
    const dashboard = indicatorReportSchema.parse(
      (
        await server.inject({
          method: 'GET',
          url: '/api/indicators?level=municipality&indicator=udomlya-consultation-points&period=2018-2019,2019-2020',
        })
      ).json(),
    );
    const points = dashboard.results.filter((r) => r.orgUnit === 'udomlya');
    expect(points.map((r) => (r.status === 'value' ? r.value : r.status))).toEqual(['6', '1']);
    const [latest] = await storage.indicatorValues.imports('udomlya');
    expect(latest).toMatchObject({ source: 'values.csv', valueCount: 1 });
    await server.close();
    server = createServer({ storage, staticRoot: examples, rateLimit: false });
    await server.ready();
    const audit = await storage.audit.list({ networkId: 'udomlya' }, { limit: 50 });
    expect(
      audit.entries.some(
        (entry) =>
          entry.action === 'POST /api/staff/indicators/values' &&
          entry.recordIds.includes(`indicator-import-${report.importId ?? 0}`),
      ),
    ).toBe(true);
  });

  test('saveAccepted=true saves the accepted rows; the rejected ones are still reported', async () => {
    coordinator = await signIn('values-coordinator-2', [
      { role: 'coordinator', networkId: 'udomlya' },
    ]);
    const file =
      'dataElement,orgUnit,period,disaggregation,value\n' +
      'site-operates,kp-teremok,2020-2021,consultation-point,1\n' +
      'site-operates,atlantis,2020-2021,consultation-point,1\n';
    const answer = await upload(coordinator, file, '&saveAccepted=true');
    expect(answer.statusCode, answer.body).toBe(200);
    const report = indicatorValuesImportReportSchema.parse(answer.json());
    expect(report).toMatchObject({ saved: true, rows: 2, accepted: 1, values: 1 });
    expect(report.rejected).toHaveLength(1);
  });

  test('an XLSX file in the wide layout (periods as columns) is read the same way', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Значения');
    sheet.addRow(['Показатель', 'Подразделение', 'Разрез', '2021/22', '2022/23']);
    sheet.addRow(['site-operates', 'kp-teremok', 'consultation-point', 1, 1]);
    sheet.addRow(['site-operates', 'kp-malysh', 'consultation-point', 1, null]);
    const body = Buffer.from(await workbook.xlsx.writeBuffer());
    const answer = await server.inject({
      method: 'POST',
      url: '/api/staff/indicators/values?file=values.xlsx',
      headers: {
        ...coordinator,
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
      payload: body,
    });
    expect(answer.statusCode, answer.body).toBe(200);
    const report = indicatorValuesImportReportSchema.parse(answer.json());
    expect(report).toMatchObject({ saved: true, rows: 2, accepted: 2, values: 3 });
    expect(report.periods).toEqual(['2021-2022', '2022-2023']);
  });

  test("a school's staff may not upload values (its figures go through its report and approval); no file is 400; anonymous 401", async () => {
    const own = 'dataElement,orgUnit,period,value\norganization-exists,school-1,2021-2022,1\n';
    const file = 'dataElement,orgUnit,period,value\norganization-exists,ds-teremok,2021-2022,1\n';
    schoolStaff = await signIn('values-school-2', [
      { role: 'school-staff', networkId: 'udomlya', organizationId: 'school-1' },
    ]);
    expect((await upload(schoolStaff, file)).statusCode).toBe(403);
    expect((await upload(schoolStaff, own)).statusCode).toBe(403);
    expect((await upload({}, file)).statusCode).toBe(401);
    const empty = await server.inject({
      method: 'POST',
      url: '/api/staff/indicators/values',
      headers: coordinator,
      payload: {},
    });
    expect(empty.statusCode).toBe(400);
  });
});
