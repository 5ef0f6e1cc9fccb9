/**
 * iCalendar files (RFC 5545): core's calendar events (`bookingCalendarEvent`,
 * `sessionCalendarEvents`) written as `.ics` text with `VTIMEZONE`, stable UIDs, `SEQUENCE`
 * and `STATUS`.
 *
 * @example
 * ```ts
 * import { renderICalendar } from '@eduset/adapters';
 * import { sessionCalendarEvents, type Booking } from '@eduset/core';
 * declare const bookings: Booking[];
 * const feed = renderICalendar(
 *   sessionCalendarEvents(bookings, {
 *     uidDomain: 'eduset.udomlya.ru', timeZone: 'Europe/Moscow', siteId: 'kp-teremok',
 *     summary: 'Консультация',
 *   }),
 *   { name: 'Консультационный пункт «Теремок»', timeZone: 'Europe/Moscow' },
 * );
 * ```
 *
 * @module ical
 */
export { renderICalendar, type RenderICalendarOptions } from './ical.js';
