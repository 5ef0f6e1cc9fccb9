// Data entry, completeness and approval (issue 16 §2) through the HTTP API: a school fills in
// its report (a value breaking a rule is shown with its reason and blocks the submission until
// corrected), submits; the coordinator sees who reported and who is late by name, returns the
// report with a comment, approves it; the approved figures are what the dashboard's API
// publishes, and it says so. Every changed value is logged with its old and new value, and
// every write is in the audit log.
import { fileURLToPath } from 'node:url';
import { instant } from '@eduset/core';
import {
  completenessReportSchema,
  dataEntryOverviewSchema,
  indicatorReportSchema,
  submissionLogSchema,
  submissionViewSchema,
} from '@eduset/core/indicators';
import { openStorage, type Storage } from '@eduset/adapters';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createServer } from '../src/index.js';
import { signInStaff } from './helpers.js';

const examples = fileURLToPath(new URL('../../../examples/', import.meta.url));
const password = 'отчёт школы 2026';
const query = 'dataSet=udomlya-courses&period=2025-2026';
const school1 = `/api/staff/data-entry/submission?${query}&organization=school-1`;

describe('data entry, completeness and approval', () => {
  let storage: Storage;
  let server: FastifyInstance;
  let coordinator: Record<string, string> = {};
  let school: Record<string, string> = {};
  let otherSchool: Record<string, string> = {};
  let teremok: Record<string, string> = {};

  const signIn = (
    login: string,
    grants: Parameters<Storage['identity']['createAccount']>[0]['grants'],
  ) => signInStaff(server, storage, login, grants, { password, displayName: `Сотрудник ${login}` });

  beforeAll(async () => {
    storage = await openStorage({ dataDir: 'memory://' });
    server = createServer({
      storage,
      staticRoot: examples,
      rateLimit: false,
      now: () => instant(new Date()),
    });
    await server.ready();
    coordinator = await signIn('entry-coordinator', [
      { role: 'coordinator', networkId: 'udomlya' },
    ]);
    school = await signIn('entry-school1', [
      { role: 'school-staff', networkId: 'udomlya', organizationId: 'school-1' },
    ]);
    otherSchool = await signIn('entry-school2', [
      { role: 'school-staff', networkId: 'udomlya', organizationId: 'school-2' },
    ]);
    teremok = await signIn('entry-teremok', [
      { role: 'organization-admin', networkId: 'udomlya', organizationId: 'ds-teremok' },
    ]);
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    await storage?.close();
  });

  test('the done-when flow: enter, fail a rule, correct, submit, return, approve, publish', async () => {
    // The school sees its own organization only, by name, and the periods to report.
    const overview = dataEntryOverviewSchema.parse(
      (
        await server.inject({ method: 'GET', url: '/api/staff/data-entry', headers: school })
      ).json(),
    );
    expect(overview.canReview).toBe(false);
    expect(overview.dataSets[0]?.organizations).toEqual([
      { id: 'school-1', name: { ru: 'СОШ №1', en: 'СОШ No. 1' } },
    ]);
    expect(overview.dataSets[0]?.periods).toContain('2025-2026');

    const empty = submissionViewSchema.parse(
      (await server.inject({ method: 'GET', url: school1, headers: school })).json(),
    );
    expect(empty.submission.state).toBe('draft');
    expect(empty.fields.map((field) => field.name.ru)).toContain('Старшеклассников (10–11 классы)');

    // A value that breaks a rule is kept in the draft, shown with its reason (ru, en).
    const saved = await server.inject({
      method: 'PUT',
      url: school1,
      headers: school,
      payload: {
        values: {
          'resource-centre-operates': '1',
          'course-certificates': '31',
          'senior-students': '90',
          'senior-students-in-network': '120',
        },
        version: 0,
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const draft = submissionViewSchema.parse(saved.json());
    expect(draft.problems.map((problem) => problem.field)).toEqual([
      'senior-students-in-network',
      'senior-students',
    ]);
    expect(draft.problems[0]?.text.ru).toContain('120 <= 90 не выполняется');
    expect(draft.problems[0]?.text.en).toContain('does not hold');
    const refused = await server.inject({
      method: 'POST',
      url: `/api/staff/data-entry/submission/submit?${query}&organization=school-1`,
      headers: school,
      payload: {},
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ error: { message: { ru: string } } }>().error.message.ru).toContain(
      'Отчёт не отправлен',
    );

    // Not a number is refused at once.
    const notNumber = await server.inject({
      method: 'PUT',
      url: school1,
      headers: school,
      payload: { values: { 'senior-students': 'девяносто' } },
    });
    expect(notNumber.statusCode).toBe(409);
    expect(notNumber.json<{ error: { message: { ru: string } } }>().error.message.ru).toContain(
      'не число',
    );

    // Corrected, then submitted.
    const corrected = await server.inject({
      method: 'PUT',
      url: school1,
      headers: school,
      payload: { values: { 'senior-students-in-network': '24' }, version: 1 },
    });
    expect(submissionViewSchema.parse(corrected.json()).problems).toEqual([]);
    const submitted = await server.inject({
      method: 'POST',
      url: `/api/staff/data-entry/submission/submit?${query}&organization=school-1`,
      headers: school,
      payload: { version: 2 },
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submissionViewSchema.parse(submitted.json()).submission.stateLabel.ru).toBe(
      'Отправлен на проверку',
    );

    // Another school neither reads nor writes it; a kindergarten head has no data entry.
    expect(
      (await server.inject({ method: 'GET', url: school1, headers: otherSchool })).statusCode,
    ).toBe(403);
    expect(
      (
        await server.inject({
          method: 'PUT',
          url: school1,
          headers: otherSchool,
          payload: { values: {} },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await server.inject({ method: 'GET', url: school1, headers: teremok })).statusCode,
    ).toBe(403);
    // The school does not review.
    expect(
      (
        await server.inject({
          method: 'POST',
          url: `/api/staff/data-entry/submission/review?${query}&organization=school-1`,
          headers: school,
          payload: { decision: 'approve' },
        })
      ).statusCode,
    ).toBe(403);

    // The coordinator: who reported, who is late — by name.
    const completeness = completenessReportSchema.parse(
      (
        await server.inject({
          method: 'GET',
          url: `/api/staff/data-entry/completeness?${query}`,
          headers: coordinator,
        })
      ).json(),
    );
    const byId = new Map(completeness.organizations.map((o) => [o.id, o]));
    expect(byId.get('school-1')).toMatchObject({
      name: { ru: 'СОШ №1' },
      status: 'reported',
      state: 'submitted',
    });
    expect(completeness.counts).toMatchObject({ expected: 7, reported: 1, approved: 0 });
    expect(completeness.counts.late + completeness.counts.pending).toBe(6);
    expect(completeness.organizations.every((o) => o.name.ru !== o.id)).toBe(true);

    // Returned with a comment; corrected; submitted again; approved.
    const returned = await server.inject({
      method: 'POST',
      url: `/api/staff/data-entry/submission/review?${query}&organization=school-1`,
      headers: coordinator,
      payload: { decision: 'return', comment: 'Сверьте число сертификатов с журналом' },
    });
    expect(returned.statusCode, returned.body).toBe(200);
    const back = submissionViewSchema.parse(
      (await server.inject({ method: 'GET', url: school1, headers: school })).json(),
    );
    expect(back.submission).toMatchObject({
      state: 'returned',
      comment: 'Сверьте число сертификатов с журналом',
    });
    await server.inject({
      method: 'PUT',
      url: school1,
      headers: school,
      payload: { values: { 'course-certificates': '29' } },
    });
    await server.inject({
      method: 'POST',
      url: `/api/staff/data-entry/submission/submit?${query}&organization=school-1`,
      headers: school,
      payload: {},
    });
    const approved = await server.inject({
      method: 'POST',
      url: `/api/staff/data-entry/submission/review?${query}&organization=school-1`,
      headers: coordinator,
      payload: { decision: 'approve' },
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(submissionViewSchema.parse(approved.json()).submission.state).toBe('approved');

    // Locked: the school's save is refused, with the reason.
    const locked = await server.inject({
      method: 'PUT',
      url: school1,
      headers: school,
      payload: { values: { 'course-certificates': '30' } },
    });
    expect(locked.statusCode).toBe(409);
    expect(locked.json<{ error: { message: { ru: string } } }>().error.message.ru).toContain(
      'утверждён',
    );

    // The dashboard's API shows the approved figures and says where they come from.
    const report = indicatorReportSchema.parse(
      (
        await server.inject({
          method: 'GET',
          url: '/api/indicators?orgUnit=school-1&period=2025-2026&explain=false',
        })
      ).json(),
    );
    const certificates = report.results.find(
      (result) => result.indicator === 'udomlya-course-certificates',
    );
    expect(certificates).toMatchObject({ status: 'value', value: '29' });
    expect(report.approvedData?.periods).toEqual([{ period: '2025-2026', organizations: 1 }]);
    expect(report.approvedData?.text.ru).toContain('утверждённых');

    // Every changed value with its old and new value.
    const log = submissionLogSchema.parse(
      (
        await server.inject({
          method: 'GET',
          url: `/api/staff/data-entry/submission/log?${query}&organization=school-1`,
          headers: coordinator,
        })
      ).json(),
    );
    expect(log.entries).toContainEqual(
      expect.objectContaining({
        kind: 'value',
        field: 'senior-students-in-network',
        oldValue: '120',
        newValue: '24',
        actor: 'Сотрудник entry-school1',
      }),
    );
    expect(log.entries.map((entry) => entry.kind).filter((kind) => kind !== 'value')).toEqual([
      'submit',
      'return',
      'submit',
      'approve',
    ]);

    // An unlock needs a reason; with one, the school may correct again.
    const noReason = await server.inject({
      method: 'POST',
      url: `/api/staff/data-entry/submission/review?${query}&organization=school-1`,
      headers: coordinator,
      payload: { decision: 'unlock', reason: '  ' },
    });
    expect(noReason.statusCode).toBe(400);
    const unlocked = await server.inject({
      method: 'POST',
      url: `/api/staff/data-entry/submission/review?${query}&organization=school-1`,
      headers: coordinator,
      payload: { decision: 'unlock', reason: 'Школа сообщила об ошибке' },
    });
    expect(submissionViewSchema.parse(unlocked.json()).submission).toMatchObject({
      state: 'returned',
      comment: 'Школа сообщила об ошибке',
    });

    // Every write is in the audit log, with the submission it touched.
    let writes: unknown[] = [];
    for (let attempt = 0; attempt < 50 && writes.length < 8; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      writes = (await storage.audit.list({})).entries.filter(
        (entry) =>
          entry.action.includes('/api/staff/data-entry') &&
          entry.outcome === 200 &&
          entry.recordIds.some((id) => id.startsWith('data-entry-')),
      );
    }
    expect(writes.length).toBe(8);
  });

  test('bad input gets a clear 4xx', async () => {
    const wrongPeriod = await server.inject({
      method: 'GET',
      url: '/api/staff/data-entry/submission?dataSet=udomlya-courses&period=2025Q1&organization=school-1',
      headers: coordinator,
    });
    expect(wrongPeriod.statusCode).toBe(400);
    expect(wrongPeriod.json<{ error: { message: { ru: string } } }>().error.message.ru).toContain(
      'период',
    );
    const unknownSet = await server.inject({
      method: 'GET',
      url: '/api/staff/data-entry/completeness?dataSet=nosuch&period=2025-2026',
      headers: coordinator,
    });
    expect(unknownSet.statusCode).toBe(404);
    const notAsked = await server.inject({
      method: 'GET',
      url: `/api/staff/data-entry/submission?${query}&organization=ds-teremok`,
      headers: coordinator,
    });
    expect(notAsked.statusCode).toBe(404);
    const unknownField = await server.inject({
      method: 'PUT',
      url: `/api/staff/data-entry/submission?${query}&organization=school-2`,
      headers: otherSchool,
      payload: { values: { nosuch: '1' } },
    });
    expect(unknownField.statusCode).toBe(409);
    expect(unknownField.json<{ error: { message: { en: string } } }>().error.message.en).toContain(
      'no field',
    );
  });
});
