import type { AuditStore, NewAuditEntry } from '@eduset/adapters';
import type { Action, Actor, Instant } from '@eduset/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * What a handler tells the audit log about a read of personal data, or about the records a
 * write touched. Ids and places only — never a name, a phone, an e-mail or a token.
 *
 * @example
 * ```ts
 * import type { AuditNote } from '@eduset/server';
 * const note: AuditNote = {
 *   action: 'booking.contact.read',
 *   networkId: 'udomlya',
 *   recordIds: ['b-1', 'b-2'],
 * };
 * ```
 */
export interface AuditNote {
  /** The core action done; the route's write label (`POST /api/bookings`) when left out. */
  readonly action?: Action;
  readonly networkId?: string;
  readonly organizationId?: string;
  readonly siteId?: string;
  readonly recordIds?: readonly string[];
}

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * Records a read of personal data (one audit entry, written after the answer with its
     * status). Call it once per answer that showed personal data.
     */
    audit(note: AuditNote): void;
    /**
     * Tells the automatic entry of this write which records it touched (and where they lie).
     */
    auditWrite(note: AuditNote): void;
  }
}

/**
 * How the audit plugin writes: where to, the clock, and the batch (at most `batchSize`
 * entries, or what gathered in `flushEveryMs`).
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import type { AuditOptions } from '@eduset/server';
 * declare const storage: import('@eduset/adapters').Storage;
 * const options: AuditOptions = { audit: storage.audit, now: () => instant(new Date()) };
 * ```
 */
export interface AuditOptions {
  readonly audit: AuditStore;
  readonly now: () => Instant;
  /** Entries written together at most (200 by default). */
  readonly batchSize?: number;
  /** The longest an entry waits before it is written, in ms (100 by default). */
  readonly flushEveryMs?: number;
}

/** The HTTP methods that change something: each such request of the API is recorded. */
const writeMethods: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** How an actor is shown in the log: the staff member's name, never a parent's. */
function actorFields(actor: Actor | null): Pick<NewAuditEntry, 'actorAccountId' | 'actorLabel'> {
  if (actor === null || actor.kind !== 'staff') {
    return { actorAccountId: null, actorLabel: 'аноним / anonymous' };
  }
  return { actorAccountId: actor.accountId, actorLabel: actor.displayName };
}

/** The places and records of a note, without the fields it leaves out. */
function noteFields(note: AuditNote | undefined): Partial<NewAuditEntry> {
  if (note === undefined) return {};
  return {
    ...(note.networkId === undefined ? {} : { networkId: note.networkId }),
    ...(note.organizationId === undefined ? {} : { organizationId: note.organizationId }),
    ...(note.siteId === undefined ? {} : { siteId: note.siteId }),
    ...(note.recordIds === undefined ? {} : { recordIds: [...note.recordIds] }),
  };
}

/**
 * A buffer of audit entries written in batches.
 *
 * Why batches: the public booking POST is the busiest write of the server (the benchmark
 * must stay at 1 500 bookings/s or more), and one INSERT per request would add a round trip
 * to the database to every booking. Entries are gathered in memory and written in one
 * statement every `flushEveryMs` (100 ms), or as soon as `batchSize` (200) wait. The price:
 * an entry reaches the database up to 100 ms after its answer was sent, and entries still in
 * memory are lost if the process is killed (not when the server is closed: `onClose` writes
 * them). A batch the database refuses is logged and tried again with the next one, up to
 * 10 000 waiting entries; beyond that the oldest are dropped and the loss is logged.
 */
