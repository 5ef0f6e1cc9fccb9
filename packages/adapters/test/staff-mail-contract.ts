// Messages to staff in the outbox and staff accounts' e-mails (migration 0036), on either
// engine: a staff message needs no booking and no network row, its dedupe key enqueues once
// (also when two requests enqueue it at the same moment), the claim carries its payload and
// finishing it empties the payload; a booking kind still needs its booking; an account's
// e-mail is validated and stored.
import { instant, type Instant } from '@eduset/core';
import { describe, expect, test } from 'vitest';
import type { NewMail, Storage } from '../src/storage/index.js';

const now: Instant = instant('2026-10-21T07:00:00.000Z');

function reminder(organization: string, day = '2026-10-21'): NewMail {
  return {
    kind: 'data-entry-reminder',
    dedupeKey: `data-entry-reminder:udomlya:course:2026Q3:${organization}:${day}`,
    networkId: 'udomlya',
    dueAt: now,
    payload: {
      to: [`${organization}@example.org`],
      subject: 'Напоминание об отчёте / Report reminder',
      paragraphs: ['Просим сдать отчёт.', 'Please file the report.'],
      path: 'udomlya/data-entry.html',
    },
  };
}

export function staffMailContract(
  engine: string,
  open: () => Promise<Storage>,
  openAnother: (first: Storage) => Promise<Storage>,
): void {
  describe(`mail to staff (${engine})`, () => {
    test('a staff message is enqueued once per key, with no booking and no network row', async () => {
      const storage = await open();
      try {
        const first = await storage.mail.enqueueKeys(
          [reminder('school-1'), reminder('school-2'), { ...reminder('x'), networkId: 'tutaev' }],
          now,
        );
        expect(first).toHaveLength(3);
        const again = await storage.mail.enqueueKeys([reminder('school-1')], now);
        expect(again).toEqual([]);
        const nextDay = await storage.mail.enqueueKeys([reminder('school-1', '2026-10-22')], now);
        expect(nextDay).toHaveLength(1);
        const listed = await storage.mail.list({ kind: 'data-entry-reminder' });
        expect(listed).toHaveLength(4);
        expect(listed.map((m) => m.networkId)).toEqual(['udomlya', 'udomlya', 'tutaev', 'udomlya']);
        expect(listed[0]?.payload?.to).toEqual(['school-1@example.org']);
      } finally {
        await storage.close();
      }
    });

    test('two requests enqueueing the same reminders at once queue each message once', async () => {
      const storage = await open();
      const other = await openAnother(storage);
      try {
        const messages = ['school-1', 'school-2', 'school-4'].map((o) => reminder(o));
        const [a, b] = await Promise.all([
          storage.mail.enqueueKeys(messages, now),
          other.mail.enqueueKeys(messages, now),
        ]);
        expect([...(a ?? []), ...(b ?? [])].sort()).toEqual(
          messages.map((m) => m.dedupeKey).sort(),
        );
        expect(await storage.mail.list({ kind: 'data-entry-reminder' })).toHaveLength(3);
      } finally {
        if (other !== storage) await other.close();
        await storage.close();
      }
    });

    test('the claim carries the payload; finishing empties it; a booking kind still needs a booking', async () => {
      const storage = await open();
      try {
        await storage.mail.enqueueKeys([reminder('school-1')], now);
        const [claimed] = await storage.mail.claim({ now, limit: 10, leaseMs: 60_000 });
        expect(claimed?.kind).toBe('data-entry-reminder');
        expect(claimed?.payload?.paragraphs[0]).toBe('Просим сдать отчёт.');
        if (claimed === undefined) throw new Error('nothing claimed');
        expect(await storage.mail.finish(claimed, { state: 'sent', messageId: '<m@x>' }, now)).toBe(
          true,
        );
        const [done] = await storage.mail.list({ kind: 'data-entry-reminder' });
        expect(done?.state).toBe('sent');
        expect(done?.payload).toBeUndefined();
        // The old rules still hold for booking kinds: no booking, no message.
        await expect(
          storage.mail.enqueue(
            [{ kind: 'reminder', dedupeKey: 'r:none', networkId: 'udomlya', dueAt: now }],
            now,
          ),
        ).rejects.toThrow();
        // And a staff message cannot be enqueued without what it says.
        const bare: NewMail = { ...reminder('school-9') };
        delete (bare as { payload?: unknown }).payload;
        await expect(storage.mail.enqueue([bare], now)).rejects.toThrow();
      } finally {
        await storage.close();
      }
    });

    test('a staff account keeps a validated e-mail', async () => {
      const storage = await open();
      try {
        const account = await storage.identity.createAccount(
          {
            login: 'school1',
            displayName: 'Завуч СОШ № 1',
            email: 'school-udomlya1@example.org',
            grants: [{ role: 'school-staff', networkId: 'udomlya', organizationId: 'school-1' }],
          },
          now,
        );
        expect(account.email).toBe('school-udomlya1@example.org');
        await expect(storage.identity.setEmail(account.id, 'not an address')).rejects.toThrow();
        await storage.identity.setEmail(account.id, 'zavuch@school1.example.org');
        expect((await storage.identity.findById(account.id))?.email).toBe(
          'zavuch@school1.example.org',
        );
        await storage.identity.setEmail(account.id, undefined);
        expect((await storage.identity.findById(account.id))?.email).toBeUndefined();
        await expect(
          storage.identity.createAccount({ login: 'bad', displayName: 'Bad', email: 'bad@' }, now),
        ).rejects.toThrow();
      } finally {
        await storage.close();
      }
    });
  });
}
