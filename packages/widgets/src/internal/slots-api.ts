import {
  bookingOptionsSchema,
  parse,
  slotsResponseSchema,
  type BookingOptions,
  type SlotsResponse as CoreSlotsResponse,
} from '@eduset/core';
import { fetchJson } from './fetch-json.js';
import { ownEntries } from './own.js';

// The smallest part of the booking API client — free slots and the booking options (small
// answers) — apart from the schedule and the network (`ScheduleApi`) and from booking
// (`BookingApi`), so that the slot picker loads only the parsers it calls.

/**
 * The answer of `GET /api/slots` (core's `slotsResponseSchema`): the zone the server worked
 * in and the free slots (start and end are UTC instants).
 *
 * @example
 * ```ts
 * import type { SlotsResponse } from '@eduset/widgets';
 * const answer: SlotsResponse = { timeZone: 'Europe/Moscow', slots: [] };
 * ```
 */
export type SlotsResponse = CoreSlotsResponse;

/**
 * Validates the answer of `GET /api/slots` with core's `slotsResponseSchema` (the contract
 * the server declares); throws a `ValidationError` listing every problem.
 *
 * @example
 * ```ts
 * import { parseSlotsResponse } from '@eduset/widgets';
 * parseSlotsResponse({ timeZone: 'Europe/Moscow', slots: [] }).slots.length; // 0
 * ```
 */
export function parseSlotsResponse(input: unknown): SlotsResponse {
  return parse(slotsResponseSchema, input);
}

/**
 * Validates the answer of `GET /api/booking-options` with core's `bookingOptionsSchema`;
 * throws a `ValidationError` listing every problem.
 *
 * @example
 * ```ts
 * import { parseBookingOptions } from '@eduset/widgets';
 * declare const json: unknown;
 * const { services } = parseBookingOptions(json);
 * ```
 */
export function parseBookingOptions(input: unknown): BookingOptions {
  return parse(bookingOptionsSchema, input);
}

/**
 * The smallest typed client of the booking API under a base address (`/api`): free slots
 * (`GET /slots`) and what a booking form lists (`GET /booking-options`: services, their sites
 * and specialists), each answer validated with core's schemas before a widget sees it.
 * `ScheduleApi` adds the published schedule and the network, `BookingApi` booking and
 * cancelling, `ManageApi` the manage link.
 *
 * @example
 * ```ts
 * import { SlotsApi } from '@eduset/widgets';
 * const api = new SlotsApi('/api', 'udomlya');
 * const { slots } = await api.slots({ serviceId: 'psychologist-consultation', from: '2026-05-11', to: '2026-05-24' });
 * ```
 */
export class SlotsApi {
  /** The base address, without a trailing slash. */
  readonly base: string;
  /** The network id sent with every request, if any. */
  readonly network: string | undefined;

  constructor(base: string, network?: string | null) {
    this.base = base.replace(/\/+$/, '');
    this.network =
      network === null || network === undefined || network === '' ? undefined : network;
  }

  /** `path` under the base, with the query and the network when one is set. */
  protected url(path: string, query: Record<string, string | number | undefined> = {}): string {
    const params = new URLSearchParams();
    for (const [key, value] of ownEntries(query)) {
      if (value !== undefined && value !== '') params.set(key, String(value));
    }
    if (this.network !== undefined) params.set('network', this.network);
    const search = params.toString();
    return `${this.base}${path}${search === '' ? '' : `?${search}`}`;
  }

  /**
   * Resolves an address the server returned (`/api/bookings/…`) against the base's origin,
   * so that a widget embedded on another site links to the API's server.
   *
   * @example
   * ```ts
   * import { SlotsApi } from '@eduset/widgets';
   * new SlotsApi('https://edu.example/api').resolve('/api/bookings/b1.ics');
   * // 'https://edu.example/api/bookings/b1.ics'
   * ```
   */
  resolve(path: string): string {
    return new URL(path, new URL(this.base + '/', document.baseURI)).href;
  }

  /**
   * Loads free slots (`GET /slots`); `from` and `to` are civil dates, at most 31 days apart.
   *
   * @example
   * ```ts
   * import { SlotsApi } from '@eduset/widgets';
   * await new SlotsApi('/api').slots({ serviceId: 'lekoteka-play-sessions', from: '2026-05-11', to: '2026-05-17' });
   * ```
   */
  slots(
    query: {
      readonly serviceId: string;
      readonly from: string;
      readonly to: string;
      readonly siteId?: string | undefined;
      readonly specialistId?: string | undefined;
      readonly childAge?: number | undefined;
    },
    signal?: AbortSignal,
  ): Promise<SlotsResponse> {
    return fetchJson(
      this.url('/slots', { ...query }),
      { parse: parseSlotsResponse },
      signal ? { signal } : {},
    );
  }

  /**
   * Loads what the booking form lists (`GET /booking-options`): the services a parent may
   * book, in the network's order, each with its names, ages, booking horizon, and the sites
   * (with their time zones) and specialists that offer it.
   *
   * @example
   * ```ts
   * import { SlotsApi } from '@eduset/widgets';
   * const { services } = await new SlotsApi('/api').bookingOptions();
   * services.map((service) => service.name);
   * ```
   */
  bookingOptions(signal?: AbortSignal): Promise<BookingOptions> {
    return fetchJson(this.url('/booking-options'), parseBookingOptions, signal ? { signal } : {});
  }
}
