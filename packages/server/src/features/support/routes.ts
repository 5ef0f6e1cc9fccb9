import { createHash } from 'node:crypto';
import { can, type Actor, type Instant } from '@eduset/core';
import { reminderResultSchema, type ReminderResult } from '@eduset/core/indicators';
import type { IsoDate } from '@eduset/core/common';
import {
  defaultSupportIndicators,
  measureReviewInputSchema,
  measureStatusUpdateSchema,
  monitoringEntrySchema,
  riskProfileOf,
  supportCreateSchema,
  supportListQuerySchema,
  supportMeasureInputSchema,
  supportMeasureParamsSchema,
  supportMeasureSchema,
  supportProgrammeListSchema,
  supportProgrammeParamsSchema,
  supportProgrammeRecordSchema,
  type SupportProgrammeRecord,
} from '@eduset/core/schools';
import type { Action } from '@eduset/core/access';
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { HttpError } from '../../errors.js';
import { forbidden } from '../../plugins/access.js';
import { withContracts } from '../../plugins/contracts.js';
import {
  supportReportCss,
  supportReportHtml,
  supportReportXlsx,
  type Storage,
} from '@eduset/adapters';

/**
 * Options of {@link supportRoutes}: the storage (school profiles and runs, support
 * programmes) and the clock.
 *
 * @example
 * ```ts
 * import type { SupportRoutesOptions } from '@eduset/server';
 * declare const storage: import('@eduset/adapters').Storage;
 * const options: SupportRoutesOptions = { storage };
 * ```
 */
export interface SupportRoutesOptions {
  readonly storage: Pick<Storage, 'schools' | 'supportProgrammes'> & Partial<Pick<Storage, 'mail'>>;
  readonly now?: () => Instant;
  /** The support programme page under the public address (reminders link to it). */
  readonly pagePath?: string;
}

const flaggedListSchema = z.object({
  district: z.string(),
  runId: z.number().int().nullable(),
  year: z.number().int().nullable(),
  schools: z.array(
    z.object({
      schoolId: z.string(),
      name: z.string(),
      flags: z.array(
        z.object({ flag: z.string(), title: z.object({ ru: z.string(), en: z.string() }) }),
      ),
      programmeId: z.number().int().nullable(),
    }),
  ),
});

const districtQuerySchema = z.strictObject({ district: z.string().trim().min(1).max(128) });

const strengths = new Set(['resilient', 'positiveValueAdded']);

function programmeNotFound(id: number): HttpError {
  return new HttpError(404, 'support_programme_not_found', {
    ru: `Программа поддержки № ${id} не найдена`,
    en: `Support programme ${id} not found`,
  });
}

/**
 * The support programmes of flagged schools (issue 16 §4), staff only; the district is the
 * grant's network, a school is the grant's organization:
 * - `GET /api/staff/support/flagged?district=` — the flagged schools of the district's latest
 *   identification run, their flags in words and their programme if any (coordinator);
 * - `GET /api/staff/support/programmes?district=&school=` — the programmes the asker may see
 *   (school staff: their own school's);
 * - `POST /api/staff/support/programmes` — the coordinator creates a flagged school's
 *   programme: its risk profile from the latest run and the school's stored profile;
 * - `GET /api/staff/support/programmes/:id` — the programme with its road map and history;
 * - `POST …/:id/measures`, `PUT …/:id/measures/:measure` — the coordinator's road map;
 * - `POST …/:id/measures/:measure/status` — the school's status update with evidence;
 * - `POST …/:id/measures/:measure/review` — the coordinator accepts or returns;
 * - `PUT …/:id/monitoring` — the school's input or final monitoring values;
 * - `GET …/:id/report.html`, `…/report.xlsx` — the report for the reporting session (the
 *   page's styles: `GET /api/staff/support/report.css`, public).
 * Every write is audited; a change naming a stale revision is refused (409).
 *
 * @example
 * ```ts
 * import Fastify from 'fastify';
 * import { openStorage } from '@eduset/adapters';
 * import { supportRoutes } from '@eduset/server';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * await Fastify().register(supportRoutes({ storage }));
 * ```
 */
