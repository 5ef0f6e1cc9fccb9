import { parse, type Instant, type LocalizedText } from '@eduset/core';
import type { Account, IdentityStore } from '@eduset/adapters';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { HttpError } from '../../errors.js';
import { unauthenticated } from '../../plugins/access.js';
import type { RateLimitedRouteConfig } from '../../plugins/security.js';
import {
  appendCookie,
  clearSessionCookie,
  cookieOf,
  csrfTokenFor,
  sessionOf,
  sessionTokenOf,
  setSessionCookie,
} from '../../plugins/session.js';
import type { OidcClient, OidcIdentity } from './oidc.js';
import { publicAccount, signInRefusedText, type AuthService } from './service.js';

/**
 * What the sign-in routes need.
 *
 * @example
 * ```ts
 * import type { AuthRoutesOptions } from '@eduset/server';
 * declare const options: AuthRoutesOptions;
 * options.oidc?.options.issuer;
 * ```
 */
export interface AuthRoutesOptions {
  readonly auth: AuthService;
  readonly identity: IdentityStore;
  readonly now: () => Instant;
  /** The POST rate limit of the server (also applied to the sign-in routes). */
  readonly limited: RateLimitedRouteConfig;
  /** The OpenID Connect provider, when one is configured. */
  readonly oidc?: OidcClient;
}

/**
 * The body of `POST /api/auth/login`.
 *
 * @example
 * ```ts
 * import { parse } from '@eduset/core';
 * import { loginBodySchema } from '@eduset/server';
 * parse(loginBodySchema, { login: 'ivanova', password: '…' });
 * ```
 */
export const loginBodySchema = z.strictObject({
  login: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(1024),
});

/**
 * The body of `POST /api/auth/invitation`.
 *
 * @example
 * ```ts
 * import { parse } from '@eduset/core';
 * import { invitationBodySchema } from '@eduset/server';
 * parse(invitationBodySchema, { token: 'from-the-link', password: 'длинный пароль 2026' });
 * ```
 */
export const invitationBodySchema = z.strictObject({
  token: z.string().min(1).max(200),
  password: z.string().max(1024),
});

const oidcCookieName = 'eduset_oidc';
const oidcCookiePath = '/api/auth/oidc';

const oidcFailedText: LocalizedText = {
  ru: 'Вход через единую учётную запись не удался; начните вход заново',
  en: 'Signing in with the single sign-on failed; start signing in again',
};

const noGrantsText: LocalizedText = {
  ru: 'Для вашей учётной записи в eduset не назначено ни одной роли; обратитесь к администратору',
  en: 'Your account has no role in eduset; ask your administrator',
};

const disabledText: LocalizedText = {
  ru: 'Учётная запись отключена; обратитесь к администратору',
  en: 'The account is disabled; ask your administrator',
};

/** Clears the cookie that carried an OpenID Connect flow. */
function clearOidcCookie(request: FastifyRequest, reply: FastifyReply): void {
  const secure = request.protocol === 'https' ? '; Secure' : '';
  appendCookie(
    reply,
    `${oidcCookieName}=; Path=${oidcCookiePath}; HttpOnly; SameSite=Lax; Max-Age=0${secure}`,
  );
}

const usableLogin = /^[\p{L}\p{N}._@+-]{1,100}$/u;

/**
 * The account of an OpenID Connect identity: found by (issuer, subject), its name and grants
 * replaced; or created on first sign-in, with the provider's `preferred_username` as login
 * when it is free, `oidc-<subject>` otherwise.
 */
async function accountForOidc(
  identity: IdentityStore,
  who: OidcIdentity,
  now: Instant,
): Promise<Account> {
  const known = await identity.findByOidcSubject(who.issuer, who.subject);
  if (known !== undefined) {
    if (known.disabledAt !== undefined) throw new HttpError(403, 'account-disabled', disabledText);
    if (known.displayName !== who.displayName) {
      await identity.setDisplayName(known.id, who.displayName);
    }
    return identity.setGrants(known.id, who.grants);
  }
  const fallback = `oidc-${who.subject}`.replace(/[^\p{L}\p{N}._@+-]/gu, '-').slice(0, 100);
  const preferred =
    who.username !== undefined &&
    usableLogin.test(who.username) &&
    (await identity.findByLogin(who.username)) === undefined
      ? who.username
      : fallback;
  return identity.createAccount(
    {
      login: preferred,
      displayName: who.displayName.slice(0, 200),
      oidc: { issuer: who.issuer, subject: who.subject },
      grants: who.grants,
    },
    now,
  );
}

/**
 * The sign-in routes:
 * - `POST /api/auth/login` `{ login, password }` (public, rate-limited, throttled per account
 *   and address: 429 with `Retry-After`) → `{ account: { displayName, grants }, csrfToken }`
 *   and a new session cookie; one 401 for every wrong pair;
 * - `POST /api/auth/logout` — revokes the session, clears the cookie (204);
 * - `GET /api/auth/csrf` → `{ csrfToken }` for the current session (401 without one);
 * - `POST /api/auth/invitation` `{ token, password }` — sets the password once (204);
 * - `GET /api/auth/methods` → `{ password: true, oidc }`: which ways of signing in exist;
 * - `GET /api/auth/oidc/start` and `GET /api/auth/oidc/callback` — sign-in through the
 *   OpenID Connect provider, when configured (404 otherwise).
 *
 * @example
 * ```ts
 * import Fastify from 'fastify';
 * import { authRoutes, type AuthRoutesOptions } from '@eduset/server';
 * declare const options: AuthRoutesOptions;
 * const server = Fastify();
 * void server.register(authRoutes(options));
 * ```
 */
