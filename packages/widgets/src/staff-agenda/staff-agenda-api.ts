import {
  agendaResponseSchema,
  attendanceAnswerSchema,
  consultationNoteAnswerSchema,
  parse,
  slotsResponseSchema,
  ValidationError,
  type AgendaResponse,
  type AttendanceAnswer,
  type AttendanceOutcome,
  type ConsultationNoteAnswer,
  type Instant,
  type SlotsResponse,
} from '@eduset/core';
import { FetchJsonError, unreachableText } from '../internal/fetch-json.js';
import {
  errorAnswer,
  invalidAnswerText,
  StaffTransport,
  staffRequestErrors,
  type StaffRequestError,
} from '../internal/staff-transport.js';

/**
 * What the agenda asks the server for: the period (civil dates, both included) and,
 * optionally, one site and/or one specialist and the network.
 *
 * @example
 * ```ts
 * import type { StaffAgendaQuery } from '@eduset/widgets/staff';
 * const query: StaffAgendaQuery = { from: '2026-09-07', to: '2026-09-13', siteId: 'kp-korablik' };
 * ```
 */
export interface StaffAgendaQuery {
  readonly from?: string;
  readonly to?: string;
  readonly siteId?: string;
  readonly specialistId?: string;
  readonly network?: string;
}

export { StaffRequestError } from '../internal/staff-transport.js';

/**
 * The staff agenda's client of the eduset API: every answer is validated with core's wire
 * contracts; every change is sent with the session's CSRF token (`x-csrf-token`, read once from
 * `GET {base}/auth/csrf` and read again when the server says it is stale). The session cookie
 * itself travels with each request (same origin).
 *
 * @example
 * ```ts
 * import { StaffAgendaApi } from '@eduset/widgets/staff';
 * const api = new StaffAgendaApi('/api');
 * const agenda = await api.agenda({ from: '2026-09-07', to: '2026-09-13' });
 * agenda.consultations.length;
 * ```
 */
