import {
  directionLabels,
  fullCertificateCoPayment,
  fundingKindLabels,
  programmeReviewActionLabels,
  programmeReviewStateLabels,
  type Lang,
  type LocalizedText,
  type Programme,
  type ProgrammeChange,
  type ProgrammeGroup,
  type ProgrammeReview,
  type ProgrammeReviewState,
} from '@eduset/core';
import { html, nothing, type TemplateResult } from 'lit';
import { programmeDeskTexts, type ProgrammeDeskTexts } from './programme-desk.texts.js';

/**
 * A refusal from the eduset API, as the desks show it: the error code, the message in
 * Russian and English and every problem with its path.
 *
 * @example
 * ```ts
 * import { DeskError } from '@eduset/widgets/staff';
 * const error = new DeskError('revision-moved', { ru: 'Уже изменили', en: 'Changed meanwhile' });
 * error.code; // 'revision-moved'
 * ```
 */
export class DeskError extends Error {
  constructor(
    readonly code: string,
    readonly text: LocalizedText,
    readonly issues: readonly {
      readonly path: readonly (string | number)[];
      readonly message: LocalizedText;
    }[] = [],
  ) {
    super(text.en);
    this.name = 'DeskError';
  }
}

const unreachable: LocalizedText = {
  ru: 'Сервер не ответил. Проверьте связь и повторите.',
  en: 'The server did not answer. Check the connection and retry.',
};

/**
 * The desks' HTTP client over the signed-in session: JSON reads, and writes with the CSRF
 * token of `GET {base}/auth/csrf`; a refusal becomes a {@link DeskError}, and every answer
 * is validated with core's wire schema.
 *
 * @example
 * ```ts
 * import { providerProgrammeListSchema } from '@eduset/core';
 * import { DeskClient } from '@eduset/widgets/staff';
 * const client = new DeskClient('/api');
 * const list = await client.get('/provider/programmes', providerProgrammeListSchema);
 * ```
 */
export class DeskClient {
  private csrfToken: string | undefined;

  constructor(private readonly base: string) {}

  private url(path: string): string {
    return `${this.base.replace(/\/+$/, '')}${path}`;
  }

  private static async body(answer: Response): Promise<unknown> {
    return (await answer.json().catch(() => ({}))) as unknown;
  }

  private static refusal(body: unknown): DeskError {
    const error = (
      body as {
        error?: {
          code?: string;
          message?: LocalizedText;
          issues?: { path: (string | number)[]; message: LocalizedText }[];
        };
      }
    )?.error;
    return new DeskError(
      error?.code ?? 'failed',
      error?.message ?? unreachable,
      error?.issues ?? [],
    );
  }

  private async fetch(path: string, init: RequestInit): Promise<unknown> {
    let answer: Response;
    try {
      answer = await fetch(this.url(path), { credentials: 'same-origin', ...init });
    } catch {
      throw new DeskError('unreachable', unreachable);
    }
    const body = await DeskClient.body(answer);
    if (!answer.ok) throw DeskClient.refusal(body);
    return body;
  }

  /**
   * `GET {base}{path}`, validated with `schema`.
   *
   * @example
   * ```ts
   * import { programmeReviewListSchema } from '@eduset/core';
   * import { DeskClient } from '@eduset/widgets/staff';
   * await new DeskClient('/api').get('/operator/programme-reviews', programmeReviewListSchema);
   * ```
   */
  async get<T>(path: string, schema: { parse(value: unknown): T }): Promise<T> {
    return schema.parse(await this.fetch(path, { headers: { accept: 'application/json' } }));
  }

