import { ConflictError, createNetwork, type Network } from '@eduset/core';
import { auditStore, type AuditStore } from './audit.js';
import type { BookingStore } from './booking-store.js';
import { bookingStore } from './bookings.js';
import { familyStore, type FamilyStore } from './family.js';
import { feedbackStore, type FeedbackStore } from './feedback.js';
import { financingStore, type FinancingStore } from './financing.js';
import { financingReads, type FinancingReads } from './read-replica.js';
import { programmeReviewStore, type ProgrammeReviewStore } from './programme-reviews.js';
import { settlementStore, type SettlementStore } from './settlement.js';
import { certificateRegistryStore, type CertificateRegistryStore } from './certificate-registry.js';
import { indicatorValueStore, type IndicatorValueStore } from './indicator-values.js';
import { schoolProfileStore, type SchoolProfileStore } from './school-profiles.js';
import { supportProgrammeStore, type SupportProgrammeStore } from './support-programmes.js';
import { financingParametersStore, type FinancingParametersStore } from './financing-parameters.js';
import { inventoryStore, type InventoryStore } from './inventory.js';
import { roomBookingStore, type RoomBookingStore } from './room-bookings.js';
import { dataEntryStore, type DataEntryStore } from './data-entry.js';
import { courseNetworkStore, type CourseNetworkStore } from './course-network.js';
import { openPglite, openPostgres, type Database } from './database.js';
import { identityStore, type IdentityStore } from './identity.js';
import { linkTokens, type LinkTokens } from './link-tokens.js';
import { attemptLimits, type AttemptLimits } from './limits.js';
import { courseLinkStore, type CourseLinkStore } from './course-links.js';
import { consultationStore, type ConsultationStore } from './consultations.js';
import { mailStore, type MailStore } from './mail.js';
import { providerDeskStore, type ProviderDeskStore } from './provider-desk.js';
import { migrate } from './migrations.js';
import {
  listNetworkSummaries,
  readNetwork,
  writeNetwork,
  type NetworkSummary,
} from './network-rows.js';

/**
 * The data directory PGlite uses when nothing else is said (relative to the current
 * directory, as the CLI runs from the repository root).
 *
 * @example
 * ```ts
 * import { defaultDataDir } from '@eduset/adapters';
 * defaultDataDir; // '.data/pglite'
 * ```
 */
export const defaultDataDir = '.data/pglite';

/**
 * Where the storage keeps its data. The engine is chosen in this order:
 * 1. `databaseUrl` — a PostgreSQL server;
 * 2. `dataDir` — PGlite in this directory (`'memory://'` keeps it in memory);
 * 3. `DATABASE_URL` in `env` — a PostgreSQL server;
 * 4. PGlite in {@link defaultDataDir}.
 *
 * Over a PostgreSQL server, `readDatabaseUrl` (or `DATABASE_READ_URL` in `env`, with
 * `DATABASE_URL` there) names a streaming replica of it: the reads of
 * {@link Storage.financingReads} go there.
 *
 * @example
 * ```ts
 * import type { StorageOptions } from '@eduset/adapters';
 * const inMemory: StorageOptions = { dataDir: 'memory://' };
 * const server: StorageOptions = { databaseUrl: 'postgres://eduset@127.0.0.1:5432/eduset' };
 * ```
 */
export interface StorageOptions {
  /** A PostgreSQL connection string, e.g. `postgres://user:password@host:5432/db`. */
  readonly databaseUrl?: string;
  /**
   * A PostgreSQL streaming replica (hot standby) of `databaseUrl` for the morning's reads —
   * the navigator and balance checks ({@link Storage.financingReads}); writes stay on the
   * primary. Only with a PostgreSQL primary.
   */
  readonly readDatabaseUrl?: string;
  /** PGlite's data directory on disk, or `'memory://'` for an in-memory database. */
  readonly dataDir?: string;
  /** Where `DATABASE_URL` and `DATABASE_READ_URL` are read from; `process.env` by default. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /**
   * A database already open (a tool or a test that also runs its own statements on it);
   * wins over the rest. Closing the storage closes it.
   *
   * @internal
   */
  readonly database?: Database;
}

