import {
  deskAttendanceAnswerSchema,
  deskContractAnswerSchema,
  deskContractsAnswerSchema,
  parse,
  providerActsAnswerSchema,
  providerApplicationsAnswerSchema,
  ValidationError,
  type DeskAttendanceAnswer,
  type DeskAttendanceBody,
  type DeskContract,
  type DeskContractsAnswer,
  type LocalizedText,
  type ProviderActsAnswer,
  type ProviderDeclineBody,
  type ProviderTerminateBody,
} from '@eduset/core';
import { StaffRequestError } from '../../staff-agenda/staff-agenda-api.js';

const unreachable: LocalizedText = {
  ru: 'Не удалось связаться с сервером. Проверьте подключение и попробуйте ещё раз.',
  en: 'Could not reach the server. Check the connection and try again.',
};

const invalidAnswer: LocalizedText = {
  ru: 'Данные с сервера не прошли проверку.',
  en: 'The data from the server did not pass validation.',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The `{ error: { code, message } }` of an eduset error answer, as a `StaffRequestError`. */
function errorOf(status: number, body: unknown): StaffRequestError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  const message = error !== undefined && isRecord(error.message) ? error.message : undefined;
  if (typeof message?.ru === 'string' && typeof message.en === 'string') {
    const code = typeof error?.code === 'string' ? error.code : 'server';
    // A refused form says what is wrong with it: its issues' own words, not only «invalid».
    const issues = (Array.isArray(error?.issues) ? error.issues : []).flatMap((issue: unknown) =>
      isRecord(issue) &&
      isRecord(issue.message) &&
      typeof issue.message.ru === 'string' &&
      typeof issue.message.en === 'string'
        ? [{ ru: issue.message.ru, en: issue.message.en }]
        : [],
    );
    if (issues.length > 0) {
      return new StaffRequestError(status, code, {
        ru: issues.map((issue) => issue.ru).join('; '),
        en: issues.map((issue) => issue.en).join('; '),
      });
    }
    return new StaffRequestError(status, code, { ru: message.ru, en: message.en });
  }
  return new StaffRequestError(status, 'server', {
    ru: `Сервер ответил ошибкой ${String(status)}. Попробуйте позже.`,
    en: `The server answered with error ${String(status)}. Please try again later.`,
  });
}

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
  private readonly base: string;
  private csrfToken: Promise<string> | undefined;

  /** @param srcBase The base address of the API, e.g. `/api`. */
  constructor(srcBase: string) {
    this.base = srcBase.replace(/\/+$/, '');
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
    return `${this.base}${path}`;
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

  private async get<T>(path: string, validate: (input: unknown) => T): Promise<T> {
    let response: Response;
    try {
      response = await fetch(this.url(path), {
        credentials: 'same-origin',
        headers: { Accept: 'application/json' },
      });
    } catch {
      throw new StaffRequestError(0, 'network', unreachable);
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) throw errorOf(response.status, body);
    try {
      return validate(body);
    } catch (cause) {
      if (cause instanceof ValidationError) {
        throw new StaffRequestError(response.status, 'invalid-answer', invalidAnswer);
      }
      throw cause;
    }
  }

  private csrf(): Promise<string> {
    this.csrfToken ??= this.get('/auth/csrf', (input) => {
      if (isRecord(input) && typeof input.csrfToken === 'string') return input.csrfToken;
      throw new StaffRequestError(0, 'invalid-answer', invalidAnswer);
    }).catch((error: unknown) => {
      this.csrfToken = undefined;
      throw error;
    });
    return this.csrfToken;
  }

  /** Sends a change with the CSRF token; once more with a fresh token if it was stale. */
  private async send(method: 'POST' | 'PUT', path: string, body: object): Promise<unknown> {
    for (let attempt = 0; ; attempt += 1) {
      const token = await this.csrf();
      let response: Response;
      try {
        response = await fetch(this.url(path), {
          method,
          credentials: 'same-origin',
          headers: {
            Accept: 'application/json',
            'Content-Type': 'application/json',
            'x-csrf-token': token,
          },
          body: JSON.stringify(body),
        });
      } catch {
        throw new StaffRequestError(0, 'network', unreachable);
      }
      const answer: unknown = await response.json().catch(() => undefined);
      if (response.ok) return answer;
      const error = errorOf(response.status, answer);
      if (error.code === 'csrf' && attempt === 0) {
        this.csrfToken = undefined;
        continue;
      }
      throw error;
    }
  }
}
