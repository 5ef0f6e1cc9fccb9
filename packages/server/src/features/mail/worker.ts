import {
  instant,
  isEdusetError,
  type Instant,
  type Network,
  type NetworkSchedule,
} from '@eduset/core';
import {
  isStaffMailKind,
  type ClaimedMail,
  type MailOutcome,
  type Storage,
} from '@eduset/adapters';
import {
  composeBookingMail,
  composeRequestMail,
  messageIdOf,
  type MailContext,
} from './compose.js';
import { composeStaffMail } from './staff.js';
import { bookingTimeAfter, planBookingMail } from './plan.js';
import {
  MailSendError,
  smtpSocketTimeoutMs,
  type MailTransport,
  type OutgoingMail,
} from './transport.js';

const minuteMs = 60_000;
const dayMs = 24 * 60 * minuteMs;

/**
 * What the mail worker needs: the storage, where messages go, the clock, the server's public
 * address (for the links) and the sender; the rest has defaults.
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import { openStorage } from '@eduset/adapters';
 * import { mailFolderTransport, type MailWorkerOptions } from '@eduset/server';
 * const options: MailWorkerOptions = {
 *   storage: await openStorage({ dataDir: 'memory://' }),
 *   transport: mailFolderTransport('.data/mail'),
 *   now: () => instant(new Date()),
 *   publicUrl: 'http://127.0.0.1:8080/',
 *   from: 'eduset <noreply@localhost>',
 * };
 * ```
 */
export interface MailWorkerOptions {
  readonly storage: Pick<
    Storage,
    'mail' | 'links' | 'listNetworks' | 'loadNetwork' | 'loadSchedule'
  >;
  readonly transport: MailTransport;
  readonly now: () => Instant;
  /** The server's address as parents reach it (`PUBLIC_URL`), for the links in messages. */
  readonly publicUrl: string;
  /** The sender (`MAIL_FROM`). */
  readonly from: string;
  /** The domain of iCalendar UIDs, as the server's `uidDomain`; `eduset`. Message-IDs take the sender's. */
  readonly uidDomain?: string;
  /** The reminder's local time the day before, `HH:mm` (`REMINDER_TIME`); `18:00`. */
  readonly reminderTime?: string;
  /** Time between passes of the loop (ms); 2 000. */
  readonly intervalMs?: number;
  /** Bookings looked at per sweep transaction; 200. */
  readonly sweepBatch?: number;
  /** Messages claimed at a time; 50. */
  readonly sendBatch?: number;
  /** Messages sent at once; 8 (the SMTP pool's connections): sending waits on the SMTP server and the database. */
  readonly concurrency?: number;
  /** How long a claim holds a message (ms); 5 minutes. */
  readonly leaseMs?: number;
  /** Attempts before a message that keeps failing is given up; 8. */
  readonly maxAttempts?: number;
  /** Told of a failure of the loop (never with an address). */
  readonly onError?: (error: unknown) => void;
}

/**
 * What one pass did: bookings swept, messages sent, skipped, to be retried, failed, and
 * given back unsent (the lease running short, or the worker stopping).
 *
 * @example
 * ```ts
 * import type { MailPass } from '@eduset/server';
 * declare const pass: MailPass;
 * `${pass.sent} sent, ${pass.skipped} skipped`;
 * ```
 */
export interface MailPass {
  readonly swept: number;
  readonly sent: number;
  readonly skipped: number;
  readonly retried: number;
  readonly failed: number;
  readonly released: number;
}

/**
 * The worker that derives messages from stored state and sends them (see
 * {@link createMailWorker}).
 *
 * @example
 * ```ts
 * import type { MailWorker } from '@eduset/server';
 * declare const worker: MailWorker;
 * worker.start();
 * await worker.stop();
 * ```
 */
export interface MailWorker {
  /** One pass now: purge, sweep every changed booking, send every due message. */
  pass(): Promise<MailPass>;
  /** Runs passes every `intervalMs` (the timer does not keep the process alive). */
  start(): void;
  /** Stops the loop: the message on its way is finished, the others claimed are given back. */
  stop(): Promise<void>;
}

