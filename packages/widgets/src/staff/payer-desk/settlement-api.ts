import {
  financingReportSchema,
  parse,
  settlementCorrectionAnswerSchema,
  settlementMonthListSchema,
  settlementPreviewSchema,
  settlementStepAnswerSchema,
  ValidationError,
  type FinancingReportAnswer,
  type LocalizedText,
  type SettlementCorrection,
  type SettlementCorrectionAnswer,
  type SettlementMonthList,
  type SettlementPreview,
  type SettlementStepAnswer,
} from '@eduset/core';

/**
 * A refused or failed request of the payer's desk or the reports, with the server's code
 * (`month-closed`, `nothing-to-correct`, `forbidden`, `network` …) and its Russian and
 * English message, to show as it is.
 *
 * @example
 * ```ts
 * import { SettlementRequestError } from '@eduset/widgets/staff';
 * const error = new SettlementRequestError(409, 'month-closed', { ru: 'Месяц закрыт', en: 'The month is closed' });
 * error.code; // 'month-closed'
 * ```
 */
export class SettlementRequestError extends Error {
  /** The HTTP status (0 when the server could not be reached). */
  readonly status: number;
  /** The server's error code, or `network` / `server` / `validation`. */
  readonly code: string;
  /** The message in Russian and English. */
  readonly text: LocalizedText;

  constructor(status: number, code: string, text: LocalizedText) {
    super(`${text.ru} / ${text.en}`);
    this.name = 'SettlementRequestError';
    this.status = status;
    this.code = code;
    this.text = text;
  }
}

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

function refusal(status: number, body: unknown): SettlementRequestError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  const message = error !== undefined && isRecord(error.message) ? error.message : undefined;
  if (typeof message?.ru === 'string' && typeof message.en === 'string') {
    const code = typeof error?.code === 'string' ? error.code : 'server';
    return new SettlementRequestError(status, code, { ru: message.ru, en: message.en });
  }
  return new SettlementRequestError(status, 'server', {
    ru: `Сервер ответил ошибкой ${String(status)}. Попробуйте позже.`,
    en: `The server answered with error ${String(status)}. Please try again later.`,
  });
}

/** A query string of the given text values (`?a=1&b=2`, or `''`). */
function searchOf(values: Readonly<Record<string, string | undefined>>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== '') search.set(key, value);
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

/**
 * The filters of the coverage report: the financing period, the date, a direction, a
 * provider.
 *
 * @example
 * ```ts
 * import type { CoverageFilter } from '@eduset/widgets/staff';
 * const filter: CoverageFilter = { period: '2026-2027', direction: 'technical' };
 * ```
 */
export interface CoverageFilter {
  readonly period?: string;
  readonly on?: string;
  readonly direction?: string;
  readonly provider?: string;
}

/**
 * The client of the payer's desk and the reports: every answer is validated with core's wire
 * contracts; every step is sent with the session's CSRF token (read once from
 * `GET {base}/auth/csrf`, again when the server says it is stale). The session cookie travels
 * with each request (same origin).
 *
 * @example
 * ```ts
 * import { SettlementApi } from '@eduset/widgets/staff';
 * const api = new SettlementApi('/api');
 * const { months } = await api.months();
 * ```
 */