  /**
   * A write with the session's CSRF token, its answer validated with `schema`.
   *
   * @example
   * ```ts
   * import { programmeReviewDetailSchema } from '@eduset/core';
   * import { DeskClient } from '@eduset/widgets/staff';
   * await new DeskClient('/api').send(
   *   'POST', '/provider/programmes/cdt-1/submit', { revision: 2 }, programmeReviewDetailSchema,
   * );
   * ```
   */
  async send<T>(
    method: 'POST' | 'PUT',
    path: string,
    body: unknown,
    schema: { parse(value: unknown): T },
  ): Promise<T> {
    if (this.csrfToken === undefined) {
      const csrf = (await this.fetch('/auth/csrf', {
        headers: { accept: 'application/json' },
      })) as { csrfToken?: unknown };
      if (typeof csrf.csrfToken !== 'string') throw new DeskError('csrf', unreachable);
      this.csrfToken = csrf.csrfToken;
    }
    return schema.parse(
      await this.fetch(path, {
        method,
        headers: {
          accept: 'application/json',
          'content-type': 'application/json',
          'x-csrf-token': this.csrfToken,
        },
        body: JSON.stringify(body),
      }),
    );
  }
}

/**
 * A message of a desk's live region: what happened, in both languages, and its tone.
 *
 * @example
 * ```ts
 * import type { DeskMessage } from '@eduset/widgets/staff';
 * const saved: DeskMessage = { text: { ru: 'Сохранено', en: 'Saved' }, tone: 'done' };
 * ```
 */
export interface DeskMessage {
  readonly text: LocalizedText;
  readonly tone: 'info' | 'done' | 'error';
}

/**
 * The problems of a refusal in people's words: each with the place in the form it names
 * ("Модуль 1 → Группа 2 → Мест в группе: …").
 *
 * @example
 * ```ts
 * import { DeskError, problemsOf } from '@eduset/widgets/staff';
 * problemsOf(new DeskError('validation_error', { ru: '…', en: '…' }, [
 *   { path: ['programme', 'ageTo'], message: { ru: 'Мало', en: 'Too small' } },
 * ]), 'ru'); // ['Возраст до, лет: Мало']
 * ```
 */
export function problemsOf(error: DeskError, lang: Lang): string[] {
  const t = programmeDeskTexts[lang];
  const fieldNames: Readonly<Record<string, string>> = {
    name: t.name,
    description: t.description,
    direction: t.direction,
    fundingKind: t.fundingKind,
    ageFrom: t.ageFrom,
    ageTo: t.ageTo,
    hours: t.hours,
    hoursPerWeek: t.hoursPerWeek,
    district: t.district,
    price: t.price,
    capacity: t.capacity,
    start: t.start,
    end: t.end,
    weekdays: t.weekdays,
    time: t.timeFrom,
    remarks: lang === 'ru' ? 'Замечания' : 'Remarks',
    roomId: lang === 'ru' ? 'Помещение' : 'Room',
  };
  return error.issues.map((issue) => {
    const place: string[] = [];
    let inside: 'programme' | 'module' | 'group' = 'programme';
    const path = issue.path.filter((part) => part !== 'programme');
    for (let index = 0; index < path.length; index += 1) {
      const part = path[index];
      const next = path[index + 1];
      if (part === 'modules' && typeof next === 'number') {
        place.push(t.module(next + 1));
        inside = 'module';
        index += 1;
      } else if (part === 'groups' && typeof next === 'number') {
        place.push(t.group(next + 1));
        inside = 'group';
        index += 1;
      } else if (part === 'min' || part === 'max') {
        place.push(part === 'min' ? t.groupSizeMin : t.groupSizeMax);
      } else if (part === 'name' && inside !== 'programme') {
        place.push(inside === 'group' ? t.groupName : t.moduleName);
      } else if (part === 'hours' && inside === 'module') {
        place.push(t.moduleHours);
      } else if (typeof part === 'string' && fieldNames[part] !== undefined) {
        place.push(fieldNames[part]);
      }
    }
    const message = lang === 'en' ? issue.message.en : issue.message.ru;
    return place.length === 0 ? message : `${place.join(' → ')}: ${message}`;
  });
}

