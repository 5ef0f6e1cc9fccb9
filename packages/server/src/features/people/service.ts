import {
  bookingContactSchema,
  parse,
  ValidationError,
  type Instant,
  type Booking,
} from '@eduset/core';
import type { PersonContact, Storage } from '@eduset/adapters';
import { z } from 'zod';

const idText = z.string().trim().min(1).max(128);

/**
 * Schema of the body of `POST /api/staff/people/export` and `…/erase`: the network and the
 * person's phone and/or e-mail (at least one), as she gave them when booking; the phone is
 * normalized as bookings store it (`8 912 345-67-89` → `+79123456789`).
 *
 * @example
 * ```ts
 * import { parse } from '@eduset/core';
 * import { personRequestSchema } from '@eduset/server';
 * parse(personRequestSchema, { network: 'udomlya', phone: '8 912 345-67-89' });
 * ```
 */
export const personRequestSchema = z
  .strictObject({
    network: idText,
    phone: bookingContactSchema.shape.phone,
    email: bookingContactSchema.shape.email,
  })
  .superRefine((body, context) => {
    if (body.phone === undefined && body.email === undefined) {
      context.addIssue({
        code: 'custom',
        path: [],
        params: {
          text: {
            ru: 'Укажите телефон или адрес электронной почты человека',
            en: "Give the person's phone number or e-mail address",
          },
        },
      });
    }
  });

/**
 * The validated body of the person routes.
 *
 * @example
 * ```ts
 * import type { PersonRequest } from '@eduset/server';
 * const request: PersonRequest = { network: 'udomlya', email: 'anna@example.org' };
 * ```
 */
export type PersonRequest = z.output<typeof personRequestSchema>;

/**
 * Validates the body of a person route: a `ValidationError` (400, every problem in Russian
 * and English) when it is not valid.
 *
 * @example
 * ```ts
 * import { parsePersonRequest } from '@eduset/server';
 * parsePersonRequest({ network: 'udomlya', phone: '8 912 345-67-89' }).phone; // '+79123456789'
 * ```
 */
export function parsePersonRequest(body: unknown): PersonRequest {
  if (body === undefined || body === null) {
    throw new ValidationError([
      {
        path: [],
        code: 'required',
        message: { ru: 'Нужно тело запроса в JSON', en: 'A JSON request body is required' },
      },
    ]);
  }
  return parse(personRequestSchema, body);
}

/**
 * The contact to look a person up by, from a validated request.
 *
 * @example
 * ```ts
 * import { personContactOf } from '@eduset/server';
 * personContactOf({ network: 'udomlya', email: 'anna@example.org' }); // { email: 'anna@example.org' }
 * ```
 */
export function personContactOf(request: PersonRequest): PersonContact {
  return {
    ...(request.phone !== undefined ? { phone: request.phone } : {}),
    ...(request.email !== undefined ? { email: request.email } : {}),
  };
}

/**
 * One booking held with the person's contact, as the export answers it: the booking and the
 * consent it was made with (`version` and `at` are `null` for bookings made before consent
 * versions were recorded).
 *
 * @example
 * ```ts
 * import type { PersonExportEntry } from '@eduset/server';
 * declare const entry: PersonExportEntry;
 * entry.consent.version; // '2026-12-01'
 * ```
 */
export interface PersonExportEntry {
  readonly booking: Booking;
  readonly consent: {
    readonly given: true;
    readonly version: string | null;
    readonly at: Instant | null;
  };
}

/**
 * The answer of `POST /api/staff/people/export`: what the network holds with the person's
 * contact (152-ФЗ, art. 14), as of `exportedAt`.
 *
 * @example
 * ```ts
 * import type { PersonExport } from '@eduset/server';
 * declare const answer: PersonExport;
 * answer.bookings.length;
 * ```
 */
export interface PersonExport {
  readonly network: string;
  readonly person: PersonContact;
  readonly exportedAt: Instant;
  readonly bookings: readonly PersonExportEntry[];
}

/**
 * The answer of `POST /api/staff/people/erase`: how many bookings had the person's name,
 * phone and e-mail erased (the bookings themselves, and so the counts, stay).
 *
 * @example
 * ```ts
 * import type { PersonErasure } from '@eduset/server';
 * const answer: PersonErasure = { network: 'udomlya', erased: 2, erasedAt: '2026-12-05T09:00:00.000Z' as PersonErasure['erasedAt'] };
 * ```
 */
export interface PersonErasure {
  readonly network: string;
  readonly erased: number;
  readonly erasedAt: Instant;
}

/**
 * Everything the network holds with a person's contact: every booking with its consent.
 *
 * @example
 * ```ts
 * import { openStorage } from '@eduset/adapters';
 * import { instant } from '@eduset/core';
 * import { exportPerson } from '@eduset/server';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * const answer = await exportPerson(storage, { network: 'udomlya', phone: '+79123456789' }, instant(new Date()));
 * ```
 */
export async function exportPerson(
  storage: Pick<Storage, 'findPersonBookings'>,
  request: PersonRequest,
  now: Instant,
): Promise<PersonExport> {
  const person = personContactOf(request);
  const held = await storage.findPersonBookings(request.network, person);
  return {
    network: request.network,
    person,
    exportedAt: now,
    bookings: held.map((entry) => ({
      booking: entry.booking,
      consent: { given: true, version: entry.consent.version, at: entry.consent.at },
    })),
  };
}

/**
 * Erases a person's name, phone and e-mail from every booking of the network held with her
 * contact (a booking still to come is cancelled first), then runs the erasure's maintenance
 * step so the erased contact leaves the table's files.
 *
 * @example
 * ```ts
 * import { openStorage } from '@eduset/adapters';
 * import { instant } from '@eduset/core';
 * import { erasePerson } from '@eduset/server';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * (await erasePerson(storage, { network: 'udomlya', email: 'anna@example.org' }, instant(new Date()))).erased;
 * ```
 */
export async function erasePerson(
  storage: Pick<Storage, 'erasePersonBookings' | 'compactAfterErasure'>,
  request: PersonRequest,
  now: Instant,
): Promise<PersonErasure> {
  const erased = await storage.erasePersonBookings(request.network, personContactOf(request), now);
  if (erased > 0) await storage.compactAfterErasure();
  return { network: request.network, erased, erasedAt: now };
}
