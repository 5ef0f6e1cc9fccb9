import { can, type Instant } from '@eduset/core';
import type { Storage } from '@eduset/adapters';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { forbidden } from '../../plugins/access.js';
import type { RateLimitedRouteConfig } from '../../plugins/security.js';
import {
  erasePerson,
  exportPerson,
  parsePersonRequest,
  type PersonErasure,
  type PersonExport,
} from './service.js';

/**
 * What the person routes need: the storage, the clock and the config of rate-limited routes.
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import { openStorage } from '@eduset/adapters';
 * import type { PeopleRoutesOptions } from '@eduset/server';
 * const options: PeopleRoutesOptions = {
 *   storage: await openStorage({ dataDir: 'memory://' }),
 *   now: () => instant(new Date()),
 *   limited: {},
 * };
 * ```
 */
export interface PeopleRoutesOptions {
  readonly storage: Pick<
    Storage,
    'findPersonBookings' | 'erasePersonBookings' | 'compactAfterErasure'
  >;
  readonly now: () => Instant;
  readonly limited: RateLimitedRouteConfig;
}

/**
 * A person's data on request (152-ФЗ), for staff who hold the right in the network (by the
 * policy: the coordinator):
 * - `POST /api/staff/people/export` `{ network, phone?, email? }` (`person.export`) — every
 *   booking held with that phone or e-mail, with the consent version each was made with, as
 *   JSON (`Cache-Control: no-store`);
 * - `POST /api/staff/people/erase` `{ network, phone?, email? }` (`person.erase`) — erases the
 *   person's name, phone and e-mail from each of them (counts kept; a booking still to come
 *   is cancelled), runs the erasure's maintenance step, and answers how many were erased.
 *
 * Anonymous → 401; a role without the action → 403; the action held, but not in this
 * network → 403, the same answer whatever the network holds.
 *
 * @example
 * ```ts
 * import Fastify from 'fastify';
 * import { instant } from '@eduset/core';
 * import { openStorage } from '@eduset/adapters';
 * import { peopleRoutes } from '@eduset/server';
 * const server = Fastify();
 * void server.register(
 *   peopleRoutes({ storage: await openStorage({ dataDir: 'memory://' }), now: () => instant(new Date()), limited: {} }),
 * );
 * ```
 */
export function peopleRoutes(options: PeopleRoutesOptions): FastifyPluginAsync {
  const { storage, now, limited } = options;
  return async (api: FastifyInstance) => {
    api.post(
      '/api/staff/people/export',
      { config: { ...limited, access: { action: 'person.export' } } },
      async (request, reply): Promise<PersonExport> => {
        const body = parsePersonRequest(request.body);
        if (!can(request.actor, 'person.export', { networkId: body.network, personal: true })) {
          throw forbidden();
        }
        // audit: person.export — who (request.actor), the network, the contact asked about
        // (as a hash, not in clear) and the ids of the bookings answered.
        const answer = await exportPerson(storage, body, now());
        void reply.header('cache-control', 'no-store');
        return answer;
      },
    );

    api.post(
      '/api/staff/people/erase',
      { config: { ...limited, access: { action: 'person.erase' } } },
      async (request, reply): Promise<PersonErasure> => {
        const body = parsePersonRequest(request.body);
        if (!can(request.actor, 'person.erase', { networkId: body.network, personal: true })) {
          throw forbidden();
        }
        // audit: person.erase — who (request.actor), the network, the contact (as a hash) and
        // how many bookings were erased.
        const answer = await erasePerson(storage, body, now());
        void reply.header('cache-control', 'no-store');
        return answer;
      },
    );
  };
}