export class StaffAgendaApi {
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
   * import { StaffAgendaApi } from '@eduset/widgets/staff';
   * new StaffAgendaApi('/api/').url('/staff/agenda'); // '/api/staff/agenda'
   * ```
   */
  url(path: string): string {
    return this.transport.url(path);
  }

  /**
   * The agenda of a period (`GET /staff/agenda`), validated with core's `agendaResponseSchema`.
   *
   * @example
   * ```ts
   * import { StaffAgendaApi } from '@eduset/widgets/staff';
   * await new StaffAgendaApi('/api').agenda({ specialistId: 'speech-lebedeva' });
   * ```
   */
  agenda(query: StaffAgendaQuery, signal?: AbortSignal): Promise<AgendaResponse> {
    return this.get(
      `/staff/agenda${searchOf(query)}`,
      (input) => parse(agendaResponseSchema, input),
      signal,
    );
  }

  /**
   * The address of one day of the agenda as an iCalendar file (`GET /staff/agenda.ics`).
   *
   * @example
   * ```ts
   * import { StaffAgendaApi } from '@eduset/widgets/staff';
   * new StaffAgendaApi('/api').calendarUrl('2026-09-08', { siteId: 'kp-korablik' });
   * // '/api/staff/agenda.ics?date=2026-09-08&siteId=kp-korablik'
   * ```
   */
  calendarUrl(date: string, query: Omit<StaffAgendaQuery, 'from' | 'to'> = {}): string {
    return this.url(`/staff/agenda.ics${searchOf({ date, ...query })}`);
  }

  /**
   * Marks a consultation attended or a no-show (`POST /staff/bookings/:id/attendance`).
   *
   * @example
   * ```ts
   * import { StaffAgendaApi } from '@eduset/widgets/staff';
   * (await new StaffAgendaApi('/api').markAttendance('b-1', 'attended')).status; // 'attended'
   * ```
   */
  async markAttendance(bookingId: string, outcome: AttendanceOutcome): Promise<AttendanceAnswer> {
    const body = await this.send(
      'POST',
      `/staff/bookings/${encodeURIComponent(bookingId)}/attendance`,
      {
        outcome,
      },
    );
    return parse(attendanceAnswerSchema, body);
  }

  /**
   * The private note on a consultation (`GET /staff/bookings/:id/note`).
   *
   * @example
   * ```ts
   * import { StaffAgendaApi } from '@eduset/widgets/staff';
   * (await new StaffAgendaApi('/api').readNote('b-1')).note?.text;
   * ```
   */
  readNote(bookingId: string, signal?: AbortSignal): Promise<ConsultationNoteAnswer> {
    return this.get(
      `/staff/bookings/${encodeURIComponent(bookingId)}/note`,
      (input) => parse(consultationNoteAnswerSchema, input),
      signal,
    );
  }

  /**
   * Writes the whole private note (`PUT /staff/bookings/:id/note`); an empty text removes it.
   *
   * @example
   * ```ts
   * import { StaffAgendaApi } from '@eduset/widgets/staff';
   * await new StaffAgendaApi('/api').writeNote('b-1', 'Повторить через месяц');
   * ```
   */
  async writeNote(bookingId: string, text: string): Promise<ConsultationNoteAnswer> {
    const body = await this.send('PUT', `/staff/bookings/${encodeURIComponent(bookingId)}/note`, {
      text,
    });
    return parse(consultationNoteAnswerSchema, body);
  }

  /**
   * Cancels a consultation on the parent's behalf (`POST /staff/bookings/:id/cancel` with
   * `{ reason }`); the parent is told by e-mail.
   *
   * @example
   * ```ts
   * import { StaffAgendaApi } from '@eduset/widgets/staff';
   * await new StaffAgendaApi('/api').cancel('b-1', 'Специалист заболел');
   * ```
   */
  async cancel(bookingId: string, reason: string): Promise<void> {
    await this.send('POST', `/staff/bookings/${encodeURIComponent(bookingId)}/cancel`, { reason });
  }

  /**
   * Moves a consultation on the parent's behalf to a free time (`POST
   * /staff/bookings/:id/move` with `{ reason, start, end }`); the parent is told by e-mail.
   *
   * @example
   * ```ts
   * import { instant } from '@eduset/core';
   * import { StaffAgendaApi } from '@eduset/widgets/staff';
   * await new StaffAgendaApi('/api').move('b-1', {
   *   reason: 'Площадка закрыта',
   *   start: instant('2026-09-10T06:00:00Z'),
   *   end: instant('2026-09-10T06:45:00Z'),
   * });
   * ```
   */
  async move(
    bookingId: string,
    change: { readonly reason: string; readonly start: Instant; readonly end: Instant },
  ): Promise<void> {
    await this.send('POST', `/staff/bookings/${encodeURIComponent(bookingId)}/move`, change);
  }

  /**
   * Free times of one day for a service at a site with a specialist (`GET /slots`), where a
   * consultation may be moved.
   *
   * @example
   * ```ts
   * import { StaffAgendaApi } from '@eduset/widgets/staff';
   * await new StaffAgendaApi('/api').freeSlots({
   *   serviceId: 'speech-therapist-consultation', siteId: 'kp-korablik',
   *   specialistId: 'speech-lebedeva', date: '2026-09-10',
   * });
   * ```
   */
  freeSlots(
    query: {
      readonly serviceId: string;
      readonly siteId: string;
      readonly specialistId: string;
      readonly date: string;
      readonly network?: string;
    },
    signal?: AbortSignal,
  ): Promise<SlotsResponse> {
    const { date, ...rest } = query;
    return this.get(
      `/slots${searchOf({ ...rest, from: date, to: date })}`,
      (input) => parse(slotsResponseSchema, input),
      signal,
    );
  }

  /**
   * Reads JSON and validates it with a core schema. A refusal becomes a `FetchJsonError` with
   * the server's own Russian and English message (and its status), so the element can show
   * why; an invalid answer, one listing every validation problem.
   */
  private async get<T>(
    path: string,
    validate: (input: unknown) => T,
    signal?: AbortSignal,
  ): Promise<T> {
    const url = this.url(path);
    let response: Response;
    try {
      response = await fetch(url, {
        credentials: 'same-origin',
        headers: { Accept: 'application/json' },
        ...(signal === undefined ? {} : { signal }),
      });
    } catch (cause) {
      if (signal?.aborted) throw signal.reason;
      throw new FetchJsonError('network', unreachableText, { url, cause });
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const refused = errorAnswer(response.status, body);
      throw new FetchJsonError('http', refused.text, { url, status: response.status });
    }
    try {
      return validate(body);
    } catch (cause) {
      const issues = cause instanceof ValidationError ? cause.issues : [];
      throw new FetchJsonError('validation', invalidAnswerText, {
        url,
        status: response.status,
        issues,
        cause,
      });
    }
  }

  /** Sends a change with the CSRF token (the shared staff transport). */
  private send(method: 'POST' | 'PUT', path: string, body: object): Promise<unknown> {
    return this.transport.send(method, path, body);
  }
}

/** A query string of the given text values (`?a=1&b=2`, or `''`). */
function searchOf(values: object): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(values) as [string, unknown][]) {
    if (typeof value === 'string' && value !== '') search.set(key, value);
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}
