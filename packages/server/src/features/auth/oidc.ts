import {
  allowInsecureRequests,
  authorizationCodeGrant,
  buildAuthorizationUrl,
  calculatePKCECodeChallenge,
  ClientSecretPost,
  discovery,
  fetchUserInfo,
  None,
  randomNonce,
  randomPKCECodeVerifier,
  randomState,
  type Configuration,
} from 'openid-client';
import { grantSchema, scopeFields, type Grant, type ScopeField } from '@eduset/core';

/**
 * Sign-in through an OpenID Connect provider (a region's Keycloak): authorization code with
 * PKCE (S256), state and nonce.
 *
 * @example
 * ```ts
 * import type { OidcOptions } from '@eduset/server';
 * const keycloak: OidcOptions = {
 *   issuer: 'https://sso.tver-obr.ru/realms/education',
 *   clientId: 'eduset',
 *   clientSecret: process.env.OIDC_CLIENT_SECRET,
 *   redirectUri: 'https://eduset.udomlya.ru/api/auth/oidc/callback',
 * };
 * ```
 */
export interface OidcOptions {
  /** The issuer URL (Keycloak: `https://host/realms/<realm>`); discovered on first use. */
  readonly issuer: string;
  readonly clientId: string;
  /** The client secret of a confidential client; none for a public client (PKCE only). */
  readonly clientSecret?: string | undefined;
  /** This server's callback, as registered at the provider: `…/api/auth/oidc/callback`. */
  readonly redirectUri: string;
  /** The claim holding the grants ({@link parseGrantText}); `eduset_grants` by default. */
  readonly grantsClaim?: string;
  /** Scopes asked for; `openid profile` by default. */
  readonly scope?: string;
  /** Where the browser goes after signing in; `/staff/` by default. */
  readonly afterSignIn?: string;
  /** Allow a provider over plain HTTP: only for tests and a provider on this machine. */
  readonly allowInsecureRequests?: boolean;
}

/**
 * Reads the OpenID Connect settings from the environment: `OIDC_ISSUER`, `OIDC_CLIENT_ID`,
 * `OIDC_CLIENT_SECRET` (optional), `OIDC_REDIRECT_URI`, `OIDC_GRANTS_CLAIM` (optional).
 * `undefined` when `OIDC_ISSUER` is not set.
 *
 * @throws Error naming the missing variables when `OIDC_ISSUER` is set but not the others.
 * @example
 * ```ts
 * import { oidcOptionsFromEnv } from '@eduset/server';
 * oidcOptionsFromEnv({}); // undefined
 * ```
 */
export function oidcOptionsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
): OidcOptions | undefined {
  const value = (name: string) => {
    const text = env[name]?.trim();
    return text === undefined || text === '' ? undefined : text;
  };
  const issuer = value('OIDC_ISSUER');
  if (issuer === undefined) return undefined;
  const clientId = value('OIDC_CLIENT_ID');
  const redirectUri = value('OIDC_REDIRECT_URI');
  if (clientId === undefined || redirectUri === undefined) {
    const missing = [
      clientId === undefined ? 'OIDC_CLIENT_ID' : '',
      redirectUri === undefined ? 'OIDC_REDIRECT_URI' : '',
    ].filter((name) => name !== '');
    throw new Error(
      `OIDC_ISSUER задан, но нет ${missing.join(', ')} / OIDC_ISSUER is set but ${missing.join(', ')} is missing`,
    );
  }
  const clientSecret = value('OIDC_CLIENT_SECRET');
  const grantsClaim = value('OIDC_GRANTS_CLAIM');
  return {
    issuer,
    clientId,
    redirectUri,
    ...(clientSecret !== undefined ? { clientSecret } : {}),
    ...(grantsClaim !== undefined ? { grantsClaim } : {}),
  };
}

/** The scope words of a grant string and the grant fields they fill. */
const scopeWords: Readonly<Record<string, ScopeField>> = {
  org: 'organizationId',
  organization: 'organizationId',
  site: 'siteId',
  specialist: 'specialistId',
  teacher: 'teacherId',
};

const idPattern = /^[\p{L}\p{N}._-]+$/u;