interface NetworkEntry {
  readonly at: number;
  readonly context: Promise<{ network: Network; schedule: NetworkSchedule | undefined }>;
}

/** How long a network and its schedule are kept between passes (ms). */
const networkCacheMs = 30_000;
/** The sweep and the sending stop taking more work after this long in one pass (ms). */
const passBudgetMs = 20_000;
/** Finished messages are kept this long, then purged (they hold no personal data). */
const keepFinishedMs = 90 * dayMs;
/** How often expired requests and old messages are purged (ms). */
const purgeEveryMs = 10 * minuteMs;

function later(at: Instant, ms: number): Instant {
  return instant(new Date(Date.parse(at) + ms));
}

function isNotFound(error: unknown): boolean {
  return isEdusetError(error) && error._tag === 'NotFoundError';
}

/**
 * The mail worker of one server process. Each pass:
 * 1. every 10 minutes, deletes expired booking requests and messages finished over 90 days
 *    ago;
 * 2. sweeps the bookings with an e-mail that changed since last seen (200 per transaction,
 *    `FOR UPDATE SKIP LOCKED`) and enqueues what they call for ({@link planBookingMail}):
 *    confirmation, reminder, change by the service, survey — each once (its dedupe key);
 * 3. claims due messages (50 at a time, leased for 5 minutes, `FOR UPDATE SKIP LOCKED`),
 *    writes each from the booking as stored now ({@link composeBookingMail}; nothing for a
 *    cancelled booking's confirmation, a moved booking's old reminder, an erased contact),
 *    sends it through the transport (8 at a time) and marks it sent under its claim.
 *
 * Several processes run it side by side over one PostgreSQL: each booking is swept by one,
 * each message claimed by one. A message is sent once unless a process dies after the SMTP
 * server accepted it and before its row was marked: then it is sent again when the lease
 * has passed (with the same `Message-ID`). A message is never started with less than two
 * SMTP timeouts of its lease left, so a slow send cannot overlap another process's claim.
 * Failures are tried again after 1, 2, 4 … minutes (at most an hour apart), 8 attempts in
 * all; an SMTP 5xx refusal is final.
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import { openStorage } from '@eduset/adapters';
 * import { createMailWorker, smtpTransport } from '@eduset/server';
 * const worker = createMailWorker({
 *   storage: await openStorage(),
 *   transport: smtpTransport({ url: 'smtp://127.0.0.1:2525' }),
 *   now: () => instant(new Date()),
 *   publicUrl: 'https://eduset.udomlya.example/',
 *   from: 'Служба помощи родителям <noreply@udomlya.example>',
 * });
 * worker.start();
 * ```
 */
