import {
  addCivilDays,
  isoWeekday,
  localDateTime,
  localize,
  maxConsultationNoteLength,
  type AgendaConsultation,
  type AgendaResponse,
  type AttendanceOutcome,
  type ConsultationNote,
  type Instant,
  type Lang,
  type LocalizedText,
  type Slot,
} from '@eduset/core';
import {
  html,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { DataLoader } from '../internal/data-loader.js';
import { EdusetElement } from '../internal/eduset-element.js';
import { button, field, radio, selectField } from '../internal/parts/index.js';
import { EdusetConsultationChangeEvent, type ConsultationChange } from './consultation-change.js';
import { StaffAgendaApi, StaffRequestError, type StaffAgendaQuery } from './staff-agenda-api.js';
import { staffAgendaStyles } from './staff-agenda.styles.js';
import { staffAgendaTexts, type StaffAgendaTexts } from './staff-agenda.texts.js';

/**
 * How much of the agenda `<eduset-staff-agenda>` shows at once: a day or a week (Monday to
 * Sunday).
 *
 * @example
 * ```ts
 * import type { StaffAgendaView } from '@eduset/widgets/staff';
 * const view: StaffAgendaView = 'week';
 * ```
 */
export type StaffAgendaView = 'day' | 'week';

type NoteState = 'loading' | 'ready' | 'saving' | 'error';
type Panel = { readonly id: string; readonly kind: 'note' | 'cancel' | 'move' };

const activeStatuses: ReadonlySet<string> = new Set(['requested', 'confirmed']);

/** The date of an instant in a zone, `YYYY-MM-DD`. */
function dateIn(at: Instant, timeZone: string): string {
  return localDateTime(at, timeZone).date;
}

/** A text with its first letter upper-case («вторник, 8 сентября» → «Вторник, 8 сентября»). */
function capitalized(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

function localeOf(lang: Lang): string {
  return lang === 'ru' ? 'ru-RU' : 'en-GB';
}

/**
 * `<eduset-staff-agenda>` — the day or week of consultations for signed-in staff, by site, by
 * specialist or for the whole network, within what the signed-in person may see: a specialist
 * sees her own consultations, a kindergarten head those at her sites, the coordinator the
 * network's. Each consultation shows its time, service, site and specialist, the child's age,
 * and — where the role may read them — the parent's contact and note. The specialist and the
 * coordinator mark a consultation attended or a no-show once it has started, keep a private
 * note on it (seen by no one else), and cancel or move it on the parent's behalf (the parent is
 * told by e-mail). The day prints cleanly (`Печать`) and downloads as an iCalendar file.
 *
 * Data come from `GET {src-base}/staff/agenda` (validated with core's `agendaResponseSchema`);
 * changes go to `POST {src-base}/staff/bookings/:id/attendance`, `GET|PUT …/note`,
 * `POST …/cancel` and `POST …/move`, with the session's CSRF token. The page must be served
 * by the eduset server (same origin, the session cookie). Russian by default, English with
 * `lang="en"`. Part of the staff bundle `eduset-staff.js`, never of the public one.
 *
 * @tagname eduset-staff-agenda
 * @summary Staff agenda: a day or week of consultations with attendance, notes, cancel and move.
 *
 * @attr src-base - Base address of the eduset API (e.g. `/api`).
 * @attr view - `day` (default) or `week`.
 * @attr date - The day shown (`YYYY-MM-DD`; in week view, its week); today by default.
 * @attr site-id - Only this site's consultations.
 * @attr specialist-id - Only this specialist's consultations.
 * @attr network - The network, for staff who work in several.
 * @attr lang - `ru` (default) or `en`; inherited from ancestors and `<html lang>` when absent.
 *
 * @fires eduset-consultation-change - A consultation was marked, noted, cancelled or moved; `detail` `{ bookingId, change }`.
 * @fires eduset-error - The agenda could not be loaded or validated; `detail.error` (`FetchJsonError`).
 *
 * @csspart base - The wrapper of everything.
 * @csspart toolbar - The period, date and filter controls.
 * @csspart tools - The print button and the calendar link.
 * @csspart status - The live region (loading, counts, what was done).
 * @csspart day - One day's list of consultations.
 * @csspart consultation - One consultation.
 * @csspart actions - The buttons of a consultation.
 * @csspart panel - The open note, cancel or move form.
 *
 * @cssproperty --eduset-staff-agenda-attended - Color of the "attended" mark (default `--eduset-color-success`).
 * @cssproperty --eduset-staff-agenda-no-show - Color of the "no-show" mark (default `--eduset-color-warning`).
 *
 * @example
 * ```html
 * <script type="module" src="/widgets/eduset-staff.js"></script>
 * <eduset-staff-agenda src-base="/api" view="week"></eduset-staff-agenda>
 * ```
 */
export class EdusetStaffAgenda extends EdusetElement {
  /** The element's shadow-DOM styles; theme through `--eduset-*` and `::part`. */
  static override styles = staffAgendaStyles;

  static override properties: PropertyDeclarations = {
    srcBase: { type: String, attribute: 'src-base' },
    view: { type: String, reflect: true },
    date: { type: String },
    siteId: { type: String, attribute: 'site-id' },
    specialistId: { type: String, attribute: 'specialist-id' },
    network: { type: String },
    data: { attribute: false },
    panel: { state: true },
    noteText: { state: true },
    note: { state: true },
    noteState: { state: true },
    noteError: { state: true },
    reason: { state: true },
    moveDate: { state: true },
    moveSlots: { state: true },
    moveSlotsState: { state: true },
    moveChoice: { state: true },
    busy: { state: true },
    announcement: { state: true },
    failure: { state: true },
  };

  /** Base address of the API (`/api`). */
  declare srcBase: string | null;
  /** A day or a week. */
  declare view: StaffAgendaView;
  /** The day shown (in week view, its week); `null` for today. */
  declare date: string | null;
  /** Only this site's consultations. */
  declare siteId: string | null;
  /** Only this specialist's consultations. */
  declare specialistId: string | null;
  /** The network, for staff who work in several. */
  declare network: string | null;
  /** The agenda shown (loaded). */
  declare data: AgendaResponse | null;
  declare private panel: Panel | null;
  declare private noteText: string;
  declare private note: ConsultationNote | null;
  declare private noteState: NoteState;
  declare private noteError: string;
  declare private reason: string;
  declare private moveDate: string;
  declare private moveSlots: readonly Slot[];
  declare private moveSlotsState: 'idle' | 'loading' | 'ready' | 'error';
  declare private moveChoice: string | null;
  declare private busy: ReadonlySet<string>;
  declare private announcement: string;
  declare private failure: string;

  private readonly loader = new DataLoader(this);
  private requestedKey: string | null = null;
  private loadedAt = 0;
  private pendingFocus: string | null = null;
  private panelController: AbortController | undefined;

  constructor() {
    super();
    this.srcBase = null;
    this.view = 'day';
    this.date = null;
    this.siteId = null;
    this.specialistId = null;
    this.network = null;
    this.data = null;
    this.panel = null;
    this.noteText = '';
    this.note = null;
    this.noteState = 'ready';
    this.noteError = '';
    this.reason = '';
    this.moveDate = '';
    this.moveSlots = [];
    this.moveSlotsState = 'idle';
    this.moveChoice = null;
    this.busy = new Set();
    this.announcement = '';
    this.failure = '';
  }

  private get texts(): StaffAgendaTexts {
    return staffAgendaTexts[this.language];
  }

  private get api(): StaffAgendaApi {
    return new StaffAgendaApi(this.srcBase ?? '');
  }

  /** The query of the period and filters shown now. */
  private query(): StaffAgendaQuery {
    const filters = {
      ...(this.siteId ? { siteId: this.siteId } : {}),
      ...(this.specialistId ? { specialistId: this.specialistId } : {}),
      ...(this.network ? { network: this.network } : {}),
    };
    const date = this.date;
    if (!date) return filters;
    if (this.view === 'week') {
      const from = addCivilDays(date, 1 - isoWeekday(date));
      return { ...filters, from, to: addCivilDays(from, 6) };
    }
    return { ...filters, from: date, to: date };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const watched = ['srcBase', 'view', 'date', 'siteId', 'specialistId', 'network'] as const;
    if (!this.srcBase || !watched.some((name) => changed.has(name))) return;
    const query = this.query();
    const key = JSON.stringify(query);
    if (key !== this.requestedKey) this.load(query);
  }

  protected override updated(): void {
    if (this.pendingFocus === null) return;
    const target = this.renderRoot.querySelector<HTMLElement>(this.pendingFocus);
    if (target !== null) {
      this.pendingFocus = null;
      target.focus();
    }
  }

  /**
   * Loads the agenda again (after a change made elsewhere).
   *
   * @example
   * ```ts
   * document.querySelector('eduset-staff-agenda')?.reload();
   * ```
   */
  reload(): void {
    if (this.srcBase) this.load(this.query());
  }

  private load(query: StaffAgendaQuery): void {
    this.requestedKey = JSON.stringify(query);
    this.loader.load(
      this.api.url('/staff/agenda'),
      (signal) => this.api.agenda(query, signal),
      (data) => {
        this.data = data;
        this.loadedAt = Date.now();
        if (!this.date) {
          // Today, as the server counts it in the network's zone: the next query names it.
          this.date = data.today;
          if (this.view === 'day') this.requestedKey = JSON.stringify(this.query());
        }
      },
    );
  }

  /** The server's clock now, from the answer's `now` and the time since it came. */
  private nowMs(): number {
    return this.data === null
      ? Date.now()
      : Date.parse(this.data.now) + (Date.now() - this.loadedAt);
  }

  // ---- navigation --------------------------------------------------------------------------

  /** Before showing another period or filter: no open form, no message of the last one. */
  private leave(): void {
    this.closePanel();
    this.pendingFocus = null;
    this.announcement = '';
    this.failure = '';
  }

  private shift(direction: -1 | 1): void {
    const date = this.date ?? this.data?.today;
    if (!date) return;
    this.leave();
    this.date = addCivilDays(date, direction * (this.view === 'week' ? 7 : 1));
  }

  private goToday(): void {
    this.leave();
    this.date = this.data?.today ?? null;
  }

  private onView(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    if (value !== 'day' && value !== 'week') return;
    this.leave();
    this.view = value;
  }

  private onDate(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
      this.leave();
      this.date = value;
    }
  }

  private onSite(event: Event): void {
    this.leave();
    this.siteId = (event.target as HTMLSelectElement).value || null;
  }

  private onSpecialist(event: Event): void {
    this.leave();
    this.specialistId = (event.target as HTMLSelectElement).value || null;
  }

  private print(): void {
    this.closePanel();
    window.print();
  }

  // ---- actions -----------------------------------------------------------------------------

  private setBusy(id: string, on: boolean): void {
    const next = new Set(this.busy);
    if (on) next.add(id);
    else next.delete(id);
    this.busy = next;
  }

  private failed(error: unknown): string {
    const t = this.texts;
    if (error instanceof StaffRequestError) {
      if (error.status === 401) return t.signInAgain;
      return localize(error.text, this.language);
    }
    return t.actionFailed;
  }

  private changed(id: string, change: ConsultationChange, said: string): void {
    this.announcement = said;
    this.failure = '';
    this.pendingFocus = `#c-${CSS.escape(id)}`;
    this.dispatchEvent(new EdusetConsultationChangeEvent({ bookingId: id, change }));
    this.reload();
  }

  private mark(consultation: AgendaConsultation, outcome: AttendanceOutcome): void {
    const id = consultation.id;
    this.setBusy(id, true);
    this.api.markAttendance(id, outcome).then(
      (answer) => {
        this.setBusy(id, false);
        this.changed(id, outcome, this.texts.marked(localize(answer.statusName, this.language)));
      },
      (error: unknown) => {
        this.setBusy(id, false);
        this.announcement = '';
        this.failure = this.failed(error);
      },
    );
  }

  private closePanel(): void {
    this.panelController?.abort();
    this.panelController = undefined;
    const open = this.panel;
    this.panel = null;
    if (open !== null) this.pendingFocus = `#${open.kind}-button-${CSS.escape(open.id)}`;
  }

  private openPanel(consultation: AgendaConsultation, kind: Panel['kind']): void {
    if (this.panel?.id === consultation.id && this.panel.kind === kind) {
      this.closePanel();
      return;
    }
    this.panelController?.abort();
    const controller = new AbortController();
    this.panelController = controller;
    this.panel = { id: consultation.id, kind };
    this.reason = '';
    this.noteError = '';
    this.failure = '';
    this.pendingFocus = `#${kind}-field-${CSS.escape(consultation.id)}`;
    if (kind === 'note') {
      this.note = null;
      this.noteText = '';
      this.noteState = 'loading';
      this.api.readNote(consultation.id, controller.signal).then(
        (answer) => {
          if (controller.signal.aborted) return;
          this.note = answer.note;
          this.noteText = answer.note?.text ?? '';
          this.noteState = 'ready';
          this.pendingFocus = `#note-field-${CSS.escape(consultation.id)}`;
        },
        (error: unknown) => {
          if (controller.signal.aborted) return;
          this.noteState = 'error';
          this.noteError =
            error instanceof Error && 'text' in error
              ? localize((error as { text: LocalizedText }).text, this.language)
              : this.texts.actionFailed;
        },
      );
    }
    if (kind === 'move' && this.data !== null) {
      this.moveDate = dateIn(consultation.start, this.data.timeZone);
      this.loadSlots(consultation);
    }
  }

  private saveNote(event: Event, consultation: AgendaConsultation): void {
    event.preventDefault();
    const t = this.texts;
    if (this.noteText.trim().length > maxConsultationNoteLength) {
      this.noteError = t.noteTooLong(maxConsultationNoteLength);
      return;
    }
    this.noteState = 'saving';
    this.noteError = '';
    this.api.writeNote(consultation.id, this.noteText).then(
      (answer) => {
        this.note = answer.note;
        this.noteText = answer.note?.text ?? '';
        this.noteState = 'ready';
        this.announcement = answer.note === null ? t.noteRemoved : t.noteSaved;
        this.dispatchEvent(
          new EdusetConsultationChangeEvent({ bookingId: consultation.id, change: 'note' }),
        );
        if ((answer.note !== null) !== consultation.hasNote) this.reload();
      },
      (error: unknown) => {
        this.noteState = 'ready';
        this.noteError = this.failed(error);
      },
    );
  }

  private loadSlots(consultation: AgendaConsultation): void {
    const controller = this.panelController;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(this.moveDate)) return;
    this.moveSlotsState = 'loading';
    this.moveSlots = [];
    this.moveChoice = null;
    this.api
      .freeSlots(
        {
          serviceId: consultation.serviceId,
          siteId: consultation.siteId,
          specialistId: consultation.specialistId,
          date: this.moveDate,
          ...(this.network ? { network: this.network } : {}),
        },
        controller?.signal,
      )
      .then(
        (answer) => {
          if (controller?.signal.aborted) return;
          this.moveSlots = answer.slots;
          this.moveSlotsState = 'ready';
        },
        () => {
          if (controller?.signal.aborted) return;
          this.moveSlotsState = 'error';
        },
      );
  }

  private submitChange(event: Event, consultation: AgendaConsultation, kind: 'cancel' | 'move') {
    event.preventDefault();
    const t = this.texts;
    const reason = this.reason.trim();
    if (reason === '') {
      this.noteError = t.reasonRequired;
      this.pendingFocus = `#${kind}-field-${CSS.escape(consultation.id)}`;
      return;
    }
    const slot = this.moveSlots.find((entry) => entry.start === this.moveChoice);
    if (kind === 'move' && slot === undefined) {
      this.noteError = t.moveChooseSlot;
      return;
    }
    const id = consultation.id;
    this.noteError = '';
    this.setBusy(id, true);
    const request =
      kind === 'cancel' || slot === undefined
        ? this.api.cancel(id, reason)
        : this.api.move(id, { reason, start: slot.start, end: slot.end });
    request.then(
      () => {
        this.setBusy(id, false);
        this.panel = null;
        this.changed(
          id,
          kind === 'cancel' ? 'cancelled' : 'moved',
          kind === 'cancel' ? t.cancelled : t.moved,
        );
      },
      (error: unknown) => {
        this.setBusy(id, false);
        this.noteError = this.failed(error);
      },
    );
  }

  // ---- rendering ---------------------------------------------------------------------------

  private renderToolbar(t: StaffAgendaTexts, data: AgendaResponse | null): TemplateResult {
    const date = this.date ?? data?.today ?? '';
    const sites = data?.sites ?? [];
    const specialists = data?.specialists ?? [];
    return html`<form
      part="toolbar"
      class="toolbar"
      aria-label=${t.toolbar}
      @submit=${(event: Event) => event.preventDefault()}
    >
      <fieldset class="view">
        <legend>${t.period}</legend>
        ${(['day', 'week'] as const).map((view) =>
          radio({
            name: 'view',
            value: view,
            label: view === 'day' ? t.day : t.week,
            checked: this.view === view,
            onChange: this.onView,
          }),
        )}
      </fieldset>
      ${field({ id: 'date', label: t.date, type: 'date', value: date, onChange: this.onDate })}
      <div class="nav">
        ${button({
          label: html`<span aria-hidden="true">←</span> ${t.previous(this.view)}`,
          onClick: () => this.shift(-1),
        })}
        ${button({ label: t.today, onClick: this.goToday })}
        ${button({
          label: html`${t.next(this.view)} <span aria-hidden="true">→</span>`,
          onClick: () => this.shift(1),
        })}
      </div>
      ${
        sites.length > 1 || this.siteId
          ? selectField({
              id: 'site',
              label: t.site,
              value: this.siteId ?? '',
              options: [
                { value: '', label: t.allSites },
                ...sites.map((site) => ({ value: site.id, label: site.name })),
              ],
              onChange: this.onSite,
            })
          : nothing
      }
      ${
        specialists.length > 1 || this.specialistId
          ? selectField({
              id: 'specialist',
              label: t.specialist,
              value: this.specialistId ?? '',
              options: [
                { value: '', label: t.allSpecialists },
                ...specialists.map((specialist) => ({
                  value: specialist.id,
                  label: specialist.name,
                })),
              ],
              onChange: this.onSpecialist,
            })
          : nothing
      }
    </form>`;
  }

  private renderTools(t: StaffAgendaTexts, data: AgendaResponse): TemplateResult {
    const date = this.date ?? data.today;
    const shown = new Intl.DateTimeFormat(localeOf(this.language), {
      timeZone: 'UTC',
      day: 'numeric',
      month: 'long',
    }).format(new Date(`${date}T12:00:00Z`));
    const href = this.api.calendarUrl(date, {
      ...(this.siteId ? { siteId: this.siteId } : {}),
      ...(this.specialistId ? { specialistId: this.specialistId } : {}),
      ...(this.network ? { network: this.network } : {}),
    });
    return html`<div part="tools" class="tools">
      ${button({ label: t.print, onClick: this.print })}
      <a class="button" href=${href} download=${`agenda-${date}.ics`}>${t.downloadDay(shown)}</a>
    </div>`;
  }

  private renderContact(t: StaffAgendaTexts, consultation: AgendaConsultation) {
    const contact = consultation.contact;
    if (contact !== undefined) {
      return html`<div>
        <dt>${t.parent}</dt>
        <dd class="contact">
          <span>${contact.name}</span>
          ${
            contact.phone === undefined
              ? nothing
              : html`<a href=${`tel:${contact.phone}`}>${contact.phone}</a>`
          }
          ${
            contact.email === undefined
              ? nothing
              : html`<a href=${`mailto:${contact.email}`}>${contact.email}</a>`
          }
        </dd>
      </div>`;
    }
    return html`<div>
      <dt>${t.parent}</dt>
      <dd class="muted">${consultation.contactErased ? t.contactErased : t.parentHidden}</dd>
    </div>`;
  }

  private renderActions(t: StaffAgendaTexts, consultation: AgendaConsultation) {
    const id = consultation.id;
    const busy = this.busy.has(id);
    const started = Date.parse(consultation.start) <= this.nowMs();
    const canMark = consultation.canChange && consultation.status === 'confirmed' && started;
    const canMove = consultation.canChange && activeStatuses.has(consultation.status) && !started;
    const open = this.panel?.id === id ? this.panel.kind : null;
    const about = `c-${id}`;
    const buttons: TemplateResult[] = [];
    if (canMark) {
      buttons.push(
        button({
          label: t.markAttended,
          variant: 'primary',
          describedBy: about,
          disabled: busy,
          onClick: () => this.mark(consultation, 'attended'),
        }),
        button({
          label: t.markNoShow,
          describedBy: about,
          disabled: busy,
          onClick: () => this.mark(consultation, 'no-show'),
        }),
      );
    }
    if (consultation.noteAccess) {
      buttons.push(
        button({
          label: consultation.hasNote ? t.noteExists : t.note,
          id: `note-button-${id}`,
          describedBy: about,
          expanded: open === 'note',
          controls: `panel-${id}`,
          onClick: () => this.openPanel(consultation, 'note'),
        }),
      );
    }
    if (canMove) {
      for (const kind of ['move', 'cancel'] as const) {
        buttons.push(
          button({
            label: kind === 'move' ? t.move : t.cancel,
            id: `${kind}-button-${id}`,
            describedBy: about,
            expanded: open === kind,
            controls: `panel-${id}`,
            disabled: busy,
            onClick: () => this.openPanel(consultation, kind),
          }),
        );
      }
    }
    return buttons.length === 0
      ? nothing
      : html`<div part="actions" class="actions">${buttons}</div>`;
  }

  private renderPanel(t: StaffAgendaTexts, consultation: AgendaConsultation, timeZone: string) {
    const panel = this.panel;
    if (panel === null || panel.id !== consultation.id) return nothing;
    const id = consultation.id;
    // A wrong value is told at its field (the parts' error wiring); a refusal of the server
    // or a slot not chosen, under the panel's controls.
    const fieldError =
      this.noteError &&
      (panel.kind === 'note'
        ? this.noteText.trim().length > maxConsultationNoteLength
        : this.reason.trim() === '')
        ? this.noteError
        : null;
    const error =
      this.noteError && fieldError === null
        ? html`<p class="field-error" id=${`panel-error-${id}`} role="alert">${this.noteError}</p>`
        : nothing;
    if (panel.kind === 'note') {
      const when = this.note
        ? new Intl.DateTimeFormat(localeOf(this.language), {
            timeZone,
            dateStyle: 'medium',
            timeStyle: 'short',
          }).format(new Date(this.note.updatedAt))
        : '';
      return html`<form
        part="panel"
        class="panel"
        id=${`panel-${id}`}
        @submit=${(event: Event) => this.saveNote(event, consultation)}
      >
        ${field({
          id: `note-field-${id}`,
          label: t.noteLabel,
          hint: t.noteHint,
          error: fieldError,
          type: 'textarea',
          rows: 5,
          maxlength: maxConsultationNoteLength,
          value: this.noteText,
          disabled: this.noteState === 'loading' || this.noteState === 'error',
          onInput: (event: Event) => {
            this.noteText = (event.target as HTMLTextAreaElement).value;
          },
        })}
        ${this.noteState === 'loading' ? html`<p role="status">${t.noteLoading}</p>` : nothing}
        ${this.note ? html`<p class="hint">${t.noteLast(this.note.authorName, when)}</p>` : nothing}
        ${error}
        <div class="actions">
          ${button({
            label: t.noteSave,
            type: 'submit',
            variant: 'primary',
            disabled: this.noteState !== 'ready',
          })}
          ${button({ label: t.close, onClick: this.closePanel })}
        </div>
      </form>`;
    }
    const kind = panel.kind;
    const busy = this.busy.has(id);
    const time = new Intl.DateTimeFormat(localeOf(this.language), {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
    });
    return html`<form
      part="panel"
      class="panel"
      id=${`panel-${id}`}
      novalidate
      @submit=${(event: Event) => this.submitChange(event, consultation, kind)}
    >
      ${
        kind === 'move'
          ? html`${field({
                id: `move-date-${id}`,
                label: t.moveDate,
                type: 'date',
                value: this.moveDate,
                onChange: (event: Event) => {
                  this.moveDate = (event.target as HTMLInputElement).value;
                  this.loadSlots(consultation);
                },
              })}
              <fieldset class="slots">
                <legend>${t.moveSlots}</legend>
                ${
                  this.moveSlotsState === 'loading'
                    ? html`<p role="status">${t.moveSlotsLoading}</p>`
                    : this.moveSlots.length === 0
                      ? html`<p>${t.moveNoSlots}</p>`
                      : this.moveSlots.map((slot) =>
                          radio({
                            name: `slot-${id}`,
                            value: slot.start,
                            label: `${time.format(new Date(slot.start))}–${time.format(
                              new Date(slot.end),
                            )}`,
                            checked: this.moveChoice === slot.start,
                            onChange: () => {
                              this.moveChoice = slot.start;
                            },
                          }),
                        )
                }
              </fieldset>`
          : html`<p class="hint">${t.cancelHint}</p>`
      }
      ${field({
        id: `${kind}-field-${id}`,
        label: kind === 'move' ? t.moveReason : t.cancelReason,
        error: fieldError,
        type: 'textarea',
        rows: 3,
        maxlength: 1000,
        required: true,
        value: this.reason,
        onInput: (event: Event) => {
          this.reason = (event.target as HTMLTextAreaElement).value;
        },
      })}
      ${error}
      <div class="actions">
        ${button({
          label: kind === 'move' ? t.moveConfirm : t.cancelConfirm,
          type: 'submit',
          variant: 'primary',
          disabled: busy,
        })}
        ${button({ label: kind === 'move' ? t.moveKeep : t.cancelKeep, onClick: this.closePanel })}
      </div>
    </form>`;
  }

  private renderConsultation(
    t: StaffAgendaTexts,
    consultation: AgendaConsultation,
    timeZone: string,
  ): TemplateResult {
    const lang = this.language;
    const time = new Intl.DateTimeFormat(localeOf(lang), {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
    });
    const service = consultation.serviceName
      ? localize(consultation.serviceName, lang)
      : consultation.serviceId;
    const when = `${time.format(new Date(consultation.start))}–${time.format(new Date(consultation.end))}`;
    const statusClass = `status status-${consultation.status}`;
    return html`<li
      part="consultation"
      class=${`consultation ${consultation.status.startsWith('cancelled') ? 'cancelled' : ''}`}
      data-id=${consultation.id}
    >
      <h4 id=${`c-${consultation.id}`} tabindex="-1">
        <time datetime=${consultation.start}>${when}</time>
        <span class="service">${service}</span>
      </h4>
      <p class="where">
        ${consultation.siteName ?? consultation.siteId} ·
        ${consultation.specialistName ?? consultation.specialistId}
      </p>
      <dl class="facts">
        <div>
          <dt>${t.childAgeTerm}</dt>
          <dd>
            ${t.childAge(consultation.childAge)}${
              consultation.seats > 1 ? html`, ${t.seats(consultation.seats)}` : nothing
            }
          </dd>
        </div>
        ${this.renderContact(t, consultation)}
        ${
          consultation.parentNote === undefined
            ? nothing
            : html`<div class="parent-note">
                <dt>${t.parentNote}</dt>
                <dd>${consultation.parentNote}</dd>
              </div>`
        }
        <div>
          <dt>${t.status}</dt>
          <dd><span class=${statusClass}>${localize(consultation.statusName, lang)}</span></dd>
        </div>
      </dl>
      ${this.renderActions(t, consultation)} ${this.renderPanel(t, consultation, timeZone)}
    </li>`;
  }

  private renderDays(t: StaffAgendaTexts, data: AgendaResponse): TemplateResult {
    if (data.consultations.length === 0) return html`<p class="empty">${t.empty}</p>`;
    const days = new Map<string, AgendaConsultation[]>();
    for (const consultation of data.consultations) {
      const day = dateIn(consultation.start, data.timeZone);
      days.set(day, [...(days.get(day) ?? []), consultation]);
    }
    const heading = new Intl.DateTimeFormat(localeOf(this.language), {
      timeZone: 'UTC',
      weekday: 'long',
      day: 'numeric',
      month: 'long',
    });
    return html`${[...days].map(
      ([day, consultations]) =>
        html`<section part="day" class="day" aria-labelledby=${`day-${day}`}>
          <h3 id=${`day-${day}`}>
            ${capitalized(heading.format(new Date(`${day}T12:00:00Z`)))} ·
            <span class="count">${t.count(consultations.length)}</span>
          </h3>
          <ol class="list">
            ${consultations.map((c) => this.renderConsultation(t, c, data.timeZone))}
          </ol>
        </section>`,
    )}`;
  }

  protected override render(): TemplateResult {
    const t = this.texts;
    const data = this.data;
    const state = this.loader.state;
    const period =
      data === null
        ? ''
        : new Intl.DateTimeFormat(localeOf(this.language), {
            timeZone: 'UTC',
            day: 'numeric',
            month: 'long',
            year: 'numeric',
          }).formatRange(new Date(`${data.from}T12:00:00Z`), new Date(`${data.to}T12:00:00Z`));
    const status =
      state === 'loading'
        ? t.loading
        : this.announcement ||
          (data === null ? '' : `${period}: ${t.count(data.consultations.length)}`);
    return html`<div part="base" class="agenda">
      <h2>${t.title}${period ? html` <span class="period">· ${period}</span>` : nothing}</h2>
      ${this.renderToolbar(t, data)} ${data === null ? nothing : this.renderTools(t, data)}
      <p part="status" class="status-line" role="status" aria-live="polite">${status}</p>
      ${
        state === 'error'
          ? html`${this.loader.renderError(t.loadFailed, this.language, undefined, 'alert')}
              <p>${button({ label: t.retry, onClick: () => this.reload() })}</p>`
          : nothing
      }
      ${this.failure === '' ? nothing : html`<p class="error" role="alert">${this.failure}</p>`}
      ${data === null ? nothing : this.renderDays(t, data)}
    </div>`;
  }
}
