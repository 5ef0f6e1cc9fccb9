import { parse } from '@eduset/core';
import {
  completenessReportSchema,
  dataEntryOverviewSchema,
  reminderResultSchema,
  type ReminderResult,
  submissionLogSchema,
  submissionViewSchema,
  type CompletenessReport,
  type SubmissionLog,
  type DataEntryOverview,
  type SubmissionView,
} from '@eduset/core/indicators';
import {
  StaffTransport,
  staffRequestErrors,
  type StaffRequestError,
} from '../../internal/staff-transport.js';

/**
 * Which submission: the data set, the period and the organization.
 *
 * @example
 * ```ts
 * import type { SubmissionRef } from '@eduset/widgets/staff';
 * const ref: SubmissionRef = { dataSet: 'udomlya-courses', period: '2025-2026', organization: 'school-1' };
 * ```
 */
export interface SubmissionRef {
  readonly dataSet: string;
  readonly period: string;
  readonly organization: string;
}

/**
 * The data entry routes as `<eduset-data-entry>` calls them, with the signed-in session (the
 * CSRF token of `GET {src-base}/auth/csrf` for the writes).
 *
 * @example
 * ```ts
 * import { DataEntryApi } from '@eduset/widgets/staff';
 * const api = new DataEntryApi('/api');
 * (await api.overview()).dataSets.length;
 * ```
 */
export class DataEntryApi {
  private readonly transport: StaffTransport<StaffRequestError>;

  /** @param srcBase The base address of the API, e.g. `/api`. */
  constructor(srcBase: string) {
    this.transport = new StaffTransport(srcBase, staffRequestErrors);
  }

  /**
   * The data sets the signed-in person enters, with periods and organizations.
   *
   * @example
   * ```ts
   * import { DataEntryApi } from '@eduset/widgets/staff';
   * (await new DataEntryApi('/api').overview()).canReview;
   * ```
   */
  overview(): Promise<DataEntryOverview> {
    return this.get('/staff/data-entry', (input) => parse(dataEntryOverviewSchema, input));
  }

  /**
   * One submission with its form and the problems of its values.
   *
   * @example
   * ```ts
   * import { DataEntryApi } from '@eduset/widgets/staff';
   * await new DataEntryApi('/api').submission({ dataSet: 'udomlya-courses', period: '2025-2026', organization: 'school-1' });
   * ```
   */
  submission(ref: SubmissionRef): Promise<SubmissionView> {
    return this.get(`/staff/data-entry/submission?${this.query(ref)}`, (input) =>
      parse(submissionViewSchema, input),
    );
  }

  /**
   * Saves the draft (an empty text clears a field).
   *
   * @example
   * ```ts
   * import { DataEntryApi } from '@eduset/widgets/staff';
   * declare const ref: import('@eduset/widgets/staff').SubmissionRef;
   * await new DataEntryApi('/api').save(ref, { 'senior-students': '87' }, 1);
   * ```
   */
  async save(
    ref: SubmissionRef,
    values: Readonly<Record<string, string>>,
    version: number,
  ): Promise<SubmissionView> {
    const answer = await this.send('PUT', `/staff/data-entry/submission?${this.query(ref)}`, {
      values,
      version,
    });
    return parse(submissionViewSchema, answer);
  }

  /**
   * Submits the report for review.
   *
   * @example
   * ```ts
   * import { DataEntryApi } from '@eduset/widgets/staff';
   * declare const ref: import('@eduset/widgets/staff').SubmissionRef;
   * await new DataEntryApi('/api').submit(ref, 2);
   * ```
   */
  async submit(ref: SubmissionRef, version: number): Promise<SubmissionView> {
    const answer = await this.send(
      'POST',
      `/staff/data-entry/submission/submit?${this.query(ref)}`,
      { version },
    );
    return parse(submissionViewSchema, answer);
  }

  /**
   * The coordinator's decision: return with a comment, approve, unlock with a reason.
   *
   * @example
   * ```ts
   * import { DataEntryApi } from '@eduset/widgets/staff';
   * declare const ref: import('@eduset/widgets/staff').SubmissionRef;
   * await new DataEntryApi('/api').review(ref, { decision: 'return', comment: 'Уточните' });
   * ```
   */
  async review(
    ref: SubmissionRef,
    decision:
      | { readonly decision: 'return'; readonly comment: string }
      | { readonly decision: 'approve' }
      | { readonly decision: 'unlock'; readonly reason: string },
  ): Promise<SubmissionView> {
    const answer = await this.send(
      'POST',
      `/staff/data-entry/submission/review?${this.query(ref)}`,
      decision,
    );
    return parse(submissionViewSchema, answer);
  }

  /**
   * Who reported, who is late, who has not yet, by name.
   *
   * @example
   * ```ts
   * import { DataEntryApi } from '@eduset/widgets/staff';
   * await new DataEntryApi('/api').completeness('udomlya-courses', '2025-2026');
   * ```
   */
  completeness(dataSet: string, period: string): Promise<CompletenessReport> {
    return this.get(
      `/staff/data-entry/completeness?${new URLSearchParams({ dataSet, period }).toString()}`,
      (input) => parse(completenessReportSchema, input),
    );
  }

  /**
   * E-mails a reminder to every organization late with the report (once a day each); says
   * whom, who was already reminded, and who has no address.
   *
   * @example
   * ```ts
   * import { DataEntryApi } from '@eduset/widgets/staff';
   * (await new DataEntryApi('/api').remindLate('udomlya-courses', '2025-2026')).queued;
   * ```
   */
  async remindLate(dataSet: string, period: string): Promise<ReminderResult> {
    const answer = await this.send('POST', '/staff/data-entry/reminders', { dataSet, period });
    return parse(reminderResultSchema, answer);
  }

  /**
   * The report's change log: every changed value with its old and new value, every step.
   *
   * @example
   * ```ts
   * import { DataEntryApi } from '@eduset/widgets/staff';
   * declare const ref: import('@eduset/widgets/staff').SubmissionRef;
   * (await new DataEntryApi('/api').log(ref)).entries.length;
   * ```
   */
  log(ref: SubmissionRef): Promise<SubmissionLog> {
    return this.get(`/staff/data-entry/submission/log?${this.query(ref)}`, (input) =>
      parse(submissionLogSchema, input),
    );
  }

  private query(ref: SubmissionRef): string {
    return new URLSearchParams({
      dataSet: ref.dataSet,
      period: ref.period,
      organization: ref.organization,
    }).toString();
  }

  private get<T>(path: string, validate: (input: unknown) => T): Promise<T> {
    return this.transport.get(path, validate);
  }

  private send(method: 'PUT' | 'POST', path: string, body: object): Promise<unknown> {
    return this.transport.send(method, path, body);
  }
}
