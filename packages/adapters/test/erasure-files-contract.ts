// 152-ФЗ, worked case 6 (reference/operations.md): erasing a booking's contact leaves no trace
// of the phone or e-mail in the table's files once the erasure's maintenance step has run.
// Run on PGlite (its data directory on disk) and on a PostgreSQL server (the cluster's files).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { instant } from '@eduset/core';
import { describe, expect, test } from 'vitest';
import type { BookingStore, NewBooking } from '../src/storage/booking-store.js';
import type { Database } from '../src/storage/database.js';
import { consultationStore } from '../src/storage/consultations.js';
import { testSchedule } from './bookings-contract.js';

/** What the test needs of an engine: a booking store, its database and where its files are. */
export interface ErasureTestBed {
  /** The store under test, over a database holding `smallNetwork()` (id `test-town`). */
  readonly store: BookingStore;
  /** The same database, for CHECKPOINT and the relations' file paths. */
  readonly database: Database;
  /** The data directory of the cluster (PGlite's data directory, or the server's). */
  readonly clusterDir: string;
  close(): Promise<void>;
}

/**
 * The files of the bookings table, its TOAST table and every index of either, as absolute
 * paths (`pg_relation_filepath` is relative to the cluster's data directory).
 */
async function bookingsFiles(bed: ErasureTestBed): Promise<string[]> {
  const rows = await bed.database.query<{ path: string | null }>(
    `SELECT pg_relation_filepath(c.oid) AS path FROM pg_class c
     WHERE c.oid = 'bookings'::regclass
        OR c.oid = (SELECT reltoastrelid FROM pg_class WHERE oid = 'bookings'::regclass)
        OR c.oid IN (SELECT indexrelid FROM pg_index WHERE indrelid IN ('bookings'::regclass,
             (SELECT reltoastrelid FROM pg_class WHERE oid = 'bookings'::regclass)))`,
  );
  return rows.flatMap((row) => (row.path === null ? [] : [join(bed.clusterDir, row.path)]));
}

/** Writes every changed page to the files (CHECKPOINT), so the files show what is stored. */
async function flush(bed: ErasureTestBed): Promise<void> {
  await bed.database.exec('CHECKPOINT');
}

/** Every regular file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return entry.isFile() ? [path] : [];
  });
}

/** Which of `needles` occur (as UTF-8 bytes) in some file under `dir`, with the files. */
function occurrences(dir: string, needles: readonly string[]): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const patterns = needles.map((needle) => [needle, Buffer.from(needle, 'utf8')] as const);
  for (const file of filesUnder(dir)) {
    if (statSync(file).size === 0) continue;
    const bytes = readFileSync(file);
    for (const [needle, pattern] of patterns) {
      if (bytes.includes(pattern)) found.set(needle, [...(found.get(needle) ?? []), file]);
    }
  }
  return found;
}

const NETWORK = 'test-town';

/** Recognisable contacts: nothing else in a database holds these bytes. */
const erased = [
  { name: 'Стираемова Агата', phone: '+79990001101', email: 'erase-me-q7x1@example.org' },
  { name: 'Стираемова Берта', phone: '+79990001102', email: 'erase-me-q7x2@example.org' },
  { name: 'Стираемов Виктор', phone: '+79990001103', email: 'erase-me-q7x3@example.org' },
];
/** A later booking, not erased: the search does find what is still stored. */
const kept = {
  name: 'Оставленная Дарья',
  phone: '+79990002201',
  email: 'keep-me-q7x4@example.org',
};

function request(hour: number, day: string, contact: NewBooking['contact']): NewBooking {
  const start = `${day}T${String(hour).padStart(2, '0')}:00:00Z`;
  const end = `${day}T${String(hour).padStart(2, '0')}:45:00Z`;
  return {
    specialistId: 'psy-ivanova',
    siteId: 'kp-teremok',
    serviceId: 'speech',
    start: instant(start),
    end: instant(end),
    seats: 1,
    capacity: 1,
    childAge: 4,
    contact,
    personalDataConsent: true,
    consentVersion: '2026-12-01',
  };
}

/**
 * The erasure-in-files test for one engine. `open` gives a fresh storage over a database
 * of its own.
 */
export function erasureFilesContract(engine: string, open: () => Promise<ErasureTestBed>): void {
  describe(`erasure leaves no trace in the files (${engine})`, () => {
    test('erased phones and e-mails are in the files after the erasure, gone after the maintenance step', async () => {
      const bed = await open();
      const { store: storage } = bed;
      // Every database of the cluster: tables, TOAST, indexes, the catalogs (pg_statistic).
      const base = join(bed.clusterDir, 'base');
      try {
        await storage.saveSchedule(testSchedule());
        const now = instant('2026-05-01T06:00:00Z');
        // Tuesdays 12 and 19 May: three to erase (consultations over by June), one to keep.
        const created = [];
        for (const [index, contact] of erased.entries()) {
          created.push(
            await storage.createBooking(NETWORK, request(6 + index, '2026-05-12', contact), now),
          );
        }
        await storage.createBooking(NETWORK, request(6, '2026-07-14', kept), now);
        // One of them is cancelled first: its row has one more old version.
        const first = created[0];
        if (first === undefined) throw new Error('no booking');
        await storage.cancelBooking(NETWORK, first.booking.id, first.cancelToken, now);
        // The parent's note and the specialist's private note go with the contact (0017).
        const second = created[1];
        if (second === undefined) throw new Error('no booking');
        const consultations = consultationStore(bed.database);
        const parentNote = 'Родительская заметка q7x5';
        const privateNote = 'Заметка специалиста q7x6';
        await consultations.setParentNote(NETWORK, second.booking.id, parentNote);
        await consultations.writeNote(
          NETWORK,
          second.booking.id,
          privateNote,
          { accountId: 'acc-1', name: 'Специалист' },
          now,
        );
        const needles = [
          ...erased.flatMap((contact) => [contact.phone, contact.email, contact.name]),
          parentNote,
          privateNote,
        ];

        await flush(bed);
        const stored = occurrences(base, needles);
        expect([...stored.keys()].sort()).toEqual([...needles].sort());

        expect(
          await storage.erasePersonalData(
            instant('2026-06-01T00:00:00Z'),
            instant('2026-06-01T01:00:00Z'),
          ),
        ).toBe(3);
        // Erased as far as any query can tell …
        const listed = await storage.listBookings(NETWORK);
        expect(listed.filter((booking) => booking.contactErased)).toHaveLength(3);
        // … but the old row versions are still in the table's files (dead tuples).
        await flush(bed);
        const afterErasure = occurrences(base, needles);
        expect(afterErasure.size).toBeGreaterThan(0);
        const relationFiles = await bookingsFiles(bed);
        expect(relationFiles.length).toBeGreaterThanOrEqual(2);
        const inBookingsFiles = [...afterErasure.values()].flat();
        expect(inBookingsFiles.some((file) => relationFiles.includes(file))).toBe(true);

        // The maintenance step: nothing of the erased contacts stays, anywhere in the database.
        await storage.compactAfterErasure();
        await flush(bed);
        expect(Object.fromEntries(occurrences(base, needles))).toEqual({});
        // The later booking's contact is still stored, and found by the same search.
        const stillThere = occurrences(base, [kept.phone, kept.email]);
        expect([...stillThere.keys()].sort()).toEqual([kept.email, kept.phone].sort());
        const newFiles = await bookingsFiles(bed);
        expect(newFiles.some((file) => (stillThere.get(kept.phone) ?? []).includes(file))).toBe(
          true,
        );
      } finally {
        await bed.close();
      }
    });
  });
}
