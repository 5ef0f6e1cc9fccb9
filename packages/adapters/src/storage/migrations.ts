import { createHash } from 'node:crypto';
import { ConflictError } from '@eduset/core';
import network from '../../migrations/0001_network.sql?raw';
import bookings from '../../migrations/0002_bookings.sql?raw';
import financing from '../../migrations/0003_financing.sql?raw';
import bookingFunction from '../../migrations/0004_booking_function.sql?raw';
import bookingSets from '../../migrations/0005_booking_sets.sql?raw';
import busyIndex from '../../migrations/0006_busy_index.sql?raw';
import bookingSetsArbiters from '../../migrations/0007_booking_sets_arbiters.sql?raw';
import limits from '../../migrations/0008_limits.sql?raw';
import audit from '../../migrations/0009_audit.sql?raw';
import publicSurface from '../../migrations/0010_public.sql?raw';
import privacy from '../../migrations/0011_privacy.sql?raw';
import identity from '../../migrations/0012_identity.sql?raw';
import linkSecret from '../../migrations/0013_link_secret.sql?raw';
import bookingRules from '../../migrations/0014_booking_rules.sql?raw';
import mail from '../../migrations/0015_mail.sql?raw';
import bookingMoves from '../../migrations/0016_booking_moves.sql?raw';
import consultationNotes from '../../migrations/0017_consultation_notes.sql?raw';
import feedback from '../../migrations/0018_feedback.sql?raw';
import guardedMoves from '../../migrations/0020_guarded_moves.sql?raw';
import financingRules from '../../migrations/0021_financing_rules.sql?raw';
import programmeReview from '../../migrations/0022_programme_review.sql?raw';
import providerDesk from '../../migrations/0023_provider_desk.sql?raw';
import settlementMonths from '../../migrations/0024_settlement_months.sql?raw';
import familyCabinet from '../../migrations/0025_family_cabinet.sql?raw';
import ledgerPartitions from '../../migrations/0026_ledger_partitions.sql?raw';
import certificateRegistry from '../../migrations/0027_certificate_registry.sql?raw';
import bookingLoad from '../../migrations/0028_booking_load.sql?raw';
import enrolmentRules from '../../migrations/0029_enrolment_rules.sql?raw';
import inventory from '../../migrations/0030_inventory.sql?raw';
import indicatorValues from '../../migrations/0031_indicator_values.sql?raw';
import dataEntry from '../../migrations/0032_data_entry.sql?raw';
import courseNetwork from '../../migrations/0033_course_network.sql?raw';
import schoolProfiles from '../../migrations/0034_school_profiles.sql?raw';
import supportProgrammes from '../../migrations/0035_support_programmes.sql?raw';
import staffMail from '../../migrations/0036_staff_mail.sql?raw';
import enrolmentApplication from '../../migrations/0038_enrolment_application.sql?raw';
import roomBookings from '../../migrations/0039_room_bookings.sql?raw';
import type { Database } from './database.js';

/**
 * One versioned SQL migration shipped with the package. Versions only grow; a migration,
 * once released, is never edited — a change is a new migration.
 *
 * @example
 * ```ts
 * import { migrations } from '@eduset/adapters';
 * migrations.map((m) => `${m.version} ${m.name}`); // ['1 network', '2 bookings', '3 financing', '4 booking_function', '5 booking_sets', '6 busy_index', '7 booking_sets_arbiters', '8 limits', '9 audit', …]
 * ```
 */
export interface Migration {
  /** The version, from the file name `0001_…sql`. */
  readonly version: number;
  /** A short name, from the file name `…_network.sql`. */
  readonly name: string;
  /** The SQL script. */
  readonly sql: string;
}

