import {
  addCivilDays,
  instant,
  isoWeekday,
  localDateTime,
  localize,
  maxSlotPeriodDays,
  type BookingOption,
  type LocalizedText,
  type Network,
  type NetworkSchedule,
  type Slot,
} from '@eduset/core';
import {
  html,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { SlotsApi } from '../internal/slots-api.js';
import { EdusetSlotSelectEvent } from '../events/slot-select.js';
import { EdusetElement } from '../internal/eduset-element.js';
import { timeZoneName } from '../internal/time-zone-name.js';
import { FetchJsonError } from '../internal/fetch-json.js';
import { siteNameById } from '../internal/network-names.js';
import { slotPickerStyles } from './slot-picker.styles.js';
import { slotPickerTexts, type SlotPickerTexts } from './slot-picker.texts.js';
import { findFirst, findFirstIndex } from '../internal/own.js';

/**
 * How `<eduset-slot-picker>` shows the days: a list of free times for two weeks, or a month
 * calendar to pick a day.
 *
 * @example
 * ```ts
 * import type { SlotPickerView } from '@eduset/widgets';
 * const view: SlotPickerView = 'month';
 * ```
 */
export type SlotPickerView = 'list' | 'month';

/** How many days the list of free times shows at once (the API allows up to 31). */
const periodDays = 14;
const defaultZone = 'Europe/Moscow';
/** How far ahead a service may be booked when its rules do not say (core's default). */
const defaultHorizonDays = 28;

type LoadState = 'idle' | 'loading' | 'loaded' | 'error';

interface SlotCell {
  readonly key: string;
  readonly slot: Slot;
  readonly time: string;
  readonly label: string;
  readonly siteName: string | undefined;
}

interface SlotRow {
  readonly date: string;
  readonly title: string;
  readonly cells: readonly SlotCell[];
}

interface MonthDay {
  readonly date: string;
  readonly day: number;
  /** Free slots that day (0 when none, past or not open yet). */
  readonly free: number;
  readonly state: 'free' | 'none' | 'past' | 'closed';
}

function slotKey(slot: Slot): string {
  return `${slot.start}|${slot.siteId}|${slot.specialistId}`;
}

function errorText(error: unknown, fallback: LocalizedText): LocalizedText {
  if (error instanceof FetchJsonError) return error.text;
  return fallback;
}

function monthOf(date: string): string {
  return date.slice(0, 7);
}

function firstOfMonth(month: string): string {
  return `${month}-01`;
}

function shiftMonth(month: string, months: number): string {
  const [year = 2000, number = 1] = month.split('-').map(Number);
  const index = year * 12 + (number - 1) + months;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function daysInMonth(month: string): number {
  const [year = 2000, number = 1] = month.split('-').map(Number);
  return new Date(Date.UTC(year, number, 0)).getUTCDate();
}

/**
 * `<eduset-slot-picker>` — choose a free time of one service: the free times of two weeks in
 * an accessible grid (one row per day), a "first free time" jump, and a month calendar to pick
 * a day. Past days are never offered, nor days beyond the service's booking horizon. Used by
 * `<eduset-booking>` (to book) and `<eduset-booking-manage>` (to move a booking); usable alone.
 *
 * It asks `GET /slots` under `src-base` for the service, narrowed to a site, a specialist and
 * the child's age when given (a service for other ages offers nothing, so the parent is never
 * offered a time the server would refuse). The list follows the WAI-ARIA grid pattern: one tab
 * stop, arrow keys move between times (up and down between days), Home/End to the first or
 * last time of the day (with Ctrl, of all days); each button is named with the full date and
 * time in the site's time zone. The month calendar is a grid of days: arrows move by a day or
 * a week, Page Up/Page Down by a month; a day with free times shows them in the list.
 *
 * @tagname eduset-slot-picker
 * @summary Free times of a service: two weeks as a list, the first free time, a month calendar.
 *
 * @attr src-base - Base address of the eduset API (e.g. `/api`).
 * @attr network - The network id sent as `network=` (optional).
 * @attr service - The service whose free times are shown.
 * @attr site - Only this site's times (optional).
 * @attr specialist - Only this specialist's times (optional).
 * @attr child-age - The child's age in whole years, sent as `childAge=` (optional).
 * @attr horizon-days - How many days ahead the service may be booked (optional; else from `schedule`).
 * @attr time-zone - The time zone to show days and times in (optional; else each site's from `sites` or `schedule`, or the free slots' answer).
 * @attr lang - `ru` (default) or `en`; inherited from ancestors and `<html lang>` when absent.
 *
 * @fires eduset-slot-select - The parent chose a free time; `detail.slot`.
 *
 * @csspart views - The list/month switch.
 * @csspart first-free - The «Ближайшее свободное время» button.
 * @csspart grid - The grid of free times.
 * @csspart day - One day (row) of the grid.
 * @csspart day-heading - The date heading of a day row.
 * @csspart slot - One free time button.
 * @csspart period-nav - The buttons that show earlier or later days.
 * @csspart month - The month calendar.
 * @csspart month-day - One day of the month calendar.
 * @csspart month-nav - The previous/next month buttons.
 *
 * @cssproperty --eduset-slot-picker-slot-min-width - Narrowest slot button (default `5.5em`).
 *
 * @example
 * ```html
 * <eduset-slot-picker src-base="/api" service="psychologist-consultation" child-age="4"></eduset-slot-picker>
 * ```
 */
export class EdusetSlotPicker extends EdusetElement {
  /** The element's shadow-DOM styles. */
  static override styles = slotPickerStyles;

  static override properties: PropertyDeclarations = {
    srcBase: { type: String, attribute: 'src-base' },
    network: { type: String },
    service: { type: String },
    site: { type: String },
    specialist: { type: String },
    childAge: { type: Number, attribute: 'child-age' },
    horizonDays: { type: Number, attribute: 'horizon-days' },
    timeZone: { type: String, attribute: 'time-zone' },
    schedule: { attribute: false },
    networkData: { attribute: false },
    sites: { attribute: false },
    view: { state: true },
    optionSites: { state: true },
    periodStart: { state: true },
    slots: { state: true },
    slotsZone: { state: true },
    slotsState: { state: true },
    slotsError: { state: true },
    focusedSlot: { state: true },
    month: { state: true },
    monthSlots: { state: true },
    monthState: { state: true },
    focusedDay: { state: true },
    searching: { state: true },
    announcement: { state: true },
    message: { state: true },
  };

  /** Base address of the API (`/api`). */
  declare srcBase: string | null;
  /** The network id sent with every request, or `null`. */
  declare network: string | null;
  /** The service whose free times are shown. */
  declare service: string | null;
  /** Only this site's times, or `null` for every site. */
  declare site: string | null;
  /** Only this specialist's times, or `null` for anyone. */
  declare specialist: string | null;
  /** The child's age in whole years, or `null` when not known. */
  declare childAge: number | null;
  /**
   * How many days ahead the service may be booked, or `null` to take it from `schedule` (or
   * the default, 28 days).
   */
  declare horizonDays: number | null;
  /**
   * The time zone to show the days and times in, or `null` to take each site's from
   * `schedule` (or the free slots' answer's).
   */
  declare timeZone: string | null;
  /** The published schedule (for time zones and the booking horizon), if known. */
  declare schedule: NetworkSchedule | null;
  /** The network (for site names), if known. */
  declare networkData: Network | null;
  /**
   * The sites that offer the service, with their names and time zones (the booking sets them
   * from its options), or `null` to take them from `networkData` and `schedule`.
   */
  declare sites: BookingOption['sites'] | null;
  /** The sites of the booking options, loaded when neither `sites` nor `networkData` names them. */
  declare private optionSites: BookingOption['sites'] | null;
  /** How the days are shown. */
  declare view: SlotPickerView;
  declare private periodStart: string | null;
  declare private slots: readonly Slot[] | null;
  declare private slotsZone: string;
  declare private slotsState: LoadState;
  declare private slotsError: LocalizedText | null;
  declare private focusedSlot: string | null;
  declare private month: string | null;
  declare private monthSlots: readonly Slot[] | null;
  declare private monthState: LoadState;
  declare private focusedDay: string | null;
  declare private searching: boolean;
  declare private announcement: string;
  declare private message: string | null;

  private controller: AbortController | undefined;
  private monthController: AbortController | undefined;
  private pendingFocus: string | null = null;
  /** Whether the booking options were asked for (to name the sites). */
  private sitesAsked = false;
  /** After the list loads: focus the first time of this day (a day picked in the month). */
  private focusDayAfterLoad: string | null = null;

  constructor() {
    super();
    this.srcBase = null;
    this.network = null;
    this.service = null;
    this.site = null;
    this.specialist = null;
    this.childAge = null;
    this.horizonDays = null;
    this.timeZone = null;
    this.schedule = null;
    this.networkData = null;
    this.sites = null;
    this.optionSites = null;
    this.view = 'list';
    this.periodStart = null;
    this.slots = null;
    this.slotsZone = defaultZone;
    this.slotsState = 'idle';
    this.slotsError = null;
    this.focusedSlot = null;
    this.month = null;
    this.monthSlots = null;
    this.monthState = 'idle';
    this.focusedDay = null;
    this.searching = false;
    this.announcement = '';
    this.message = null;
  }

  private get texts(): SlotPickerTexts {
    return slotPickerTexts[this.language];
  }

  private get api(): SlotsApi {
    return new SlotsApi(this.srcBase ?? '', this.network);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.controller?.abort();
    this.monthController?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const searchChanged = (
      ['srcBase', 'network', 'service', 'site', 'specialist', 'childAge'] as const
    ).some((key) => changed.has(key));
    if (searchChanged && this.service && this.srcBase) this.restart();
  }

  protected override updated(): void {
    if (this.pendingFocus === null) return;
    const target = this.renderRoot.querySelector<HTMLElement>(this.pendingFocus);
    if (target) {
      this.pendingFocus = null;
      target.focus();
    }
  }

  /**
   * Shows the first two weeks again from today and loads their free times (after a time was
   * taken by someone else, for instance).
   *
   * @example
   * ```ts
   * document.querySelector('eduset-slot-picker')?.restart();
   * ```
   */
  restart(): void {
    this.view = 'list';
    this.periodStart = this.today();
    this.month = null;
    this.monthSlots = null;
    this.message = null;
    this.loadSlots();
  }

  /**
   * Loads the free times of the days shown again, keeping the period.
   *
   * @example
   * ```ts
   * document.querySelector('eduset-slot-picker')?.reload();
   * ```
   */
  reload(): void {
    if (this.view === 'month') this.loadMonth();
    else this.loadSlots();
  }

  // ---- dates and names -------------------------------------------------------------------

  private locale(): string {
    return this.language === 'en' ? 'en-GB' : 'ru-RU';
  }

  /** The service's booking horizon in days: given, from the schedule, or the default. */
  private horizon(): number {
    return (
      this.horizonDays ??
      findFirst(this.schedule?.bookingRules, (entry) => entry.serviceId === this.service)
        ?.horizonDays ??
      defaultHorizonDays
    );
  }

  /**
   * The zone to show the service's days in: the one given, its sites' (`sites`, or the first
   * availability's), or the slots'. The sites of the booking options are every service's, so
   * they name sites but do not choose the service's zone.
   */
  private serviceZone(): string {
    return (
      this.timeZone ??
      findFirst(this.sites, (site) => !this.site || site.id === this.site)?.timeZone ??
      findFirst(
        this.schedule?.availabilities,
        (a) => a.serviceId === this.service && (!this.site || a.siteId === this.site),
      )?.timeZone ??
      this.slotsZone
    );
  }

  /** The sites named for the picker: given, or loaded with the booking options. */
  private knownSites(): BookingOption['sites'] | null {
    return this.sites ?? this.optionSites;
  }

  /** A site's name: from `sites` (or the booking options), else from `networkData`, else its id. */
  private siteName(siteId: string): string {
    return (
      findFirst(this.knownSites(), (site) => site.id === siteId)?.name ??
      siteNameById(this.networkData, siteId)
    );
  }

  /**
   * Loads the booking options once when the times of several sites are shown and neither
   * `sites` nor `networkData` names them (the picker used alone), so that each time is named
   * with its site's name, not its id.
   */
  private nameSites(slots: readonly Slot[]): void {
    if (this.sites !== null || this.networkData !== null || this.sitesAsked) return;
    if (new Set(slots.map((slot) => slot.siteId)).size < 2) return;
    this.sitesAsked = true;
    this.api.bookingOptions().then(
      (options) => {
        this.optionSites = options.services.flatMap((service) => service.sites);
      },
      () => {
        // Asked again with the next times shown.
        this.sitesAsked = false;
      },
    );
  }

  private siteZone(siteId: string): string {
    return (
      this.timeZone ??
      findFirst(this.knownSites(), (site) => site.id === siteId)?.timeZone ??
      findFirst(this.schedule?.availabilities, (a) => a.siteId === siteId)?.timeZone ??
      this.slotsZone
    );
  }

  private today(): string {
    return localDateTime(instant(new Date()), this.serviceZone()).date;
  }

  /** The last day a time may be booked on (the service's horizon), inclusive. */
  private lastDay(): string {
    return addCivilDays(this.today(), this.horizon());
  }

  private formatDate(at: string, timeZone: string): string {
    return new Intl.DateTimeFormat(this.locale(), {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      timeZone,
    }).format(new Date(at));
  }

  private formatTime(at: string, timeZone: string): string {
    return new Intl.DateTimeFormat(this.locale(), {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone,
    }).format(new Date(at));
  }

  private formatCivil(date: string, weekday = false): string {
    return new Intl.DateTimeFormat(this.locale(), {
      ...(weekday ? { weekday: 'long' as const } : {}),
      day: 'numeric',
      month: 'long',
      timeZone: 'UTC',
    }).format(new Date(`${date}T12:00:00Z`));
  }

  private formatMonth(month: string): string {
    const text = new Intl.DateTimeFormat(this.locale(), {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${month}-15T12:00:00Z`));
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  // ---- loading ---------------------------------------------------------------------------

  private query(from: string, to: string) {
    return {
      serviceId: this.service ?? '',
      from,
      to,
      siteId: this.site ?? undefined,
      specialistId: this.specialist ?? undefined,
      childAge: this.childAge ?? undefined,
    };
  }

  private loadSlots(): void {
    if (!this.service || !this.srcBase) return;
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    const from = this.periodStart ?? this.today();
    this.slotsState = 'loading';
    this.slotsError = null;
    this.slots = null;
    this.api.slots(this.query(from, addCivilDays(from, periodDays - 1)), controller.signal).then(
      (answer) => {
        if (controller.signal.aborted) return;
        this.slots = answer.slots;
        this.slotsZone = answer.timeZone;
        this.slotsState = 'loaded';
        this.nameSites(answer.slots);
        const rows = this.slotRows();
        const keys = new Set(rows.flatMap((row) => row.cells.map((c) => c.key)));
        const day = this.focusDayAfterLoad;
        this.focusDayAfterLoad = null;
        const wanted =
          day === null ? undefined : findFirst(rows, (row) => row.date === day)?.cells[0];
        if (wanted !== undefined) {
          this.focusedSlot = wanted.key;
          this.pendingFocus = `[data-key="${CSS.escape(wanted.key)}"]`;
        } else if (this.focusedSlot === null || !keys.has(this.focusedSlot)) {
          this.focusedSlot = rows[0]?.cells[0]?.key ?? null;
        }
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        this.slotsState = 'error';
        this.slotsError = errorText(error, {
          ru: 'Не удалось загрузить свободное время',
          en: 'Could not load the free times',
        });
      },
    );
  }

  /** The days of the month shown that may be asked for: from today to the horizon. */
  private monthRange(month: string): { from: string; to: string } | undefined {
    const today = this.today();
    const first = firstOfMonth(month);
    const last = addCivilDays(first, daysInMonth(month) - 1);
    const from = first < today ? today : first;
    const horizon = this.lastDay();
    const to = last > horizon ? horizon : last;
    // A month has at most 31 days: one request (maxSlotPeriodDays).
    return from > to ? undefined : { from, to };
  }

  private loadMonth(): void {
    const month = this.month;
    if (month === null || !this.service || !this.srcBase) return;
    this.monthController?.abort();
    const range = this.monthRange(month);
    if (range === undefined) {
      this.monthSlots = [];
      this.monthState = 'loaded';
      return;
    }
    const controller = new AbortController();
    this.monthController = controller;
    this.monthState = 'loading';
    this.monthSlots = null;
    this.api.slots(this.query(range.from, range.to), controller.signal).then(
      (answer) => {
        if (controller.signal.aborted) return;
        this.monthSlots = answer.slots;
        this.slotsZone = answer.timeZone;
        this.monthState = 'loaded';
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        this.monthState = 'error';
        this.slotsError = errorText(error, {
          ru: 'Не удалось загрузить свободные дни',
          en: 'Could not load the free days',
        });
      },
    );
  }

  // ---- the list of free times ------------------------------------------------------------

  /** Free slots one button each: with "anyone", one per time and site. */
  private unique(slots: readonly Slot[]): Slot[] {
    const seen = new Set<string>();
    return [...slots]
      .sort(
        (a, b) =>
          a.start.localeCompare(b.start) ||
          a.siteId.localeCompare(b.siteId) ||
          a.specialistId.localeCompare(b.specialistId),
      )
      .filter((slot) => {
        const id = this.specialist ? slotKey(slot) : `${slot.start}|${slot.end}|${slot.siteId}`;
        if (seen.has(id)) return false;
        seen.add(id);
        return true;
      });
  }

  private slotRows(): SlotRow[] {
    const unique = this.unique(this.slots ?? []);
    const multipleSites = new Set(unique.map((s) => s.siteId)).size > 1;
    const rows = new Map<string, SlotCell[]>();
    const titles = new Map<string, string>();
    for (const slot of unique) {
      const zone = this.siteZone(slot.siteId);
      const { date } = localDateTime(slot.start, zone);
      const day = this.formatDate(slot.start, zone);
      const time = this.formatTime(slot.start, zone);
      const siteName = multipleSites ? this.siteName(slot.siteId) : undefined;
      const label = siteName === undefined ? `${day}, ${time}` : `${day}, ${time}, ${siteName}`;
      titles.set(date, day);
      const cells = rows.get(date) ?? [];
      cells.push({ key: slotKey(slot), slot, time, label, siteName });
      rows.set(date, cells);
    }
    return [...rows.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([date, cells]) => ({ date, title: titles.get(date) ?? date, cells }));
  }

  private shiftPeriod(days: number): void {
    const today = this.today();
    const start = addCivilDays(this.periodStart ?? today, days);
    this.periodStart = start < today ? today : start;
    this.message = null;
    this.loadSlots();
  }

  private choose(cell: SlotCell): void {
    this.focusedSlot = cell.key;
    this.dispatchEvent(new EdusetSlotSelectEvent({ slot: cell.slot }));
  }

  private onGridKeydown(event: KeyboardEvent): void {
    const rows = this.slotRows();
    if (rows.length === 0) return;
    let row = findFirstIndex(rows, (r) => r.cells.some((c) => c.key === this.focusedSlot));
    if (row === -1) row = 0;
    const cells = rows[row]?.cells ?? [];
    let col = Math.max(
      0,
      findFirstIndex(cells, (c) => c.key === this.focusedSlot),
    );
    switch (event.key) {
      case 'ArrowRight':
        if (col < cells.length - 1) col += 1;
        else if (row < rows.length - 1) [row, col] = [row + 1, 0];
        break;
      case 'ArrowLeft':
        if (col > 0) col -= 1;
        else if (row > 0) [row, col] = [row - 1, (rows[row - 1]?.cells.length ?? 1) - 1];
        break;
      case 'ArrowDown':
        if (row < rows.length - 1) row += 1;
        break;
      case 'ArrowUp':
        if (row > 0) row -= 1;
        break;
      case 'Home':
        if (event.ctrlKey) row = 0;
        col = 0;
        break;
      case 'End':
        if (event.ctrlKey) row = rows.length - 1;
        col = Number.MAX_SAFE_INTEGER;
        break;
      default:
        return;
    }
    event.preventDefault();
    const target = rows[row]?.cells;
    if (target === undefined || target.length === 0) return;
    const cell = target[Math.min(col, target.length - 1)];
    if (cell === undefined) return;
    this.focusedSlot = cell.key;
    this.pendingFocus = `[data-key="${CSS.escape(cell.key)}"]`;
  }

  // ---- the first free time ---------------------------------------------------------------

  private async findFirstFree(): Promise<void> {
    if (!this.service || !this.srcBase || this.searching) return;
    const t = this.texts;
    this.searching = true;
    this.message = null;
    this.announcement = t.searchingFirstFree;
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    const last = this.lastDay();
    let from = this.today();
    try {
      while (from <= last) {
        const end = addCivilDays(from, maxSlotPeriodDays - 1);
        const to = end < last ? end : last;
        const answer = await this.api.slots(this.query(from, to), controller.signal);
        if (controller.signal.aborted) return;
        const [first] = this.unique(answer.slots);
        if (first !== undefined) {
          const zone = this.siteZone(first.siteId);
          const date = localDateTime(first.start, zone).date;
          this.slotsZone = answer.timeZone;
          this.view = 'list';
          this.periodStart = date;
          // Show the two weeks from that day, focused on the first free time.
          this.focusDayAfterLoad = date;
          this.message = t.firstFreeFound(
            `${this.formatDate(first.start, zone)}, ${this.formatTime(first.start, zone)}`,
          );
          this.announcement = this.message;
          this.loadSlots();
          return;
        }
        from = addCivilDays(to, 1);
      }
      const days = this.horizon();
      this.message = t.noFreeTime(days);
      this.announcement = this.message;
    } catch (error) {
      if (controller.signal.aborted) return;
      this.slotsState = 'error';
      this.slotsError = errorText(error, {
        ru: 'Не удалось найти свободное время',
        en: 'Could not find a free time',
      });
    } finally {
      this.searching = false;
    }
  }

  // ---- the month calendar ----------------------------------------------------------------

  private showView(view: SlotPickerView): void {
    if (view === this.view) return;
    this.view = view;
    this.message = null;
    if (view === 'month') {
      const start = this.periodStart ?? this.today();
      this.month = monthOf(start);
      this.focusedDay = start;
      this.loadMonth();
    } else {
      this.loadSlots();
    }
  }

  private shiftMonth(months: number, focus = false): void {
    if (this.month === null) return;
    const next = shiftMonth(this.month, months);
    if (!this.monthAllowed(next)) return;
    this.month = next;
    const today = this.today();
    const first = firstOfMonth(next);
    this.focusedDay = first < today ? today : first;
    if (focus) this.pendingFocus = `[data-date="${this.focusedDay}"]`;
    this.loadMonth();
  }

  private monthAllowed(month: string): boolean {
    return month >= monthOf(this.today()) && firstOfMonth(month) <= this.lastDay();
  }

  private monthDays(): MonthDay[] {
    const month = this.month;
    if (month === null) return [];
    const today = this.today();
    const last = this.lastDay();
    const counts = new Map<string, number>();
    for (const slot of this.unique(this.monthSlots ?? [])) {
      const date = localDateTime(slot.start, this.siteZone(slot.siteId)).date;
      counts.set(date, (counts.get(date) ?? 0) + 1);
    }
    return Array.from({ length: daysInMonth(month) }, (_, index): MonthDay => {
      const date = addCivilDays(firstOfMonth(month), index);
      const free = counts.get(date) ?? 0;
      const state = date < today ? 'past' : date > last ? 'closed' : free > 0 ? 'free' : 'none';
      return { date, day: index + 1, free: state === 'free' ? free : 0, state };
    });
  }

  private chooseDay(day: MonthDay): void {
    if (day.state !== 'free') return;
    this.view = 'list';
    this.periodStart = day.date;
    this.focusDayAfterLoad = day.date;
    this.message = this.texts.dayChosen(this.formatCivil(day.date));
    this.announcement = this.message;
    this.loadSlots();
  }

  private onMonthKeydown(event: KeyboardEvent): void {
    const month = this.month;
    const focused = this.focusedDay;
    if (month === null || focused === null) return;
    let target = focused;
    switch (event.key) {
      case 'ArrowRight':
        target = addCivilDays(focused, 1);
        break;
      case 'ArrowLeft':
        target = addCivilDays(focused, -1);
        break;
      case 'ArrowDown':
        target = addCivilDays(focused, 7);
        break;
      case 'ArrowUp':
        target = addCivilDays(focused, -7);
        break;
      case 'Home':
        target = addCivilDays(focused, 1 - isoWeekday(focused));
        break;
      case 'End':
        target = addCivilDays(focused, 7 - isoWeekday(focused));
        break;
      case 'PageUp':
        event.preventDefault();
        this.shiftMonth(-1, true);
        return;
      case 'PageDown':
        event.preventDefault();
        this.shiftMonth(1, true);
        return;
      default:
        return;
    }
    event.preventDefault();
    // Within the month shown; past days are in it, but not before the first day.
    const first = firstOfMonth(month);
    const last = addCivilDays(first, daysInMonth(month) - 1);
    if (target < first) target = first;
    if (target > last) target = last;
    this.focusedDay = target;
    this.pendingFocus = `[data-date="${target}"]`;
  }

  // ---- rendering -------------------------------------------------------------------------

  override render(): TemplateResult {
    const t = this.texts;
    return html`
      <div class="picker">
        <div part="status" class="visually-hidden" aria-live="polite">${this.announcement}</div>
        <div class="controls">
          <div part="views" class="views" role="group" aria-label=${t.views}>
            <button
              type="button"
              class="toggle"
              aria-pressed=${this.view === 'list' ? 'true' : 'false'}
              @click=${() => this.showView('list')}
            >
              ${t.listView}
            </button>
            <button
              type="button"
              class="toggle"
              aria-pressed=${this.view === 'month' ? 'true' : 'false'}
              @click=${() => this.showView('month')}
            >
              ${t.monthView}
            </button>
          </div>
          <button
            part="first-free"
            type="button"
            class="secondary"
            ?disabled=${this.searching}
            @click=${this.findFirstFree}
          >
            ${this.searching ? t.searchingFirstFree : t.firstFree}
          </button>
        </div>
        ${this.message ? html`<p class="message">${this.message}</p>` : nothing}
        ${this.view === 'month' ? this.renderMonth(t) : this.renderList(t)}
      </div>
    `;
  }

  private renderError(t: SlotPickerTexts): TemplateResult {
    return html`<div class="error" role="alert">
        <p>${localize(this.slotsError ?? { ru: t.loadFailed, en: t.loadFailed }, this.language)}</p>
      </div>
      <button type="button" class="secondary" @click=${this.reload}>${t.retry}</button>`;
  }

  private renderList(t: SlotPickerTexts): TemplateResult {
    const today = this.today();
    const from = this.periodStart ?? today;
    const to = addCivilDays(from, periodDays - 1);
    const rows = this.slotsState === 'loaded' ? this.slotRows() : [];
    const zone = this.slots?.[0] ? this.siteZone(this.slots[0].siteId) : this.serviceZone();
    return html`
      <p id="period" class="period">${t.period(this.formatCivil(from), this.formatCivil(to))}</p>
      <p id="grid-hint" class="hint">
        ${t.slotsHint} ${t.timeZoneNote(timeZoneName(zone, this.language))}
      </p>
      ${this.slotsState === 'loading' ? html`<p class="loading">${t.slotsLoading}</p>` : nothing}
      ${this.slotsState === 'error' ? this.renderError(t) : nothing}
      ${
        this.slotsState === 'loaded' && rows.length === 0
          ? html`<p class="empty">${t.noSlots}</p>`
          : nothing
      }
      ${rows.length > 0 ? this.renderGrid(rows, t) : nothing}
      <div part="period-nav" class="period-nav">
        <button
          type="button"
          class="secondary"
          ?disabled=${from <= today}
          @click=${() => this.shiftPeriod(-periodDays)}
        >
          ${t.earlier}
        </button>
        <button
          type="button"
          class="secondary"
          ?disabled=${addCivilDays(from, periodDays) > this.lastDay()}
          @click=${() => this.shiftPeriod(periodDays)}
        >
          ${t.later}
        </button>
      </div>
    `;
  }

  private renderGrid(rows: readonly SlotRow[], t: SlotPickerTexts): TemplateResult {
    const keys = rows.flatMap((row) => row.cells.map((cell) => cell.key));
    const focused =
      this.focusedSlot !== null && keys.includes(this.focusedSlot) ? this.focusedSlot : keys[0];
    return html`<div
      part="grid"
      class="grid"
      role="grid"
      aria-labelledby="period"
      aria-describedby="grid-hint"
      @keydown=${this.onGridKeydown}
    >
      ${rows.map(
        (row) =>
          html`<div part="day" class="day" role="row" data-date=${row.date}>
            <div part="day-heading" class="day-heading" role="rowheader">${row.title}</div>
            ${row.cells.map(
              (cell) =>
                html`<div role="gridcell" class="cell">
                  <button
                    part="slot"
                    type="button"
                    class="slot"
                    data-key=${cell.key}
                    data-start=${cell.slot.start}
                    tabindex=${cell.key === focused ? '0' : '-1'}
                    aria-label=${
                      cell.slot.seatsLeft > 1
                        ? `${cell.label}, ${t.seatsLeft(cell.slot.seatsLeft)}`
                        : cell.label
                    }
                    @click=${() => this.choose(cell)}
                    @focus=${() => {
                      this.focusedSlot = cell.key;
                    }}
                  >
                    <span class="slot-time">${cell.time}</span>
                    ${cell.siteName ? html`<span class="slot-site">${cell.siteName}</span>` : nothing}
                  </button>
                </div>`,
            )}
          </div>`,
      )}
    </div>`;
  }

  private dayLabel(day: MonthDay, t: SlotPickerTexts): string {
    const name = this.formatCivil(day.date, true);
    switch (day.state) {
      case 'free':
        return `${name}: ${t.freeCount(day.free)}`;
      case 'past':
        return `${name}: ${t.pastDay}`;
      case 'closed':
        return `${name}: ${t.beyondHorizon}`;
      default:
        return `${name}: ${t.noFreeDay}`;
    }
  }

  private renderMonth(t: SlotPickerTexts): TemplateResult {
    const month = this.month ?? monthOf(this.today());
    const days = this.monthDays();
    const offset = days[0] === undefined ? 0 : isoWeekday(days[0].date) - 1;
    const cells: (MonthDay | null)[] = [...Array<null>(offset).fill(null), ...days];
    while (cells.length % 7 !== 0) cells.push(null);
    const weeks = Array.from({ length: cells.length / 7 }, (_, index) =>
      cells.slice(index * 7, index * 7 + 7),
    );
    const inMonth = days.map((day) => day.date);
    const focused =
      this.focusedDay !== null && inMonth.includes(this.focusedDay)
        ? this.focusedDay
        : (findFirst(days, (day) => day.state === 'free')?.date ?? inMonth[0]);
    const loading = this.monthState === 'loading';
    return html`
      <div part="month-nav" class="month-nav">
        <button
          type="button"
          class="secondary arrow"
          title=${t.previousMonth}
          ?disabled=${!this.monthAllowed(shiftMonth(month, -1))}
          @click=${() => this.shiftMonth(-1)}
        >
          <span aria-hidden="true">‹</span><span class="visually-hidden">${t.previousMonth}</span>
        </button>
        <h4 id="month-title" class="month-title" aria-live="polite">${this.formatMonth(month)}</h4>
        <button
          type="button"
          class="secondary arrow"
          title=${t.nextMonth}
          ?disabled=${!this.monthAllowed(shiftMonth(month, 1))}
          @click=${() => this.shiftMonth(1)}
        >
          <span aria-hidden="true">›</span><span class="visually-hidden">${t.nextMonth}</span>
        </button>
      </div>
      <p id="month-hint" class="hint">${t.monthHint}</p>
      ${loading ? html`<p class="loading">${t.monthLoading}</p>` : nothing}
      ${this.monthState === 'error' ? this.renderError(t) : nothing}
      <table
        part="month"
        class="month"
        role="grid"
        aria-labelledby="month-title"
        aria-describedby="month-hint"
        aria-busy=${loading ? 'true' : 'false'}
        @keydown=${this.onMonthKeydown}
      >
        <thead>
          <tr>
            ${t.weekdaysShort.map(
              (name, index) =>
                html`<th scope="col" abbr=${t.weekdaysLong[index] ?? name}>${name}</th>`,
            )}
          </tr>
        </thead>
        <tbody>
          ${weeks.map(
            (week) =>
              html`<tr>
                ${week.map((day) =>
                  day === null
                    ? html`<td></td>`
                    : html`<td>
                        <button
                          part="month-day"
                          type="button"
                          class=${`month-day ${day.state}`}
                          data-date=${day.date}
                          tabindex=${day.date === focused ? '0' : '-1'}
                          aria-disabled=${day.state === 'free' ? 'false' : 'true'}
                          aria-label=${loading ? this.formatCivil(day.date, true) : this.dayLabel(day, t)}
                          @click=${() => this.chooseDay(day)}
                          @focus=${() => {
                            this.focusedDay = day.date;
                          }}
                        >
                          <span class="day-number">${day.day}</span>
                          ${
                            day.state === 'free' && !loading
                              ? html`<span class="day-free" aria-hidden="true"></span>`
                              : nothing
                          }
                        </button>
                      </td>`,
                )}
              </tr>`,
          )}
        </tbody>
      </table>
    `;
  }
}
