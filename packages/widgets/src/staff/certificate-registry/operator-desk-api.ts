import {
  certificateCardSchema,
  certificateRegistryPageSchema,
  certificateStepAnswerSchema,
  directionLimitsAnswerSchema,
  directionLimitsVersionSchema,
  operatorPeriodsSchema,
  parametersAnswerSchema,
  parametersVersionSchema,
  parse,
  type CertificateCard,
  type CertificateKind,
  type CertificateRegistryPage,
  type CertificateStepAnswer,
  type DirectionLimits,
  type DirectionLimitsAnswer,
  type DirectionLimitsVersion,
  type LocalizedText,
  type OperatorPeriods,
  type ParametersAnswer,
  type ParametersVersion,
  type ValidationIssue,
} from '@eduset/core';
import { StaffRequestError } from '../../staff-agenda/staff-agenda-api.js';

/**
 * A refused request of the operator's desk: the server's status, code and Russian and English
 * message, and for invalid input every issue with its path.
 *
 * @example
 * ```ts
 * import { OperatorRequestError } from '@eduset/widgets/staff';
 * const error = new OperatorRequestError(409, 'has-reserve', { ru: 'Есть резерв', en: 'Reserved' }, []);
 * error.code; // 'has-reserve'
 * ```
 */
export class OperatorRequestError extends StaffRequestError {
  /** Every problem of an invalid request (400), empty otherwise. */
  readonly issues: readonly ValidationIssue[];

  constructor(
    status: number,
    code: string,
    text: LocalizedText,
    issues: readonly ValidationIssue[],
  ) {
    super(status, code, text);
    this.name = 'OperatorRequestError';
    this.issues = issues;
  }
}

const unreachable: LocalizedText = {
  ru: 'Не удалось связаться с сервером. Проверьте подключение и попробуйте ещё раз.',
  en: 'Could not reach the server. Check the connection and try again.',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function refusal(status: number, body: unknown): OperatorRequestError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  const message = error !== undefined && isRecord(error.message) ? error.message : undefined;
  const issues = Array.isArray(error?.issues) ? (error.issues as ValidationIssue[]) : [];
  if (typeof message?.ru === 'string' && typeof message.en === 'string') {
    const code = typeof error?.code === 'string' ? error.code : 'server';
    return new OperatorRequestError(status, code, { ru: message.ru, en: message.en }, issues);
  }
  return new OperatorRequestError(
    status,
    'server',
    {
      ru: `Сервер ответил ошибкой ${String(status)}. Попробуйте позже.`,
      en: `The server answered with error ${String(status)}. Please try again later.`,
    },
    [],
  );
}

/**
 * What the registry's list asks for (see `GET /api/operator/certificates`).
 *
 * @example
 * ```ts
 * import type { RegistrySearch } from '@eduset/widgets/staff';
 * const search: RegistrySearch = { q: 'Иванов', status: 'active', offset: 0 };
 * ```
 */
export interface RegistrySearch {
  readonly q?: string;
  readonly status?: string;
  readonly kind?: string;
  readonly group?: string;
  readonly offset?: number;
  readonly limit?: number;
}

/**
 * The client of the operator's desk (`/api/operator/…`) for `<eduset-certificate-registry>`
 * and `<eduset-financing-parameters>`: every answer is validated with core's wire contracts,
 * every change is sent with the session's CSRF token (read once from `GET {base}/auth/csrf`,
 * again when stale), with the session cookie of the same origin.
 *
 * @example
 * ```ts
 * import { OperatorDeskApi } from '@eduset/widgets/staff';
 * const api = new OperatorDeskApi('/api');
 * const page = await api.certificates({ q: '6800' });
 * page.total;
 * ```
 */
export class OperatorDeskApi {
  private readonly base: string;
  private csrfToken: Promise<string> | undefined;

  /** @param srcBase The base address of the API, e.g. `/api`. */
  constructor(srcBase: string) {
    this.base = srcBase.replace(/\/+$/, '');
  }