/**
 * Every migration of the storage, in version order (the files in `packages/adapters/migrations`).
 *
 * @example
 * ```ts
 * import { migrations } from '@eduset/adapters';
 * migrations.at(-1)?.version; // the schema version this code expects
 * ```
 */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'network', sql: network },
  { version: 2, name: 'bookings', sql: bookings },
  { version: 3, name: 'financing', sql: financing },
  { version: 4, name: 'booking_function', sql: bookingFunction },
  { version: 5, name: 'booking_sets', sql: bookingSets },
  { version: 6, name: 'busy_index', sql: busyIndex },
  { version: 7, name: 'booking_sets_arbiters', sql: bookingSetsArbiters },
  { version: 8, name: 'limits', sql: limits },
  { version: 9, name: 'audit', sql: audit },
  { version: 10, name: 'public', sql: publicSurface },
  { version: 11, name: 'privacy', sql: privacy },
  { version: 12, name: 'identity', sql: identity },
  { version: 13, name: 'link_secret', sql: linkSecret },
  { version: 14, name: 'booking_rules', sql: bookingRules },
  { version: 15, name: 'mail', sql: mail },
  { version: 16, name: 'booking_moves', sql: bookingMoves },
  { version: 17, name: 'consultation_notes', sql: consultationNotes },
  { version: 18, name: 'feedback', sql: feedback },
  { version: 20, name: 'guarded_moves', sql: guardedMoves },
  { version: 21, name: 'financing_rules', sql: financingRules },
  { version: 22, name: 'programme_review', sql: programmeReview },
  { version: 23, name: 'provider_desk', sql: providerDesk },
  { version: 24, name: 'settlement_months', sql: settlementMonths },
  { version: 25, name: 'family_cabinet', sql: familyCabinet },
  { version: 26, name: 'ledger_partitions', sql: ledgerPartitions },
  { version: 27, name: 'certificate_registry', sql: certificateRegistry },
  { version: 28, name: 'booking_load', sql: bookingLoad },
  { version: 29, name: 'enrolment_rules', sql: enrolmentRules },
  { version: 30, name: 'inventory', sql: inventory },
  { version: 31, name: 'indicator_values', sql: indicatorValues },
  { version: 32, name: 'data_entry', sql: dataEntry },
  { version: 33, name: 'course_network', sql: courseNetwork },
  { version: 34, name: 'school_profiles', sql: schoolProfiles },
  { version: 35, name: 'support_programmes', sql: supportProgrammes },
  { version: 36, name: 'staff_mail', sql: staffMail },
  { version: 38, name: 'enrolment_application', sql: enrolmentApplication },
  { version: 39, name: 'room_bookings', sql: roomBookings },
];

/**
 * The key of the transaction-level advisory lock that serializes migrations: every process
 * that opens the storage takes it before looking at `schema_migrations`, so two servers
 * starting at once over one PostgreSQL apply each migration exactly once.
 */
const MIGRATION_LOCK_KEY = 7_262_011_301;

/** The checksum of a migration as recorded; line endings do not count (a Windows checkout). */
function checksum(sql: string): string {
  return createHash('sha256').update(sql.replace(/\r\n/g, '\n')).digest('hex');
}

interface AppliedRow extends Record<string, unknown> {
  version: number;
  checksum: string;
}

/**
 * Applies the migrations that are not yet recorded in `schema_migrations`, in one
 * transaction under an advisory lock. Applying them again is a no-op. Refuses to run over a
 * database that a newer version of eduset migrated, or whose recorded migration differs from
 * the shipped one.
 *
 * @returns the versions applied now (empty when the schema was up to date).
 */
export async function migrate(
  database: Database,
  list: readonly Migration[] = migrations,
): Promise<number[]> {
  return database.transaction(async (session) => {
    await session.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await session.exec(`
      CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        checksum text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )
    `);
    const rows = await session.query<AppliedRow>(
      'SELECT version, checksum FROM schema_migrations ORDER BY version',
    );
    const known = new Map(list.map((migration) => [migration.version, migration]));
    for (const row of rows) {
      const migration = known.get(row.version);
      if (migration === undefined) {
        throw new ConflictError('schema-too-new', {
          ru: `База данных обновлена более новой версией eduset (миграция ${row.version}); обновите eduset`,
          en: `The database was migrated by a newer eduset (migration ${row.version}); upgrade eduset`,
        });
      }
      if (row.checksum !== checksum(migration.sql)) {
        throw new ConflictError('migration-changed', {
          ru: `Миграция ${row.version} (${migration.name}) изменилась после применения; изменения схемы оформляются новой миграцией`,
          en: `Migration ${row.version} (${migration.name}) changed after it was applied; schema changes go into a new migration`,
        });
      }
    }
    const applied = new Set(rows.map((row) => row.version));
    const pending = [...list]
      .filter((migration) => !applied.has(migration.version))
      .sort((a, b) => a.version - b.version);
    for (const migration of pending) {
      await session.exec(migration.sql);
      await session.query(
        'INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)',
        [migration.version, migration.name, checksum(migration.sql)],
      );
    }
    return pending.map((migration) => migration.version);
  });
}
