import { formatSchoolYear } from '@eduset/core';
import type { Translation } from './translation.js';

const englishPlurals = new Intl.PluralRules('en');

/**
 * English texts of the widgets (used with `lang="en"`).
 *
 * @example
 * ```ts
 * import { en } from '@eduset/widgets';
 * en.siteCount(1); // '1 site'
 * en.ageRange(0, 3); // 'ages 0–3'
 * ```
 */
export const en: Translation = {
  lang: 'en',
  filters: 'Find a site',
  childAge: "Child's age, full years",
  childAgeHint: 'Leave empty to see sites for all ages',
  service: 'Service',
  anyService: 'Any service',
  resetFilters: 'Clear filters',
  loading: 'Loading the list of sites…',
  loadFailed: 'Could not load the list of sites',
  retry: 'Try again',
  siteCount: (count) => `${count} ${englishPlurals.select(count) === 'one' ? 'site' : 'sites'}`,
  sitesFound: (count) => `${en.siteCount(count)} found`,
  schoolYear: (year) => formatSchoolYear(year, 'long', 'en'),
  noSitesMatch:
    'No sites match the chosen filters. Change the age or the service, or clear the filters.',
  noSitesInYear: (year) => `No sites are open in the ${formatSchoolYear(year, 'long', 'en')}.`,
  hostOrganization: 'Organization',
  address: 'Address',
  phone: 'Phone',
  services: 'Services',
  ages: "Children's ages",
  ageRange: (from, to) => (from === to ? `age ${from}` : `ages ${from}–${to}`),
  booking: {
    title: 'Book a consultation',
    loading: 'Loading the schedule…',
    loadFailed: 'Could not load the schedule',
    step: (step, total) => `Step ${step} of ${total}`,
    chooseService: 'What do you need help with?',
    noServices: 'No service can be booked online right now.',
    chooseProvider: 'Where and with whom?',
    anyProvider: 'Any specialist at any site',
    bySite: 'Site',
    bySpecialist: 'Specialist',
    chooseSlot: 'Choose a time',
    slotsLoading: 'Loading free times…',
    noSlots: 'No free time on these days. Look at other days or choose another site.',
    slotsHint: 'Use the arrow keys to move between times and Enter to choose.',
    timeZoneNote: (timeZone) => `Times are in the site's time zone (${timeZone}).`,
    earlier: 'Earlier days',
    later: 'Later days',
    period: (from, to) => `Free times from ${from} to ${to}`,
    seatsLeft: (count) => `${count} ${count === 1 ? 'seat' : 'seats'} left`,
    contactTitle: 'Contacts and consent',
    name: "Parent's name",
    phone: 'Phone',
    email: 'E-mail',
    contactHint: 'Give a phone number or an e-mail address, at least one.',
    childAge: "Child's age in full years",
    note: 'Note for the specialist',
    noteHint:
      'Optional. What the specialist should know beforehand, up to 500 characters. Seen only by the specialist and the service coordinator.',
    noteTooLong: 'The note is longer than 500 characters; please shorten it.',
    consent:
      'I consent to the processing of my personal data to book the consultation (Federal Law No. 152-FZ)',
    submit: 'Book',
    submitting: 'Sending the booking…',
    back: 'Back',
    nameRequired: 'Give a name.',
    contactRequired: 'Give a phone number or an e-mail address.',
    phoneInvalid:
      'The phone number is incomplete: give it with the area code, e.g. +7 912 345-67-89.',
    emailInvalid: 'The e-mail address is not valid.',
    ageInvalid: "Give the child's age as a whole number of years from 0 to 25.",
    consentRequired:
      'A booking cannot be made without consent to personal-data processing (152-FZ).',
    errorsFound: (count) => `Please check the form: ${count} ${count === 1 ? 'error' : 'errors'}.`,
    chooseAnotherSlot: 'Choose another time',
    confirmedTitle: 'You are booked',
    service: 'Service',
    site: 'Site',
    specialist: 'Specialist',
    when: 'When',
    addToCalendar: 'Add to calendar',
    cancelBooking: 'Cancel the booking',
    cancelling: 'Cancelling the booking…',
    cancelledTitle: 'The booking is cancelled',
    bookAgain: 'Book again',
    childAgeFirstHint:
      'If you know the age, enter it: only the services for that age, and times the child can be booked for, stay.',
    servicesForOtherAges: 'Services for children of other ages are not shown.',
    forAges: (range) => `for children, ${range}`,
    ageNeeded: (range) => `Enter the child's age: this service is for children, ${range}.`,
    ageNotForService: (range) =>
      `This service is for children, ${range}. Check the age or choose another service.`,
    manageLink: 'Link to manage the booking',
    manageHint:
      'Keep this link or bookmark the page: with it you can see, move or cancel the booking from any device, even after you close this page.',
    selectedSlot: 'Chosen time',
  },
  schedule: {
    title: 'When and where specialists receive',
    filters: 'Filter by age and service',
    loading: 'Loading the schedule…',
    loadFailed: 'Could not load the schedule',
    thisWeek: 'This week',
    nextWeek: 'Next week',
    week: 'Week',
    weekRange: (from, to) => `${from} – ${to}`,
    dayOff: 'day off',
    noHours: 'no hours',
    freeSlots: (count) => `${count} free`,
    noFreeSlots: 'fully booked',
    freeSlotsLoading: 'Loading free times…',
    nothing: 'No hours match the chosen filters this week.',
    specialist: 'Specialist',
    day: 'Day',
    hours: 'Hours',
    timeZoneNote: (timeZone) => `Times are in the sites' time zone (${timeZone}).`,
  },
};
