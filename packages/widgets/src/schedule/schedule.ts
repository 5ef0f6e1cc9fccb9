import {
  addCivilDays,
  dayKind,
  emptyWorkCalendar,
  instant,
  isoWeekday,
  localDateTime,
  localize,
  scheduleCalendar,
  workingHoursOn,
  type Availability,
  type LocalizedText,
  type Network,
  type NetworkSchedule,
  type Slot,
  type WorkCalendar,
} from '@eduset/core';
import {
  html,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { ScheduleApi } from '../internal/schedule-api.js';
import { EdusetFilterChangeEvent } from '../events/filter-change.js';
import { DataLoader, type LoadState } from '../internal/data-loader.js';
import { EdusetElement } from '../internal/eduset-element.js';
import { timeZoneName } from '../internal/time-zone-name.js';
import { serviceNameById, specialistNameById } from '../internal/network-names.js';
import { sharedTexts, type SharedTexts } from '../translations/shared.texts.js';
import { scheduleTexts, type ScheduleTexts } from './schedule.texts.js';
import { scheduleStyles } from './schedule.styles.js';
import { findFirst } from '../internal/own.js';
import { childAgeInput, field, maxChildAge, selectField } from '../internal/parts/index.js';

/**
 * Which week `<eduset-schedule>` shows: the current one or the next.
 *
 * @example
 * ```ts
 * import type { ScheduleWeek } from '@eduset/widgets';
 * const week: ScheduleWeek = 'next';
 * ```
 */
export type ScheduleWeek = 'this' | 'next';

const defaultZone = 'Europe/Moscow';

/** What one specialist offers at a site on one day. */
interface DayCell {
  readonly date: string;
  readonly hours: readonly { start: number; end: number }[];
  /** Set when the day is off at the site: a holiday's or closure's name, or «выходной». */
  readonly dayOff: string | undefined;
  readonly freeTimes: readonly string[] | undefined;
}

interface ScheduleRow {
  readonly availability: Availability;
  readonly cells: readonly DayCell[];
}

interface SiteBlock {
  readonly siteId: string;
  readonly name: string;
  readonly address: string | undefined;
  readonly rows: readonly ScheduleRow[];
}

function normalizeAge(value: number | null | undefined): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return value >= 0 && value <= maxChildAge ? Math.trunc(value) : null;
}

const ageConverter = {
  fromAttribute: (value: string | null): number | null =>
    value === null || value.trim() === '' ? null : normalizeAge(Number(value)),
  toAttribute: (value: number | null): string | null => (value === null ? null : String(value)),
};

