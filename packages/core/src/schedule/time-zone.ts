import { z } from '../common/zod-mini.js';

// Apart from availability.ts, so that what reads only a zone name (the answer of
// `GET /api/slots`) does not load the availability schemas.

const knownTimeZones = new Map<string, boolean>();

/**
 * Tells whether a string names a time zone this JavaScript runtime knows (an IANA name such
 * as `Europe/Moscow`).
 *
 * @example
 * ```ts
 * import { isTimeZone } from '@eduset/core/schedule';
 * isTimeZone('Europe/Moscow'); // true
 * isTimeZone('Mars/Olympus'); // false
 * ```
 */
export function isTimeZone(value: string): boolean {
  if (value.trim() === '') return false;
  // Building an Intl.DateTimeFormat costs ~0.1 ms; a schedule names a handful of zones over
  // thousands of availabilities, so each name is checked once per process.
  const known = knownTimeZones.get(value);
  if (known !== undefined) return known;
  let valid: boolean;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    valid = true;
  } catch {
    valid = false;
  }
  knownTimeZones.set(value, valid);
  return valid;
}

/**
 * Schema of an IANA time zone name, checked against the runtime's zone data.
 *
 * @example
 * ```ts
 * import { timeZoneSchema } from '@eduset/core/schedule';
 * timeZoneSchema.parse('Europe/Kaliningrad');
 * ```
 */
export const timeZoneSchema = z.string().check(
  z.refine(isTimeZone, {
    params: {
      text: {
        ru: 'Неизвестный часовой пояс (ожидается имя IANA, например Europe/Moscow)',
        en: 'Unknown time zone (expected an IANA name such as Europe/Moscow)',
      },
    },
  }),
);
