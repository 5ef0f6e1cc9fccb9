// Sign-in through OpenID Connect against a real provider (oidc-provider, as Keycloak would
// answer) on 127.0.0.1: authorization code with PKCE, state and nonce; accounts created and
// updated by (issuer, subject); grants read from the claim and replaced at every sign-in.
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { openStorage, type Storage } from '@eduset/adapters';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createServer, grantsFromClaim, grantText, parseGrantText } from '../src/index.js';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** What the provider says about the person signing in; each test sets it. */
let person: Record<string, unknown> = {};
let providerServer: Server;
let issuer = '';
let app: FastifyInstance;
let appUrl = '';
let storage: Storage;

beforeAll(async () => {
  const providerPort = await freePort();
  issuer = `http://127.0.0.1:${providerPort}`;
  const appPort = await freePort();
  appUrl = `http://127.0.0.1:${appPort}`;
  const redirectUri = `${appUrl}/api/auth/oidc/callback`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'eduset',
        client_secret: 'a-long-test-client-secret-of-the-region',
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    // PKCE required even for this confidential client: a code without its verifier fails.
    pkce: { required: () => true },
    claims: { openid: ['sub'], profile: ['name', 'preferred_username', 'eduset_grants'] },
    // Put the profile claims into the ID token, as a Keycloak mapper does.
    conformIdTokenClaims: false,
    findAccount: (_context: unknown, sub: string) => ({
      accountId: sub,
      claims: () => ({ sub, ...person }),
    }),
    features: { devInteractions: { enabled: false } },
    interactions: {
      url: (_context: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}`,
    },
    cookies: { keys: ['test-cookie-key-for-the-provider'] },
    ttl: {
      Interaction: 600,
      Session: 600,
      Grant: 600,
      AccessToken: 600,
      IdToken: 600,
      AuthorizationCode: 60,
    },
  });
  const handle = provider.callback();
  providerServer = createHttpServer((request, response) => {
    const url = request.url ?? '/';
    if (!url.startsWith('/interaction/')) {
      handle(request, response);
      return;
    }
    // A tiny interaction handler: the person is who `person.sub` says; consent is given.
    void (async () => {
      const details = await provider.interactionDetails(request, response);
      if (details.prompt.name === 'login') {
        await provider.interactionFinished(
          request,
          response,
          { login: { accountId: String(person.sub) } },
          { mergeWithLastSubmission: false },
        );
        return;
      }
      const grant = new provider.Grant({
        accountId: details.session?.accountId ?? String(person.sub),
        clientId: details.params.client_id ?? 'eduset',
      });
      grant.addOIDCScope(details.params.scope ?? 'openid');
      const missing = details.prompt.details.missingOIDCClaims;
      if (Array.isArray(missing)) grant.addOIDCClaims(missing as string[]);
      const grantId = await grant.save();
      await provider.interactionFinished(request, response, { consent: { grantId } });
    })().catch((error: unknown) => {
      response.statusCode = 500;
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => providerServer.listen(providerPort, '127.0.0.1', resolve));

  storage = await openStorage({ dataDir: 'memory://' });
  app = createServer({
    storage,
    rateLimit: false,
    oidc: {
      issuer,
      clientId: 'eduset',
      clientSecret: 'a-long-test-client-secret-of-the-region',
      redirectUri,
      allowInsecureRequests: true,
    },
  });
  app.get('/api/test/me', { config: { access: { action: 'staff.me.read' } } }, (request) => ({
    actor: request.actor,
  }));
  await app.listen({ port: appPort, host: '127.0.0.1' });
});

afterAll(async () => {
  await app?.close();
  await new Promise<void>((resolve) => {
    if (providerServer === undefined) resolve();
    else providerServer.close(() => resolve());
    providerServer?.closeAllConnections();
  });
  await storage?.close();
});

/** A browser in a few lines: cookies per origin, redirects followed by hand. */
class Browser {
  readonly jar = new Map<string, Map<string, string>>();
  readonly visited: URL[] = [];

  async get(start: string, stopAt?: (url: URL) => boolean): Promise<Response | URL> {
    let url = new URL(start);
    for (let hop = 0; hop < 20; hop += 1) {
      if (stopAt?.(url) === true) return url;
      this.visited.push(url);
      const cookies = this.jar.get(url.origin) ?? new Map<string, string>();
      const response = await fetch(url, {
        redirect: 'manual',
        headers: { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
      });
      for (const line of response.headers.getSetCookie()) {
        const [pair = ''] = line.split(';');
        const index = pair.indexOf('=');
        const name = pair.slice(0, index).trim();
        const value = pair.slice(index + 1).trim();
        if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === '') cookies.delete(name);
        else cookies.set(name, value);
      }
      this.jar.set(url.origin, cookies);
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || location === null) return response;
      await response.arrayBuffer();
      url = new URL(location, url);
    }
    throw new Error('too many redirects');
  }

  cookie(origin: string, name: string): string | undefined {
    return this.jar.get(origin)?.get(name);
  }
}

describe('grant strings', () => {
  test('the claim format reads and writes core grants', () => {
    expect(parseGrantText('coordinator@udomlya')).toEqual({
      role: 'coordinator',
      networkId: 'udomlya',
    });
    expect(parseGrantText('organization-admin@udomlya/org:ds-teremok')).toEqual({
      role: 'organization-admin',
      networkId: 'udomlya',
      organizationId: 'ds-teremok',
    });
    const specialist = parseGrantText('specialist@udomlya/specialist:psy-ivanova');
    expect(specialist).toEqual({
      role: 'specialist',
      networkId: 'udomlya',
      specialistId: 'psy-ivanova',
    });
    expect(specialist && grantText(specialist)).toBe('specialist@udomlya/specialist:psy-ivanova');
    for (const bad of [
      'specialist@udomlya',
      'admin@udomlya',
      '@udomlya',
      'coordinator@',
      'coordinator@udomlya/planet:x',
      'coordinator@udomlya/org:a/org:b',
    ]) {
      expect(parseGrantText(bad)).toBeUndefined();
    }
    expect(grantsFromClaim('coordinator@udomlya, auditor@udomlya nonsense')).toEqual({
      grants: [
        { role: 'coordinator', networkId: 'udomlya' },
        { role: 'auditor', networkId: 'udomlya' },
      ],
      rejected: ['nonsense'],
    });
    expect(grantsFromClaim(42).grants).toEqual([]);
  });
});

describe('OpenID Connect sign-in', () => {
  test('code flow with PKCE; the account is created, then updated with new grants', async () => {
    person = {
      sub: 'kc-0001',
      name: 'Иванова Мария Петровна',
      preferred_username: 'ivanova',
      eduset_grants: ['specialist@udomlya/specialist:psy-ivanova'],
    };
    const browser = new Browser();
    const start = await fetch(`${appUrl}/api/auth/oidc/start`, { redirect: 'manual' });
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get('location') ?? '');
    expect(authorize.origin).toBe(issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    expect(start.headers.get('set-cookie')).toMatch(/eduset_oidc=.*HttpOnly; SameSite=Lax/);

    const landed = await browser.get(`${appUrl}/api/auth/oidc/start`);
    // Back at the staff page, with a session.
    expect(browser.visited.at(-1)?.pathname).toBe('/staff/');
    expect(landed instanceof Response && landed.status).toBe(404); // no pages in this test server
    const callback = browser.visited.find((url) => url.pathname === '/api/auth/oidc/callback');
    expect(callback?.searchParams.get('code')).toBeTruthy();
    const authorizeVisited = browser.visited.find((url) => url.origin === issuer);
    expect(authorizeVisited?.searchParams.get('code_challenge_method')).toBe('S256');
    const session = browser.cookie(appUrl, 'eduset_session');
    expect(session).toBeDefined();
    const me = await fetch(`${appUrl}/api/test/me`, {
      headers: { cookie: `eduset_session=${session}` },
    });
    expect(me.status).toBe(200);
    const { actor } = (await me.json()) as { actor: { displayName: string; grants: unknown[] } };
    expect(actor).toMatchObject({
      kind: 'staff',
      displayName: 'Иванова Мария Петровна',
      grants: [{ role: 'specialist', networkId: 'udomlya', specialistId: 'psy-ivanova' }],
    });
    const account = await storage.identity.findByOidcSubject(issuer, 'kc-0001');
    expect(account).toMatchObject({ login: 'ivanova', hasPassword: false });

    // The region changes her roles: at the next sign-in they are replaced.
    person = {
      ...person,
      eduset_grants: 'organization-admin@udomlya/org:ds-teremok coordinator@udomlya',
    };
    const again = new Browser();
    await again.get(`${appUrl}/api/auth/oidc/start`);
    const updated = await storage.identity.findByOidcSubject(issuer, 'kc-0001');
    expect(updated?.id).toBe(account?.id);
    expect(updated?.grants).toEqual([
      { role: 'organization-admin', networkId: 'udomlya', organizationId: 'ds-teremok' },
      { role: 'coordinator', networkId: 'udomlya' },
    ]);
  });

  test('a claim that maps to no valid grant: no session, a bilingual 403', async () => {
    person = {
      sub: 'kc-0002',
      name: 'Без ролей',
      eduset_grants: ['admin@everything', 'specialist@udomlya'],
    };
    const browser = new Browser();
    const answer = await browser.get(`${appUrl}/api/auth/oidc/start`);
    if (!(answer instanceof Response)) throw new Error('stopped');
    expect(answer.status).toBe(403);
    const body = (await answer.json()) as {
      error: { code: string; message: { ru: string; en: string } };
    };
    expect(body.error.code).toBe('no-grants');
    expect(body.error.message.ru).toMatch(/[а-я]/);
    expect(browser.cookie(appUrl, 'eduset_session')).toBeUndefined();
    expect(await storage.identity.findByOidcSubject(issuer, 'kc-0002')).toBeUndefined();
  });

  test('a callback without its flow, or with a forged state, is refused (400)', async () => {
    person = { sub: 'kc-0003', name: 'Третья', eduset_grants: ['coordinator@udomlya'] };
    const noFlow = await fetch(`${appUrl}/api/auth/oidc/callback?code=x&state=y`);
    expect(noFlow.status).toBe(400);
    // A real flow, but the callback's state is replaced.
    const start = await fetch(`${appUrl}/api/auth/oidc/start`, { redirect: 'manual' });
    const flowCookie = /eduset_oidc=([^;]+)/.exec(start.headers.get('set-cookie') ?? '')?.[1];
    const forged = await fetch(
      `${appUrl}/api/auth/oidc/callback?code=abc&state=forged&iss=${encodeURIComponent(issuer)}`,
      {
        headers: { cookie: `eduset_oidc=${flowCookie}` },
      },
    );
    expect(forged.status).toBe(400);
    expect(forged.headers.get('set-cookie')).not.toMatch(/eduset_session=[^;]/);
  });

  test('PKCE is checked: the code with another verifier is refused', async () => {
    person = { sub: 'kc-0004', name: 'Четвёртая', eduset_grants: ['auditor@udomlya'] };
    const browser = new Browser();
    const callback = await browser.get(
      `${appUrl}/api/auth/oidc/start`,
      (url) => url.pathname === '/api/auth/oidc/callback',
    );
    if (!(callback instanceof URL)) throw new Error('the provider did not call back');
    const flowText = browser.cookie(appUrl, 'eduset_oidc') ?? '';
    const flow = JSON.parse(Buffer.from(flowText, 'base64url').toString('utf8')) as Record<
      string,
      string
    >;
    const forgedFlow = Buffer.from(JSON.stringify({ ...flow, verifier: 'x'.repeat(43) })).toString(
      'base64url',
    );
    const answer = await fetch(callback, { headers: { cookie: `eduset_oidc=${forgedFlow}` } });
    expect(answer.status).toBe(400);
    expect(await storage.identity.findByOidcSubject(issuer, 'kc-0004')).toBeUndefined();
  });

  test('a provider that cannot be reached: a bilingual 503, not a 500', async () => {
    const closedPort = await freePort();
    const offline = createServer({
      storage,
      rateLimit: false,
      oidc: {
        issuer: `http://127.0.0.1:${closedPort}`,
        clientId: 'eduset',
        redirectUri: `${appUrl}/api/auth/oidc/callback`,
        allowInsecureRequests: true,
      },
    });
    const answer = await offline.inject({ method: 'GET', url: '/api/auth/oidc/start' });
    expect(answer.statusCode).toBe(503);
    expect(answer.json().error.message.ru).toMatch(/[а-я]/);
    expect((await offline.inject({ method: 'GET', url: '/api/auth/methods' })).json()).toEqual({
      password: true,
      oidc: true,
    });
    expect((await app.inject({ method: 'GET', url: '/api/auth/methods' })).json().oidc).toBe(true);
    await offline.close();
  });
});
