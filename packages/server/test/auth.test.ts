// Sign-in, sessions, CSRF, throttling and invitations over a real storage (PGlite in memory).
import { instant, type Grant, type Instant } from '@eduset/core';
import { openStorage, type Storage } from '@eduset/adapters';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  createServer,
  hashPassword,
  sessionActorSource,
  type ServerOptions,
} from '../src/index.js';

const cyrillic = /[а-яё]/i;
function expectBilingual(body: { error: { message: { ru: string; en: string } } }): void {
  expect(body.error.message.ru).toMatch(cyrillic);
  expect(body.error.message.en).not.toMatch(cyrillic);
}

const password = 'верный пароль 2026';
const specialist: Grant = { role: 'specialist', networkId: 'udomlya', specialistId: 'psy-ivanova' };

let storage: Storage;
let clock = Date.parse('2026-12-06T10:00:00.000Z');
const now = (): Instant => instant(new Date(clock));

beforeAll(async () => {
  storage = await openStorage({ dataDir: 'memory://' });
  const passwordHash = await hashPassword(password);
  await storage.identity.createAccount(
    { login: 'ivanova', displayName: 'Иванова Мария', passwordHash, grants: [specialist] },
    now(),
  );
  const disabled = await storage.identity.createAccount(
    { login: 'ushla', displayName: 'Уволена', passwordHash, grants: [specialist] },
    now(),
  );
  await storage.identity.disableAccount(disabled.id, now());
});
afterAll(async () => {
  await storage.close();
});

/** A server with a tiny staff route and a tiny public POST, as the real ones will be. */
function server(options: Partial<ServerOptions> = {}): FastifyInstance {
  const app = createServer({ storage, now, rateLimit: false, ...options });
  app.get('/api/test/me', { config: { access: { action: 'staff.me.read' } } }, (request) => ({
    actor: request.actor,
  }));
  app.post('/api/test/write', { config: { access: { action: 'booking.list' } } }, () => ({
    done: true,
  }));
  app.post('/api/test/public', { config: { access: { public: true } } }, () => ({ ok: true }));
  return app;
}

function cookieOf(setCookie: string | string[] | undefined): string {
  const list = Array.isArray(setCookie) ? setCookie : setCookie === undefined ? [] : [setCookie];
  const session = list.find((line) => line.startsWith('eduset_session='));
  if (session === undefined) throw new Error('no session cookie');
  return session;
}

async function signIn(app: FastifyInstance, login = 'ivanova', cookie?: string) {
  const answer = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { login, password },
    ...(cookie !== undefined ? { headers: { cookie } } : {}),
  });
  expect(answer.statusCode).toBe(200);
  const setCookie = cookieOf(answer.headers['set-cookie']);
  const token = /^eduset_session=([^;]+)/.exec(setCookie)?.[1] ?? '';
  const body = answer.json<{ csrfToken: string; account: unknown }>();
  return { answer, setCookie, cookie: `eduset_session=${token}`, csrfToken: body.csrfToken, body };
}

