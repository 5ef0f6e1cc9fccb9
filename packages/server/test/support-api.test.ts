// Support programmes of flagged schools (issue 16 §4) over HTTP: the coordinator creates a
// programme for a flagged school from its identification and keeps its road map; the
// school's staff report progress with evidence and enter monitoring for their own school
// only; the coordinator accepts or returns; a stale change is refused; the report prints in
// people's words (HTML) and downloads (XLSX); every write is audited.
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { instant } from '@eduset/core';
import {
  supportMeasureSchema,
  supportProgrammeListSchema,
  supportProgrammeRecordSchema,
} from '@eduset/core/schools';
import { openStorage, type AuditEntry, type Storage } from '@eduset/adapters';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { createServer, hashPassword } from '../src/index.js';
import { seedSchoolsIfEmpty } from '../src/cli-schools.js';

const examples = fileURLToPath(new URL('../../../examples/', import.meta.url));
const dataFile = `${examples}data/tutaev-schools.json`;
const password = 'программа поддержки 2026';
const at = instant(new Date('2026-12-07T08:00:00Z'));

describe('support programmes of flagged schools', () => {
  let storage: Storage;
  let server: FastifyInstance;
  const who: Record<string, Record<string, string>> = {};

  async function signIn(
    login: string,
    grants: Parameters<Storage['identity']['createAccount']>[0]['grants'],
  ): Promise<void> {
    await storage.identity.createAccount(
      {
        login,
        displayName: `Сотрудник ${login}`,
        passwordHash: await hashPassword(password),
        grants,
      },
      at,
    );
    const answer = await server.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login, password },
    });
    expect(answer.statusCode, answer.body).toBe(200);
    const cookie = String(answer.headers['set-cookie']).split(';')[0] ?? '';
    who[login] = { cookie, 'x-csrf-token': answer.json<{ csrfToken: string }>().csrfToken };
  }

  const call = (login: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    server.inject({
      method,
      url,
      headers: who[login] ?? {},
      ...(payload === undefined ? {} : { payload }),
    });

  beforeAll(async () => {
    storage = await openStorage({ dataDir: 'memory://' });
    await seedSchoolsIfEmpty(storage, dataFile, 'tutaev', at, () => {});
    server = createServer({ storage, staticRoot: examples, rateLimit: false, now: () => at });
    await server.ready();
    await signIn('coordinator', [{ role: 'coordinator', networkId: 'tutaev' }]);
    await signIn('udomlya', [{ role: 'coordinator', networkId: 'udomlya' }]);
    await signIn('chebakovo', [
      { role: 'school-staff', networkId: 'tutaev', organizationId: 'chebakovskaya' },
    ]);
    await signIn('licey', [
      { role: 'school-staff', networkId: 'tutaev', organizationId: 'licey-1' },
    ]);
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    await storage?.close();
  });

  let id = 0;

  test('the coordinator sees the flagged schools and creates a programme from the identification', async () => {
    const flagged = await call('coordinator', 'GET', '/api/staff/support/flagged?district=tutaev');
    expect(flagged.statusCode, flagged.body).toBe(200);
    const list = flagged.json<{
      schools: { schoolId: string; name: string; programmeId: null }[];
    }>();
    expect(list.schools.map((s) => s.schoolId)).toContain('chebakovskaya');
    expect(list.schools.map((s) => s.schoolId)).not.toContain('licey-1');
    expect(
      (await call('udomlya', 'GET', '/api/staff/support/flagged?district=tutaev')).statusCode,
    ).toBe(403);
    expect(
      (
        await call('chebakovo', 'POST', '/api/staff/support/programmes', {
          district: 'tutaev',
          school: 'chebakovskaya',
        })
      ).statusCode,
    ).toBe(403);
    const notFlagged = await call('coordinator', 'POST', '/api/staff/support/programmes', {
      district: 'tutaev',
      school: 'licey-1',
    });
    expect(notFlagged.statusCode).toBe(409);
    expect(notFlagged.json<{ error: { message: { ru: string } } }>().error.message.ru).toContain(
      'МОУ Лицей № 1',
    );
    const created = await call('coordinator', 'POST', '/api/staff/support/programmes', {
      district: 'tutaev',
      school: 'chebakovskaya',
    });
    expect(created.statusCode, created.body).toBe(201);
    const programme = supportProgrammeRecordSchema.parse(created.json());
    id = programme.id;
    expect(programme).toMatchObject({ schoolName: 'МОУ Чебаковская СШ', year: 2016 });
    expect(programme.risks.flags.map((f) => f.flag).sort()).toEqual([
      'adverseConditions',
      'lowResults',
    ]);
    expect(programme.risks.factors).toContainEqual(
      expect.objectContaining({ factor: 'highShareAtRiskOfFailure', level: 'high' }),
    );
    expect(programme.risks.factors[0]?.level).toBe('high');
    const again = await call('coordinator', 'POST', '/api/staff/support/programmes', {
      district: 'tutaev',
      school: 'chebakovskaya',
    });
    expect(again.statusCode).toBe(409);
  });

  test('the road map: the coordinator writes it; a school sees only its own programme', async () => {
    const add = (title: string, deadline: string, indicatorId?: string) =>
      call('coordinator', 'POST', `/api/staff/support/programmes/${id}/measures`, {
        title,
        responsible: 'Завуч Смирнова О. П.',
        responsibleEmail: 'smirnova@chebakovo.example',
        deadline,
        ...(indicatorId === undefined ? {} : { indicatorId }),
        expectedEffect: 'Доля вовлечённых родителей вырастет до 60 %',
      });
    const first = await add(
      'Родительские собрания по учебной мотивации',
      '2026-11-30',
      'parents-involved',
    );
    expect(first.statusCode, first.body).toBe(201);
    expect(supportMeasureSchema.parse(first.json())).toMatchObject({ id: 'm1', overdue: true });
    expect(
      (await add('Курсы для учителей математики', '2027-04-30', 'teachers-trained')).statusCode,
    ).toBe(201);
    const unknown = await add('Что-то', '2027-04-30', 'nosuch');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<{ error: { message: { ru: string } } }>().error.message.ru).toContain(
      'Доля родителей',
    );
    expect((await add('', '2027-04-30')).statusCode).toBe(400);
    expect(
      (
        await call('chebakovo', 'POST', `/api/staff/support/programmes/${id}/measures`, {
          title: 'Своё',
          responsible: 'Я',
          deadline: '2027-01-01',
        })
      ).statusCode,
    ).toBe(403);
    const own = await call('chebakovo', 'GET', `/api/staff/support/programmes/${id}`);
    expect(own.statusCode).toBe(200);
    expect(supportProgrammeRecordSchema.parse(own.json()).measures).toHaveLength(2);
    expect((await call('licey', 'GET', `/api/staff/support/programmes/${id}`)).statusCode).toBe(
      404,
    );
    expect((await call('udomlya', 'GET', `/api/staff/support/programmes/${id}`)).statusCode).toBe(
      404,
    );
    const theirs = await call('licey', 'GET', '/api/staff/support/programmes?district=tutaev');
    expect(supportProgrammeListSchema.parse(theirs.json()).programmes).toEqual([]);
    const mine = await call('chebakovo', 'GET', '/api/staff/support/programmes?district=tutaev');
    expect(supportProgrammeListSchema.parse(mine.json()).programmes).toEqual([
      expect.objectContaining({ id, measures: 2, overdue: 1 }),
    ]);
  });

  test('the school reports done with evidence; the coordinator returns, then accepts; stale changes are refused', async () => {
    const url = `/api/staff/support/programmes/${id}/measures/m1`;
    const noEvidence = await call('chebakovo', 'POST', `${url}/status`, {
      status: 'done',
      revision: 1,
    });
    expect(noEvidence.statusCode).toBe(400);
    const done = await call('chebakovo', 'POST', `${url}/status`, {
      status: 'done',
      evidence: 'Проведено 3 собрания, пришли 47 родителей',
      revision: 1,
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({
      status: 'done',
      review: 'pending',
      revision: 2,
      overdue: false,
    });
    const stale = await call('chebakovo', 'POST', `${url}/status`, {
      status: 'inProgress',
      revision: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(
      (await call('licey', 'POST', `${url}/status`, { status: 'inProgress', revision: 2 }))
        .statusCode,
    ).toBe(404);
    expect(
      (await call('coordinator', 'POST', `${url}/status`, { status: 'inProgress', revision: 2 }))
        .statusCode,
    ).toBe(403);
    expect(
      (await call('chebakovo', 'POST', `${url}/review`, { decision: 'accept', revision: 2 }))
        .statusCode,
    ).toBe(403);
    expect(
      (await call('coordinator', 'POST', `${url}/review`, { decision: 'return', revision: 2 }))
        .statusCode,
    ).toBe(400);
    const returned = await call('coordinator', 'POST', `${url}/review`, {
      decision: 'return',
      comment: 'Приложите протоколы собраний',
      revision: 2,
    });
    expect(returned.json()).toMatchObject({ status: 'inProgress', review: 'returned' });
    await call('chebakovo', 'POST', `${url}/status`, {
      status: 'done',
      evidence: 'Протоколы собраний приложены',
      evidenceUrl: 'https://chebakovo.example/protocols.pdf',
      revision: 3,
    });
    const accepted = await call('coordinator', 'POST', `${url}/review`, {
      decision: 'accept',
      revision: 4,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'done', review: 'accepted', revision: 5 });
  });

  test('monitoring: the school enters input and final values of the programme indicators', async () => {
    const url = `/api/staff/support/programmes/${id}/monitoring`;
    expect(
      (
        await call('chebakovo', 'PUT', url, {
          round: 'input',
          date: '2026-09-15',
          values: { nosuch: 1 },
        })
      ).statusCode,
    ).toBe(400);
    const input = await call('chebakovo', 'PUT', url, {
      round: 'input',
      date: '2026-09-15',
      values: { 'below-minimum': 24, 'parents-involved': 30 },
    });
    expect(input.statusCode, input.body).toBe(200);
    const final = await call('chebakovo', 'PUT', url, {
      round: 'final',
      date: '2026-12-05',
      values: { 'below-minimum': 17, 'parents-involved': 52 },
    });
    expect(supportProgrammeRecordSchema.parse(final.json()).finalMonitoring?.values).toEqual({
      'below-minimum': 17,
      'parents-involved': 52,
    });
    expect(
      (await call('licey', 'PUT', url, { round: 'input', date: '2026-09-15', values: {} }))
        .statusCode,
    ).toBe(404);
  });

  test('the report prints in words (HTML) and downloads (XLSX); every write is audited', async () => {
    const late = await call('coordinator', 'POST', `/api/staff/support/programmes/${id}/measures`, {
      title: 'Диагностика учебной мотивации',
      responsible: 'Педагог-психолог Орлова Н. В.',
      deadline: '2026-10-31',
    });
    expect(late.statusCode).toBe(201);
    const html = await call(
      'coordinator',
      'GET',
      `/api/staff/support/programmes/${id}/report.html`,
    );
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toContain('МОУ Чебаковская СШ');
    expect(html.body).toContain('Принято координатором');
    expect(html.body).toContain('Протоколы собраний приложены');
    expect(html.body).toContain('Доля обучающихся ниже минимального балла');
    expect(html.body).toContain('href="../../report.css"');
    expect(html.body).not.toMatch(/<style|onclick|<script/);
    const css = await server.inject({ method: 'GET', url: '/api/staff/support/report.css' });
    expect(css.headers['content-type']).toContain('text/css');
    expect(css.body).toContain('@media print');
    // Overdue measures say so in words; internal codes never show.
    expect(html.body).toContain('Запланировано — ПРОСРОЧЕНО');
    expect(html.body).toContain('Диагностика учебной мотивации — срок 31.10.2026');
    for (const code of [
      'chebakovskaya',
      'below-minimum',
      'inProgress',
      'lowResults',
      'parents-involved',
    ]) {
      expect(html.body).not.toContain(code);
    }
    const schoolHtml = await call(
      'chebakovo',
      'GET',
      `/api/staff/support/programmes/${id}/report.html`,
    );
    expect(schoolHtml.statusCode).toBe(200);
    const xlsx = await call('chebakovo', 'GET', `/api/staff/support/programmes/${id}/report.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const roadMap = book.getWorksheet('Дорожная карта');
    const rows = Array.from(roadMap?.getSheetValues() ?? []).map((row) =>
      JSON.stringify(row ?? null),
    );
    expect(rows.some((row) => row.includes('Родительские собрания по учебной мотивации'))).toBe(
      true,
    );
    const monitoring = book.getWorksheet('Мониторинг');
    const line = Array.from(monitoring?.getSheetValues() ?? [])
      .map((row) => JSON.stringify(row ?? null))
      .find((row) => row.includes('Доля родителей'));
    expect(line).toContain('30 %');
    expect(line).toContain('52 %');
    expect(line).toContain('улучшился');
    const entries = await vi.waitFor(
      async () => {
        const { entries: all } = await storage.audit.list({});
        const mine = all.filter((entry: AuditEntry) =>
          (entry.recordIds ?? []).some((record) => record.startsWith(`support-programme-${id}`)),
        );
        if (mine.length < 10) throw new Error('not yet');
        return mine;
      },
      { timeout: 5000, interval: 50 },
    );
    expect(entries.every((entry) => entry.networkId === 'tutaev')).toBe(true);
  });
});
