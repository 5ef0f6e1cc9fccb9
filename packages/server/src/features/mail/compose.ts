import { createHash } from 'node:crypto';
import {
  bookingCalendarEvent,
  bookingStatusLabels,
  specialistRoleLabels,
  type Booking,
  type BookingStatus,
  type Instant,
  type LocalizedText,
  type Network,
  type NetworkSchedule,
} from '@eduset/core';
import { renderICalendar, type BookingRequestRecord } from '@eduset/adapters';
import type { OutgoingMail } from './transport.js';

/**
 * What every message of a network is written with: the network (names, addresses, phones,
 * specialists' roles), its schedule (site zones, what to bring), the server's public address
 * for the links, the sender, and the domain of iCalendar UIDs and `Message-ID`s.
 *
 * @example
 * ```ts
 * import type { MailContext } from '@eduset/server';
 * declare const context: MailContext;
 * context.publicUrl; // 'https://eduset.udomlya.example/'
 * ```
 */
export interface MailContext {
  readonly network: Network;
  readonly schedule: NetworkSchedule | undefined;
  /** The server's address as parents reach it, ending with `/`. */
  readonly publicUrl: string;
  /** The sender, e.g. `Служба помощи родителям <noreply@udomlya.example>`. */
  readonly from: string;
  /** The domain of iCalendar UIDs (the same as the booking's `.ics` route). */
  readonly uidDomain: string;
  /** The domain of `Message-ID`s (the sender's); `uidDomain` when not given. */
  readonly messageDomain?: string;
}

/**
 * What a booking message is about (the kinds of the outbox that concern a booking).
 *
 * @example
 * ```ts
 * import type { BookingMailKind } from '@eduset/server';
 * const kind: BookingMailKind = 'reminder';
 * ```
 */
export type BookingMailKind = 'confirmation' | 'reminder' | 'change' | 'survey';

type Lang = 'ru' | 'en';

/** The slot a message tells of. */
interface Slot {
  readonly siteId: string;
  readonly serviceId: string;
  readonly specialistId: string;
  readonly start: Instant;
  readonly end: Instant;
}

