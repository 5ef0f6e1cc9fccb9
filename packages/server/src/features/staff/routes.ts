import { auditCsv } from '@eduset/adapters';
import { bookingStatusSchema, instantSchema, isoDateSchema, parse } from '@eduset/core';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { z } from 'zod';
import { auditActionName, staffService, type StaffServiceOptions } from './service.js';

const idText = z.string().trim().min(1).max(128);

/**
 * Schema of the query of `GET /api/staff/bookings`: optionally `network`, `siteId`,
 * `specialistId`, a civil `date` (today in the network's zone by default) with `span=day`
 * (default) or `week` (Monday to Sunday), and a booking `status`. Unknown parameters are
 * reported.
 *
 * @example
 * ```ts
 * import { parse } from '@eduset/core';
 * import { staffBookingsQuerySchema } from '@eduset/server';
 * parse(staffBookingsQuerySchema, { siteId: 'kp-korablik', date: '2026-09-08', span: 'week' });
 * ```
 */
export const staffBookingsQuerySchema = z.strictObject({
  network: idText.optional(),
  siteId: idText.optional(),
  specialistId: idText.optional(),
  date: z.optional(isoDateSchema),
  span: z.enum(['day', 'week']).optional(),
  status: z.optional(bookingStatusSchema),
});

/**
 * The validated query of `GET /api/staff/bookings`.
 *
 * @example
 * ```ts
 * import type { StaffBookingsQuery } from '@eduset/server';
 * const query: StaffBookingsQuery = { span: 'week' };
 * ```
 */
export type StaffBookingsQuery = z.output<typeof staffBookingsQuerySchema>;

const limitQuery = z
  .string()
  .refine((value) => /^\d{1,4}$/.test(value) && Number(value) >= 1 && Number(value) <= 1000, {
    params: {
      text: {
        ru: 'Размер страницы — целое число от 1 до 1000',
        en: 'The page size is a whole number from 1 to 1000',
      },
    },
  })
  .transform(Number);

/**
 * Schema of the query of `GET /api/audit` and `GET /api/audit.csv`: optionally `network`,
 * the period `from` (included) – `to` (excluded) as UTC instants, the `actor`'s account id,
 * the `action`, and for the JSON list the page: `limit` (1–1000, 100 by default) and the
 * `cursor` of the previous answer's `next`.
 *
 * @example
 * ```ts
 * import { parse } from '@eduset/core';
 * import { auditQuerySchema } from '@eduset/server';
 * parse(auditQuerySchema, { from: '2026-09-01T00:00:00Z', action: 'booking.contact.read', limit: '50' });
 * ```
 */
export const auditQuerySchema = z.strictObject({
  network: idText.optional(),
  from: z.optional(instantSchema),
  to: z.optional(instantSchema),
  actor: idText.optional(),
  action: z.string().trim().min(1).max(200).optional(),
  limit: limitQuery.optional(),
  cursor: z.string().min(1).max(300).optional(),
});

/**
 * The validated query of `GET /api/audit`.
 *
 * @example
 * ```ts
 * import type { AuditQuery } from '@eduset/server';
 * const query: AuditQuery = { action: 'audit.read' };
 * ```
 */
export type AuditQuery = z.output<typeof auditQuerySchema>;

/** Staff answers are about people: never kept by a browser or a proxy. */
function noStore(reply: FastifyReply): void {
  reply.header('cache-control', 'no-store');
}

/**
 * The staff routes, each for signed-in staff whose grants allow it (see `RouteAccess`):
 * - `GET /api/staff/me` (`staff.me.read`) — the signed-in person, her grants with the names
 *   of roles and places, and the actions she may do;
 * - `GET /api/staff/bookings` (`booking.list`) — the bookings she may see
 *   ({@link staffBookingsQuerySchema}), with parents' contacts only where she may read them;
 *   such a read is recorded in the audit log (one entry with the booking ids);
 * - `GET /api/audit` (`audit.read`) — a page of the audit log, newest first;
 * - `GET /api/audit.csv` (`audit.read`) — the same entries as CSV (`;`, UTF-8 with BOM).
 *
 * Reading the audit log is itself recorded. Every answer carries `Cache-Control: no-store`.
 *
 * @example
 * ```ts
 * import Fastify from 'fastify';
 * import { instant } from '@eduset/core';
 * import { openStorage } from '@eduset/adapters';
 * import { staffRoutes } from '@eduset/server';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * const server = Fastify();
 * void server.register(staffRoutes({ storage, now: () => instant(new Date()) }));
 * ```
 */
export function staffRoutes(options: StaffServiceOptions): FastifyPluginAsync {
  const staff = staffService(options);
  return async (api) => {
    api.get(
      '/api/staff/me',
      { config: { access: { action: 'staff.me.read' } } },
      (request, reply) => {
        noStore(reply);
        return staff.me(request.actor);
      },
    );

    api.get(
      '/api/staff/bookings',
      { config: { access: { action: 'booking.list' } } },
      async (request, reply) => {
        noStore(reply);
        const query = parse(staffBookingsQuerySchema, request.query);
        const { answer, contactIds } = await staff.bookings(request.actor, query);
        if (contactIds.length > 0) {
          request.audit({
            action: 'booking.contact.read',
            networkId: answer.networkId,
            ...(query.siteId === undefined ? {} : { siteId: query.siteId }),
            recordIds: contactIds,
          });
        }
        return answer;
      },
    );

    api.get(
      '/api/audit',
      { config: { access: { action: 'audit.read' } } },
      async (request, reply) => {
        noStore(reply);
        const query = parse(auditQuerySchema, request.query);
        const { networkId, page } = await staff.auditPage(request.actor, query);
        request.audit({ action: 'audit.read', networkId });
        const entries = page.entries.map((entry) => ({
          ...entry,
          actionName: auditActionName(entry.action),
        }));
        return { networkId, entries, next: page.next ?? null };
      },
    );

    api.get(
      '/api/audit.csv',
      { config: { access: { action: 'audit.read' } } },
      async (request, reply) => {
        noStore(reply);
        const query = parse(auditQuerySchema, request.query);
        const { networkId, entries } = await staff.auditExport(request.actor, query);
        request.audit({ action: 'audit.read', networkId });
        return reply
          .type('text/csv; charset=utf-8')
          .header(
            'content-disposition',
            `attachment; filename="audit-${networkId.replace(/[^A-Za-z0-9_-]/g, '_')}.csv"`,
          )
          .send(auditCsv(entries));
      },
    );
  };
}
