import { describe, expect, test } from 'vitest';
import { openPglite } from '../src/storage/database.js';
import { migrate } from '../src/storage/migrations.js';
import { auditCsv, openStorage } from '../src/storage/index.js';
import { auditContract } from './audit-contract.js';
import { instant } from '@eduset/core';

auditContract('pglite', async () => {
  const database = await openPglite('memory://');
  await migrate(database);
  return { database, close: () => database.close() };
});

describe('the audit log through openStorage', () => {
  test('storage.audit appends and lists', async () => {
    const storage = await openStorage({ dataDir: 'memory://' });
    try {
      await storage.audit.append([
        {
          at: instant('2026-09-07T09:00:00Z'),
          actorAccountId: 'acc-1',
          actorLabel: 'Аудитор',
          action: 'audit.read',
          outcome: 200,
        },
      ]);
      const { entries } = await storage.audit.list({ action: 'audit.read' });
      expect(entries.map((entry) => entry.actorLabel)).toEqual(['Аудитор']);
    } finally {
      await storage.close();
    }
  });
});

describe('auditCsv', () => {
  test('semicolons, a BOM, bilingual headings, formulas escaped', () => {
    const text = auditCsv([
      {
        id: '7',
        at: instant('2026-09-07T09:00:00Z'),
        actorAccountId: 'acc-1',
        actorLabel: '=HYPERLINK("http://evil")',
        action: 'booking.contact.read',
        networkId: 'udomlya',
        recordIds: ['b-1', 'b-2'],
        outcome: 200,
      },
    ]);
    expect(text.startsWith('\ufeff№ / No.;Время (UTC) / Time (UTC);Кто / Who;')).toBe(true);
    const [, line] = text.slice(1).split('\r\n');
    expect(line).toBe(
      `7;2026-09-07T09:00:00.000Z;"'=HYPERLINK(""http://evil"")";acc-1;;booking.contact.read;udomlya;;;b-1 b-2;;200`,
    );
  });
});