  /**
   * A page of the certificate registry.
   *
   * @example
   * ```ts
   * import { OperatorDeskApi } from '@eduset/widgets/staff';
   * await new OperatorDeskApi('/api').certificates({ status: 'issued' });
   * ```
   */
  certificates(search: RegistrySearch = {}): Promise<CertificateRegistryPage> {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(search) as [string, unknown][]) {
      if ((typeof value === 'string' && value.trim() !== '') || typeof value === 'number') {
        query.set(key, String(value).trim());
      }
    }
    const text = query.toString();
    return this.get(`/operator/certificates${text === '' ? '' : `?${text}`}`, (input) =>
      parse(certificateRegistryPageSchema, input),
    );
  }

  /**
   * A certificate's card with its holder (the read is recorded in the audit log).
   *
   * @example
   * ```ts
   * import { OperatorDeskApi } from '@eduset/widgets/staff';
   * (await new OperatorDeskApi('/api').card('c-6801000001')).holder?.childName;
   * ```
   */
  card(id: string): Promise<CertificateCard> {
    return this.get(`/operator/certificates/${encodeURIComponent(id)}`, (input) =>
      parse(certificateCardSchema, input),
    );
  }

  /**
   * Issues a certificate (`POST /api/operator/certificates`).
   *
   * @example
   * ```ts
   * import { OperatorDeskApi } from '@eduset/widgets/staff';
   * await new OperatorDeskApi('/api').issue({
   *   groupId: 'michurinsk-5-18', childName: 'Иванов Пётр', birthDate: '2016-04-12',
   * });
   * ```
   */
  async issue(body: Readonly<Record<string, string>>): Promise<CertificateStepAnswer> {
    return parse(
      certificateStepAnswerSchema,
      await this.send('POST', '/operator/certificates', body),
    );
  }

  /**
   * One step on a certificate: `activate`, `suspend`, `resume`, `close` (`{ reason }`),
   * `convert` (`{ to }`) or `move` (`{ groupId }`).
   *
   * @example
   * ```ts
   * import { OperatorDeskApi } from '@eduset/widgets/staff';
   * await new OperatorDeskApi('/api').step('c-1', 'convert', { to: 'funded' });
   * ```
   */
  async step(
    id: string,
    action: 'activate' | 'suspend' | 'resume' | 'close' | 'convert' | 'move',
    body:
      | Record<string, never>
      | { readonly reason: string }
      | { readonly to: CertificateKind }
      | { readonly groupId: string } = {},
  ): Promise<CertificateStepAnswer> {
    const answer = await this.send(
      'POST',
      `/operator/certificates/${encodeURIComponent(id)}/${action}`,
      body,
    );
    return parse(certificateStepAnswerSchema, answer);
  }

  /**
   * The certificate groups and their periods.
   *
   * @example
   * ```ts
   * import { OperatorDeskApi } from '@eduset/widgets/staff';
   * (await new OperatorDeskApi('/api').periods()).groups.length;
   * ```
   */
  periods(): Promise<OperatorPeriods> {
    return this.get('/operator/periods', (input) => parse(operatorPeriodsSchema, input));
  }

  /**
   * Every version of a period's normative-cost parameters.
   *
   * @example
   * ```ts
   * import { OperatorDeskApi } from '@eduset/widgets/staff';
   * (await new OperatorDeskApi('/api').parameters('2026-2027')).versions.length;
   * ```
   */
  parameters(period: string): Promise<ParametersAnswer> {
    return this.get(`/operator/parameters/${encodeURIComponent(period)}`, (input) =>
      parse(parametersAnswerSchema, input),
    );
  }

  /**
   * Saves a new version of a period's parameters.
   *
   * @example
   * ```ts
   * import { OperatorDeskApi } from '@eduset/widgets/staff';
   * declare const coefficients: unknown;
   * await new OperatorDeskApi('/api').saveParameters('2026-2027', { basedOn: 1, coefficients });
   * ```
   */
  async saveParameters(
    period: string,
    body: {
      readonly basedOn: number;
      readonly coefficients: unknown;
      readonly municipality?: string;
      readonly note?: string;
    },
  ): Promise<ParametersVersion> {
    const answer = await this.send(
      'PUT',
      `/operator/parameters/${encodeURIComponent(period)}`,
      body,
    );
    return parse(parametersVersionSchema, answer);
  }

  /**
   * Every version of a period's direction limits and the counts now.
   *
   * @example
   * ```ts
   * import { OperatorDeskApi } from '@eduset/widgets/staff';
   * (await new OperatorDeskApi('/api').directionLimits('2026-2027')).counts;
   * ```
   */
  directionLimits(period: string): Promise<DirectionLimitsAnswer> {
    return this.get(`/operator/direction-limits/${encodeURIComponent(period)}`, (input) =>
      parse(directionLimitsAnswerSchema, input),
    );
  }

  /**
   * Saves a new version of a period's direction limits.
   *
   * @example
   * ```ts
   * import { OperatorDeskApi } from '@eduset/widgets/staff';
   * await new OperatorDeskApi('/api').saveDirectionLimits('2026-2027', { basedOn: 0, limits: { technical: 200 } });
   * ```
   */
  async saveDirectionLimits(
    period: string,
    body: { readonly basedOn: number; readonly limits: DirectionLimits; readonly note?: string },
  ): Promise<DirectionLimitsVersion> {
    const answer = await this.send(
      'PUT',
      `/operator/direction-limits/${encodeURIComponent(period)}`,
      body,
    );
    return parse(directionLimitsVersionSchema, answer);
  }

  private async get<T>(path: string, validate: (input: unknown) => T): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${this.base}${path}`, {
        credentials: 'same-origin',
        headers: { Accept: 'application/json' },
      });
    } catch {
      throw new OperatorRequestError(0, 'network', unreachable, []);
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) throw refusal(response.status, body);
    return validate(body);
  }

  private csrf(): Promise<string> {
    this.csrfToken ??= this.get('/auth/csrf', (input) => {
      if (isRecord(input) && typeof input.csrfToken === 'string') return input.csrfToken;
      throw new TypeError('no csrfToken');
    }).catch((error: unknown) => {
      this.csrfToken = undefined;
      throw error;
    });
    return this.csrfToken;
  }

  private async send(method: 'POST' | 'PUT', path: string, body: object): Promise<unknown> {
    for (let attempt = 0; ; attempt += 1) {
      const token = await this.csrf();
      let response: Response;
      try {
        response = await fetch(`${this.base}${path}`, {
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
        throw new OperatorRequestError(0, 'network', unreachable, []);
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
