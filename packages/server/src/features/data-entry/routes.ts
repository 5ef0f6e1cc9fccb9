import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { can, canAnywhere, type Instant, type LocalizedText } from '@eduset/core';
import {
  checkEntry,
  completenessOf,
  completenessQuerySchema,
  completenessReportSchema,
  completenessStatusLabels,
  dataEntryForm,
  dataEntryOverviewSchema,
  dueDate,
  emptySubmission,
  parsePeriod,
  reportingPeriods,
  remindLateBodySchema,
  reminderResultSchema,
  reviewSubmissionBodySchema,
  saveSubmissionBodySchema,
  submissionLogSchema,
  submissionQuerySchema,
  submissionStateLabels,
  submissionViewSchema,
  submitSubmissionBodySchema,
  udomlyaCourseDataSet,
  catalogDataElements,
  indicatorCatalog,
  type DataElement,
  type IndicatorDefinition,
  type CompletenessReport,
  type DataEntryForm,
  type DataEntryOverview,
  type DataEntrySet,
  type ReminderResult,
  type SubmissionAction,
  type SubmissionKey,
  type SubmissionLog,
  type SubmissionView,
} from '@eduset/core/indicators';
import { parseOrgUnits, type StoredSubmission, type Storage } from '@eduset/adapters';
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import { HttpError } from '../../errors.js';
import { forbidden } from '../../plugins/access.js';
import { withContracts } from '../../plugins/contracts.js';

/**
 * Options of {@link dataEntryRoutes}.
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import type { DataEntryRoutesOptions } from '@eduset/server';
 * declare const storage: import('@eduset/adapters').Storage;
 * const options: DataEntryRoutesOptions = {
 *   storage, now: () => instant(new Date()), networkId: 'udomlya', dataDir: 'examples/data/indicators',
 * };
 * ```
 */
export interface DataEntryRoutesOptions {
  readonly storage: Pick<Storage, 'dataEntry'> & Partial<Pick<Storage, 'identity' | 'mail'>>;
  readonly now: () => Instant;
  /** The network whose organizations report (grants are checked against it). */
  readonly networkId: string;
  /** The data entry sets; the Udomlya course network's by default. */
  readonly dataSets?: readonly DataEntrySet[];
  /** The definitions the sets' forms come from; the built-in catalog by default. */
  readonly definitions?: readonly IndicatorDefinition[];
  /** The data elements of those definitions; the built-in catalog's by default. */
  readonly dataElements?: readonly DataElement[];
  /** The indicator data directory: its `org-units.json` gives the organizations' names. */
  readonly dataDir?: string;
  /** The page where organizations enter their report, under the public address (reminders link to it). */
  readonly entryPagePath?: string;
}

const notFoundSet = (id: string): HttpError =>
  new HttpError(404, 'not_found', {
    ru: `Нет формы отчёта «${id}»`,
    en: `No report form "${id}"`,
  });

/**
 * Data entry, completeness and approval as a Fastify plugin (issue 16 §2):
 *
 * - `GET /api/staff/data-entry` (`indicators.entry.write`) — the data sets the asker enters,
 *   with the periods offered and the organizations it reports for (every organization asked,
 *   for a coordinator), and whether it reviews;
 * - `GET /api/staff/data-entry/submission?dataSet=&period=&organization=`
 *   (`indicators.entry.write`, own organization only) — the form, the submission and every
 *   problem of its values with the reason in Russian and English;
 * - `PUT /api/staff/data-entry/submission?…` — saves the draft (values as typed, an empty
 *   text clears a field); `POST /api/staff/data-entry/submission/submit?…` — submits it
 *   (refused, 409, while a value breaks a rule);
 * - `POST /api/staff/data-entry/submission/review?…` (`indicators.entry.review`) — the
 *   coordinator returns it with a comment, approves it (its values become the published
 *   figures) or unlocks an approved one with a reason;
 * - `GET /api/staff/data-entry/submission/log?…` — every changed value with its old and new
 *   value, every step with its comment;
 * - `GET /api/staff/data-entry/completeness?dataSet=&period=` (`indicators.entry.review`) —
 *   who reported, who is late, who has not yet, by name.
 *
 * Every write is in the audit log with the submission it touched.
 *
 * @example
 * ```ts
 * import Fastify from 'fastify';
 * import { instant } from '@eduset/core';
 * import { dataEntryRoutes } from '@eduset/server';
 * declare const storage: import('@eduset/adapters').Storage;
 * const server = Fastify();
 * await server.register(dataEntryRoutes({ storage, now: () => instant(new Date()), networkId: 'udomlya' }));
 * ```
 */
