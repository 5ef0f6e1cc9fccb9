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
import { invalidAnswerText, isRecord, StaffTransport } from '../../internal/staff-transport.js';

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
  private readonly transport: StaffTransport<SettlementRequestError>;

  /** @param srcBase The base address of the API, e.g. `/api`. */
  constructor(srcBase: string) {
    this.transport = new StaffTransport(srcBase, {
      refused: (status, answer) => new SettlementRequestError(status, answer.code, answer.text),
      // An answer its schema refused keeps this client's code `validation`.
      failed: (status, failure, text) =>
        new SettlementRequestError(status, failure === 'network' ? 'network' : 'validation', text),
    });
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
    return this.transport.url(path);
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
        throw new SettlementRequestError(200, 'validation', invalidAnswerText);
      throw cause;
    }
  }

  private get<T>(path: string, validate: (input: unknown) => T, signal?: AbortSignal): Promise<T> {
    return this.transport.get(path, validate, signal);
  }

  /** Sends a step with the CSRF token (the shared staff transport). */
  private send(path: string, body: object): Promise<unknown> {
    return this.transport.send('POST', path, body);
  }
}