/**
 * The networks of eduset, their schedules and bookings, stored in PostgreSQL (embedded PGlite
 * or a server). Each call is one transaction; several processes may share one PostgreSQL
 * server. The booking methods are those of {@link BookingStore}.
 *
 * @example
 * ```ts
 * import { openStorage } from '@eduset/adapters';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * console.log(await storage.listNetworks());
 * await storage.close();
 * ```
 */
export interface Storage extends BookingStore {
  /** The engine in use: `pglite` (embedded) or `postgres` (a server). */
  readonly engine: 'pglite' | 'postgres';
  /** Personalized financing: registry, certificates, ledger, contracts (migration 0003). */
  readonly financing: FinancingStore;
  /**
   * The navigator's and the balance checks' reads, served by the replica of `DATABASE_READ_URL`
   * when there is one (with read-your-writes), by the primary otherwise.
   */
  readonly financingReads: FinancingReads;
  /** Programme review: providers' programmes, the operator's decisions, publication (0022). */
  readonly programmeReviews: ProgrammeReviewStore;
  /** The payer's monthly settlement and the coverage report (migration 0024). */
  readonly settlement: SettlementStore;
  /** The operator's certificate registry: holders, issue, status, conversion, moves (0027). */
  readonly certificateRegistry: CertificateRegistryStore;
  /** Versioned normative-cost parameters and direction limits per financing period (0027). */
  readonly financingParameters: FinancingParametersStore;
  /** The inventory of shared rooms and staff willing to teach in the network (0030). */
  readonly inventory: InventoryStore;
  /** Rooms of the inventory booked by programme groups, and rooms that fit a group (0039). */
  readonly roomBookings: RoomBookingStore;
  /** Counters of attempts shared by every process: rate limits, sign-in throttling (0008). */
  readonly limits: AttemptLimits;
  /** The append-only audit log: reads of personal data and every write (migration 0009). */
  readonly audit: AuditStore;
  /** Personal timetable links of profile-course students, stored as hashes (0010). */
  readonly courseLinks: CourseLinkStore;
  /** Staff accounts, grants, sessions and invitations (migration 0012). */
  readonly identity: IdentityStore;
  /** Tokens of the links sent to parents (manage, survey, confirm), derived (migration 0013). */
  readonly links: LinkTokens;
  /** Attendance, the parent's note and private consultation notes of the staff agenda (0017). */
  readonly consultations: ConsultationStore;
  /** The parents' survey after a consultation and the figures from stored rows (0018). */
  readonly feedback: FeedbackStore;
  /** The outbox of messages to parents and booking requests awaiting e-mail confirmation (0015). */
  readonly mail: MailStore;
  /** The family's cabinet (sessions, contracts, changes) and certificate applications (0025). */
  readonly family: FamilyStore;
  /**
   * The provider's desk: decisions on applications with their reasons, termination by the
   * provider, attendance and the month's completeness for the settlement (0023).
   */
  readonly providerDesk: ProviderDeskStore;
  /** Indicator data values, each with the import that wrote it (migration 0031). */
  readonly indicatorValues: IndicatorValueStore;
  /** School profiles by district and year, and identification runs (migration 0034). */
  readonly schools: SchoolProfileStore;
  /** Data entry by the reporting organizations: submissions, approval, change log (0032). */
  readonly dataEntry: DataEntryStore;
  /** The course network as one document with a revision, its drafts and published timetables (0033). */
  readonly courseNetworks: CourseNetworkStore;
  /** Support programmes of flagged schools: road maps, reviews, monitoring (migration 0035). */
  readonly supportProgrammes: SupportProgrammeStore;
  /**
   * Validates the network with core's `createNetwork` and stores it, replacing a stored
   * network with the same id, in one transaction: on any error the previous version stays.
   *
   * @throws ValidationError when the network does not pass core's schema.
   */
  saveNetwork(network: Network): Promise<void>;
  /**
   * Reads a network back, validated with core's `createNetwork`; lists come back in the
   * order they were saved.
   *
   * @throws NotFoundError when no network has this id.
   */
  loadNetwork(id: string): Promise<Network>;
  /** Every stored network, ordered by id. */
  listNetworks(): Promise<NetworkSummary[]>;
  /** Closes the database (a PGlite instance or the connection pool). Calling it again does nothing. */
  close(): Promise<void>;
}