class AuditBuffer {
  private pending: NewAuditEntry[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private static readonly maxPending = 10_000;

  constructor(
    private readonly store: AuditStore,
    private readonly batchSize: number,
    private readonly flushEveryMs: number,
    private readonly onError: (error: unknown, lost: number) => void,
  ) {}

  push(entry: NewAuditEntry): void {
    this.pending.push(entry);
    if (this.pending.length >= this.batchSize) {
      void this.flush();
    } else if (this.timer === undefined) {
      this.timer = setTimeout(() => void this.flush(), this.flushEveryMs);
      this.timer.unref();
    }
  }

  /** Writes what waits, after the previous write ended; resolves when it is stored. */
  flush(): Promise<void> {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.writing = this.writing.then(async () => {
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0, this.batchSize);
        try {
          await this.store.append(batch);
        } catch (error) {
          this.pending.unshift(...batch);
          const lost = Math.max(0, this.pending.length - AuditBuffer.maxPending);
          if (lost > 0) this.pending.splice(0, lost);
          this.onError(error, lost);
          if (this.timer === undefined) {
            this.timer = setTimeout(() => void this.flush(), this.flushEveryMs);
            this.timer.unref();
          }
          return;
        }
      }
    });
    return this.writing;
  }
}

/**
 * The audit log of the server (`reference/operations.md`, 152-ФЗ, OWASP ASVS V7):
 * - `request.audit(note)` — a handler that showed personal data records the read: one entry
 *   with who, when, from where (`request.ip`), which records, and the answer's status;
 * - every write of the API (POST, PUT, PATCH, DELETE under `/api/`) is recorded after its
 *   answer, refused ones included: who, when, from where, the route (`POST /api/bookings`,
 *   the pattern, never the URL with its query or token), the status, and the record ids the
 *   handler gave with `request.auditWrite(note)`.
 *
 * Entries are written in batches (up to 100 ms later, see the buffer's comment) and the last ones
 * when the server closes. Register it after the access plugin (it reads `request.actor`).
 *
 * @example
 * ```ts
 * import Fastify from 'fastify';
 * import { instant } from '@eduset/core';
 * import { openStorage } from '@eduset/adapters';
 * import { registerAccess, registerAudit } from '@eduset/server';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * const server = Fastify();
 * registerAccess(server);
 * registerAudit(server, { audit: storage.audit, now: () => instant(new Date()) });
 * ```
 */
export function registerAudit(server: FastifyInstance, options: AuditOptions): void {
  const buffer = new AuditBuffer(
    options.audit,
    options.batchSize ?? 200,
    options.flushEveryMs ?? 100,
    (error, lost) => {
      server.log.error({ err: error, lost }, 'audit log write failed');
    },
  );
  const reads = new WeakMap<FastifyRequest, AuditNote[]>();
  const writes = new WeakMap<FastifyRequest, AuditNote>();

  server.decorateRequest('audit', function audit(this: FastifyRequest, note: AuditNote) {
    const notes = reads.get(this);
    if (notes === undefined) reads.set(this, [note]);
    else notes.push(note);
  });
  server.decorateRequest('auditWrite', function auditWrite(this: FastifyRequest, note: AuditNote) {
    writes.set(this, note);
  });

  // A callback hook (no promise per answer): it only puts entries in the buffer.
  server.addHook('onResponse', (request, reply, done) => {
    const notes = reads.get(request);
    const isWrite = writeMethods.has(request.method) && request.url.startsWith('/api/');
    if (notes === undefined && !isWrite) {
      done();
      return;
    }
    const common = {
      at: options.now(),
      ...actorFields((request.actor as Actor | null) ?? null),
      clientAddress: request.ip,
      requestId: request.id,
      outcome: reply.statusCode,
    };
    for (const note of notes ?? []) {
      buffer.push({ ...common, action: note.action ?? 'read', ...noteFields(note) });
    }
    if (isWrite) {
      const route = request.is404 ? '(no route)' : request.routeOptions.url;
      const note = writes.get(request);
      buffer.push({
        ...common,
        action: note?.action ?? `${request.method} ${route ?? '(no route)'}`,
        ...noteFields(note),
      });
    }
    done();
  });

  server.addHook('onClose', async () => {
    await buffer.flush();
  });
}
