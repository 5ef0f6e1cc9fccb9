// Pieces the server's tests share: the body of a booking request and a piece of schedule.
import type { AvailabilityInput, Slot } from '@eduset/core';

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
