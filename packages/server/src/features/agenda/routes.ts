import {
  agendaIcsQuerySchema,
  agendaQuerySchema,
  agendaResponseSchema,
  attendanceAnswerSchema,
  attendanceBodySchema,
  bookingIdParamsSchema,
  consultationNoteAnswerSchema,
  consultationNoteBodySchema,
  networkQueryOnlySchema,
} from '@eduset/core';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { withContracts } from '../../plugins/contracts.js';
import { agendaService, type AgendaServiceOptions } from './service.js';

/**
 * The staff agenda's routes, each for signed-in staff whose grants allow it (see
 * `RouteAccess`); every answer is `Cache-Control: no-store`:
 * - `GET /api/staff/agenda?from=&to=&siteId=&specialistId=[&network=]` (`booking.list`) — the
 *   consultations of the period the asker may see (core's `agendaResponseSchema`), with the
 *   parent's contact and note only where she may read contacts; such a read is recorded in
 *   the audit log (`booking.contact.read`, with the booking ids);
 * - `GET /api/staff/agenda.ics?date=&siteId=&specialistId=` (`booking.list`) — the same day as
 *   an iCalendar file: service, site, specialist, child's age and status; no contact, no note;
 * - `POST /api/staff/bookings/:id/attendance` with `{ outcome: 'attended' | 'no-show' }`
 *   (`booking.write`) — marks the consultation (core's `markAttended` / `markNoShow`, by the
 *   site); 409 `illegal-transition` unless it is confirmed, `not-started` before its start;
 * - `GET /api/staff/bookings/:id/note` (`consultation.note.read`) — the private consultation
 *   note, `{ note: null }` when none; the read is recorded in the audit log;
 * - `PUT /api/staff/bookings/:id/note` with `{ text }` (`consultation.note.write`) — writes the
 *   whole note (an empty text removes it); 409 `contact-erased` after an erasure.
 *
 * Only the specialist of the consultation and the coordinator hold the note's actions. A
 * booking outside the asker's scope and one that does not exist both answer 403. Writes are
 * recorded by the audit plugin with the booking's id and place.
 *
 * @example
 * ```ts
 * import Fastify from 'fastify';
 * import { instant } from '@eduset/core';
 * import { openStorage } from '@eduset/adapters';
 * import { agendaRoutes } from '@eduset/server';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * const server = Fastify();
 * void server.register(agendaRoutes({ storage, now: () => instant(new Date()), uidDomain: 'eduset' }));
 * ```
 */
export function agendaRoutes(options: AgendaServiceOptions): FastifyPluginAsync {
  const agenda = agendaService(options);
  return async (plain: FastifyInstance) => {
    const api = withContracts(plain);
    // Staff answers are about people: never kept by a browser or a proxy.
    api.addHook('onSend', (_request, reply, payload, done) => {
      reply.header('cache-control', 'no-store');
      done(null, payload);
    });

    api.get(
      '/api/staff/agenda',
      {
        config: { access: { action: 'booking.list' } },
        schema: { querystring: agendaQuerySchema, response: { 200: agendaResponseSchema } },
      },
      async (request) => {
        const { answer, contactIds } = await agenda.agenda(request.actor, request.query);
        if (contactIds.length > 0) {
          request.audit({
            action: 'booking.contact.read',
            networkId: answer.networkId,
            ...(request.query.siteId === undefined ? {} : { siteId: request.query.siteId }),
            recordIds: contactIds,
          });
        }
        return answer;
      },
    );

    api.get(
      '/api/staff/agenda.ics',
      {
        config: { access: { action: 'booking.list' } },
        schema: { querystring: agendaIcsQuerySchema },
      },
      async (request, reply) => {
        const calendar = await agenda.calendar(request.actor, request.query);
        return reply
          .type('text/calendar; charset=utf-8')
          .header('content-disposition', `attachment; filename="${calendar.fileName}"`)
          .send(calendar.text);
      },
    );

    api.post(
      '/api/staff/bookings/:id/attendance',
      {
        config: { access: { action: 'booking.write' } },
        schema: {
          params: bookingIdParamsSchema,
          body: attendanceBodySchema,
          response: { 200: attendanceAnswerSchema },
        },
      },
      async (request) => {
        const { answer, place } = await agenda.markAttendance(
          request.actor,
          request.params.id,
          request.body.outcome,
          request.body.network,
        );
        request.auditWrite({ ...place, recordIds: [answer.id] });
        return answer;
      },
    );

    api.get(
      '/api/staff/bookings/:id/note',
      {
        config: { access: { action: 'consultation.note.read' } },
        schema: {
          params: bookingIdParamsSchema,
          querystring: networkQueryOnlySchema,
          response: { 200: consultationNoteAnswerSchema },
        },
      },
      async (request) => {
        const { answer, place } = await agenda.readNote(
          request.actor,
          request.params.id,
          request.query.network,
        );
        request.audit({
          action: 'consultation.note.read',
          ...place,
          recordIds: [request.params.id],
        });
        return answer;
      },
    );

    api.put(
      '/api/staff/bookings/:id/note',
      {
        config: { access: { action: 'consultation.note.write' } },
        schema: {
          params: bookingIdParamsSchema,
          body: consultationNoteBodySchema,
          response: { 200: consultationNoteAnswerSchema },
        },
      },
      async (request) => {
        const { answer, place } = await agenda.writeNote(
          request.actor,
          request.params.id,
          request.body.text,
          request.body.network,
        );
        request.auditWrite({
          action: 'consultation.note.write',
          ...place,
          recordIds: [request.params.id],
        });
        return answer;
      },
    );
  };
}