export function authRoutes(options: AuthRoutesOptions): FastifyPluginAsync {
  const { auth, identity, now, limited, oidc } = options;
  return async (api: FastifyInstance) => {
    api.post(
      '/api/auth/login',
      { config: { ...limited, access: { public: true } } },
      async (request, reply) => {
        const body = parse(loginBodySchema, request.body);
        const previousToken = sessionTokenOf(request);
        const result = await auth.signIn({
          login: body.login,
          password: body.password,
          address: request.ip,
          ...(previousToken !== undefined ? { previousToken } : {}),
        });
        // Security events (ASVS V7) without personal data: no login, no password, no address.
        request.log.info({ event: 'sign-in', outcome: result.kind }, 'sign-in attempt');
        if (result.kind === 'throttled') {
          void reply.header('retry-after', String(result.retryAfterSeconds));
          throw new HttpError(429, 'sign-in-throttled', {
            ru: `Слишком много попыток входа; повторите через ${result.retryAfterSeconds} с`,
            en: `Too many sign-in attempts; try again in ${result.retryAfterSeconds} s`,
          });
        }
        if (result.kind === 'refused') {
          if (previousToken !== undefined) clearSessionCookie(request, reply);
          throw new HttpError(401, 'sign-in-refused', signInRefusedText);
        }
        setSessionCookie(request, reply, result.token);
        void reply.header('cache-control', 'no-store');
        return { account: publicAccount(result.account), csrfToken: csrfTokenFor(result.token) };
      },
    );

    api.post(
      '/api/auth/logout',
      { config: { access: { public: true, identify: true } } },
      async (request, reply) => {
        const token = sessionTokenOf(request);
        if (token !== undefined) await auth.signOut(token);
        clearSessionCookie(request, reply);
        return reply.code(204).send();
      },
    );

    api.get(
      '/api/auth/csrf',
      // Every signed-in person may read her own account: 401 without a session.
      { config: { access: { action: 'staff.me.read' } } },
      async (request, reply) => {
        const token = sessionTokenOf(request);
        const active = sessionOf(request);
        if (token === undefined || active === undefined) throw unauthenticated();
        void reply.header('cache-control', 'no-store');
        return {
          csrfToken: csrfTokenFor(token),
          account: publicAccount(active.account),
        };
      },
    );

    api.post(
      '/api/auth/invitation',
      { config: { ...limited, access: { public: true } } },
      async (request, reply) => {
        const body = parse(invitationBodySchema, request.body);
        await auth.acceptInvitation(body.token, body.password);
        return reply.code(204).send();
      },
    );

    api.get('/api/auth/methods', { config: { access: { public: true } } }, async () => ({
      password: true,
      oidc: oidc !== undefined,
    }));

    if (oidc === undefined) return;

    api.get(
      '/api/auth/oidc/start',
      { config: { access: { public: true } } },
      async (request, reply) => {
        let started: Awaited<ReturnType<OidcClient['start']>>;
        try {
          started = await oidc.start();
        } catch (error) {
          request.log.error({ err: error }, 'OpenID Connect provider unreachable');
          throw new HttpError(503, 'oidc-unavailable', {
            ru: 'Единая учётная запись региона сейчас недоступна; попробуйте позже или войдите по паролю',
            en: "The region's single sign-on is unavailable now; try later or sign in with a password",
          });
        }
        const { url, flow } = started;
        const secure = request.protocol === 'https' ? '; Secure' : '';
        // SameSite=Lax, not Strict: the provider sends the browser back with a top-level
        // navigation from its own site, which a Strict cookie would not accompany.
        appendCookie(
          reply,
          `${oidcCookieName}=${flow}; Path=${oidcCookiePath}; HttpOnly; SameSite=Lax; Max-Age=600${secure}`,
        );
        void reply.header('cache-control', 'no-store');
        return reply.redirect(url.href, 302);
      },
    );

    api.get(
      '/api/auth/oidc/callback',
      { config: { access: { public: true } } },
      async (request, reply) => {
        const flow = cookieOf(request, oidcCookieName);
        clearOidcCookie(request, reply);
        if (flow === undefined || flow === '') {
          throw new HttpError(400, 'oidc-no-flow', oidcFailedText);
        }
        const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
        let who: OidcIdentity;
        try {
          who = await oidc.finish(query, flow);
        } catch (error) {
          request.log.warn({ err: error }, 'OpenID Connect callback refused');
          throw new HttpError(400, 'oidc-failed', oidcFailedText);
        }
        if (who.rejected.length > 0) {
          request.log.warn({ rejected: who.rejected }, 'grant strings not understood');
        }
        if (who.grants.length === 0) throw new HttpError(403, 'no-grants', noGrantsText);
        const account = await accountForOidc(identity, who, now());
        request.log.info(
          { event: 'sign-in', outcome: 'signed-in', method: 'oidc', accountId: account.id },
          'sign-in attempt',
        );
        const token = await auth.openSession(account.id, sessionTokenOf(request));
        setSessionCookie(request, reply, token);
        void reply.header('cache-control', 'no-store');
        // A plain redirect: the staff page is static, and its API calls are same-site
        // requests that carry the SameSite=Strict cookie.
        return reply.redirect(oidc.options.afterSignIn ?? '/staff/', 303);
      },
    );
  };
}