export function supportRoutes(options: SupportRoutesOptions): FastifyPluginAsync {
  const { schools, supportProgrammes: store } = options.storage;
  const now = options.now ?? (() => new Date().toISOString() as Instant);
  const today = (): IsoDate => now().slice(0, 10) as IsoDate;
  const nameOf = (actor: Actor): string =>
    actor.kind === 'staff' ? actor.displayName : 'anonymous';
  /** The programme, if the asker may do `action` at its school; 404 / 403 otherwise. */
  const reach = async (
    request: FastifyRequest,
    id: number,
    action: Action,
  ): Promise<SupportProgrammeRecord> => {
    const programme = await store.get(id, today());
    if (programme === undefined) throw programmeNotFound(id);
    const resource = { networkId: programme.districtId, organizationId: programme.schoolId };
    if (!can(request.actor, action, resource)) {
      // A school that may not see it learns nothing of it.
      if (!can(request.actor, 'support.programme.read', resource)) throw programmeNotFound(id);
      throw forbidden();
    }
    return programme;
  };
  const audit = (request: FastifyRequest, programme: SupportProgrammeRecord, record: string) => {
    request.auditWrite({
      networkId: programme.districtId,
      organizationId: programme.schoolId,
      recordIds: [record],
    });
  };
  const pagePath = options.pagePath ?? 'school-map/support.html';
  return async (plain: FastifyInstance) => {
    const api = withContracts(plain);
    api.post(
      '/api/staff/support/reminders',
      {
        config: { access: { action: 'support.overdue.remind' } },
        schema: { body: districtQuerySchema, response: { 200: reminderResultSchema } },
      },
      async (request): Promise<ReminderResult> => {
        const { district } = request.body;
        if (!can(request.actor, 'support.overdue.remind', { networkId: district })) {
          throw forbidden();
        }
        const mail = options.storage.mail;
        if (mail === undefined) {
          throw new HttpError(503, 'mail_unavailable', {
            ru: 'Почта недоступна на этом сервере',
            en: 'Mail is not available on this server',
          });
        }
        const day = today();
        /** Overdue measures by the person responsible (her address, or her name without one). */
        const people = new Map<
          string,
          { name: string; email?: string; items: string[]; ru: string[]; en: string[] }
        >();
        for (const summary of await store.list(district, undefined, day)) {
          if (summary.overdue === 0) continue;
          const programme = await store.get(summary.id, day);
          for (const measure of programme?.measures ?? []) {
            if (!measure.overdue || programme === undefined) continue;
            const email = measure.responsibleEmail?.trim().toLowerCase();
            const key = email === undefined || email === '' ? `name:${measure.responsible}` : email;
            let person = people.get(key);
            if (person === undefined) {
              person = {
                name: measure.responsible,
                ...(email === undefined || email === '' ? {} : { email }),
                items: [],
                ru: [],
                en: [],
              };
              people.set(key, person);
            }
            person.items.push(`${measure.title} — ${programme.schoolName}`);
            person.ru.push(
              `• «${measure.title}» — ${programme.schoolName}, срок ${measure.deadline}`,
            );
            person.en.push(
              `• "${measure.title}" — ${programme.schoolName}, due ${measure.deadline}`,
            );
          }
        }
        const noAddress: ReminderResult['noAddress'] = [];
        const messages = [];
        const named = new Map<string, { name: string; items: string[] }>();
        for (const person of people.values()) {
          if (person.email === undefined) {
            noAddress.push({ name: { ru: person.name, en: person.name }, items: person.items });
            continue;
          }
          const hash = createHash('sha256').update(person.email).digest('hex').slice(0, 24);
          const dedupeKey = `support-overdue:${district}:${hash}:${day}`;
          named.set(dedupeKey, person);
          messages.push({
            kind: 'support-overdue' as const,
            dedupeKey,
            networkId: district,
            dueAt: now(),
            payload: {
              to: [person.email],
              subject: `Просроченные мероприятия программы поддержки / Overdue support measures`,
              paragraphs: [
                `Здравствуйте, ${person.name}! Срок этих мероприятий программы поддержки прошёл, а они ещё не выполнены:\n${person.ru.join('\n')}\nПожалуйста, отметьте их ход или выполнение на странице программы поддержки.`,
                `Hello, ${person.name}! These support programme measures are past their deadline and not yet done:\n${person.en.join('\n')}\nPlease report their progress or completion on the support programme page.`,
              ],
              path: pagePath,
            },
          });
        }
        const queuedKeys = new Set(await mail.enqueueKeys(messages, now()));
        const queued: ReminderResult['queued'] = [];
        const alreadySent: ReminderResult['alreadySent'] = [];
        for (const message of messages) {
          const person = named.get(message.dedupeKey);
          if (person === undefined) continue;
          const entry = { name: { ru: person.name, en: person.name }, items: person.items };
          (queuedKeys.has(message.dedupeKey) ? queued : alreadySent).push(entry);
        }
        request.auditWrite({
          networkId: district,
          recordIds: messages
            .filter((message) => queuedKeys.has(message.dedupeKey))
            .map((message) => message.dedupeKey),
        });
        return { queued, noAddress, alreadySent };
      },
    );
    api.get(
      '/api/staff/support/flagged',
      {
        config: { access: { action: 'support.programme.write' } },
        schema: { querystring: districtQuerySchema, response: { 200: flaggedListSchema } },
      },
      async (request) => {
        const { district } = request.query;
        if (!can(request.actor, 'support.programme.write', { networkId: district }))
          throw forbidden();
        const run = await schools.latestRun(district);
        const programmes = await store.list(district, undefined, today());
        return {
          district,
          runId: run?.id ?? null,
          year: run?.year ?? null,
          schools: (run?.result.schools ?? [])
            .map((school) => ({
              schoolId: school.schoolId,
              name: school.name,
              flags: school.explanations
                .filter((e) => school.flags[e.subject as 'lowResults'] && !strengths.has(e.subject))
                .map((e) => ({ flag: e.subject, title: e.title })),
              programmeId:
                programmes.find((p) => p.schoolId === school.schoolId && p.year === run?.year)
                  ?.id ?? null,
            }))
            .filter((school) => school.flags.length > 0),
        };
      },
    );
    api.get(
      '/api/staff/support/programmes',
      {
        config: { access: { action: 'support.programme.read' } },
        schema: {
          querystring: supportListQuerySchema,
          response: { 200: supportProgrammeListSchema },
        },
      },
      async (request) => {
        const { district, school } = request.query;
        const all = await store.list(district, school, today());
        return {
          programmes: all.filter((p) =>
            can(request.actor, 'support.programme.read', {
              networkId: p.districtId,
              organizationId: p.schoolId,
            }),
          ),
        };
      },
    );
    api.post(
      '/api/staff/support/programmes',
      {
        config: { access: { action: 'support.programme.write' } },
        schema: { body: supportCreateSchema, response: { 201: supportProgrammeRecordSchema } },
      },
      async (request, reply) => {
        const { district, school, indicators } = request.body;
        if (
          !can(request.actor, 'support.programme.write', {
            networkId: district,
            organizationId: school,
          })
        ) {
          throw forbidden();
        }
        const run = await schools.latestRun(district);
        const identified = run?.result.schools.find((s) => s.schoolId === school);
        if (run === undefined || identified === undefined) {
          throw new HttpError(404, 'school_not_identified', {
            ru: `Школа «${school}» не найдена в последнем выявлении района «${district}»`,
            en: `School "${school}" is not in the latest identification of district "${district}"`,
          });
        }
        const profile = (await schools.year(district, run.year))?.schools.find(
          (s) => s.id === school,
        );
        const risks = riskProfileOf(identified, profile, run.year);
        if (risks.flags.length === 0) {
          throw new HttpError(409, 'school_not_flagged', {
            ru: `Школа «${identified.name}» не отмечена выявлением: программа поддержки составляется для школ с низкими результатами или в неблагоприятных условиях`,
            en: `School "${identified.name}" was not flagged: support programmes are for schools with low results or in adverse conditions`,
          });
        }
        const programme = await store.create({
          districtId: district,
          schoolId: school,
          schoolName: identified.name,
          year: run.year,
          runId: run.id,
          risks,
          indicators: indicators ?? [...defaultSupportIndicators],
          createdBy: nameOf(request.actor),
          createdAt: now(),
        });
        audit(request, programme, `support-programme-${programme.id}`);
        return reply.code(201).send(programme);
      },
    );
    api.get(
      '/api/staff/support/programmes/:id',
      {
        config: { access: { action: 'support.programme.read' } },
        schema: {
          params: supportProgrammeParamsSchema,
          response: { 200: supportProgrammeRecordSchema },
        },
      },
      async (request) => {
        const programme = await reach(request, request.params.id, 'support.programme.read');
        // The road map names responsible people: a read of personal data.
        request.audit({
          networkId: programme.districtId,
          organizationId: programme.schoolId,
          recordIds: [`support-programme-${programme.id}`],
        });
        return programme;
      },
    );
    const indicatorKnown = (programme: SupportProgrammeRecord, id: string | undefined): void => {
      if (id === undefined || programme.indicators.some((i) => i.id === id)) return;
      throw new HttpError(400, 'unknown_indicator', {
        ru: `Показатель «${id}» не входит в мониторинг программы; есть: ${programme.indicators.map((i) => i.title.ru).join(', ')}`,
        en: `Indicator "${id}" is not monitored by the programme; there are: ${programme.indicators.map((i) => i.title.en).join(', ')}`,
      });
    };
    api.post(
      '/api/staff/support/programmes/:id/measures',
      {
        config: { access: { action: 'support.programme.write' } },
        schema: {
          params: supportProgrammeParamsSchema,
          body: supportMeasureInputSchema,
          response: { 201: supportMeasureSchema },
        },
      },
      async (request, reply) => {
        const programme = await reach(request, request.params.id, 'support.programme.write');
        indicatorKnown(programme, request.body.indicatorId);
        const measure = await store.saveMeasure(programme.id, undefined, request.body, {
          by: nameOf(request.actor),
          at: now(),
        });
        audit(request, programme, `support-programme-${programme.id}/${measure.id}`);
        return reply.code(201).send(measure);
      },
    );
    api.put(
      '/api/staff/support/programmes/:id/measures/:measure',
      {
        config: { access: { action: 'support.programme.write' } },
        schema: {
          params: supportMeasureParamsSchema,
          body: supportMeasureInputSchema,
          response: { 200: supportMeasureSchema },
        },
      },
      async (request) => {
        const programme = await reach(request, request.params.id, 'support.programme.write');
        indicatorKnown(programme, request.body.indicatorId);
        const measure = await store.saveMeasure(
          programme.id,
          request.params.measure,
          request.body,
          {
            by: nameOf(request.actor),
            at: now(),
          },
        );
        audit(request, programme, `support-programme-${programme.id}/${measure.id}`);
        return measure;
      },
    );
    api.post(
      '/api/staff/support/programmes/:id/measures/:measure/status',
      {
        config: { access: { action: 'support.progress.write' } },
        schema: {
          params: supportMeasureParamsSchema,
          body: measureStatusUpdateSchema,
          response: { 200: supportMeasureSchema },
        },
      },
      async (request) => {
        const programme = await reach(request, request.params.id, 'support.progress.write');
        const measure = await store.updateStatus(
          programme.id,
          request.params.measure,
          request.body,
          {
            by: nameOf(request.actor),
            at: now(),
          },
        );
        audit(request, programme, `support-programme-${programme.id}/${measure.id}`);
        return measure;
      },
    );
    api.post(
      '/api/staff/support/programmes/:id/measures/:measure/review',
      {
        config: { access: { action: 'support.programme.write' } },
        schema: {
          params: supportMeasureParamsSchema,
          body: measureReviewInputSchema,
          response: { 200: supportMeasureSchema },
        },
      },
      async (request) => {
        const programme = await reach(request, request.params.id, 'support.programme.write');
        const measure = await store.review(programme.id, request.params.measure, request.body, {
          by: nameOf(request.actor),
          at: now(),
        });
        audit(request, programme, `support-programme-${programme.id}/${measure.id}`);
        return measure;
      },
    );
    api.put(
      '/api/staff/support/programmes/:id/monitoring',
      {
        config: { access: { action: 'support.progress.write' } },
        schema: {
          params: supportProgrammeParamsSchema,
          body: monitoringEntrySchema,
          response: { 200: supportProgrammeRecordSchema },
        },
      },
      async (request) => {
        const programme = await reach(request, request.params.id, 'support.progress.write');
        for (const id of Object.keys(request.body.values)) indicatorKnown(programme, id);
        await store.setMonitoring(programme.id, request.body);
        audit(
          request,
          programme,
          `support-programme-${programme.id}/monitoring-${request.body.round}`,
        );
        const updated = await store.get(programme.id, today());
        if (updated === undefined) throw programmeNotFound(programme.id);
        return updated;
      },
    );
    api.get(
      '/api/staff/support/programmes/:id/report.html',
      {
        config: { access: { action: 'support.programme.read' } },
        schema: { params: supportProgrammeParamsSchema },
      },
      async (request, reply) => {
        const programme = await reach(request, request.params.id, 'support.programme.read');
        request.audit({
          networkId: programme.districtId,
          organizationId: programme.schoolId,
          recordIds: [`support-programme-${programme.id}`],
        });
        return reply
          .type('text/html; charset=utf-8')
          .send(supportReportHtml(programme, today(), { stylesheet: '../../report.css' }));
      },
    );
    // The report's styles: a file of this origin, as the strict CSP wants (no inline style).
    api.get(
      '/api/staff/support/report.css',
      { config: { access: { public: true } } },
      async (_request, reply) =>
        reply
          .type('text/css; charset=utf-8')
          .header('cache-control', 'public, max-age=3600')
          .send(supportReportCss),
    );
    api.get(
      '/api/staff/support/programmes/:id/report.xlsx',
      {
        config: { access: { action: 'support.programme.read' } },
        schema: { params: supportProgrammeParamsSchema },
      },
      async (request, reply) => {
        const programme = await reach(request, request.params.id, 'support.programme.read');
        request.audit({
          networkId: programme.districtId,
          organizationId: programme.schoolId,
          recordIds: [`support-programme-${programme.id}`],
        });
        const bytes = await supportReportXlsx(programme, today());
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header(
            'content-disposition',
            `attachment; filename="support-programme-${programme.id}.xlsx"`,
          )
          .send(Buffer.from(bytes));
      },
    );
  };
}