function clock(minutes: number): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/**
 * `<eduset-schedule>` — when and where help is available this week and next. For every site
 * it shows each specialist's hours for each service, day by day, with days off from the
 * schedule's working-day calendar named as such (holidays by name, «выходной» otherwise).
 * Parents filter by their child's age and by the need (a service); with a service chosen,
 * the free slots from `GET /slots` are shown too. A week grid on wide containers, a list of
 * days on narrow ones (CSS container queries).
 *
 * It loads `GET /schedule` and `GET /network` under `src-base` and validates both with
 * core's schemas. Russian by default, English with `lang="en"`.
 *
 * @tagname eduset-schedule
 * @summary Weekly hours of the network's specialists by site, with holidays and free slots.
 *
 * @attr src-base - Base address of the eduset API (e.g. `/api`); the data are loaded when set or changed.
 * @attr network - The network id sent as `network=` with every request (optional).
 * @attr age - The child's age in years (the age filter's value).
 * @attr service - A service id (the need filter's value); free slots are shown for it.
 * @attr week - `this` (default) or `next`.
 * @attr lang - `ru` (default) or `en`; inherited from ancestors and `<html lang>` when absent.
 *
 * @fires eduset-filter-change - The parent changed the age or the need; `detail` is a `SiteFilter` (`schoolYear` is `null`).
 * @fires eduset-error - The schedule or the network could not be loaded or validated; `detail.error` (`FetchJsonError`).
 *
 * @csspart base - The wrapper of everything.
 * @csspart title - The element's heading.
 * @csspart filters - The filter form.
 * @csspart age-input - The child's age input.
 * @csspart service-select - The service select.
 * @csspart weeks - The week switch (this week / next week).
 * @csspart week-button - One button of the week switch.
 * @csspart status - The live region (loading, errors).
 * @csspart site - The section of one site.
 * @csspart site-name - The name of a site.
 * @csspart week-grid - The week table of a site (wide screens).
 * @csspart day-list - The list of days of a site (narrow screens).
 * @csspart day-off - A day-off mark («выходной» or a holiday's name).
 * @csspart hours - Working hours in a cell.
 * @csspart free-slots - The free times in a cell.
 * @csspart empty - The message shown when nothing matches.
 *
 * @cssproperty --eduset-font-family - Font of the element (default: the system font).
 * @cssproperty --eduset-font-size - Base font size (default `16px`; everything inside is in em of it).
 * @cssproperty --eduset-color-text - Text color (default `#1f2328`).
 * @cssproperty --eduset-color-text-muted - Secondary text color (default `#4f5660`).
 * @cssproperty --eduset-color-primary - Buttons and the chosen week (default `#0b5cad`).
 * @cssproperty --eduset-color-on-primary - Text on primary buttons (default `#ffffff`).
 * @cssproperty --eduset-color-surface - Table and input background (default `#ffffff`).
 * @cssproperty --eduset-color-surface-raised - Filter panel and header background (default `#f6f8fa`).
 * @cssproperty --eduset-color-border - Borders (default `#8c959f`).
 * @cssproperty --eduset-color-danger - Errors and days off (default `#b42318`).
 * @cssproperty --eduset-color-focus - Keyboard focus ring (default `#0b5cad`).
 * @cssproperty --eduset-radius - Corner radius (default `0.5em`).
 * @cssproperty --eduset-spacing - Base spacing (default `1em`).
 * @cssproperty --eduset-schedule-gap - Space between sites (default: `--eduset-spacing`).
 * @cssproperty --eduset-schedule-grid-min-width - Container width from which the week grid replaces the list (default `48em`, fixed in the container query; override the grid's display through `::part(week-grid)` otherwise).
 * @cssproperty --eduset-schedule-day-off-color - Color of day-off marks (default: `--eduset-color-danger`).
 *
 * @example
 * ```html
 * <script type="module" src="/widgets/eduset-widgets.js"></script>
 * <eduset-schedule src-base="/api" network="udomlya"></eduset-schedule>
 * ```
 *
 * @example
 * ```ts
 * import '@eduset/widgets/schedule';
 * const schedule = document.createElement('eduset-schedule');
 * schedule.srcBase = '/api';
 * schedule.age = 4;
 * document.body.append(schedule);
 * ```
 */
export class EdusetSchedule extends EdusetElement {
  /** The schedule's own texts in the element's language (it bundles no other element's texts). */
  private get texts(): ScheduleTexts {
    return scheduleTexts[this.language];
  }

  /** The words the schedule shares with the directory (age, service, retry). */
  private get shared(): SharedTexts {
    return sharedTexts[this.language];
  }

  /** The element's shadow-DOM styles (shared base plus its own); theme through `--eduset-*` and `::part`. */
  static override styles = scheduleStyles;

  static override properties: PropertyDeclarations = {
    srcBase: { type: String, attribute: 'src-base' },
    network: { type: String },
    age: { converter: ageConverter },
    service: { type: String },
    week: { type: String },
    schedule: { attribute: false },
    networkData: { attribute: false },
    slots: { state: true },
    slotsState: { state: true },
  };

