import type { Lang } from '@eduset/core';

/**
 * A time zone as people say it («Москва, стандартное время», "Moscow Standard Time") rather
 * than its IANA id (`Europe/Moscow`), from the browser's own time-zone names; the id when the
 * browser has no name for it.
 */
export function timeZoneName(timeZone: string, lang: Lang): string {
  try {
    const part = new Intl.DateTimeFormat(lang, { timeZone, timeZoneName: 'long' })
      .formatToParts(new Date())
      .find((each) => each.type === 'timeZoneName');
    return part?.value ?? timeZone;
  } catch {
    return timeZone;
  }
}