export function dataEntryRoutes(options: DataEntryRoutesOptions): FastifyPluginAsync {
  const { networkId, storage } = options;
  const sets = options.dataSets ?? [udomlyaCourseDataSet];
  const forms = new Map<string, DataEntryForm>();
  const formOf = (id: string): DataEntryForm => {
    const set = sets.find((candidate) => candidate.id === id);
    if (set === undefined) throw notFoundSet(id);
    let form = forms.get(id);
    if (form === undefined) {
      form = dataEntryForm(
        set,
        options.definitions ?? indicatorCatalog,
        options.dataElements ?? catalogDataElements,
      );
      forms.set(id, form);
    }
    return form;
  };

  let names: Promise<ReadonlyMap<string, LocalizedText>> | undefined;
  const nameOf = async (id: string): Promise<LocalizedText> => {
    names ??= (async () => {
      const file =
        options.dataDir === undefined ? undefined : join(options.dataDir, 'org-units.json');
      if (file === undefined || !existsSync(file)) return new Map<string, LocalizedText>();
      return new Map(
        parseOrgUnits(await readFile(file, 'utf8'), file).map((unit) => [unit.id, unit.name]),
      );
    })();
    return (await names).get(id) ?? { ru: id, en: id };
  };

  const today = (): string => options.now().slice(0, 10);
  const entryPage = options.entryPagePath ?? 'udomlya/data-entry.html';

  /** The key of the query, checked: a known set, a period of its type, an organization asked. */
  const keyOf = (query: {
    readonly dataSet: string;
    readonly period: string;
    readonly organization?: string;
  }): { form: DataEntryForm; key: Omit<SubmissionKey, 'organizationId'> } => {
    const form = formOf(query.dataSet);
    if (parsePeriod(query.period)?.type !== form.set.periodType) {
      throw new HttpError(400, 'wrong_period', {
        ru: `Отчёт «${form.set.name.ru}» сдаётся за другой период, не «${query.period}»`,
        en: `The report "${form.set.name.en}" is for another kind of period, not "${query.period}"`,
      });
    }
    if (query.organization !== undefined && !form.set.organizations.includes(query.organization)) {
      throw new HttpError(404, 'not_found', {
        ru: 'Эта организация не сдаёт этот отчёт',
        en: 'This organization does not file this report',
      });
    }
    return { form, key: { networkId, dataSet: form.set.id, period: query.period } };
  };

  const mayEnter = (request: FastifyRequest, organizationId: string): void => {
    if (!can(request.actor, 'indicators.entry.write', { networkId, organizationId })) {
      throw forbidden();
    }
  };
  const mayReview = (request: FastifyRequest): boolean =>
    can(request.actor, 'indicators.entry.review', { networkId });

  const view = async (
    request: FastifyRequest,
    form: DataEntryForm,
    key: SubmissionKey,
    stored: StoredSubmission | undefined,
  ): Promise<SubmissionView> => {
    const submission = stored ?? emptySubmission(key);
    return {
      dataSet: { id: form.set.id, name: form.set.name },
      period: key.period,
      organization: { id: key.organizationId, name: await nameOf(key.organizationId) },
      dueDate: dueDate(form.set, key.period),
      fields: form.fields.map((field) => ({ ...field })),
      rules: form.set.rules.map((rule) => ({ ...rule })),
      dataElements: form.dataElements.map((element) => ({ ...element })),
      submission: {
        state: submission.state,
        stateLabel: submissionStateLabels[submission.state],
        values: { ...submission.values },
        ...(submission.comment === undefined ? {} : { comment: submission.comment }),
        version: submission.version,
        ...(stored?.submittedAt === undefined ? {} : { submittedAt: stored.submittedAt }),
        ...(stored?.approvedAt === undefined ? {} : { approvedAt: stored.approvedAt }),
      },
      problems: checkEntry(form, key.organizationId, key.period, submission.values).map(
        (problem) => ({ ...problem }),
      ),
      canReview: mayReview(request),
    };
  };

  const step = async (
    request: FastifyRequest,
    query: { dataSet: string; period: string; organization: string },
    action: SubmissionAction,
    version: number | undefined,
  ): Promise<SubmissionView> => {
    const { form, key: partial } = keyOf(query);
    const key: SubmissionKey = { ...partial, organizationId: query.organization };
    const actor = request.actor;
    if (actor.kind !== 'staff') throw forbidden();
    const { submission } = await storage.dataEntry.step(key, action, {
      form,
      actorAccountId: actor.accountId,
      actorLabel: actor.displayName,
      at: options.now(),
      ...(version === undefined ? {} : { expectedVersion: version }),
    });
    request.auditWrite({
      networkId,
      organizationId: key.organizationId,
      recordIds: [`data-entry-${String(submission.id)}`],
    });
    return view(request, form, key, submission);
  };

  return async (plain: FastifyInstance) => {
    const api = withContracts(plain);

    api.get(
      '/api/staff/data-entry',
      {
        config: { access: { action: 'indicators.entry.write' } },
        schema: { response: { 200: dataEntryOverviewSchema } },
      },
      async (request): Promise<DataEntryOverview> => {
        if (!canAnywhere(request.actor, 'indicators.entry.write')) throw forbidden();
        const dataSets = [];
        for (const set of sets) {
          const organizations = [];
          for (const id of set.organizations) {
            if (can(request.actor, 'indicators.entry.write', { networkId, organizationId: id })) {
              organizations.push({ id, name: await nameOf(id) });
            }
          }
          if (organizations.length === 0) continue;
          dataSets.push({
            id: set.id,
            name: set.name,
            periods: reportingPeriods(set.periodType, today()),
            organizations,
          });
        }
        return { dataSets, canReview: mayReview(request) };
      },
    );

    api.get(
      '/api/staff/data-entry/submission',
      {
        config: { access: { action: 'indicators.entry.write' } },
        schema: { querystring: submissionQuerySchema, response: { 200: submissionViewSchema } },
      },
      async (request): Promise<SubmissionView> => {
        const { form, key: partial } = keyOf(request.query);
        mayEnter(request, request.query.organization);
        const key = { ...partial, organizationId: request.query.organization };
        return view(request, form, key, await storage.dataEntry.get(key));
      },
    );

    api.put(
      '/api/staff/data-entry/submission',
      {
        config: { access: { action: 'indicators.entry.write' } },
        schema: {
          querystring: submissionQuerySchema,
          body: saveSubmissionBodySchema,
          response: { 200: submissionViewSchema },
        },
      },
      async (request): Promise<SubmissionView> => {
        mayEnter(request, request.query.organization);
        return step(
          request,
          request.query,
          { type: 'save', values: request.body.values },
          request.body.version,
        );
      },
    );

    api.post(
      '/api/staff/data-entry/submission/submit',
      {
        config: { access: { action: 'indicators.entry.write' } },
        schema: {
          querystring: submissionQuerySchema,
          body: submitSubmissionBodySchema,
          response: { 200: submissionViewSchema },
        },
      },
      async (request): Promise<SubmissionView> => {
        mayEnter(request, request.query.organization);
        return step(request, request.query, { type: 'submit' }, request.body.version);
      },
    );

    api.post(
      '/api/staff/data-entry/submission/review',
      {
        config: { access: { action: 'indicators.entry.review' } },
        schema: {
          querystring: submissionQuerySchema,
          body: reviewSubmissionBodySchema,
          response: { 200: submissionViewSchema },
        },
      },
      async (request): Promise<SubmissionView> => {
        if (!mayReview(request)) throw forbidden();
        const body = request.body;
        const action: SubmissionAction =
          body.decision === 'return'
            ? { type: 'return', comment: body.comment }
            : body.decision === 'unlock'
              ? { type: 'unlock', reason: body.reason }
              : { type: 'approve' };
        return step(request, request.query, action, body.version);
      },
    );

    api.get(
      '/api/staff/data-entry/submission/log',
      {
        config: { access: { action: 'indicators.entry.write' } },
        schema: { querystring: submissionQuerySchema, response: { 200: submissionLogSchema } },
      },
      async (request): Promise<SubmissionLog> => {
        const { form, key: partial } = keyOf(request.query);
        mayEnter(request, request.query.organization);
        const fields = new Map(form.fields.map((field) => [field.key, field.name]));
        const entries = await storage.dataEntry.log({
          ...partial,
          organizationId: request.query.organization,
        });
        return {
          entries: entries.map((entry) => {
            const fieldName = entry.field === undefined ? undefined : fields.get(entry.field);
            return {
              at: entry.at,
              actor: entry.actorLabel,
              kind: entry.kind,
              ...(entry.field === undefined ? {} : { field: entry.field }),
              ...(fieldName === undefined ? {} : { fieldName }),
              ...(entry.oldValue === undefined ? {} : { oldValue: entry.oldValue }),
              ...(entry.newValue === undefined ? {} : { newValue: entry.newValue }),
              ...(entry.comment === undefined ? {} : { comment: entry.comment }),
            };
          }),
        };
      },
    );

    api.post(
      '/api/staff/data-entry/reminders',
      {
        config: { access: { action: 'indicators.entry.remind' } },
        schema: { body: remindLateBodySchema, response: { 200: reminderResultSchema } },
      },
      async (request): Promise<ReminderResult> => {
        if (!can(request.actor, 'indicators.entry.remind', { networkId })) throw forbidden();
        const { identity, mail } = storage;
        if (identity === undefined || mail === undefined) {
          throw new HttpError(503, 'mail_unavailable', {
            ru: 'Почта недоступна на этом сервере',
            en: 'Mail is not available on this server',
          });
        }
        const { form, key } = keyOf(request.body);
        const day = today();
        const submissions = new Map(
          (await storage.dataEntry.list(key)).map((s) => [s.organizationId, s]),
        );
        const late = form.set.organizations.filter(
          (id) => completenessOf(form.set, key.period, submissions.get(id), day).status === 'late',
        );
        const accounts = (await identity.listAccounts()).filter(
          (account) => account.disabledAt === undefined && account.email !== undefined,
        );
        const due = dueDate(form.set, key.period);
        const result: { queued: ReminderResult['queued']; noAddress: ReminderResult['noAddress'] } =
          { queued: [], noAddress: [] };
        const alreadySent: ReminderResult['alreadySent'] = [];
        const messages = [];
        const byKey = new Map<string, LocalizedText>();
        for (const id of late) {
          const name = await nameOf(id);
          const to = [
            ...new Set(
              accounts
                .filter((account) =>
                  account.grants.some(
                    (grant) => grant.networkId === networkId && grant.organizationId === id,
                  ),
                )
                .flatMap((account) => account.email ?? []),
            ),
          ].sort();
          if (to.length === 0) {
            result.noAddress.push({ name });
            continue;
          }
          const dedupeKey = `data-entry-reminder:${networkId}:${form.set.id}:${key.period}:${id}:${day}`;
          byKey.set(dedupeKey, name);
          messages.push({
            kind: 'data-entry-reminder' as const,
            dedupeKey,
            networkId,
            dueAt: options.now(),
            payload: {
              to,
              subject: `Напоминание: отчёт «${form.set.name.ru}» за ${key.period} / Reminder: the report "${form.set.name.en}" for ${key.period}`,
              paragraphs: [
                `Здравствуйте! Организация «${name.ru}» ещё не сдала отчёт «${form.set.name.ru}» за период ${key.period}; срок сдачи — ${due}. Пожалуйста, заполните его и отправьте на проверку на странице ввода данных.`,
                `Hello! "${name.en}" has not yet filed the report "${form.set.name.en}" for the period ${key.period}; it was due on ${due}. Please fill it in and submit it for review on the data entry page.`,
              ],
              path: entryPage,
            },
          });
        }
        const queuedKeys = new Set(await mail.enqueueKeys(messages, options.now()));
        for (const message of messages) {
          const name = byKey.get(message.dedupeKey) ?? { ru: '', en: '' };
          (queuedKeys.has(message.dedupeKey) ? result.queued : alreadySent).push({ name });
        }
        request.auditWrite({
          networkId,
          recordIds: messages
            .filter((message) => queuedKeys.has(message.dedupeKey))
            .map((message) => message.dedupeKey),
        });
        return { ...result, alreadySent };
      },
    );

    api.get(
      '/api/staff/data-entry/completeness',
      {
        config: { access: { action: 'indicators.entry.review' } },
        schema: {
          querystring: completenessQuerySchema,
          response: { 200: completenessReportSchema },
        },
      },
      async (request): Promise<CompletenessReport> => {
        if (!mayReview(request)) throw forbidden();
        const { form, key } = keyOf(request.query);
        const submissions = new Map(
          (await storage.dataEntry.list(key)).map((s) => [s.organizationId, s]),
        );
        const organizations: CompletenessReport['organizations'] = [];
        for (const id of form.set.organizations) {
          const submission = submissions.get(id);
          const where = completenessOf(form.set, key.period, submission, today());
          organizations.push({
            id,
            name: await nameOf(id),
            status: where.status,
            statusLabel: completenessStatusLabels[where.status],
            state: where.state,
            stateLabel:
              where.state === 'none'
                ? { ru: 'Не начат', en: 'Not started' }
                : submissionStateLabels[where.state],
            ...(where.onTime === undefined ? {} : { onTime: where.onTime }),
            ...(submission?.submittedAt === undefined
              ? {}
              : { submittedAt: submission.submittedAt }),
            ...(submission?.comment === undefined ? {} : { comment: submission.comment }),
            ...(submission === undefined ? {} : { version: submission.version }),
          });
        }
        const count = (status: string) =>
          organizations.filter((organization) => organization.status === status).length;
        return {
          dataSet: { id: form.set.id, name: form.set.name },
          period: key.period,
          dueDate: dueDate(form.set, key.period),
          organizations,
          counts: {
            expected: organizations.length,
            reported: count('reported'),
            approved: organizations.filter((o) => o.state === 'approved').length,
            late: count('late'),
            pending: count('pending'),
          },
        };
      },
    );
  };
}