export function createMailWorker(options: MailWorkerOptions): MailWorker {
  const { storage, transport, now } = options;
  const publicUrl = options.publicUrl.endsWith('/') ? options.publicUrl : `${options.publicUrl}/`;
  const uidDomain = options.uidDomain ?? 'eduset';
  // Message-IDs carry the sender's domain, as mail systems expect.
  const messageDomain = /@([^\s@<>]+)>?\s*$/.exec(options.from)?.[1] ?? uidDomain;
  const reminderTime = options.reminderTime ?? '18:00';
  const intervalMs = options.intervalMs ?? 2_000;
  const sweepBatch = options.sweepBatch ?? 200;
  const sendBatch = options.sendBatch ?? 50;
  const concurrency = Math.max(1, options.concurrency ?? 8);
  const leaseMs = options.leaseMs ?? 5 * minuteMs;
  const maxAttempts = options.maxAttempts ?? 8;
  const report = options.onError ?? (() => undefined);
  /** A message is started only with this much of its lease left. */
  const leaseMarginMs = Math.min(2 * smtpSocketTimeoutMs, leaseMs / 2);

  const networks = new Map<string, NetworkEntry>();
  const contextOf = (networkId: string) => {
    const cached = networks.get(networkId);
    const at = Date.now();
    if (cached !== undefined && at - cached.at < networkCacheMs) return cached.context;
    const context = (async () => {
      const network = await storage.loadNetwork(networkId);
      let schedule: NetworkSchedule | undefined;
      try {
        schedule = await storage.loadSchedule(networkId);
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
      return { network, schedule };
    })();
    const entry = { at, context };
    networks.set(networkId, entry);
    context.catch(() => {
      if (networks.get(networkId) === entry) networks.delete(networkId);
    });
    return context;
  };
  const mailContext = async (networkId: string): Promise<MailContext> => {
    const { network, schedule } = await contextOf(networkId);
    return { network, schedule, publicUrl, from: options.from, uidDomain, messageDomain };
  };

  let stopping = false;
  let lastPurge = Number.NEGATIVE_INFINITY;

  async function sweep(deadline: number): Promise<number> {
    // Zones of every site, for reminders: read before the sweep's transaction.
    const zones = new Map<string, string>();
    const defaults = new Map<string, string>();
    for (const { id } of await storage.listNetworks()) {
      const { network, schedule } = await contextOf(id);
      defaults.set(id, network.timeZone);
      for (const entry of schedule?.availabilities ?? []) {
        const key = `${id}\u0000${entry.siteId}`;
        if (!zones.has(key)) zones.set(key, entry.timeZone);
      }
    }
    const timeZoneOf = (networkId: string, siteId: string): string =>
      zones.get(`${networkId}\u0000${siteId}`) ?? defaults.get(networkId) ?? 'Europe/Moscow';
    let swept = 0;
    while (!stopping && Date.now() < deadline) {
      const at = now();
      const count = await storage.mail.sweepBookings(
        sweepBatch,
        (bookings) =>
          bookings.flatMap((entry) =>
            planBookingMail(entry, { now: at, reminderTime, timeZoneOf }),
          ),
        at,
      );
      swept += count;
      if (count < sweepBatch) break;
    }
    return swept;
  }

  /** The message to send for a claimed row, or why there is nothing to send. */
  async function build(message: ClaimedMail, at: Instant): Promise<OutgoingMail | string> {
    if (isStaffMailKind(message.kind)) {
      // A message to staff was written when it was asked for (a late report, overdue measures).
      const payload = message.payload;
      if (payload === undefined) return 'no-payload';
      if (payload.to.length === 0) return 'no-address';
      return composeStaffMail(payload, {
        publicUrl,
        from: options.from,
        messageId: messageIdOf(message.dedupeKey, messageDomain),
        kind: message.kind,
      });
    }
    if (message.kind === 'confirm-request') {
      const pending = message.request;
      if (pending === undefined) return 'request-gone';
      if (pending.expiresAt <= at) return 'request-expired';
      const token = await storage.links.token('confirm', pending.id);
      return composeRequestMail(pending, await mailContext(message.networkId), token);
    }
    const booking = message.booking;
    if (booking === undefined) return 'booking-gone';
    if (booking.contactErased || booking.contact.email === undefined) return 'no-address';
    const active = booking.status === 'requested' || booking.status === 'confirmed';
    if (message.kind === 'confirmation' && (!active || booking.end <= at)) return 'not-active';
    if (message.kind === 'reminder') {
      if (booking.status !== 'confirmed') return 'not-active';
      if (booking.start !== message.consultationStart) return 'moved';
      if (booking.start <= at) return 'past';
    }
    if (message.kind === 'survey' && booking.status !== 'attended') return 'not-attended';
    const context = await mailContext(message.networkId);
    const manageToken = await storage.links.token('manage', booking.id);
    const surveyToken =
      message.kind === 'survey' ? await storage.links.token('survey', booking.id) : undefined;
    const sequence = message.bookingSequence;
    return composeBookingMail(message.kind, booking, context, {
      dedupeKey: message.dedupeKey,
      manageToken,
      ...(surveyToken !== undefined ? { surveyToken } : {}),
      ...(sequence !== undefined ? { sequence } : {}),
      ...(message.previous !== undefined ? { previous: message.previous } : {}),
      ...(message.kind === 'change' && sequence !== undefined
        ? { timeAt: bookingTimeAfter(booking, sequence) }
        : {}),
    });
  }

  /** Sends one claimed message; `undefined` when it is to be given back unsent. */
  async function deliver(message: ClaimedMail): Promise<MailOutcome | undefined> {
    const at = now();
    if (stopping || Date.parse(message.leaseUntil) - Date.parse(at) < leaseMarginMs) {
      return undefined;
    }
    const mail = await build(message, at);
    if (typeof mail === 'string') return { state: 'skipped', reason: mail };
    try {
      await transport.send(mail);
      return { state: 'sent', messageId: mail.messageId };
    } catch (error) {
      const failure =
        error instanceof MailSendError ? error : new MailSendError(errorName(error), false);
      if (failure.permanent) return { state: 'failed', error: failure.code };
      if (message.attempts >= maxAttempts) {
        return { state: 'failed', error: `gave-up:${failure.code}` };
      }
      const delay = Math.min(60 * minuteMs, minuteMs * 2 ** Math.max(message.attempts - 1, 0));
      return { state: 'retry', error: failure.code, retryAt: later(now(), delay) };
    }
  }

  /** Records an outcome, trying again a few times while the database does not answer. */
  async function finish(message: ClaimedMail, outcome: MailOutcome): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await storage.mail.finish(message, outcome, now());
        return;
      } catch (error) {
        if (attempt >= 5) throw error;
        await new Promise((done) => setTimeout(done, 200 * attempt));
      }
    }
  }

  async function send(deadline: number, counts: Record<keyof Omit<MailPass, 'swept'>, number>) {
    while (!stopping && Date.now() < deadline) {
      const claimed = await storage.mail.claim({ now: now(), limit: sendBatch, leaseMs });
      if (claimed.length === 0) return;
      const unsent: ClaimedMail[] = [];
      let next = 0;
      const lane = async () => {
        for (let index = next++; index < claimed.length; index = next++) {
          const message = claimed[index];
          if (message === undefined) continue;
          let outcome: MailOutcome | undefined;
          try {
            outcome = await deliver(message);
          } catch (error) {
            // Writing the message failed (a broken network document, the database): later.
            report(error);
            outcome = { state: 'retry', error: errorName(error), retryAt: later(now(), minuteMs) };
          }
          if (outcome === undefined) {
            unsent.push(message);
            continue;
          }
          await finish(message, outcome);
          if (outcome.state === 'sent') counts.sent += 1;
          else if (outcome.state === 'skipped') counts.skipped += 1;
          else if (outcome.state === 'retry') counts.retried += 1;
          else counts.failed += 1;
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, claimed.length) }, lane));
      if (unsent.length > 0) counts.released += await storage.mail.release(unsent);
      if (claimed.length < sendBatch) return;
    }
  }

  let running: Promise<MailPass> | undefined;
  async function runPass(): Promise<MailPass> {
    const deadline = Date.now() + passBudgetMs;
    const counts = { sent: 0, skipped: 0, retried: 0, failed: 0, released: 0 };
    const started = now();
    if (Date.parse(started) - lastPurge >= purgeEveryMs || Date.parse(started) < lastPurge) {
      await storage.mail.purge(started, later(started, -keepFinishedMs));
      lastPurge = Date.parse(started);
    }
    const swept = await sweep(deadline);
    await send(deadline, counts);
    return { swept, ...counts };
  }

  const pass = (): Promise<MailPass> => {
    running ??= runPass().finally(() => {
      running = undefined;
    });
    return running;
  };

  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    if (stopping) return;
    timer = setTimeout(() => {
      pass().catch(report).finally(schedule);
    }, intervalMs);
    timer.unref();
  };

  return {
    pass,
    start() {
      if (timer !== undefined || stopping) return;
      pass().catch(report).finally(schedule);
    },
    async stop() {
      stopping = true;
      if (timer !== undefined) clearTimeout(timer);
      try {
        await running;
      } catch {
        // Reported by the loop already.
      }
    },
  };
}

/** An error's name for the outbox (never its message, which may hold an address). */
function errorName(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? code : error.name;
  }
  return 'error';
}