/**
 * The state of a programme as a badge (its words, never the code), with a class per state
 * for its colour.
 *
 * @example
 * ```ts
 * import { renderStateBadge } from '@eduset/widgets/staff';
 * renderStateBadge('returned', 'ru');
 * ```
 */
export function renderStateBadge(state: ProgrammeReviewState, lang: Lang): TemplateResult {
  return html`<span class="chip state-${state}">${programmeReviewStateLabels[state][lang]}</span>`;
}

function words(text: LocalizedText, lang: Lang): string {
  return lang === 'en' ? text.en : text.ru;
}

/**
 * A date `2026-09-01` as people read it: `1 сентября 2026 г.` / `1 September 2026`.
 *
 * @example
 * ```ts
 * import { formatDay } from '@eduset/widgets/staff';
 * formatDay('2026-09-01', 'ru'); // '1 сентября 2026 г.'
 * ```
 */
export function formatDay(day: string, lang: Lang): string {
  const date = new Date(`${day}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'ru-RU', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/**
 * An instant as people read it in Moscow time: `20 августа 2026 г. в 12:00`.
 *
 * @example
 * ```ts
 * import { formatMoment } from '@eduset/widgets/staff';
 * formatMoment('2026-08-20T09:00:00.000Z', 'ru'); // '20 августа 2026 г. в 12:00'
 * ```
 */
export function formatMoment(at: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'ru-RU', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Moscow',
  }).format(new Date(at));
}

/**
 * When and how often a group meets, in words: dates, weekdays and lesson time.
 *
 * @example
 * ```ts
 * import type { ProgrammeGroup } from '@eduset/core';
 * import { groupSchedule, programmeDeskTexts } from '@eduset/widgets/staff';
 * declare const group: ProgrammeGroup;
 * groupSchedule(group, programmeDeskTexts.ru, 'ru'); // '1 сентября 2026 г. – 31 мая 2027 г.; вт, чт, 16:00–17:30'
 * ```
 */
export function groupSchedule(group: ProgrammeGroup, t: ProgrammeDeskTexts, lang: Lang): string {
  const days = group.weekdays.map((day) => t.weekdayShort[day - 1]).join(', ') || t.noDays;
  const time = group.time ? `, ${group.time.from}–${group.time.to}` : '';
  return `${formatDay(group.start, lang)} – ${formatDay(group.end, lang)}; ${days}${time}`;
}

/**
 * A programme as the operator reads it: the fields families see, then each module (price,
 * normative cost, the family's co-payment) with its groups (dates, days, time, places, the
 * places taken, and the inventory room by name with its address when `rooms` names it).
 *
 * @example
 * ```ts
 * import { renderProgrammeSummary, type Programme } from '@eduset/widgets/staff';
 * declare const programme: Programme;
 * renderProgrammeSummary(programme, {}, 'ru');
 * ```
 */
export function renderProgrammeSummary(
  programme: Programme,
  taken: Readonly<Record<string, number>>,
  lang: Lang,
  providerName?: string,
  rooms: Readonly<Record<string, { readonly name: string; readonly address: string }>> = {},
): TemplateResult {
  const t = programmeDeskTexts[lang];
  return html`<dl class="facts">
      ${
        providerName
          ? html`<dt>${t.provider}</dt>
              <dd>${providerName}</dd>`
          : nothing
      }
      <dt>${t.direction}</dt>
      <dd>${words(directionLabels[programme.direction], lang)}</dd>
      <dt>${t.fundingKind}</dt>
      <dd>
        ${words(fundingKindLabels[programme.fundingKind], lang)}
        <span class="muted">— ${t.fundingKindHints[programme.fundingKind]}</span>
      </dd>
      <dt>${t.ages}</dt>
      <dd>${t.years(programme.ageFrom, programme.ageTo)}</dd>
      <dt>${t.hours}</dt>
      <dd>
        ${String(programme.hours)}${programme.hoursPerWeek === undefined ? '' : `; ${t.hoursPerWeek.toLowerCase()}: ${String(programme.hoursPerWeek)}`}
      </dd>
      <dt>${t.groupSize}</dt>
      <dd>${String(programme.groupSize.min)}–${String(programme.groupSize.max)}</dd>
      ${
        programme.district
          ? html`<dt>${t.district}</dt>
              <dd>${programme.district}</dd>`
          : nothing
      }
      ${
        programme.description
          ? html`<dt>${t.description}</dt>
              <dd class="description">${programme.description}</dd>`
          : nothing
      }
    </dl>
    ${programme.modules.map(
      (module, moduleIndex) =>
        html`<section
          class="module-view"
          aria-label=${`${t.module(moduleIndex + 1)}: ${module.name}`}
        >
          <h3>${t.module(moduleIndex + 1)}: ${module.name}</h3>
          <p>
            ${t.moduleHours}: ${String(module.hours)}.
            ${
              programme.fundingKind === 'budget'
                ? nothing
                : html`${t.price.replace(/, ₽$/, '')}:
                  ${module.price ? module.price.format(lang) : t.none}. ${t.normativeCost}:
                  ${module.normativeCost ? module.normativeCost.format(lang) : t.normativeUnset}.
                  ${t.coPayment}: ${fullCertificateCoPayment(programme, module).format(lang)}.`
            }
          </p>
          ${
            module.groups.length === 0
              ? html`<p class="muted">${t.noGroups}</p>`
              : html`<ul class="groups-view">
                  ${module.groups.map((group) => {
                    const busy = taken[group.id] ?? 0;
                    const room = group.roomId === undefined ? undefined : rooms[group.roomId];
                    return html`<li>
                      <strong>${group.name}</strong>: ${groupSchedule(group, t, lang)};
                      ${t.capacity.toLowerCase()}
                      ${String(group.capacity)}${busy > 0 ? `, ${t.taken(busy).split(' — ')[0]?.toLowerCase() ?? ''}` : ''}${
                        room === undefined
                          ? nothing
                          : html`; ${lang === 'ru' ? 'помещение' : 'room'}
                              <strong>${room.name}</strong>, ${room.address}`
                      }
                    </li>`;
                  })}
                </ul>`
          }
        </section>`,
    )}`;
}

/**
 * The differences from the approved version, as a list: what, before, after.
 *
 * @example
 * ```ts
 * import { renderChanges } from '@eduset/widgets/staff';
 * renderChanges([], 'ru');
 * ```
 */
export function renderChanges(changes: readonly ProgrammeChange[], lang: Lang): TemplateResult {
  const t = programmeDeskTexts[lang];
  if (changes.length === 0) return html`<p class="muted">${t.noChanges}</p>`;
  return html`<ul class="changes">
    ${changes.map(
      (change) =>
        html`<li>
          <strong>${words(change.what, lang)}</strong>: ${t.before}
          «${change.before ? words(change.before, lang) : t.none}», ${t.after}
          «${change.after ? words(change.after, lang) : t.none}»
        </li>`,
    )}
  </ul>`;
}

/**
 * The history of a review: each step with who, when and the operator's remarks.
 *
 * @example
 * ```ts
 * import { renderHistory, type ProgrammeReview } from '@eduset/widgets/staff';
 * declare const review: ProgrammeReview;
 * renderHistory(review, 'ru');
 * ```
 */
export function renderHistory(review: ProgrammeReview, lang: Lang): TemplateResult {
  const t = programmeDeskTexts[lang];
  if (review.history.length === 0) return html`<p class="muted">${t.noHistory}</p>`;
  return html`<ol class="history" reversed>
    ${[...review.history]
      .reverse()
      .map(
        (event) =>
          html`<li>
            <span class="when">${formatMoment(event.at, lang)}</span> —
            ${words(programmeReviewActionLabels[event.action], lang)} (${event.by.name},
            ${t.revision(event.revision)})
            ${event.remarks ? html`<blockquote class="remarks-quote">${event.remarks}</blockquote>` : nothing}
          </li>`,
      )}
  </ol>`;
}