/**
 * Reads one grant written as text, the format of the grants claim:
 * `role@network[/scope:id]…`, where scope is `org` (or `organization`), `site`,
 * `specialist` or `teacher`:
 * - `coordinator@udomlya`
 * - `organization-admin@udomlya/org:ds-teremok`
 * - `specialist@udomlya/specialist:psy-ivanova`
 * - `teacher@udomlya/teacher:t-orlova`
 *
 * The grant must pass core's `grantSchema` (a role's required scope present); anything else
 * gives `undefined`.
 *
 * @example
 * ```ts
 * import { parseGrantText } from '@eduset/server';
 * parseGrantText('organization-admin@udomlya/org:ds-teremok');
 * // { role: 'organization-admin', networkId: 'udomlya', organizationId: 'ds-teremok' }
 * parseGrantText('admin@everything'); // undefined
 * ```
 */
export function parseGrantText(text: string): Grant | undefined {
  const [head, ...scopes] = text.trim().split('/');
  if (head === undefined) return undefined;
  const at = head.indexOf('@');
  if (at <= 0) return undefined;
  const grant: Record<string, string> = {
    role: head.slice(0, at),
    networkId: head.slice(at + 1),
  };
  if (!idPattern.test(grant.networkId ?? '')) return undefined;
  for (const scope of scopes) {
    const colon = scope.indexOf(':');
    const field = colon > 0 ? scopeWords[scope.slice(0, colon)] : undefined;
    const id = scope.slice(colon + 1);
    if (field === undefined || !idPattern.test(id) || grant[field] !== undefined) return undefined;
    grant[field] = id;
  }
  const checked = grantSchema.safeParse(grant);
  return checked.success ? checked.data : undefined;
}

/**
 * Writes a grant in the claim format ({@link parseGrantText}).
 *
 * @example
 * ```ts
 * import { grantText } from '@eduset/server';
 * grantText({ role: 'specialist', networkId: 'udomlya', specialistId: 'psy-ivanova' });
 * // 'specialist@udomlya/specialist:psy-ivanova'
 * ```
 */
export function grantText(grant: Grant): string {
  const words: Readonly<Record<ScopeField, string>> = {
    organizationId: 'org',
    siteId: 'site',
    specialistId: 'specialist',
    teacherId: 'teacher',
  };
  const scopes = scopeFields
    .filter((field) => grant[field] !== undefined)
    .map((field) => `/${words[field]}:${grant[field] ?? ''}`);
  return `${grant.role}@${grant.networkId}${scopes.join('')}`;
}

/**
 * The grants in a claim's value: a list of grant strings, or one string of them separated
 * by spaces or commas. Strings that are not valid grants are left out (and listed in
 * `rejected`, for the log).
 *
 * @example
 * ```ts
 * import { grantsFromClaim } from '@eduset/server';
 * grantsFromClaim(['coordinator@udomlya', 'nonsense']).grants.length; // 1
 * ```
 */
export function grantsFromClaim(value: unknown): {
  readonly grants: Grant[];
  readonly rejected: string[];
} {
  const texts =
    typeof value === 'string'
      ? value.split(/[\s,]+/)
      : Array.isArray(value)
        ? value.filter((item): item is string => typeof item === 'string')
        : [];
  const grants: Grant[] = [];
  const rejected: string[] = [];
  for (const text of texts.map((item) => item.trim()).filter((item) => item !== '')) {
    const grant = parseGrantText(text);
    if (grant === undefined) rejected.push(text);
    else grants.push(grant);
  }
  return { grants, rejected };
}

/**
 * The state of one sign-in between the redirect to the provider and its callback, kept in a
 * short-lived cookie.
 */
interface OidcFlow {
  readonly verifier: string;
  readonly state: string;
  readonly nonce: string;
}

/**
 * The identity the provider vouched for, with what eduset reads from it.
 *
 * @example
 * ```ts
 * import type { OidcIdentity } from '@eduset/server';
 * declare const who: OidcIdentity;
 * who.grants.length;
 * ```
 */
export interface OidcIdentity {
  readonly issuer: string;
  readonly subject: string;
  readonly displayName: string;
  /** `preferred_username`, when the provider sends one. */
  readonly username: string | undefined;
  readonly grants: readonly Grant[];
  /** Grant strings of the claim that meant nothing. */
  readonly rejected: readonly string[];
}

