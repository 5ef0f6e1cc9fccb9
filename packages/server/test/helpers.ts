// Pieces the server's tests share: the body of a booking request, a piece of schedule, and a
// staff member signed in.
import { instant, type AvailabilityInput, type Slot } from '@eduset/core';
import type { Storage } from '@eduset/adapters';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { hashPassword } from '../src/index.js';

/**
 * The body of `POST /api/bookings` for a slot: a child of four, the given contact (Анна
 * Смирнова with a phone by default) and the consent to process personal data.
 */
export function bookingBody(
  slot: Pick<Slot, 'specialistId' | 'siteId' | 'serviceId' | 'start' | 'end'>,
  contact: object = { name: 'Анна Смирнова', phone: '8 912 345-67-89' },
) {
  return {
    specialistId: slot.specialistId,
    siteId: slot.siteId,
    serviceId: slot.serviceId,
    start: slot.start,
    end: slot.end,
    childAge: 4,
    contact,
    personalDataConsent: true,
  };
}

/** psy-ivanova's individual speech consultations at kp-teremok, weekdays 09:00–13:00. */
export const speechAtTeremok: AvailabilityInput = {
  specialistId: 'psy-ivanova',
  siteId: 'kp-teremok',
  serviceId: 'speech',
  rules: [{ weekdays: [1, 2, 3, 4, 5], start: '09:00', end: '13:00' }],
};

/**
 * Creates a staff account with these grants and signs it in through `POST /api/auth/login`:
 * the headers of its requests (the session cookie and the CSRF token).
 */
export async function signInStaff(
  server: FastifyInstance,
  storage: Storage,
  login: string,
  grants: Parameters<Storage['identity']['createAccount']>[0]['grants'],
  options: { readonly password: string; readonly displayName?: string; readonly email?: string },
): Promise<Record<string, string>> {
  await storage.identity.createAccount(
    {
      login,
      displayName: options.displayName ?? login,
      passwordHash: await hashPassword(options.password),
      grants,
      ...(options.email === undefined ? {} : { email: options.email }),
    },
    instant(new Date()),
  );
  const answer = await server.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { login, password: options.password },
  });
  expect(answer.statusCode, answer.body).toBe(200);
  const cookie = String(answer.headers['set-cookie']).split(';')[0] ?? '';
  const { csrfToken } = answer.json<{ csrfToken: string }>();
  return { cookie, 'x-csrf-token': csrfToken };
}