describe('POST /api/auth/login', () => {
  test('opens a session: cookie flags, account and CSRF token; the actor is the staff member', async () => {
    const app = server();
    const { setCookie, cookie, body } = await signIn(app);
    expect(setCookie).toMatch(/; Path=\//);
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; SameSite=Strict/);
    expect(setCookie).not.toMatch(/Secure/);
    expect(body.account).toEqual({ displayName: 'Иванова Мария', grants: [specialist] });
    const me = await app.inject({ method: 'GET', url: '/api/test/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json().actor).toMatchObject({ kind: 'staff', displayName: 'Иванова Мария' });
    const anonymous = await app.inject({ method: 'GET', url: '/api/test/me' });
    expect(anonymous.statusCode).toBe(401);
  });

  test('Secure cookie over TLS, as told by a trusted proxy', async () => {
    const app = server({ trustProxy: true });
    const answer = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { login: 'ivanova', password },
    });
    expect(cookieOf(answer.headers['set-cookie'])).toMatch(/; Secure/);
    // Without trustProxy the header is not believed.
    const plain = await server().inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { login: 'ivanova', password },
    });
    expect(cookieOf(plain.headers['set-cookie'])).not.toMatch(/Secure/);
  });

  test('one answer for an unknown login, a wrong password and a disabled account', async () => {
    const app = server();
    const tries = [
      { login: 'nobody', password },
      { login: 'ivanova', password: 'неверный пароль' },
      { login: 'ushla', password },
    ];
    const answers = [];
    for (const payload of tries) {
      answers.push(await app.inject({ method: 'POST', url: '/api/auth/login', payload }));
    }
    for (const answer of answers) {
      expect(answer.statusCode).toBe(401);
      expect(answer.headers['set-cookie']).toBeUndefined();
      expectBilingual(answer.json());
    }
    expect(new Set(answers.map((answer) => answer.body)).size).toBe(1);
  });

  test('an unknown login takes about as long as a wrong password (a dummy hash is checked)', async () => {
    const app = server({
      loginThrottle: {
        perAccount: { max: 100, windowMs: 60_000 },
        perAddress: { max: 100, windowMs: 60_000 },
      },
    });
    const time = async (login: string) => {
      const started = performance.now();
      await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { login, password: 'x' },
      });
      return performance.now() - started;
    };
    await time('ivanova');
    let known = 0;
    let unknown = 0;
    for (let round = 0; round < 4; round += 1) {
      known += await time('ivanova');
      unknown += await time(`nobody-${round}`);
    }
    // argon2id with 19 MiB takes milliseconds; a missing verify would be ~0.
    expect(unknown).toBeGreaterThan(known * 0.4);
  });

  test('throttled per account after 5 failures (429, Retry-After), even with the right password', async () => {
    const app = server();
    await storage.identity.createAccount(
      {
        login: 'petrova',
        displayName: 'Петрова',
        passwordHash: await hashPassword(password),
        grants: [specialist],
      },
      now(),
    );
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const answer = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { login: 'petrova', password: 'wrong wrong wrong' },
      });
      expect(answer.statusCode).toBe(401);
    }
    const blocked = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'Petrova', password },
    });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expectBilingual(blocked.json());
    // The same limit for a login that does not exist: the limit tells nothing.
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { login: 'ghost', password },
      });
    }
    const ghost = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'ghost', password },
    });
    expect(ghost.statusCode).toBe(429);
    // After the window the right password works again.
    clock += 16 * 60_000;
    await signIn(app, 'petrova');
  });

  test('throttled per client address', async () => {
    const app = server({
      loginThrottle: {
        perAccount: { max: 100, windowMs: 60_000 },
        perAddress: { max: 3, windowMs: 60_000 },
      },
    });
    const from = (remoteAddress: string, login: string) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress,
        payload: { login, password: 'x' },
      });
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect((await from('203.0.113.9', `user${attempt}`)).statusCode).toBe(401);
    }
    expect((await from('203.0.113.9', 'user9')).statusCode).toBe(429);
    expect((await from('203.0.113.10', 'user9')).statusCode).toBe(401);
  });

  test('rotation: signing in again revokes the session the cookie named', async () => {
    const app = server();
    const first = await signIn(app);
    const second = await signIn(app, 'ivanova', first.cookie);
    expect(second.cookie).not.toBe(first.cookie);
    expect(
      (await app.inject({ method: 'GET', url: '/api/test/me', headers: { cookie: first.cookie } }))
        .statusCode,
    ).toBe(401);
    expect(
      (await app.inject({ method: 'GET', url: '/api/test/me', headers: { cookie: second.cookie } }))
        .statusCode,
    ).toBe(200);
  });

  test('bad input is a bilingual 400', async () => {
    const app = server();
    const bodies = [
      JSON.stringify({ login: 'ivanova' }),
      JSON.stringify({ login: '', password: 'x' }),
      JSON.stringify({ login: 'a', password: 'b', extra: 1 }),
      '{not json',
    ];
    for (const payload of bodies) {
      const answer = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'content-type': 'application/json' },
        payload,
      });
      expect(answer.statusCode).toBe(400);
      expectBilingual(answer.json());
    }
  });
});

describe('sessions', () => {
  test('idle timeout (30 min) and absolute timeout (12 h) by default; both configurable', async () => {
    const app = server();
    const { cookie } = await signIn(app);
    const me = () => app.inject({ method: 'GET', url: '/api/test/me', headers: { cookie } });
    clock += 29 * 60_000;
    expect((await me()).statusCode).toBe(200);
    clock += 31 * 60_000;
    expect((await me()).statusCode).toBe(401);

    const active = await signIn(app);
    for (let step = 0; step < 12 * 3 - 1; step += 1) {
      clock += 20 * 60_000;
      const answer = await app.inject({
        method: 'GET',
        url: '/api/test/me',
        headers: { cookie: active.cookie },
      });
      expect(answer.statusCode).toBe(200);
    }
    clock += 20 * 60_000;
    expect(
      (await app.inject({ method: 'GET', url: '/api/test/me', headers: { cookie: active.cookie } }))
        .statusCode,
    ).toBe(401);

    const short = server({ session: { idleTimeoutMs: 60_000, absoluteTimeoutMs: 120_000 } });
    const brief = await signIn(short);
    clock += 61_000;
    expect(
      (
        await short.inject({
          method: 'GET',
          url: '/api/test/me',
          headers: { cookie: brief.cookie },
        })
      ).statusCode,
    ).toBe(401);
  });

  test('logout revokes the session server-side and clears the cookie; it needs the CSRF token', async () => {
    const app = server();
    const { cookie, csrfToken } = await signIn(app);
    const forged = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie },
    });
    expect(forged.statusCode).toBe(403);
    const answer = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
    expect(answer.statusCode).toBe(204);
    expect(String(answer.headers['set-cookie'])).toMatch(/eduset_session=;.*Max-Age=0/);
    expect(
      (await app.inject({ method: 'GET', url: '/api/test/me', headers: { cookie } })).statusCode,
    ).toBe(401);
  });

  test('disabling an account ends its sessions at once', async () => {
    const app = server();
    const account = await storage.identity.createAccount(
      {
        login: 'sidorova',
        displayName: 'Сидорова',
        passwordHash: await hashPassword(password),
        grants: [specialist],
      },
      now(),
    );
    const { cookie } = await signIn(app, 'sidorova');
    await storage.identity.disableAccount(account.id, now());
    expect(
      (await app.inject({ method: 'GET', url: '/api/test/me', headers: { cookie } })).statusCode,
    ).toBe(401);
  });

  test('no database query for a request without the cookie', async () => {
    const throwing = new Proxy({} as Storage['identity'], {
      get: () => () => {
        throw new Error('queried');
      },
    });
    const source = sessionActorSource(throwing);
    const request = { headers: {} } as FastifyRequest;
    expect(await source.actorOf(request)).toEqual({ kind: 'anonymous' });
    const other = { headers: { cookie: 'theme=dark' } } as FastifyRequest;
    expect(await source.actorOf(other)).toEqual({ kind: 'anonymous' });
  });
});

