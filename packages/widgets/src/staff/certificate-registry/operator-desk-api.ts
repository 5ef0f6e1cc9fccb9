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
import { StaffTransport } from '../../internal/staff-transport.js';

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
  private readonly transport: StaffTransport<OperatorRequestError>;

  /** @param srcBase The base address of the API, e.g. `/api`. */
  constructor(srcBase: string) {
    this.transport = new StaffTransport(srcBase, {
      refused: (status, answer) =>
        new OperatorRequestError(status, answer.code, answer.text, answer.issues),
      failed: (status, failure, text) => new OperatorRequestError(status, failure, text, []),
    });
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

  private get<T>(path: string, validate: (input: unknown) => T): Promise<T> {
    return this.transport.get(path, validate);
  }

  private send(method: 'POST' | 'PUT', path: string, body: object): Promise<unknown> {
    return this.transport.send(method, path, body);
  }
}