/**
 * An OpenID Connect client for one provider: discovery on first use (retried after a
 * failure), the authorization URL with PKCE, and the code exchange.
 *
 * @example
 * ```ts
 * import { oidcClient } from '@eduset/server';
 * const client = oidcClient({
 *   issuer: 'https://sso.example/realms/edu',
 *   clientId: 'eduset',
 *   redirectUri: 'https://eduset.example/api/auth/oidc/callback',
 * });
 * const { url, flow } = await client.start();
 * ```
 */
export interface OidcClient {
  readonly options: OidcOptions;
  /** The provider's authorization URL and the flow to keep until the callback. */
  start(): Promise<{ readonly url: URL; readonly flow: string }>;
  /**
   * Exchanges the code of the callback (its query string) for tokens, checking state, nonce
   * and PKCE, and reads the identity and grants.
   */
  finish(query: string, flow: string): Promise<OidcIdentity>;
}

function encodeFlow(flow: OidcFlow): string {
  return Buffer.from(JSON.stringify(flow), 'utf8').toString('base64url');
}

function decodeFlow(text: string): OidcFlow | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (typeof value !== 'object' || value === null) return undefined;
    const { verifier, state, nonce } = value as Record<string, unknown>;
    if (typeof verifier !== 'string' || typeof state !== 'string' || typeof nonce !== 'string') {
      return undefined;
    }
    return { verifier, state, nonce };
  } catch {
    return undefined;
  }
}

/**
 * Creates the {@link OidcClient} for a provider.
 *
 * @example
 * ```ts
 * import { oidcClient, oidcOptionsFromEnv } from '@eduset/server';
 * const options = oidcOptionsFromEnv(process.env);
 * const client = options === undefined ? undefined : oidcClient(options);
 * ```
 */
export function oidcClient(options: OidcOptions): OidcClient {
  let discovered: Promise<Configuration> | undefined;
  const configuration = () => {
    if (discovered === undefined) {
      const started = discovery(
        new URL(options.issuer),
        options.clientId,
        undefined,
        options.clientSecret !== undefined ? ClientSecretPost(options.clientSecret) : None(),
        options.allowInsecureRequests === true ? { execute: [allowInsecureRequests] } : {},
      );
      discovered = started;
      started.catch(() => {
        if (discovered === started) discovered = undefined;
      });
    }
    return discovered;
  };
  const grantsClaim = options.grantsClaim ?? 'eduset_grants';

  return {
    options,
    async start() {
      const config = await configuration();
      const flow: OidcFlow = {
        verifier: randomPKCECodeVerifier(),
        state: randomState(),
        nonce: randomNonce(),
      };
      const url = buildAuthorizationUrl(config, {
        redirect_uri: options.redirectUri,
        scope: options.scope ?? 'openid profile',
        code_challenge: await calculatePKCECodeChallenge(flow.verifier),
        code_challenge_method: 'S256',
        state: flow.state,
        nonce: flow.nonce,
      });
      return { url, flow: encodeFlow(flow) };
    },
    async finish(query, flowText) {
      const flow = decodeFlow(flowText);
      if (flow === undefined) throw new Error('no sign-in flow');
      const config = await configuration();
      const currentUrl = new URL(options.redirectUri);
      currentUrl.search = query;
      const tokens = await authorizationCodeGrant(
        config,
        currentUrl,
        {
          pkceCodeVerifier: flow.verifier,
          expectedState: flow.state,
          expectedNonce: flow.nonce,
          idTokenExpected: true,
        },
        { redirect_uri: options.redirectUri },
      );
      const claims = tokens.claims();
      if (claims === undefined) throw new Error('no ID token');
      let grantsValue: unknown = claims[grantsClaim];
      let profile: Record<string, unknown> = claims;
      if (grantsValue === undefined) {
        // Keycloak puts mapped claims in the ID token when told to; else ask userinfo.
        const info = await fetchUserInfo(config, tokens.access_token, claims.sub);
        grantsValue = info[grantsClaim];
        profile = { ...info, ...claims };
      }
      const { grants, rejected } = grantsFromClaim(grantsValue);
      const text = (name: string) => {
        const value = profile[name];
        return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
      };
      return {
        issuer: claims.iss,
        subject: claims.sub,
        displayName: text('name') ?? text('preferred_username') ?? claims.sub,
        username: text('preferred_username'),
        grants,
        rejected,
      };
    },
  };
}