  /** Base address of the API (`/api`). */
  declare srcBase: string | null;
  /** The network id sent with every request, or `null`. */
  declare network: string | null;
  /** The child's age in years, or `null` for all ages. */
  declare age: number | null;
  /** The service to show (and to load free slots for), or `null` for all. */
  declare service: string | null;
  /** The week shown. */
  declare week: ScheduleWeek;
  /** The published schedule (loaded from `src-base`, or set directly). */
  declare schedule: NetworkSchedule | null;
  /** The network: names of services, sites and specialists (loaded, or set directly). */
  declare networkData: Network | null;
  declare private slots: readonly Slot[] | null;
  declare private slotsState: LoadState;

  private readonly loader = new DataLoader(this);
  private slotsController: AbortController | undefined;

  constructor() {
    super();
    this.srcBase = null;
    this.network = null;
    this.age = null;
    this.service = null;
    this.week = 'this';
    this.schedule = null;
    this.networkData = null;
    this.slots = null;
    this.slotsState = 'idle';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.slotsController?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('srcBase') || changed.has('network')) && this.srcBase) this.load();
    if (
      (changed.has('service') ||
        changed.has('week') ||
        changed.has('age') ||
        changed.has('schedule')) &&
      this.schedule !== null
    ) {
      this.loadSlots();
    }
  }

  /**
   * Loads the schedule and the network again.
   *
   * @example
   * ```ts
   * document.querySelector('eduset-schedule')?.reload();
   * ```
   */
  reload(): void {
    if (this.srcBase) this.load();
  }

  private get api(): ScheduleApi {
    return new ScheduleApi(this.srcBase ?? '', this.network);
  }

  private load(): void {
    const api = this.api;
    this.loader.load(
      api.base,
      (signal) => Promise.all([api.schedule(signal), api.networkData(signal)]),
      ([schedule, network]) => {
        this.networkData = network;
        this.schedule = schedule;
      },
    );
  }

  private loadSlots(): void {
    this.slotsController?.abort();
    this.slotsController = undefined;
    const serviceId = this.service;
    if (!serviceId || !this.srcBase) {
      this.slots = null;
      this.slotsState = 'idle';
      return;
    }
    const controller = new AbortController();
    this.slotsController = controller;
    const days = this.days();
    const age = normalizeAge(this.age);
    this.slotsState = 'loading';
    this.api
      .slots(
        {
          serviceId,
          from: days[0] ?? '',
          to: days[days.length - 1] ?? '',
          childAge: age ?? undefined,
        },
        controller.signal,
      )
      .then(
        (answer) => {
          if (controller.signal.aborted) return;
          this.slots = answer.slots;
          this.slotsState = 'loaded';
        },
        () => {
          if (controller.signal.aborted) return;
          this.slots = null;
          this.slotsState = 'error';
        },
      );
  }

  // ---- data ------------------------------------------------------------------------------

  private zone(): string {
    return this.schedule?.availabilities[0]?.timeZone ?? defaultZone;
  }

  /** The seven civil dates (Monday–Sunday) of the week shown. */
  private days(): string[] {
    const today = this.today();
    const monday = addCivilDays(today, 1 - isoWeekday(today) + (this.week === 'next' ? 7 : 0));
    return Array.from({ length: 7 }, (_, index) => addCivilDays(monday, index));
  }

  private calendar(): WorkCalendar {
    // The official calendar with the network's own, as slot generation applies it.
    return this.schedule === null ? emptyWorkCalendar : scheduleCalendar(this.schedule);
  }

  private serviceName(id: string): string {
    return serviceNameById(this.networkData, id, this.language);
  }

  private specialistName(id: string): string {
    return specialistNameById(this.networkData, id);
  }

  private label(text: LocalizedText | undefined): string | undefined {
    return text === undefined ? undefined : localize(text, this.language);
  }

  /** The name of a day off at a site, or `undefined` when the site works that day. */
  private dayOff(date: string, siteId: string, t: ScheduleTexts): string | undefined {
    const calendar = this.calendar();
    const kind = dayKind(calendar, date, { siteId });
    if (kind === 'closed') {
      return (
        this.label(findFirst(calendar.closures, (c) => c.from <= date && date <= c.to)?.label) ??
        t.dayOff
      );
    }
    if (kind === 'holiday') {
      return this.label(findFirst(calendar.holidays, (h) => h.date === date)?.label) ?? t.dayOff;
    }
    if (kind === 'weekend' && isoWeekday(date) <= 5) {
      return (
        this.label(findFirst(calendar.transferredDaysOff, (d) => d.date === date)?.label) ??
        t.dayOff
      );
    }
    return undefined;
  }

  private ageFits(availability: Availability, age: number | null): boolean {
    if (age === null) return true;
    const site = findFirst(this.networkData?.sites, (s) => s.id === availability.siteId);
    if (site && (age < site.ages.from || age > site.ages.to)) return false;
    const rules = findFirst(
      this.schedule?.bookingRules,
      (r) => r.serviceId === availability.serviceId,
    );
    if (rules?.ages && (age < rules.ages.from || age > rules.ages.to)) return false;
    return true;
  }

  private blocks(days: readonly string[], t: ScheduleTexts): SiteBlock[] {
    const schedule = this.schedule;
    if (schedule === null) return [];
    const calendar = this.calendar();
    const today = this.today();
    const age = normalizeAge(this.age);
    const chosen = this.service;
    const slots = chosen && this.slotsState === 'loaded' ? (this.slots ?? []) : undefined;
    const bySite = new Map<string, ScheduleRow[]>();
    for (const availability of schedule.availabilities) {
      if (chosen && availability.serviceId !== chosen) continue;
      if (!this.ageFits(availability, age)) continue;
      const cells = days.map((date): DayCell => {
        const hours = workingHoursOn(availability, calendar, date, schedule.vacations);
        // A past day has no free time to offer: it shows its hours alone.
        const freeTimes = (date < today ? undefined : slots)
          ?.filter(
            (slot) =>
              slot.siteId === availability.siteId &&
              slot.specialistId === availability.specialistId &&
              slot.serviceId === availability.serviceId &&
              localDateTime(slot.start, availability.timeZone).date === date,
          )
          .map((slot) => localDateTime(slot.start, availability.timeZone).time);
        return {
          date,
          hours,
          dayOff: hours.length === 0 ? this.dayOff(date, availability.siteId, t) : undefined,
          freeTimes,
        };
      });
      const rows = bySite.get(availability.siteId) ?? [];
      rows.push({ availability, cells });
      bySite.set(availability.siteId, rows);
    }
    const sites = this.networkData?.sites ?? [];
    return [...bySite.entries()]
      .map(([siteId, rows]): SiteBlock => {
        const site = findFirst(sites, (s) => s.id === siteId);
        return {
          siteId,
          name: site?.name ?? siteId,
          address: site?.address,
          rows: [...rows].sort(
            (a, b) =>
              this.specialistName(a.availability.specialistId).localeCompare(
                this.specialistName(b.availability.specialistId),
                'ru',
              ) || a.availability.serviceId.localeCompare(b.availability.serviceId),
          ),
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name, 'ru'));
  }

  private servicesOffered(): string[] {
    const ids = new Set((this.schedule?.availabilities ?? []).map((a): string => a.serviceId));
    const order = (this.networkData?.services ?? []).map((s): string => s.id);
    return [...ids].sort((a, b) => {
      const ra = order.indexOf(a);
      const rb = order.indexOf(b);
      return (ra === -1 ? order.length : ra) - (rb === -1 ? order.length : rb);
    });
  }

  /** `range`: the day and month alone («30 ноября»), as «с … по …» needs them. */
  private formatDay(date: string, style: 'short' | 'long' | 'range'): string {
    return new Intl.DateTimeFormat(this.language === 'en' ? 'en-GB' : 'ru-RU', {
      ...(style === 'range' ? {} : { weekday: style }),
      day: 'numeric',
      month: style === 'short' ? 'short' : 'long',
      timeZone: 'UTC',
    }).format(new Date(`${date}T12:00:00Z`));
  }

  /** Today's civil date where the schedule's sites are. */
  private today(): string {
    return localDateTime(instant(new Date()), this.zone()).date;
  }

  // ---- events ----------------------------------------------------------------------------

  private onAgeInput(event: Event): void {
    const input = event.target as HTMLInputElement;
    this.age = input.value === '' ? null : normalizeAge(input.valueAsNumber);
    this.announceFilter();
  }

  private onServiceChange(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.service = value === '' ? null : value;
    this.announceFilter();
  }

  /** Tells the page (a booking element on it, say) the parent's age and need. */
  private announceFilter(): void {
    this.dispatchEvent(
      new EdusetFilterChangeEvent({
        schoolYear: null,
        age: normalizeAge(this.age),
        serviceId:
          findFirst(this.networkData?.services, (entry) => entry.id === this.service)?.id ?? null,
      }),
    );
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
  }

  // ---- rendering -------------------------------------------------------------------------

  override render(): TemplateResult {
    const t = this.texts;
    const loading = this.loader.state === 'loading';
    const failed = this.loader.state === 'error';
    const ready = this.schedule !== null && !loading && !failed;
    const days = this.days();
    const blocks = ready ? this.blocks(days, t) : [];
    return html`
      <section
        part="base"
        class="schedule"
        aria-labelledby="title"
        aria-busy=${loading ? 'true' : 'false'}
      >
        <h2 part="title" id="title">${t.title}</h2>
        ${ready ? this.renderFilters(t, days) : nothing}
        <div part="status" class="status" aria-live="polite">
          ${loading ? html`<p>${t.loading}</p>` : nothing}
          ${failed ? this.loader.renderError(t.loadFailed, this.language) : nothing}
          ${ready && this.slotsState === 'loading' ? html`<p>${t.freeSlotsLoading}</p>` : nothing}
          ${ready && blocks.length === 0 ? html`<p part="empty">${t.nothing}</p>` : nothing}
        </div>
        ${
          failed
            ? html`<button type="button" class="secondary" @click=${this.reload}>
                ${this.shared.retry}
              </button>`
            : nothing
        }
        ${ready && blocks.length > 0 ? html`<p class="hint">${t.timeZoneNote(timeZoneName(this.zone(), this.language))}</p>` : nothing}
        ${blocks.map((block) => this.renderSite(block, days, t))}
      </section>
    `;
  }

  private renderFilters(t: ScheduleTexts, days: readonly string[]): TemplateResult {
    const age = normalizeAge(this.age);
    const first = days[0] ?? '';
    const last = days[days.length - 1] ?? '';
    return html`
      <form
        part="filters"
        class="filters"
        role="search"
        aria-label=${t.filters}
        @submit=${this.onSubmit}
      >
        ${field({
          ...childAgeInput,
          id: 'age',
          controlPart: 'age-input',
          autocomplete: 'off',
          label: this.shared.childAge,
          value: age === null ? '' : String(age),
          onInput: this.onAgeInput,
        })}
        ${selectField({
          id: 'service',
          name: 'service',
          controlPart: 'service-select',
          label: this.shared.service,
          value: this.service ?? '',
          options: [
            { value: '', label: this.shared.anyService },
            ...this.servicesOffered().map((id) => ({ value: id, label: this.serviceName(id) })),
          ],
          onChange: this.onServiceChange,
        })}
      </form>
      <div part="weeks" class="weeks" role="group" aria-label=${t.week}>
        <button
          part="week-button"
          type="button"
          data-week="this"
          aria-pressed=${this.week !== 'next' ? 'true' : 'false'}
          @click=${() => {
            this.week = 'this';
          }}
        >
          ${t.thisWeek}
        </button>
        <button
          part="week-button"
          type="button"
          data-week="next"
          aria-pressed=${this.week === 'next' ? 'true' : 'false'}
          @click=${() => {
            this.week = 'next';
          }}
        >
          ${t.nextWeek}
        </button>
        <span class="week-range"
          >${t.weekRange(this.formatDay(first, 'range'), this.formatDay(last, 'range'))}</span
        >
      </div>
    `;
  }

  private renderCell(cell: DayCell, t: ScheduleTexts): TemplateResult {
    return html`${
      cell.dayOff !== undefined
        ? html`<span part="day-off" class="day-off">${cell.dayOff}</span>`
        : cell.hours.length === 0
          ? html`<span class="no-hours"
              ><span aria-hidden="true">—</span
              ><span class="visually-hidden">${t.noHours}</span></span
            >`
          : html`<span part="hours" class="hours"
              >${cell.hours.map(
                (range, index) =>
                  html`${index > 0 ? html`<span class="visually-hidden">, </span>` : nothing}<span
                      class="range"
                      >${clock(range.start)}–${clock(range.end)}</span
                    >`,
              )}</span
            >`
    }${
      cell.freeTimes !== undefined && cell.hours.length > 0
        ? cell.freeTimes.length === 0
          ? html`<span part="free-slots" class="free-slots none" data-count="0"
              >${t.noFreeSlots}</span
            >`
          : html`<span part="free-slots" class="free-slots" data-count=${cell.freeTimes.length}
              >${t.freeSlots(cell.freeTimes.length)}: ${cell.freeTimes.join(', ')}</span
            >`
        : nothing
    }`;
  }

  private rowTitle(row: ScheduleRow): TemplateResult {
    return html`<span class="specialist"
        >${this.specialistName(row.availability.specialistId)}</span
      >
      <span class="service">${this.serviceName(row.availability.serviceId)}</span>`;
  }

  private renderSite(block: SiteBlock, days: readonly string[], t: ScheduleTexts): TemplateResult {
    const headingId = `site-${block.siteId}`;
    return html`
      <section part="site" class="site" data-site-id=${block.siteId} aria-labelledby=${headingId}>
        <h3 part="site-name" id=${headingId}>${block.name}</h3>
        ${block.address ? html`<p class="address">${block.address}</p>` : nothing}
        <div class="grid-wrap">
          <table part="week-grid" class="week-grid">
            <caption class="visually-hidden">
              ${block.name}. ${t.hours}
            </caption>
            <thead>
              <tr>
                <th scope="col">${t.specialist}</th>
                ${days.map((date) => {
                  const off = this.dayOff(date, block.siteId, t);
                  return html`<th scope="col" data-date=${date}>
                    ${this.formatDay(date, 'short')}
                    ${off !== undefined ? html`<span part="day-off" class="day-off">${off}</span>` : nothing}
                  </th>`;
                })}
              </tr>
            </thead>
            <tbody>
              ${block.rows.map(
                (row) =>
                  html`<tr>
                    <th scope="row">${this.rowTitle(row)}</th>
                    ${row.cells.map((cell) => html`<td data-date=${cell.date}>${this.renderCell(cell, t)}</td>`)}
                  </tr>`,
              )}
            </tbody>
          </table>
        </div>
        <ul part="day-list" class="day-list">
          ${days.map((date, index) => {
            const off = this.dayOff(date, block.siteId, t);
            const working = block.rows.flatMap((row) => {
              const cell = row.cells[index];
              return cell !== undefined && cell.hours.length > 0 ? [{ row, cell }] : [];
            });
            return html`<li class="day" data-date=${date}>
              <h4>
                ${this.formatDay(date, 'long')}${
                  off !== undefined
                    ? html` — <span part="day-off" class="day-off">${off}</span>`
                    : nothing
                }
              </h4>
              ${
                working.length === 0
                  ? off === undefined
                    ? html`<p class="no-hours">${t.noHours}</p>`
                    : nothing
                  : html`<ul class="entries">
                      ${working.map(
                        ({ row, cell }) =>
                          html`<li>${this.rowTitle(row)} ${this.renderCell(cell, t)}</li>`,
                      )}
                    </ul>`
              }
            </li>`;
          })}
        </ul>
      </section>
    `;
  }
}