const locales: Readonly<Record<Lang, string>> = { ru: 'ru-RU', en: 'en-GB' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function siteTimeZone(context: MailContext, siteId: string): string {
  return (
    context.schedule?.availabilities.find((entry) => entry.siteId === siteId)?.timeZone ??
    context.network.timeZone
  );
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A date formatter, made once per locale and options (making one costs more than using it). */
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}\u0000${JSON.stringify(options)}`;
  let made = formatters.get(key);
  if (made === undefined) {
    made = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, made);
  }
  return made;
}

function part(
  formatter: Intl.DateTimeFormat,
  at: Instant,
  type: Intl.DateTimeFormatPartTypes,
): string {
  return formatter.formatToParts(new Date(at)).find((entry) => entry.type === type)?.value ?? '';
}

/** The day, e.g. «вторник, 12 мая 2026 г.» / "Tuesday, 12 May 2026". */
function dayText(at: Instant, timeZone: string, lang: Lang): string {
  return formatter(locales[lang], {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(at));
}

/** A short day for subjects, e.g. «12 мая» / "12 May". */
function shortDayText(at: Instant, timeZone: string, lang: Lang): string {
  return formatter(locales[lang], { timeZone, day: 'numeric', month: 'long' }).format(new Date(at));
}

/** The local time `HH:mm` of an instant in a zone. */
function clockText(at: Instant, timeZone: string): string {
  return formatter('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(at));
}

/** The zone in people's words with its offset, e.g. «Москва, GMT+3» / "Moscow Time, GMT+3". */
function zoneText(at: Instant, timeZone: string, lang: Lang): string {
  const named = part(
    formatter(locales[lang], { timeZone, timeZoneName: 'shortGeneric' }),
    at,
    'timeZoneName',
  );
  const offset = part(
    formatter('en-GB', { timeZone, timeZoneName: 'shortOffset' }),
    at,
    'timeZoneName',
  );
  return named === '' || named === offset ? offset : `${named}, ${offset}`;
}

/** «вторник, 12 мая 2026 г., 09:30–10:15 (Москва, GMT+3)». */
function whenText(slot: Pick<Slot, 'start' | 'end'>, timeZone: string, lang: Lang): string {
  return `${dayText(slot.start, timeZone, lang)}, ${clockText(slot.start, timeZone)}–${clockText(slot.end, timeZone)} (${zoneText(slot.start, timeZone, lang)})`;
}

/** The lines describing a consultation: service, time, place, phone, specialist, what to bring. */
function slotLines(slot: Slot, context: MailContext, lang: Lang): [string, string][] {
  const { network } = context;
  const timeZone = siteTimeZone(context, slot.siteId);
  const site = network.sites.find((entry) => entry.id === slot.siteId);
  const service = network.services.find((entry) => entry.id === slot.serviceId);
  const specialist = network.specialists.find((entry) => entry.id === slot.specialistId);
  const host = network.organizations.find((entry) => entry.id === site?.hostOrganizationId);
  const address = site?.address ?? host?.address;
  const rules = context.schedule?.bookingRules.find((entry) => entry.serviceId === slot.serviceId);
  const words = {
    ru: ['Услуга', 'Когда', 'Где', 'Адрес', 'Телефон', 'Специалист', 'Что взять с собой'],
    en: ['Service', 'When', 'Where', 'Address', 'Phone', 'Specialist', 'What to bring'],
  }[lang];
  const serviceName =
    lang === 'en' ? (service?.nameEn ?? service?.name) : (service?.name ?? undefined);
  const roles = specialist?.roles.map((role) => specialistRoleLabels[role][lang]).join(', ');
  const lines: [string, string | undefined][] = [
    [words[0] ?? '', serviceName ?? slot.serviceId],
    [words[1] ?? '', whenText(slot, timeZone, lang)],
    [words[2] ?? '', site?.name ?? slot.siteId],
    [words[3] ?? '', address],
    [words[4] ?? '', site?.phone],
    [
      words[5] ?? '',
      specialist === undefined ? undefined : `${roles ?? ''} — ${specialist.name}`.trim(),
    ],
    [words[6] ?? '', rules?.whatToBring?.[lang]],
  ];
  return lines.filter((line): line is [string, string] => line[1] !== undefined && line[1] !== '');
}

/** One language's block of a message. */
interface Block {
  readonly greeting: string;
  readonly lead: readonly string[];
  readonly lines: readonly [string, string][];
  /** A call to action with its link. */
  readonly link?: { readonly label: string; readonly url: string };
  readonly after: readonly string[];
}

const footers: Readonly<Record<Lang, string>> = {
  ru: 'Письмо отправлено автоматически; отвечать на него не нужно.',
  en: 'This message was sent automatically; there is no need to reply.',
};

function textOf(blocks: Readonly<Record<Lang, Block>>, signature: string): string {
  const one = (block: Block, lang: Lang): string =>
    [
      block.greeting,
      '',
      ...block.lead,
      '',
      ...block.lines.map(([label, value]) => `${label}: ${value}`),
      ...(block.link === undefined ? [] : ['', `${block.link.label}:`, block.link.url]),
      ...(block.after.length === 0 ? [] : ['', ...block.after]),
      '',
      signature,
      footers[lang],
    ].join('\n');
  return `${one(blocks.ru, 'ru')}\n\n— English —\n\n${one(blocks.en, 'en')}\n`;
}

function htmlOf(blocks: Readonly<Record<Lang, Block>>, signature: string, title: string): string {
  const one = (block: Block, lang: Lang): string =>
    [
      `<div lang="${lang}">`,
      `<p>${escapeHtml(block.greeting)}</p>`,
      ...block.lead.map((line) => `<p>${escapeHtml(line)}</p>`),
      '<table role="presentation" cellpadding="4" cellspacing="0">',
      ...block.lines.map(
        ([label, value]) =>
          `<tr><th align="left" valign="top">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`,
      ),
      '</table>',
      ...(block.link === undefined
        ? []
        : [
            `<p><a href="${escapeHtml(block.link.url)}">${escapeHtml(block.link.label)}</a><br><small>${escapeHtml(block.link.url)}</small></p>`,
          ]),
      ...block.after.map((line) => `<p>${escapeHtml(line)}</p>`),
      `<p><small>${escapeHtml(signature)}<br>${escapeHtml(footers[lang])}</small></p>`,
      '</div>',
    ].join('\n');
  return [
    '<!doctype html>',
    `<html lang="ru"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>`,
    '<body style="font-family: Arial, sans-serif; line-height: 1.5; color: #1a1a1a;">',
    one(blocks.ru, 'ru'),
    '<hr>',
    one(blocks.en, 'en'),
    '</body></html>',
    '',
  ].join('\n');
}

/**
 * A `Message-ID` made from the message's dedupe key and the sender's domain: the same on every
 * attempt, so a mail system can recognise a message sent again after a crash.
 *
 * @example
 * ```ts
 * import { messageIdOf } from '@eduset/server';
 * messageIdOf('confirmation:b-1', 'udomlya.example'); // '<confirmation.5d1c…@udomlya.example>'
 * ```
 */
export function messageIdOf(dedupeKey: string, domain: string): string {
  const hash = createHash('sha256').update(dedupeKey, 'utf8').digest('hex').slice(0, 32);
  const kind = dedupeKey.split(':')[0] ?? 'message';
  return `<${kind}.${hash}@${domain}>`;
}

/** A link of the public site: `<base>manage/#booking=<id>&token=<token>`. */
function pageLink(context: MailContext, page: string, id: string, token: string): string {
  return `${context.publicUrl}${page}/#booking=${encodeURIComponent(id)}&token=${encodeURIComponent(token)}`;
}

function greeting(name: string, lang: Lang): string {
  const trimmed = name.trim();
  if (lang === 'ru') return trimmed === '' ? 'Здравствуйте!' : `Здравствуйте, ${trimmed}!`;
  return trimmed === '' ? 'Hello,' : `Hello, ${trimmed}!`;
}

/** The state of a booking just after its `sequence`-th change (for a change message). */
function stateAt(booking: Booking, sequence: number): BookingStatus {
  const entry = booking.history[Math.min(sequence, booking.history.length) - 1];
  return entry?.to ?? booking.status;
}

/** The staff's reason for the change at `sequence`, if they gave one (erased with the contact). */
function reasonAt(booking: Booking, sequence: number): string | undefined {
  return booking.history[Math.min(sequence, booking.history.length) - 1]?.reason;
}

/**
 * What a booking message needs besides the booking: its dedupe key (for the `Message-ID`),
 * the manage token (all kinds) and the survey token (`survey`), and for `change` the
 * booking's sequence it tells of and the time the parent knew before.
 *
 * @example
 * ```ts
 * import type { BookingMailOptions } from '@eduset/server';
 * const options: BookingMailOptions = { dedupeKey: 'confirmation:b-1', manageToken: 'k3c…' };
 * ```
 */
export interface BookingMailOptions {
  readonly dedupeKey: string;
  readonly manageToken: string;
  readonly surveyToken?: string;
  readonly sequence?: number;
  readonly previous?: { readonly start: Instant; readonly end: Instant };
  /** For `change`: the time the booking had just after `sequence` (its time now by default). */
  readonly timeAt?: { readonly start: Instant; readonly end: Instant };
}

/** The `.ics` of a booking, as the booking's calendar route writes it (same UID). */
function icsOf(booking: Booking, context: MailContext): OutgoingMail['attachments'][number] {
  const { network } = context;
  const site = network.sites.find((entry) => entry.id === booking.siteId);
  const service = network.services.find((entry) => entry.id === booking.serviceId);
  const timeZone = siteTimeZone(context, booking.siteId);
  const location =
    site === undefined
      ? undefined
      : site.address === undefined
        ? site.name
        : `${site.name}, ${site.address}`;
  const event = bookingCalendarEvent(booking, {
    uidDomain: context.uidDomain,
    timeZone,
    summary: `Консультация: ${service?.name ?? booking.serviceId}`,
    ...(location !== undefined ? { location } : {}),
  });
  return {
    filename: 'consultation.ics',
    contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
    content: renderICalendar([event], { name: site?.name ?? network.name, timeZone }),
  };
}

function mailOf(
  to: string,
  context: MailContext,
  subject: LocalizedText,
  blocks: Readonly<Record<Lang, Block>>,
  messageId: string,
  kind: string,
  attachments: OutgoingMail['attachments'],
): OutgoingMail {
  const title = `${subject.ru} / ${subject.en}`;
  return {
    to,
    from: context.from,
    subject: title,
    text: textOf(blocks, context.network.name),
    html: htmlOf(blocks, context.network.name, title),
    messageId,
    attachments,
    headers: { 'X-Eduset-Message': kind },
  };
}

/**
 * Writes a message about a booking to its parent, Russian first, then English: the
 * consultation's service, date and time in the site's zone, the site with its address and
 * phone, the specialist's role in people's words, what to bring, the manage link
 * (`/manage/#booking=<id>&token=<manage token>`) and the booking's `.ics` (its UID as in the
 * booking's calendar route, so calendars update the event). A `survey` message carries the
 * survey link (`/survey/#booking=<id>&token=<survey token>`) and no `.ics`; a `change`
 * message tells the new time or the cancellation (with the staff's reason, if any).
 *
 * @throws Error when the booking has no e-mail (the caller skips such a message).
 * @example
 * ```ts
 * import { composeBookingMail, type MailContext } from '@eduset/server';
 * import type { Booking } from '@eduset/core';
 * declare const booking: Booking;
 * declare const context: MailContext;
 * const mail = composeBookingMail('confirmation', booking, context, {
 *   dedupeKey: `confirmation:${booking.id}`, manageToken: 'k3c…',
 * });
 * mail.subject; // 'Вы записаны на консультацию: 12 мая, 09:30 / …'
 * ```
 */
export function composeBookingMail(
  kind: BookingMailKind,
  booking: Booking,
  context: MailContext,
  options: BookingMailOptions,
): OutgoingMail {
  const to = booking.contact.email;
  if (to === undefined || booking.contactErased) throw new Error('the booking has no e-mail');
  const timeZone = siteTimeZone(context, booking.siteId);
  const time = options.timeAt ?? { start: booking.start, end: booking.end };
  const slot: Slot = { ...booking, ...time };
  const at = (lang: Lang) =>
    `${shortDayText(time.start, timeZone, lang)}, ${clockText(time.start, timeZone)}`;
  const manage = pageLink(context, 'manage', booking.id, options.manageToken);
  const manageLabel: Readonly<Record<Lang, string>> = {
    ru: 'Посмотреть, перенести или отменить запись',
    en: 'See, move or cancel the booking',
  };
  const icsNote: Readonly<Record<Lang, string>> = {
    ru: 'Файл для календаря — во вложении (consultation.ics).',
    en: 'A calendar file is attached (consultation.ics).',
  };
  const block = (
    lang: Lang,
    lead: string[],
    link: Block['link'],
    after: string[],
    lines = slotLines(slot, context, lang),
  ): Block => ({
    greeting: greeting(booking.contact.name, lang),
    lead,
    lines,
    ...(link ? { link } : {}),
    after,
  });
  const messageId = messageIdOf(options.dedupeKey, context.messageDomain ?? context.uidDomain);

  if (kind === 'confirmation' || kind === 'reminder') {
    const subject =
      kind === 'confirmation'
        ? {
            ru: `Вы записаны на консультацию: ${at('ru')}`,
            en: `Your consultation is booked: ${at('en')}`,
          }
        : {
            ru: `Напоминание: консультация завтра, ${at('ru')}`,
            en: `Reminder: your consultation is tomorrow, ${at('en')}`,
          };
    const lead =
      kind === 'confirmation'
        ? {
            ru: ['Вы записаны на консультацию, запись подтверждена.'],
            en: ['You are booked for a consultation; the booking is confirmed.'],
          }
        : {
            ru: [
              'Напоминаем: завтра у вас консультация. Если прийти не получится, отмените или перенесите запись по ссылке ниже — время освободится для другой семьи.',
            ],
            en: [
              'A reminder: your consultation is tomorrow. If you cannot come, cancel or move the booking with the link below, so that another family can have the time.',
            ],
          };
    return mailOf(
      to,
      context,
      subject,
      {
        ru: block('ru', lead.ru, { label: manageLabel.ru, url: manage }, [icsNote.ru]),
        en: block('en', lead.en, { label: manageLabel.en, url: manage }, [icsNote.en]),
      },
      messageId,
      kind,
      [icsOf(booking, context)],
    );
  }

  if (kind === 'survey') {
    const survey = pageLink(context, 'survey', booking.id, options.surveyToken ?? '');
    return mailOf(
      to,
      context,
      { ru: 'Как прошла консультация?', en: 'How was your consultation?' },
      {
        ru: block(
          'ru',
          [
            'Спасибо, что пришли на консультацию. Помогите нам стать лучше: ответьте на два коротких вопроса — это займёт минуту. Ответ анонимный: мы не храним его вместе с вашими контактами.',
          ],
          { label: 'Ответить на вопросы', url: survey },
          [],
        ),
        en: block(
          'en',
          [
            'Thank you for coming to the consultation. Help us do better: answer two short questions — it takes a minute. The answer is anonymous: it is not kept with your contact details.',
          ],
          { label: 'Answer the questions', url: survey },
          [],
        ),
      },
      messageId,
      kind,
      [],
    );
  }

  // A change by the service: the cancellation, or the new time (with the old one).
  const sequence = options.sequence ?? booking.sequence;
  const status = stateAt(booking, sequence);
  const reason = reasonAt(booking, sequence);
  const cancelled = status === 'cancelled-by-site' || status === 'cancelled-by-parent';
  const previous = options.previous;
  if (cancelled) {
    const reasonLine = (lang: Lang): string[] =>
      reason === undefined ? [] : [lang === 'ru' ? `Причина: ${reason}` : `Reason: ${reason}`];
    const rebook = `${context.publicUrl}`;
    return mailOf(
      to,
      context,
      {
        ru: `Консультация отменена: ${at('ru')}`,
        en: `Your consultation is cancelled: ${at('en')}`,
      },
      {
        ru: block(
          'ru',
          [
            `Служба отменила вашу запись на консультацию (${bookingStatusLabels[status].ru}). Приносим извинения.`,
            ...reasonLine('ru'),
          ],
          { label: 'Записаться на другое время', url: rebook },
          ['Файл для календаря во вложении отменяет событие в вашем календаре.'],
        ),
        en: block(
          'en',
          [
            `The service cancelled your consultation (${bookingStatusLabels[status].en}). We apologise.`,
            ...reasonLine('en'),
          ],
          { label: 'Book another time', url: rebook },
          ['The attached calendar file cancels the event in your calendar.'],
        ),
      },
      messageId,
      kind,
      [icsOf(booking, context)],
    );
  }
  const was = (lang: Lang): string[] =>
    previous === undefined || (previous.start === time.start && previous.end === time.end)
      ? []
      : [
          lang === 'ru'
            ? `Было: ${whenText(previous, timeZone, 'ru')}.`
            : `It was: ${whenText(previous, timeZone, 'en')}.`,
        ];
  return mailOf(
    to,
    context,
    { ru: `Консультация перенесена: ${at('ru')}`, en: `Your consultation was moved: ${at('en')}` },
    {
      ru: block(
        'ru',
        [
          'Служба перенесла вашу консультацию на другое время. Новое время и место — ниже.',
          ...was('ru'),
          ...(reason === undefined ? [] : [`Причина: ${reason}`]),
        ],
        { label: manageLabel.ru, url: manage },
        [icsNote.ru],
      ),
      en: block(
        'en',
        [
          'The service moved your consultation to another time. The new time and place are below.',
          ...was('en'),
          ...(reason === undefined ? [] : [`Reason: ${reason}`]),
        ],
        { label: manageLabel.en, url: manage },
        [icsNote.en],
      ),
    },
    messageId,
    kind,
    [icsOf(booking, context)],
  );
}

/**
 * Writes the message that asks a parent to confirm her booking request by e-mail (with
 * e-mail confirmation on): the consultation as she asked for it, the confirmation link
 * (`/confirm/#booking=<request id>&token=<confirm token>`) and until when it works; the time
 * is not hers until she follows it.
 *
 * @example
 * ```ts
 * import { composeRequestMail, type MailContext } from '@eduset/server';
 * import type { BookingRequestRecord } from '@eduset/adapters';
 * declare const pending: BookingRequestRecord;
 * declare const context: MailContext;
 * composeRequestMail(pending, context, 'k3c…').subject; // 'Подтвердите запись … / Confirm …'
 * ```
 */
export function composeRequestMail(
  pending: BookingRequestRecord,
  context: MailContext,
  confirmToken: string,
): OutgoingMail {
  const { request } = pending;
  const to = request.contact.email;
  if (to === undefined) throw new Error('the request has no e-mail');
  const timeZone = siteTimeZone(context, request.siteId);
  const link = pageLink(context, 'confirm', pending.id, confirmToken);
  const until = (lang: Lang) =>
    `${dayText(pending.expiresAt, timeZone, lang)}, ${clockText(pending.expiresAt, timeZone)} (${zoneText(pending.expiresAt, timeZone, lang)})`;
  const at = (lang: Lang) =>
    `${shortDayText(request.start, timeZone, lang)}, ${clockText(request.start, timeZone)}`;
  const block = (lang: Lang, lead: string[], label: string, after: string[]): Block => ({
    greeting: greeting(request.contact.name, lang),
    lead,
    lines: slotLines(request, context, lang),
    link: { label, url: link },
    after,
  });
  return mailOf(
    to,
    context,
    {
      ru: `Подтвердите запись на консультацию: ${at('ru')}`,
      en: `Confirm your booking: ${at('en')}`,
    },
    {
      ru: block(
        'ru',
        [
          'Вы попросили записать вас на консультацию. Чтобы запись состоялась, подтвердите её по ссылке ниже.',
          `Ссылка действует до: ${until('ru')}. Пока запись не подтверждена, это время может занять другая семья.`,
        ],
        'Подтвердить запись',
        ['Если вы не записывались, просто не открывайте ссылку: запись не будет создана.'],
      ),
      en: block(
        'en',
        [
          'You asked to book a consultation. To make the booking, confirm it with the link below.',
          `The link works until ${until('en')}. Until you confirm, another family may take this time.`,
        ],
        'Confirm the booking',
        ['If you did not ask for this, do not open the link: no booking will be made.'],
      ),
    },
    messageIdOf(`confirm-request:${pending.id}`, context.messageDomain ?? context.uidDomain),
    'confirm-request',
    [],
  );
}