export class SettlementApi {
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
   * import { SettlementApi } from '@eduset/widgets/staff';
   * new SettlementApi('/api/').url('/payer/months'); // '/api/payer/months'
   * ```
   */
  url(path: string): string {
    return `${this.base}${path}`;
  }

  /**
   * Whether the signed-in person may run the steps (`financing.billing.write` among the
   * actions `GET /staff/me` lists). When that cannot be read, `true`: the server decides.
   *
   * @example
   * ```ts
   * import { SettlementApi } from '@eduset/widgets/staff';
   * await new SettlementApi('/api').mayRunSteps(); // false for a provider
   * ```
   */
  async mayRunSteps(signal?: AbortSignal): Promise<boolean> {
    try {
      const me = await this.get('/staff/me', (input) => input, signal);
      const actions = isRecord(me) && Array.isArray(me.actions) ? me.actions : undefined;
      if (actions === undefined) return true;
      return actions.some((entry) => isRecord(entry) && entry.action === 'financing.billing.write');
    } catch {
      return true;
    }
  }

  /**
   * The months (`GET /payer/months`).
   *
   * @example
   * ```ts
   * import { SettlementApi } from '@eduset/widgets/staff';
   * (await new SettlementApi('/api').months()).current;
   * ```
   */
  months(signal?: AbortSignal): Promise<SettlementMonthList> {
    return this.get('/payer/months', (input) => parse(settlementMonthListSchema, input), signal);
  }

  /**
   * A month's settlement explained (`GET /payer/months/:month/preview`): the providers'
   * lines only (`'none'`), or with one provider's contracts.
   *
   * @example
   * ```ts
   * import { SettlementApi } from '@eduset/widgets/staff';
   * (await new SettlementApi('/api').preview('2026-10', { provider: 'cdt' })).contracts.length;
   * ```
   */
  preview(
    month: string,
    contracts: { readonly provider: string } | 'none',
    signal?: AbortSignal,
  ): Promise<SettlementPreview> {
    const query = contracts === 'none' ? { summary: 'true' } : { provider: contracts.provider };
    return this.get(
      `/payer/months/${encodeURIComponent(month)}/preview${searchOf(query)}`,
      (input) => parse(settlementPreviewSchema, input),
      signal,
    );
  }

  /**
   * Runs a step of a month: `approve`, `pay` or `close` (`POST /payer/months/:month/:step`).
   *
   * @example
   * ```ts
   * import { SettlementApi } from '@eduset/widgets/staff';
   * (await new SettlementApi('/api').step('2026-10', 'approve')).month.status; // 'approved'
   * ```
   */
  async step(month: string, step: 'approve' | 'pay' | 'close'): Promise<SettlementStepAnswer> {
    const body = await this.send(`/payer/months/${encodeURIComponent(month)}/${step}`, {});
    return this.validated(body, (input) => parse(settlementStepAnswerSchema, input));
  }

  /**
   * Corrects a paid or closed month (`POST /payer/months/:month/corrections`).
   *
   * @example
   * ```ts
   * import { SettlementApi } from '@eduset/widgets/staff';
   * await new SettlementApi('/api').correct('2026-09', { contractId: 'k1', completeness: 80, reason: 'Табель' });
   * ```
   */
  async correct(
    month: string,
    correction: SettlementCorrection,
  ): Promise<SettlementCorrectionAnswer> {
    const body = await this.send(
      `/payer/months/${encodeURIComponent(month)}/corrections`,
      correction,
    );
    return this.validated(body, (input) => parse(settlementCorrectionAnswerSchema, input));
  }

  /**
   * The address of a month's payment register (`register.csv` or `register.xlsx`).
   *
   * @example
   * ```ts
   * import { SettlementApi } from '@eduset/widgets/staff';
   * new SettlementApi('/api').registerUrl('2026-10', 'xlsx', 'en');
   * // '/api/payer/months/2026-10/register.xlsx?lang=en'
   * ```
   */
  registerUrl(month: string, format: 'csv' | 'xlsx', lang: 'ru' | 'en' = 'ru'): string {
    return this.url(
      `/payer/months/${encodeURIComponent(month)}/register.${format}${searchOf({ lang: lang === 'ru' ? undefined : lang })}`,
    );
  }

  /**
   * The coverage and uptake report (`GET /reports/coverage`).
   *
   * @example
   * ```ts
   * import { SettlementApi } from '@eduset/widgets/staff';
   * (await new SettlementApi('/api').coverage({ direction: 'technical' })).total.contracts;
   * ```
   */
  coverage(filter: CoverageFilter, signal?: AbortSignal): Promise<FinancingReportAnswer> {
    return this.get(
      `/reports/coverage${searchOf({ ...filter })}`,
      (input) => parse(financingReportSchema, input),
      signal,
    );
  }

  /**
   * The address of the coverage report as CSV.
   *
   * @example
   * ```ts
   * import { SettlementApi } from '@eduset/widgets/staff';
   * new SettlementApi('/api').coverageCsvUrl({ provider: 'cdt' }); // '/api/reports/coverage.csv?provider=cdt'
   * ```
   */
  coverageCsvUrl(filter: CoverageFilter, lang: 'ru' | 'en' = 'ru'): string {
    return this.url(
      `/reports/coverage.csv${searchOf({ ...filter, lang: lang === 'ru' ? undefined : lang })}`,
    );
  }

  private validated<T>(body: unknown, validate: (input: unknown) => T): T {
    try {
      return validate(body);
    } catch (cause) {
      if (cause instanceof ValidationError)
        throw new SettlementRequestError(200, 'validation', invalidAnswer);
      throw cause;
    }
  }

  private async get<T>(
    path: string,
    validate: (input: unknown) => T,
    signal?: AbortSignal,
  ): Promise<T> {
    let response: Response;
    try {
      response = await fetch(this.url(path), {
        credentials: 'same-origin',
        headers: { Accept: 'application/json' },
        ...(signal === undefined ? {} : { signal }),
      });
    } catch {
      if (signal?.aborted) throw signal.reason;
      throw new SettlementRequestError(0, 'network', unreachable);
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) throw refusal(response.status, body);
    return this.validated(body, validate);
  }

  private csrf(): Promise<string> {
    this.csrfToken ??= (async () => {
      let response: Response;
      try {
        response = await fetch(this.url('/auth/csrf'), {
          credentials: 'same-origin',
          headers: { Accept: 'application/json' },
        });
      } catch {
        throw new SettlementRequestError(0, 'network', unreachable);
      }
      const body: unknown = await response.json().catch(() => undefined);
      if (!response.ok) throw refusal(response.status, body);
      if (isRecord(body) && typeof body.csrfToken === 'string') return body.csrfToken;
      throw new SettlementRequestError(response.status, 'validation', invalidAnswer);
    })().catch((error: unknown) => {
      this.csrfToken = undefined;
      throw error;
    });
    return this.csrfToken;
  }

  /** Sends a step with the CSRF token; once more with a fresh token if it was stale. */
  private async send(path: string, body: object): Promise<unknown> {
    for (let attempt = 0; ; attempt += 1) {
      const token = await this.csrf();
      let response: Response;
      try {
        response = await fetch(this.url(path), {
          method: 'POST',
          credentials: 'same-origin',
          headers: {
            Accept: 'application/json',
            'Content-Type': 'application/json',
            'x-csrf-token': token,
          },
          body: JSON.stringify(body),
        });
      } catch {
        throw new SettlementRequestError(0, 'network', unreachable);
      }
      const answer: unknown = await response.json().catch(() => undefined);
      if (response.ok) return answer;
      const error = refusal(response.status, answer);
      if (error.code === 'csrf' && attempt === 0) {
        this.csrfToken = undefined;
        continue;
      }
      throw error;
    }
  }
}