describe('CSRF', () => {
  test('a state-changing staff request with the cookie needs the x-csrf-token header', async () => {
    const app = server();
    const { cookie, csrfToken } = await signIn(app);
    const missing = await app.inject({
      method: 'POST',
      url: '/api/test/write',
      headers: { cookie },
    });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().error.code).toBe('csrf');
    expectBilingual(missing.json());
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/test/write',
      headers: { cookie, 'x-csrf-token': csrfToken.slice(1) + 'A' },
    });
    expect(wrong.statusCode).toBe(403);
    const right = await app.inject({
      method: 'POST',
      url: '/api/test/write',
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
    expect(right.statusCode).toBe(200);
    // GET /api/auth/csrf gives the same token back for the session.
    const again = await app.inject({ method: 'GET', url: '/api/auth/csrf', headers: { cookie } });
    expect(again.json().csrfToken).toBe(csrfToken);
    expect((await app.inject({ method: 'GET', url: '/api/auth/csrf' })).statusCode).toBe(401);
  });

  test('a public POST (a parent booking) is not affected, cookie or not', async () => {
    const app = server();
    const { cookie } = await signIn(app);
    expect((await app.inject({ method: 'POST', url: '/api/test/public' })).statusCode).toBe(200);
    const withCookie = await app.inject({
      method: 'POST',
      url: '/api/test/public',
      headers: { cookie },
    });
    expect(withCookie.statusCode).toBe(200);
  });
});

describe('POST /api/auth/invitation', () => {
  test('sets the password once; password rules are bilingual 400s', async () => {
    const app = server();
    const account = await storage.identity.createAccount(
      { login: 'novaya', displayName: 'Новая сотрудница', grants: [specialist] },
      now(),
    );
    const { token } = await storage.identity.createInvitation(account.id, now(), 72 * 3_600_000);
    const post = (payload: object) =>
      app.inject({ method: 'POST', url: '/api/auth/invitation', payload });
    const short = await post({ token, password: 'короткий' });
    expect(short.statusCode).toBe(400);
    expectBilingual(short.json());
    expect(short.json().error.issues[0].code).toBe('password_too_short');
    const login = await post({ token, password: 'NOVAYA' + '' });
    expect(login.json().error.issues.map((issue: { code: string }) => issue.code)).toContain(
      'password_too_short',
    );
    const same = await post({ token, password: 'novaya-novaya' });
    expect(same.statusCode).toBe(204);
    // …"novaya-novaya" is not the login "novaya", so it was accepted; the link is now used.
    const again = await post({ token, password: 'ещё один длинный пароль' });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.issues[0].code).toBe('invitation_invalid');
    const signedIn = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'novaya', password: 'novaya-novaya' },
    });
    expect(signedIn.statusCode).toBe(200);
  });

  test('a password equal to the login is refused', async () => {
    const app = server();
    const account = await storage.identity.createAccount(
      { login: 'dlinnoe.imya.vhoda', displayName: 'Длинное имя', grants: [specialist] },
      now(),
    );
    const { token } = await storage.identity.createInvitation(account.id, now(), 3_600_000);
    const answer = await app.inject({
      method: 'POST',
      url: '/api/auth/invitation',
      payload: { token, password: 'Dlinnoe.Imya.Vhoda' },
    });
    expect(answer.statusCode).toBe(400);
    expect(answer.json().error.issues[0].code).toBe('password_is_login');
    expectBilingual(answer.json());
  });
});
