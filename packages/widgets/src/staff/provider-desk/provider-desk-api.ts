import {
  deskAttendanceAnswerSchema,
  deskContractAnswerSchema,
  deskContractsAnswerSchema,
  parse,
  providerActsAnswerSchema,
  providerApplicationsAnswerSchema,
  type DeskAttendanceAnswer,
  type DeskAttendanceBody,
  type DeskContract,
  type DeskContractsAnswer,
  type ProviderActsAnswer,
  type ProviderDeclineBody,
  type ProviderTerminateBody,
} from '@eduset/core';
import {
  StaffTransport,
  staffRequestErrors,
  type StaffRequestError,
} from '../../internal/staff-transport.js';

/**
 * The provider's desk client of the eduset API (`/provider/…` routes): every answer is
 * validated with core's wire contracts; every change carries the session's CSRF token
 * (`x-csrf-token`, read once from `GET {base}/auth/csrf`, read again when stale). Refusals are
 * `StaffRequestError`s with the server's code and its Russian and English message.
 *
 * @example
 * ```ts
 * import { ProviderDeskApi } from '@eduset/widgets/staff';
 * const api = new ProviderDeskApi('/api');
 * (await api.applications()).length;
 * ```
 */
export class ProviderDeskApi {
  private readonly transport: StaffTransport<StaffRequestError>;

  /** @param srcBase The base address of the API, e.g. `/api`. */
  constructor(srcBase: string) {
    this.transport = new StaffTransport(srcBase, staffRequestErrors);
  }

  /**
   * The address of an API path under this client's base.
   *
   * @example
   * ```ts
   * import { ProviderDeskApi } from '@eduset/widgets/staff';
   * new ProviderDeskApi('/api/').url('/provider/acts'); // '/api/provider/acts'
   * ```
   */
  url(path: string): string {
    return this.transport.url(path);
  }

  /**
   * Applications waiting for the provider's decision (`GET /provider/applications`).
   *
   * @example
   * ```ts
   * import { ProviderDeskApi } from '@eduset/widgets/staff';
   * await new ProviderDeskApi('/api').applications();
   * ```
   */
  async applications(): Promise<DeskContract[]> {
    const answer = await this.get('/provider/applications', (input) =>
      parse(providerApplicationsAnswerSchema, input),
    );
    return answer.applications;
  }

  /**
   * Contracts accepted, in force or closed in a month, with its attendance
   * (`GET /provider/contracts?month=`).
   *
   * @example
   * ```ts
   * import { ProviderDeskApi } from '@eduset/widgets/staff';
   * (await new ProviderDeskApi('/api').contracts('2026-09')).contracts.length;
   * ```
   */
  contracts(month?: string): Promise<DeskContractsAnswer> {
    const query = month === undefined ? '' : `?month=${encodeURIComponent(month)}`;
    return this.get(`/provider/contracts${query}`, (input) =>
      parse(deskContractsAnswerSchema, input),
    );
  }

  /**
   * Accepts an application (`POST /provider/applications/:id/accept`).
   *
   * @example
   * ```ts
   * import { ProviderDeskApi } from '@eduset/widgets/staff';
   * (await new ProviderDeskApi('/api').accept('enr-1')).status; // 'accepted' or 'active'
   * ```
   */
  async accept(id: string): Promise<DeskContract> {
    const body = await this.send(
      'POST',
      `/provider/applications/${encodeURIComponent(id)}/accept`,
      {},
    );
    return parse(deskContractAnswerSchema, body).contract;
  }

  /**
   * Declines an application with a reason (`POST /provider/applications/:id/decline`).
   *
   * @example
   * ```ts
   * import { ProviderDeskApi } from '@eduset/widgets/staff';
   * await new ProviderDeskApi('/api').decline('enr-1', { reason: 'no-places' });
   * ```
   */
  async decline(id: string, decision: ProviderDeclineBody): Promise<DeskContract> {
    const body = await this.send(
      'POST',
      `/provider/applications/${encodeURIComponent(id)}/decline`,
      decision,
    );
    return parse(deskContractAnswerSchema, body).contract;
  }

  /**
   * Terminates a contract in force (`POST /provider/contracts/:id/terminate`).
   *
   * @example
   * ```ts
   * import { ProviderDeskApi } from '@eduset/widgets/staff';
   * await new ProviderDeskApi('/api').terminate('enr-1', { on: '2026-10-12', reason: 'moved-away' });
   * ```
   */
  async terminate(id: string, decision: ProviderTerminateBody): Promise<DeskContract> {
    const body = await this.send(
      'POST',
      `/provider/contracts/${encodeURIComponent(id)}/terminate`,
      decision,
    );
    return parse(deskContractAnswerSchema, body).contract;
  }

  /**
   * Enters a month's attendance (`PUT /provider/contracts/:id/attendance/:month`).
   *
   * @example
   * ```ts
   * import { ProviderDeskApi } from '@eduset/widgets/staff';
   * (await new ProviderDeskApi('/api').saveAttendance('enr-1', '2026-09', {
   *   unit: 'sessions', planned: 9, attended: 7,
   * })).completeness; // 77.78
   * ```
   */
  async saveAttendance(
    id: string,
    month: string,
    attendance: DeskAttendanceBody,
  ): Promise<DeskAttendanceAnswer> {
    const body = await this.send(
      'PUT',
      `/provider/contracts/${encodeURIComponent(id)}/attendance/${encodeURIComponent(month)}`,
      attendance,
    );
    return parse(deskAttendanceAnswerSchema, body);
  }

  /**
   * The month's acts (`GET /provider/acts?month=`).
   *
   * @example
   * ```ts
   * import { ProviderDeskApi } from '@eduset/widgets/staff';
   * (await new ProviderDeskApi('/api').acts('2026-09')).providers.length;
   * ```
   */
  acts(month: string): Promise<ProviderActsAnswer> {
    return this.get(`/provider/acts?month=${encodeURIComponent(month)}`, (input) =>
      parse(providerActsAnswerSchema, input),
    );
  }

  /**
   * The address of the month's acts as CSV for Excel (`GET /provider/acts.csv`).
   *
   * @example
   * ```ts
   * import { ProviderDeskApi } from '@eduset/widgets/staff';
   * new ProviderDeskApi('/api').actsCsvUrl('2026-09', 'ru'); // '/api/provider/acts.csv?month=2026-09&lang=ru'
   * ```
   */
  actsCsvUrl(month: string, lang: 'ru' | 'en'): string {
    return this.url(`/provider/acts.csv?month=${encodeURIComponent(month)}&lang=${lang}`);
  }

  private get<T>(path: string, validate: (input: unknown) => T): Promise<T> {
    return this.transport.get(path, validate);
  }

  /** Sends a change with the CSRF token (the shared staff transport). */
  private send(method: 'POST' | 'PUT', path: string, body: object): Promise<unknown> {
    return this.transport.send(method, path, body);
  }
}
