// Staff identity (migration 0012) on either engine: accounts and grants, sessions with idle
// and absolute timeouts and revocation, invitations used exactly once even when two
// consumers race (two storages over one database stand for two server processes).
import { createHash } from 'node:crypto';
import { instant, type Grant } from '@eduset/core';
import { describe, expect, test } from 'vitest';
import type { Storage } from '../src/storage/index.js';

const at = (iso: string) => instant(iso);
const t0 = at('2026-12-06T10:00:00.000Z');
const minutes = (n: number) => at(new Date(Date.parse(t0) + n * 60_000).toISOString());
const hour = 3_600_000;
const idle = 30 * 60_000;

const specialist: Grant = { role: 'specialist', networkId: 'udomlya', specialistId: 'psy-ivanova' };
const coordinator: Grant = { role: 'coordinator', networkId: 'udomlya' };

export function identityContract(
  engine: string,
  open: () => Promise<Storage>,
  openAnother: (first: Storage) => Promise<Storage>,
): void {
  describe(`identity (${engine})`, () => {
    test('accounts: unique login whatever the case, grants validated and replaced, OIDC subject', async () => {
      const storage = await open();
      const { identity } = storage;
      try {
        expect(await identity.hasAccounts()).toBe(false);
        const ivanova = await identity.createAccount(
          {
            login: 'Ivanova',
            displayName: 'Иванова Мария',
            passwordHash: '$argon2id$test',
            grants: [specialist, specialist],
          },
          t0,
        );
        expect(ivanova).toMatchObject({
          login: 'Ivanova',
          displayName: 'Иванова Мария',
          hasPassword: true,
          createdAt: t0,
          grants: [specialist],
        });
        expect(ivanova).not.toHaveProperty('passwordHash');
        expect(await identity.hasAccounts()).toBe(true);
        await expect(
          identity.createAccount({ login: 'ivanova', displayName: 'Другая' }, t0),
        ).rejects.toMatchObject({ _tag: 'ConflictError', reason: 'login-taken' });
        await expect(
          identity.createAccount(
            {
              login: 'petrova',
              displayName: 'Петрова',
              grants: [{ role: 'specialist', networkId: 'udomlya' } as Grant],
            },
            t0,
          ),
        ).rejects.toMatchObject({ _tag: 'ValidationError' });
        await expect(
          identity.createAccount({ login: 'bad login', displayName: 'x' }, t0),
        ).rejects.toMatchObject({ _tag: 'ValidationError' });

        const found = await identity.findByLogin('IVANOVA');
        expect(found?.id).toBe(ivanova.id);
        expect(found?.passwordHash).toBe('$argon2id$test');
        expect(await identity.findByLogin('nobody')).toBeUndefined();

        const updated = await identity.setGrants(ivanova.id, [coordinator, specialist]);
        expect(updated.grants).toEqual([coordinator, specialist]);
        await identity.setPasswordHash(ivanova.id, '$argon2id$other');
        expect((await identity.findByLogin('ivanova'))?.passwordHash).toBe('$argon2id$other');
        await expect(identity.setGrants('no-such', [])).rejects.toMatchObject({
          _tag: 'NotFoundError',
        });

        const oidc = await identity.createAccount(
          {
            login: 'kc-123',
            displayName: 'Через Keycloak',
            oidc: { issuer: 'https://kc.example/realms/tver', subject: '123' },
          },
          t0,
        );
        expect(await identity.findByOidcSubject('https://kc.example/realms/tver', '123')).toEqual(
          oidc,
        );
        expect(await identity.findByOidcSubject('https://kc.example/realms/tver', '124')).toBe(
          undefined,
        );
        await expect(
          identity.createAccount(
            {
              login: 'kc-other',
              displayName: 'x',
              oidc: { issuer: 'https://kc.example/realms/tver', subject: '123' },
            },
            t0,
          ),
        ).rejects.toMatchObject({ reason: 'login-taken' });
        expect((await identity.listAccounts()).map((a) => a.login)).toEqual(['Ivanova', 'kc-123']);
      } finally {
        await storage.close();
      }
    });

    test('sessions: only a hash is stored; idle and absolute timeouts, revocation, disabling', async () => {
      const storage = await open();
      const { identity } = storage;
      try {
        const account = await identity.createAccount(
          { login: 'coordinator', displayName: 'Координатор', grants: [coordinator] },
          t0,
        );
        const { token, record } = await identity.createSession(account.id, t0, 12 * hour);
        expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
        expect(record.expiresAt).toBe(at('2026-12-06T22:00:00.000Z'));
        // Nothing stored equals the token; the SHA-256 is what is kept.
        const sha = createHash('sha256').update(token).digest('hex');
        const other = await openAnother(storage);
        if (other !== storage) await other.close();

        const found = await identity.sessionByToken(token, minutes(10), idle);
        expect(found?.account.grants).toEqual([coordinator]);
        expect(found?.session.lastSeenAt).toBe(minutes(10));
        // Each lookup touches: alive at 39 (29 min idle) and 68, gone at 100 (32 min idle).
        expect(await identity.sessionByToken(token, minutes(39), idle)).toBeDefined();
        expect(await identity.sessionByToken(token, minutes(68), idle)).toBeDefined();
        expect(await identity.sessionByToken(token, minutes(100), idle)).toBeUndefined();
        expect(await identity.sessionByToken('x' + token, minutes(100), idle)).toBeUndefined();
        expect(await identity.sessionByToken(sha, minutes(100), idle)).toBeUndefined();

        // Absolute timeout: active every 20 minutes, still ends at 12 h.
        const active = await identity.createSession(account.id, t0, 12 * hour);
        for (let m = 20; m < 12 * 60; m += 20) {
          expect(await identity.sessionByToken(active.token, minutes(m), idle)).toBeDefined();
        }
        expect(await identity.sessionByToken(active.token, minutes(12 * 60), idle)).toBeUndefined();

        const one = await identity.createSession(account.id, t0, hour);
        const two = await identity.createSession(account.id, t0, hour);
        expect(await identity.revokeSession(one.token, minutes(1))).toBe(true);
        expect(await identity.revokeSession(one.token, minutes(1))).toBe(false);
        expect(await identity.sessionByToken(one.token, minutes(2), idle)).toBeUndefined();
        expect(await identity.sessionByToken(two.token, minutes(2), idle)).toBeDefined();
        // Every session not yet revoked: the idle one and the one past its end count too.
        expect(await identity.revokeAccountSessions(account.id, minutes(3))).toBe(3);
        expect(await identity.sessionByToken(two.token, minutes(4), idle)).toBeUndefined();

        const three = await identity.createSession(account.id, minutes(5), hour);
        await identity.disableAccount(account.id, minutes(6));
        expect(await identity.sessionByToken(three.token, minutes(7), idle)).toBeUndefined();
        expect((await identity.findByLogin('coordinator'))?.disabledAt).toBe(minutes(6));
        // Enabling again does not bring the revoked session back.
        await identity.enableAccount(account.id);
        expect(await identity.sessionByToken(three.token, minutes(8), idle)).toBeUndefined();
        expect(await identity.pruneSessions(minutes(24 * 60))).toBe(5);
        await expect(identity.createSession('no-such', t0, hour)).rejects.toMatchObject({
          _tag: 'NotFoundError',
        });
      } finally {
        await storage.close();
      }
    });

    test('invitations: one time, expiring; two concurrent consumers, exactly one wins', async () => {
      const first = await open();
      const second = await openAnother(first);
      try {
        const account = await first.identity.createAccount(
          { login: 'invited', displayName: 'Приглашённая', grants: [specialist] },
          t0,
        );
        expect(account.hasPassword).toBe(false);
        const expired = await first.identity.createInvitation(account.id, t0, hour);
        expect(await first.identity.invitationAccount(expired.token, minutes(61))).toBeUndefined();
        expect(
          await first.identity.consumeInvitation(expired.token, '$argon2id$x', minutes(61)),
        ).toBeUndefined();

        for (let round = 0; round < 5; round += 1) {
          const { token } = await first.identity.createInvitation(account.id, t0, hour);
          expect((await second.identity.invitationAccount(token, minutes(1)))?.id).toBe(account.id);
          const session = await first.identity.createSession(account.id, t0, hour);
          const answers = await Promise.all([
            first.identity.consumeInvitation(token, `$argon2id$first${round}`, minutes(2)),
            second.identity.consumeInvitation(token, `$argon2id$second${round}`, minutes(2)),
          ]);
          const winners = answers.filter((answer) => answer !== undefined);
          expect(winners).toHaveLength(1);
          expect(winners[0]?.hasPassword).toBe(true);
          const hash = (await first.identity.findByLogin('invited'))?.passwordHash;
          expect([`$argon2id$first${round}`, `$argon2id$second${round}`]).toContain(hash);
          expect(
            await first.identity.consumeInvitation(token, '$argon2id$late', minutes(3)),
          ).toBeUndefined();
          expect(await first.identity.invitationAccount(token, minutes(3))).toBeUndefined();
          // Setting a password ends the sessions opened before.
          expect(
            await first.identity.sessionByToken(session.token, minutes(3), idle),
          ).toBeUndefined();
        }
      } finally {
        if (second !== first) await second.close();
        await first.close();
      }
    });
  });
}