function openDatabase(options: StorageOptions): Promise<Database> {
  const env = options.env ?? process.env;
  if (options.database !== undefined) return Promise.resolve(options.database);
  if (options.databaseUrl !== undefined) return openPostgres(options.databaseUrl);
  if (options.dataDir !== undefined) return openPglite(options.dataDir);
  const url = env.DATABASE_URL;
  if (url !== undefined && url !== '') return openPostgres(url);
  return openPglite(defaultDataDir);
}

/**
 * The replica's connection string, when one is configured: `readDatabaseUrl`, or
 * `DATABASE_READ_URL` when the primary too comes from the environment (`DATABASE_URL`).
 */
function readUrlOf(options: StorageOptions): string | undefined {
  if (options.readDatabaseUrl !== undefined) return options.readDatabaseUrl;
  if (options.database !== undefined || options.databaseUrl !== undefined) return undefined;
  if (options.dataDir !== undefined) return undefined;
  const env = options.env ?? process.env;
  const url = env.DATABASE_READ_URL;
  return url !== undefined && url !== '' && env.DATABASE_URL ? url : undefined;
}

/**
 * Opens the storage and brings its schema up to date: the SQL migrations not yet applied
 * run once, in a transaction under an advisory lock, so several processes may open one
 * PostgreSQL at the same moment.
 *
 * @example
 * ```ts
 * import { createNetwork } from '@eduset/core';
 * import { openStorage } from '@eduset/adapters';
 *
 * const storage = await openStorage({ dataDir: '.data/pglite' });
 * await storage.saveNetwork(
 *   createNetwork({ id: 'town', name: 'Сеть', municipality: 'Город', organizations: [], sites: [] }),
 * );
 * const network = await storage.loadNetwork('town');
 * await storage.close();
 * ```
 */
export async function openStorage(options: StorageOptions = {}): Promise<Storage> {
  const database = await openDatabase(options);
  let replica: Database | undefined;
  try {
    const readUrl = readUrlOf(options);
    if (readUrl !== undefined && database.engine !== 'postgres') {
      throw new ConflictError('replica-needs-postgres', {
        ru: 'Реплика для чтения (DATABASE_READ_URL) работает только с PostgreSQL (DATABASE_URL), не с PGlite',
        en: 'A read replica (DATABASE_READ_URL) works only with PostgreSQL (DATABASE_URL), not PGlite',
      });
    }
    await migrate(database);
    if (readUrl !== undefined) replica = await openPostgres(readUrl);
  } catch (error) {
    await database.close();
    throw error;
  }
  let closed: Promise<void> | undefined;
  const financing = financingStore(database);
  return {
    engine: database.engine,
    ...bookingStore(database),
    financing,
    financingReads: financingReads(database, replica, financing),
    programmeReviews: programmeReviewStore(database),
    settlement: settlementStore(database),
    certificateRegistry: certificateRegistryStore(database),
    financingParameters: financingParametersStore(database),
    inventory: inventoryStore(database),
    roomBookings: roomBookingStore(database),
    limits: attemptLimits(database),
    audit: auditStore(database),
    courseLinks: courseLinkStore(database),
    identity: identityStore(database),
    links: linkTokens(database),
    consultations: consultationStore(database),
    feedback: feedbackStore(database),
    mail: mailStore(database),
    providerDesk: providerDeskStore(database),
    family: familyStore(database),
    indicatorValues: indicatorValueStore(database),
    schools: schoolProfileStore(database),
    dataEntry: dataEntryStore(database),
    courseNetworks: courseNetworkStore(database),
    supportProgrammes: supportProgrammeStore(database),
    async saveNetwork(network) {
      const valid = createNetwork(network);
      await database.transaction((session) => writeNetwork(session, valid));
    },
    loadNetwork(id) {
      return database.transaction(async (session) => {
        // One snapshot for every table read, even while another process saves this network.
        await session.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
        return readNetwork(session, id);
      });
    },
    listNetworks() {
      return listNetworkSummaries(database);
    },
    close() {
      closed ??= Promise.all([database.close(), replica?.close()]).then(() => undefined);
      return closed;
    },
  };
}
