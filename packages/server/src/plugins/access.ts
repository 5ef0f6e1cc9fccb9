import {
  anonymousActor,
  canAnywhere,
  type Action,
  type Actor,
  type LocalizedText,
} from '@eduset/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from '../errors.js';

/**
 * Who may call a route — every route of the server states it in its config
 * (`{ config: { access } }`):
 * - `{ public: true }` — anyone, signed in or not. Such a route never answers with another
 *   person's personal data (a parent reaches her own booking only through the token in her
 *   link). With `identify: true` the route also learns who is signed in (`request.actor`),
 *   e.g. to let staff see more than the public;
 * - `{ action }` — signed-in staff who hold this action somewhere in their grants
 *   (core's `canAnywhere`): anonymous requests get 401, others 403. The use case then asks
 *   core's `can(actor, action, resource)` for each record it touches, and answers
 *   {@link forbidden} for a record out of scope — the same answer as for one that does not
 *   exist.
 *
 * A route without `access` is refused to everyone (403): deny by default.
 *
 * @example
 * ```ts
 * import type { RouteAccess } from '@eduset/server';
 * const staffOnly: RouteAccess = { action: 'booking.list' };
 * const open: RouteAccess = { public: true };
 * ```
 */
export type RouteAccess =
  { readonly public: true; readonly identify?: boolean } | { readonly action: Action };

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route ({@link RouteAccess}); a route without it is refused. */
    access?: RouteAccess;
  }
  interface FastifyInstance {
    /** Every route with who may call it, as {@link registerAccess} recorded them. */
    routeAccess: readonly RouteAccessEntry[];
  }
  interface FastifyRequest {
    /** Who is asking: the signed-in person, or the anonymous actor. */
    actor: Actor;
  }
}

/**
 * Tells who is asking: the sign-in plugin reads the session cookie and answers with the
 * signed-in person and her grants; without it every request is anonymous.
 *
 * @example
 * ```ts
 * import { anonymousActor } from '@eduset/core';
 * import type { ActorSource } from '@eduset/server';
 * const nobody: ActorSource = { actorOf: async () => anonymousActor };
 * ```
 */
export interface ActorSource {
  actorOf(request: FastifyRequest): Promise<Actor>;
}

/**
 * A route as the access registry lists it: method, URL pattern and who may call it
 * (`undefined` for a route that said nothing, which is refused to everyone).
 *
 * @example
 * ```ts
 * import type { RouteAccessEntry } from '@eduset/server';
 * const entry: RouteAccessEntry = { method: 'GET', url: '/api/staff/me', access: { action: 'staff.me.read' } };
 * ```
 */
export interface RouteAccessEntry {
  readonly method: string;
  readonly url: string;
  readonly access: RouteAccess | undefined;
}

const unauthenticatedText: LocalizedText = {
  ru: 'Войдите в систему: это доступно только сотрудникам',
  en: 'Sign in first: this is for staff only',
};

const forbiddenText: LocalizedText = {
  ru: 'Недостаточно прав: это вне вашей роли или вашей части сети',
  en: 'Not allowed: this is outside your role or your part of the network',
};

/**
 * The answer for a request made without signing in to a staff route: 401.
 *
 * @example
 * ```ts
 * import { unauthenticated } from '@eduset/server';
 * unauthenticated().response.status; // 401
 * ```
 */
export function unauthenticated(): HttpError {
  return new HttpError(401, 'unauthenticated', unauthenticatedText);
}

/**
 * The answer for a request outside the asker's rights: 403, the same words whether the
 * record exists or not, so an answer never tells which ids are real.
 *
 * @example
 * ```ts
 * import { forbidden } from '@eduset/server';
 * forbidden().response.status; // 403
 * ```
 */
export function forbidden(): HttpError {
  return new HttpError(403, 'forbidden', forbiddenText);
}

/**
 * Marks every route registered in `scope` (an encapsulated plugin, e.g. the static pages)
 * as public, for plugins whose routes cannot carry a config of their own.
 *
 * @example
 * ```ts
 * import Fastify from 'fastify';
 * import { markRoutesPublic } from '@eduset/server';
 * const server = Fastify();
 * void server.register(async (pages) => {
 *   markRoutesPublic(pages);
 *   pages.get('/hello', async () => 'hello');
 * });
 * ```
 */
export function markRoutesPublic(scope: FastifyInstance): void {
  scope.addHook('onRoute', (route) => {
    route.config = { ...(route.config ?? {}), access: { public: true } };
  });
}

/**
 * Puts every route under the access rule ({@link RouteAccess}) and returns the registry of
 * routes with who may call each (filled as routes are added). Register it before any route.
 *
 * @example
 * ```ts
 * import Fastify from 'fastify';
 * import { registerAccess } from '@eduset/server';
 * const server = Fastify();
 * const routes = registerAccess(server);
 * server.get('/api/open', { config: { access: { public: true } } }, async () => ({ ok: true }));
 * await server.ready();
 * routes.map((r) => r.url); // ['/api/open']
 * ```
 */
export function registerAccess(
  server: FastifyInstance,
  source: ActorSource = { actorOf: async () => anonymousActor },
): RouteAccessEntry[] {
  const registry: RouteAccessEntry[] = [];
  // null, then set by the hook below on every request (Fastify wants no shared object here).
  server.decorateRequest('actor', null as never);
  server.decorate('routeAccess', registry);
  server.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    // CORS preflights (the cors plugin's OPTIONS route) carry no data: anyone may ask.
    if (methods.every((method) => method === 'OPTIONS') && route.config?.access === undefined) {
      route.config = { ...(route.config ?? {}), access: { public: true } };
    }
    // The static plugin's routes are marked by their own (later) hook: read on first request.
    for (const method of methods) {
      registry.push({
        method,
        url: route.url,
        get access() {
          return route.config?.access;
        },
      });
    }
  });
  // A callback hook: a public route (every parent's booking) costs no promise; the session is
  // looked up only where the route needs to know who asks.
  server.addHook('onRequest', (request, _reply, done) => {
    const access = request.routeOptions.config.access;
    if (access === undefined) {
      // No route matched (the not-found handler answers) or a route that said nothing.
      request.actor = anonymousActor;
      done(request.is404 ? undefined : forbidden());
      return;
    }
    if ('public' in access && access.identify !== true) {
      request.actor = anonymousActor;
      done();
      return;
    }
    source.actorOf(request).then(
      (actor) => {
        request.actor = actor;
        if ('public' in access) done();
        else if (actor.kind === 'anonymous') done(unauthenticated());
        else if (!canAnywhere(actor, access.action)) done(forbidden());
        else done();
      },
      (error: unknown) => done(error instanceof Error ? error : new Error(String(error))),
    );
  });
  return registry;
}
