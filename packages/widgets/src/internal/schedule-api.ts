import {
  createNetwork,
  parsePublishedSchedule,
  type Network,
  type NetworkSchedule,
} from '@eduset/core';
import { fetchJson } from './fetch-json.js';
import { SlotsApi } from './slots-api.js';

// The reading part of the booking API — the published schedule and the network on top of
// free slots — apart from `BookingApi` (booking, cancelling, moving), so that the elements
// that only read (the schedule) do not load the parsers of the booking answers.

/**
 * A small typed client of the reading part of the booking API under a base address (`/api`):
 * the published schedule, the network and (from {@link SlotsApi}) free slots, every answer
 * validated with core's schemas before a widget sees it. `BookingApi` adds booking,
 * cancelling and moving.
 *
 * @example
 * ```ts
 * import { ScheduleApi } from '@eduset/widgets';
 * const api = new ScheduleApi('/api', 'udomlya');
 * const schedule = await api.schedule();
 * const { slots } = await api.slots({ serviceId: 'psychologist-consultation', from: '2026-05-11', to: '2026-05-24' });
 * ```
 */
export class ScheduleApi extends SlotsApi {
  /**
   * Loads the published schedule (`GET /schedule`).
   *
   * @example
   * ```ts
   * import { ScheduleApi } from '@eduset/widgets';
   * const schedule = await new ScheduleApi('/api').schedule();
   * ```
   */
  schedule(signal?: AbortSignal): Promise<NetworkSchedule> {
    return fetchJson(this.url('/schedule'), parsePublishedSchedule, signal ? { signal } : {});
  }

  /**
   * Loads the network (`GET /network`): names of services, sites and specialists.
   *
   * @example
   * ```ts
   * import { ScheduleApi } from '@eduset/widgets';
   * const network = await new ScheduleApi('/api').networkData();
   * ```
   */
  networkData(signal?: AbortSignal): Promise<Network> {
    return fetchJson(this.url('/network'), createNetwork, signal ? { signal } : {});
  }
}
