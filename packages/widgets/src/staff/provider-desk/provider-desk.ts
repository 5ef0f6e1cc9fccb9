import {
  attendanceUnitLabels,
  attendanceUnits,
  contractStatusLabels,
  decisionText,
  declineReasonLabels,
  declineReasons,
  terminationReasonLabels,
  terminationReasons,
  type AttendanceUnit,
  type DeclineReason,
  type DeskAttendanceAnswer,
  type DeskContract,
  type DeskContractsAnswer,
  type LocalizedText,
  type Money,
  type ProviderActRow,
  type ProviderActsAnswer,
  type TerminationReason,
} from '@eduset/core';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { EdusetElement } from '../../internal/eduset-element.js';
import { button, field, selectField } from '../../internal/parts/index.js';
import { StaffRequestError } from '../../staff-agenda/staff-agenda-api.js';
import { ProviderDeskApi } from './provider-desk-api.js';
import { providerDeskStyles } from './provider-desk.styles.js';
import { monthInWords, providerDeskTexts, type ProviderDeskTexts } from './provider-desk.texts.js';

/**
 * What `<eduset-provider-desk>` reports after a decision on a contract (accepted, declined,
 * terminated): the contract as the server now holds it.
 *
 * @example
 * ```ts
 * import type { ProviderDeskChangeEvent } from '@eduset/widgets/staff';
 * document.addEventListener('eduset-provider-desk-change', (event: ProviderDeskChangeEvent) => {
 *   console.log(event.detail.contract.status);
 * });
 * ```
 */
export class ProviderDeskChangeEvent extends CustomEvent<{ readonly contract: DeskContract }> {
  constructor(contract: DeskContract) {
    super('eduset-provider-desk-change', { detail: { contract }, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'eduset-provider-desk-change': ProviderDeskChangeEvent;
  }
}

/** The desk's three sections. */
type Section = 'applications' | 'contracts' | 'acts';
const sections: readonly Section[] = ['applications', 'contracts', 'acts'];

type Load<T> =
  | { readonly state: 'idle' }
  | { readonly state: 'loading' }
  | { readonly state: 'failed'; readonly text: LocalizedText }
  | { readonly state: 'ready'; readonly value: T };

interface AttendanceDraft {
  unit: AttendanceUnit;
  planned: string;
  attended: string;
}

type OpenForm =
  | { readonly kind: 'decline'; readonly id: string }
  | { readonly kind: 'terminate'; readonly id: string };

const idle = { state: 'idle' } as const;

function textOf(error: unknown): LocalizedText {
  if (error instanceof StaffRequestError) return error.text;
  return { ru: 'Что-то пошло не так.', en: 'Something went wrong.' };
}

/** A number as people read it: `7,5` in Russian, `7.5` in English. */
function numberText(value: number, lang: 'ru' | 'en'): string {
  return lang === 'ru' ? String(value).replace('.', ',') : String(value);
}

/** An amount without its currency (the column says ₽): `1 250,50`, `1,250.50`. */
function amountText(money: Money, lang: 'ru' | 'en'): string {
  return money
    .format(lang)
    .replace(/\u00a0₽$/, '')
    .replace(/^RUB /, '');
}

/**
 * `<eduset-provider-desk>` — the provider's desk (рабочее место поставщика) for the staff
 * console, over the provider routes of the eduset server:
 * - **Applications**: each family's application to the provider's programmes with the
 *   programme, group and start, the child's age and certificate number (never the birth
 *   date), the places left and the amounts; accept (the contract comes into force on the
 *   start date, or at once when classes have begun) or decline with a reason from the list
 *   and a note the family will see;
 * - **Contracts and attendance**: the contracts of a month with their status, the month's
 *   amounts and the attendance entry (sessions or hours planned and attended, with the
 *   completeness it gives the payer's settlement); termination with a date and a reason;
 * - **The month's acts**: the act of each contract (what was provided, what the certificate
 *   pays after settlement, what returns to it, what the family pays), totals, printing and
 *   the CSV for Excel.
 *
 * Loads `GET {src-base}/provider/applications`, `/provider/contracts?month=` and
 * `/provider/acts?month=`; writes with the CSRF token of `GET {src-base}/auth/csrf`; every
 * answer is validated with core's schemas. Russian by default, English with `lang="en"`. Part
 * of the staff bundle (`eduset-staff.js`), never of the public one.
 *
 * @tagname eduset-provider-desk
 * @summary The provider's desk: applications (accept, decline with a reason), attendance, termination, the month's acts.
 *
 * @attr src-base - Base address of the eduset API (default `/api`).
 * @attr month - The month shown (`YYYY-MM`); the server's current month by default.
 * @attr lang - `ru` (default) or `en`; inherited from ancestors and `<html lang>` when absent.
 *
 * @fires eduset-provider-desk-change - A contract was accepted, declined or terminated; `detail.contract` is the server's answer.
 *
 * @csspart base - The wrapper of everything.
 * @csspart tabs - The list of sections.
 * @csspart status - The live region (saved, refused, errors).
 * @csspart card - One application or contract.
 * @csspart acts - The month's acts (what is printed).
 *
 * @cssproperty --eduset-provider-desk-card-background - Background of the cards (default: the raised surface).
 * @cssproperty --eduset-provider-desk-ok - Colour of a done message (default: green).
 *
 * @example
 * ```ts
 * import { EdusetProviderDesk } from '@eduset/widgets/staff';
 * const desk = new EdusetProviderDesk();
 * desk.srcBase = '/api';
 * document.body.append(desk);
 * ```
 */
export class EdusetProviderDesk extends EdusetElement {
  static override styles = providerDeskStyles;

  static override properties: PropertyDeclarations = {
    srcBase: { type: String, attribute: 'src-base' },
    month: { type: String, reflect: true },
    section: { state: true },
    applications: { state: true },
    contracts: { state: true },
    acts: { state: true },
    message: { state: true },
    openForm: { state: true },
    busy: { state: true },
    problem: { state: true },
  };

  /** Base address of the API (`/api`). */
  declare srcBase: string | null;
  /** The month shown (`YYYY-MM`); the server's current month when absent. */
  declare month: string | null;
  declare private section: Section;
  declare private applications: Load<DeskContract[]>;
  declare private contracts: Load<DeskContractsAnswer>;
  declare private acts: Load<ProviderActsAnswer>;
  declare private message: { text: LocalizedText; tone: 'info' | 'error' | 'done' } | null;
  declare private openForm: OpenForm | null;
  declare private busy: boolean;
  declare private problem: LocalizedText | null;

  private api: ProviderDeskApi | undefined;
  private drafts = new Map<string, AttendanceDraft>();
  private declineReason: DeclineReason = 'no-places';
  private declineNote = '';
  private terminateReason: TerminationReason = 'family-request';
  private terminateNote = '';
  private terminateOn = '';
  private returnFocusTo: string | undefined;

  constructor() {
    super();
    this.srcBase = null;
    this.month = null;
    this.section = 'applications';
    this.applications = idle;
    this.contracts = idle;
    this.acts = idle;
    this.message = null;
    this.openForm = null;
    this.busy = false;
    this.problem = null;
  }

  private get texts(): ProviderDeskTexts {
    return providerDeskTexts[this.language];
  }

  private words(text: LocalizedText): string {
    return this.language === 'en' ? text.en : text.ru;
  }

  private get client(): ProviderDeskApi {
    this.api ??= new ProviderDeskApi(this.srcBase ?? '/api');
    return this.api;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.reload();
  }

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('srcBase') && changed.get('srcBase') !== undefined) {
      this.api = undefined;
      void this.reload();
    }
  }

  /**
   * Loads (or reloads) the applications, the month's contracts and its acts.
   *
   * @example
   * ```ts
   * import type { EdusetProviderDesk } from '@eduset/widgets/staff';
   * declare const desk: EdusetProviderDesk;
   * await desk.reload();
   * ```
   */
  async reload(): Promise<void> {
    await Promise.all([this.loadApplications(), this.loadContracts()]);
    await this.loadActs();
  }

  private async loadApplications(): Promise<void> {
    this.applications = { state: 'loading' };
    try {
      this.applications = { state: 'ready', value: await this.client.applications() };
    } catch (error) {
      this.applications = { state: 'failed', text: textOf(error) };
    }
  }

  private async loadContracts(): Promise<void> {
    this.contracts = { state: 'loading' };
    try {
      const answer = await this.client.contracts(this.month ?? undefined);
      this.month = answer.month;
      this.drafts = new Map(
        answer.contracts.flatMap((entry) => {
          const attendance = entry.attendance;
          if (attendance === undefined) return [];
          return [[entry.contract.id, this.draftOf(attendance)] as const];
        }),
      );
      this.contracts = { state: 'ready', value: answer };
    } catch (error) {
      this.contracts = { state: 'failed', text: textOf(error) };
    }
  }

  private async loadActs(): Promise<void> {
    const month = this.month;
    if (month === null) return;
    this.acts = { state: 'loading' };
    try {
      this.acts = { state: 'ready', value: await this.client.acts(month) };
    } catch (error) {
      this.acts = { state: 'failed', text: textOf(error) };
    }
  }

  private draftOf(answer: DeskAttendanceAnswer): AttendanceDraft {
    const lang = this.language;
    if (answer.attendance !== undefined) {
      return {
        unit: answer.attendance.unit,
        planned: numberText(answer.attendance.planned, lang),
        attended: numberText(answer.attendance.attended, lang),
      };
    }
    const planned = answer.suggestedPlanned > 0 ? String(answer.suggestedPlanned) : '';
    return { unit: 'sessions', planned, attended: planned };
  }

  private say(text: LocalizedText, tone: 'info' | 'error' | 'done'): void {
    this.message = { text, tone };
  }

  private both(pick: (texts: ProviderDeskTexts) => string): LocalizedText {
    return { ru: pick(providerDeskTexts.ru), en: pick(providerDeskTexts.en) };
  }

  private date(iso: string, lang = this.language): string {
    return new Intl.DateTimeFormat(lang === 'ru' ? 'ru-RU' : 'en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${iso}T00:00:00Z`));
  }

  private async focusLater(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  // ——— Actions ———

  private selectSection(section: Section, focus = false): void {
    this.section = section;
    this.openForm = null;
    if (focus) void this.focusLater(`#tab-${section}`);
  }

  private onTabKey(event: KeyboardEvent): void {
    const index = sections.indexOf(this.section);
    let next: number | undefined;
    if (event.key === 'ArrowRight' || event.key === 'ArrowDown')
      next = (index + 1) % sections.length;
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp')
      next = (index + sections.length - 1) % sections.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = sections.length - 1;
    if (next === undefined) return;
    event.preventDefault();
    this.selectSection(sections[next] ?? 'applications', true);
  }

  private async changeMonth(event: Event): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const value = new FormData(form).get('month');
    if (typeof value !== 'string' || !/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) return;
    this.month = value;
    this.message = null;
    await this.loadContracts();
    await this.loadActs();
  }

  private openDecline(id: string): void {
    this.openForm = { kind: 'decline', id };
    this.declineReason = 'no-places';
    this.declineNote = '';
    this.problem = null;
    this.returnFocusTo = `#decline-${CSS.escape(id)}`;
    void this.focusLater('#decline-reason');
  }

  private openTerminate(contract: DeskContract): void {
    this.openForm = { kind: 'terminate', id: contract.id };
    this.terminateReason = 'family-request';
    this.terminateNote = '';
    const today = new Date().toISOString().slice(0, 10);
    this.terminateOn =
      today < contract.start ? contract.start : today > contract.end ? contract.end : today;
    this.problem = null;
    this.returnFocusTo = `#terminate-${CSS.escape(contract.id)}`;
    void this.focusLater('#terminate-on');
  }

  private closeForm(): void {
    this.openForm = null;
    this.problem = null;
    const target = this.returnFocusTo;
    if (target !== undefined) void this.focusLater(target);
  }

  private changed(contract: DeskContract): void {
    this.dispatchEvent(new ProviderDeskChangeEvent(contract));
  }

  private async accept(application: DeskContract): Promise<void> {
    this.busy = true;
    this.say(
      this.both((texts) => texts.working),
      'info',
    );
    try {
      const contract = await this.client.accept(application.id);
      this.say(
        contract.status === 'active'
          ? this.both((texts) => texts.activated(contract.programmeName))
          : {
              ru: providerDeskTexts.ru.accepted(
                contract.programmeName,
                this.date(contract.start, 'ru'),
              ),
              en: providerDeskTexts.en.accepted(
                contract.programmeName,
                this.date(contract.start, 'en'),
              ),
            },
        'done',
      );
      this.changed(contract);
      await Promise.all([this.loadApplications(), this.loadContracts()]);
      void this.focusLater('#applications-title');
    } catch (error) {
      this.say(textOf(error), 'error');
    } finally {
      this.busy = false;
    }
  }

  private async decline(event: Event, contract: DeskContract): Promise<void> {
    event.preventDefault();
    const note = this.declineNote.trim();
    if (this.declineReason === 'other' && note === '') {
      this.problem = this.both((texts) => texts.noteRequired);
      void this.focusLater('#decline-note');
      return;
    }
    this.busy = true;
    this.problem = null;
    try {
      const refused = await this.client.decline(contract.id, {
        reason: this.declineReason,
        ...(note === '' ? {} : { note }),
      });
      this.openForm = null;
      this.say(
        this.both((texts) => texts.declined(refused.programmeName)),
        'done',
      );
      this.changed(refused);
      await Promise.all([this.loadApplications(), this.loadContracts()]);
      void this.focusLater(
        this.section === 'applications' ? '#applications-title' : '#contracts-title',
      );
    } catch (error) {
      this.problem = textOf(error);
    } finally {
      this.busy = false;
    }
  }

  private async terminate(event: Event, contract: DeskContract): Promise<void> {
    event.preventDefault();
    const note = this.terminateNote.trim();
    if (this.terminateReason === 'other' && note === '') {
      this.problem = this.both((texts) => texts.noteRequired);
      void this.focusLater('#terminate-note');
      return;
    }
    this.busy = true;
    this.problem = null;
    try {
      const closed = await this.client.terminate(contract.id, {
        on: this.terminateOn,
        reason: this.terminateReason,
        ...(note === '' ? {} : { note }),
      });
      this.openForm = null;
      this.say(
        {
          ru: providerDeskTexts.ru.terminated(closed.programmeName, this.date(closed.end, 'ru')),
          en: providerDeskTexts.en.terminated(closed.programmeName, this.date(closed.end, 'en')),
        },
        'done',
      );
      this.changed(closed);
      await this.loadContracts();
      await this.loadActs();
      void this.focusLater('#contracts-title');
    } catch (error) {
      this.problem = textOf(error);
    } finally {
      this.busy = false;
    }
  }

  private async saveAttendance(event: Event, contract: DeskContract): Promise<void> {
    event.preventDefault();
    const month = this.month;
    const draft = this.drafts.get(contract.id);
    if (month === null || draft === undefined) return;
    const read = (text: string): number => Number(text.trim().replace(',', '.'));
    this.busy = true;
    try {
      const answer = await this.client.saveAttendance(contract.id, month, {
        unit: draft.unit,
        planned: read(draft.planned),
        attended: read(draft.attended),
      });
      const percent = (lang: 'ru' | 'en') => numberText(answer.completeness, lang);
      this.say(
        {
          ru: providerDeskTexts.ru.attendanceSaved(percent('ru')),
          en: providerDeskTexts.en.attendanceSaved(percent('en')),
        },
        'done',
      );
      await this.loadContracts();
      await this.loadActs();
    } catch (error) {
      this.say(textOf(error), 'error');
    } finally {
      this.busy = false;
    }
  }

  private updateDraft(id: string, field: keyof AttendanceDraft, value: string): void {
    const draft = this.drafts.get(id);
    if (draft === undefined) return;
    if (field === 'unit') draft.unit = value === 'hours' ? 'hours' : 'sessions';
    else draft[field] = value;
  }

  private print(): void {
    window.print();
  }

  // ——— Rendering ———

  override render(): TemplateResult {
    const texts = this.texts;
    const applications = this.applications;
    const count = applications.state === 'ready' ? applications.value.length : undefined;
    const labels: Record<Section, string> = {
      applications: texts.applicationsTab(count),
      contracts: texts.contractsTab,
      acts: texts.actsTab,
    };
    return html`<section class="desk" part="base" aria-labelledby="desk-title">
      <h2 id="desk-title">${texts.title}</h2>
      <div role="tablist" aria-label=${texts.sections} part="tabs" @keydown=${this.onTabKey}>
        ${sections.map(
          (section) =>
            html`<button
              type="button"
              role="tab"
              id="tab-${section}"
              aria-controls="panel-${section}"
              aria-selected=${this.section === section ? 'true' : 'false'}
              tabindex=${this.section === section ? '0' : '-1'}
              @click=${() => this.selectSection(section)}
            >
              ${labels[section]}
            </button>`,
        )}
      </div>
      <p class="status ${this.message?.tone ?? ''}" part="status" role="status" aria-live="polite">
        ${this.message === null ? '' : this.words(this.message.text)}
      </p>
      <div
        role="tabpanel"
        id="panel-applications"
        aria-labelledby="tab-applications"
        ?hidden=${this.section !== 'applications'}
      >
        ${this.renderApplications()}
      </div>
      <div
        role="tabpanel"
        id="panel-contracts"
        aria-labelledby="tab-contracts"
        ?hidden=${this.section !== 'contracts'}
      >
        ${this.renderContracts()}
      </div>
      <div
        role="tabpanel"
        class="acts"
        id="panel-acts"
        aria-labelledby="tab-acts"
        part="acts"
        ?hidden=${this.section !== 'acts'}
      >
        ${this.renderActs()}
      </div>
    </section>`;
  }

  private renderLoad<T>(
    load: Load<T>,
    ready: (value: T) => TemplateResult,
    retry: () => Promise<void>,
  ): TemplateResult {
    const texts = this.texts;
    switch (load.state) {
      case 'idle':
      case 'loading':
        return html`<p class="muted">${texts.loading}</p>`;
      case 'failed':
        return html`<p class="error">${texts.loadFailed} ${this.words(load.text)}</p>
          <p>${button({ label: texts.retry, onClick: () => void retry() })}</p>`;
      case 'ready':
        return ready(load.value);
    }
  }

  private renderMonthForm(section: Section): TemplateResult {
    const texts = this.texts;
    return html`<form
      class="toolbar no-print"
      @submit=${(event: Event) => void this.changeMonth(event)}
    >
      ${field({
        id: `month-${section}`,
        name: 'month',
        label: texts.month,
        type: 'month',
        required: true,
        value: this.month ?? '',
      })}
      ${button({ label: texts.show, type: 'submit' })}
    </form>`;
  }

  private renderApplications(): TemplateResult {
    const texts = this.texts;
    return html`<h3 id="applications-title" tabindex="-1">${texts.applicationsTab(undefined)}</h3>
      ${this.renderLoad(
        this.applications,
        (list) =>
          list.length === 0
            ? html`<p class="muted">${texts.noApplications}</p>`
            : html`<p class="hint">${texts.acceptHint}</p>
                <ul class="list">
                  ${list.map((application) => this.renderApplication(application))}
                </ul>`,
        () => this.loadApplications(),
      )}`;
  }

  private renderFacts(contract: DeskContract): TemplateResult {
    const texts = this.texts;
    const lang = this.language;
    return html`<dl class="facts">
      <dt>${texts.child}</dt>
      <dd>${texts.childAge(contract.childAge)}</dd>
      <dt>${texts.certificate}</dt>
      <dd>${contract.certificateNumber}</dd>
      <dt>${texts.requestedOn}</dt>
      <dd>${this.date(contract.requestedOn)}</dd>
      <dt>${texts.dates}</dt>
      <dd>${this.date(contract.start)} — ${this.date(contract.end)}</dd>
      <dt>${texts.amounts}</dt>
      <dd>
        ${contract.all.format(lang)}: ${contract.certificate.format(lang)} ${texts.certificatePays},
        ${contract.family.format(lang)} ${texts.familyPays}
      </dd>
    </dl>`;
  }

  private renderApplication(application: DeskContract): TemplateResult {
    const texts = this.texts;
    const open = this.openForm?.kind === 'decline' && this.openForm.id === application.id;
    return html`<li class="card" part="card">
      <div class="card-head">
        <h4>${application.programmeName}</h4>
        <span class="chip">${texts.places(application.placesLeft, application.capacity)}</span>
      </div>
      <p class="muted">
        ${application.providerName} · ${application.moduleName} · ${application.groupName} ·
        ${texts.starts.toLowerCase()} ${this.date(application.start)}
      </p>
      ${this.renderFacts(application)}
      ${
        open
          ? this.renderDeclineForm(application)
          : html`<div class="actions">
              ${button({
                label: texts.accept,
                variant: 'primary',
                disabled: this.busy,
                onClick: () => void this.accept(application),
              })}
              ${button({
                label: texts.decline,
                id: `decline-${application.id}`,
                disabled: this.busy,
                onClick: () => this.openDecline(application.id),
              })}
            </div>`
      }
    </li>`;
  }

  private renderProblem(): TemplateResult | typeof nothing {
    return this.problem === null
      ? nothing
      : html`<p class="error" role="alert">${this.words(this.problem)}</p>`;
  }

  private renderDeclineForm(contract: DeskContract): TemplateResult {
    const texts = this.texts;
    return html`<form
      class="form"
      novalidate
      @submit=${(event: Event) => void this.decline(event, contract)}
    >
      <fieldset>
        <legend>${texts.declineTitle}</legend>
        ${selectField({
          id: 'decline-reason',
          label: texts.reason,
          value: this.declineReason,
          options: declineReasons.map((reason) => ({
            value: reason,
            label: this.words(declineReasonLabels[reason]),
          })),
          onChange: (event: Event) => {
            this.declineReason = (event.target as HTMLSelectElement).value as DeclineReason;
            this.requestUpdate();
          },
        })}
        ${field({
          id: 'decline-note',
          label: texts.note,
          hint: texts.noteHint,
          type: 'textarea',
          rows: 3,
          maxlength: 500,
          required: this.declineReason === 'other',
          invalid:
            this.problem !== null &&
            this.declineReason === 'other' &&
            this.declineNote.trim() === '',
          value: this.declineNote,
          onInput: (event: Event) => {
            this.declineNote = (event.target as HTMLTextAreaElement).value;
          },
        })}
      </fieldset>
      ${this.renderProblem()}
      <div class="actions">
        ${button({
          label: texts.confirmDecline,
          type: 'submit',
          variant: 'primary',
          disabled: this.busy,
        })}
        ${button({ label: texts.cancel, onClick: () => this.closeForm() })}
      </div>
    </form>`;
  }

  private renderTerminateForm(contract: DeskContract): TemplateResult {
    const texts = this.texts;
    return html`<form
      class="form"
      novalidate
      @submit=${(event: Event) => void this.terminate(event, contract)}
    >
      <fieldset>
        <legend>${texts.terminateTitle}</legend>
        <p class="hint" id="terminate-hint">${texts.terminateHint}</p>
        ${field({
          id: 'terminate-on',
          label: texts.terminateOn,
          type: 'date',
          required: true,
          min: contract.start,
          max: contract.end,
          describedBy: ['terminate-hint'],
          value: this.terminateOn,
          onInput: (event: Event) => {
            this.terminateOn = (event.target as HTMLInputElement).value;
          },
        })}
        ${selectField({
          id: 'terminate-reason',
          label: texts.reason,
          value: this.terminateReason,
          options: terminationReasons.map((reason) => ({
            value: reason,
            label: this.words(terminationReasonLabels[reason]),
          })),
          onChange: (event: Event) => {
            this.terminateReason = (event.target as HTMLSelectElement).value as TerminationReason;
            this.requestUpdate();
          },
        })}
        ${field({
          id: 'terminate-note',
          label: texts.note,
          hint: texts.noteHint,
          type: 'textarea',
          rows: 3,
          maxlength: 500,
          required: this.terminateReason === 'other',
          invalid:
            this.problem !== null &&
            this.terminateReason === 'other' &&
            this.terminateNote.trim() === '',
          value: this.terminateNote,
          onInput: (event: Event) => {
            this.terminateNote = (event.target as HTMLTextAreaElement).value;
          },
        })}
      </fieldset>
      ${this.renderProblem()}
      <div class="actions">
        ${button({
          label: texts.confirmTerminate,
          type: 'submit',
          variant: 'primary',
          disabled: this.busy,
        })}
        ${button({ label: texts.cancel, onClick: () => this.closeForm() })}
      </div>
    </form>`;
  }

  private renderContracts(): TemplateResult {
    const texts = this.texts;
    const monthWords = this.month === null ? '' : monthInWords(this.month, this.language);
    return html`<h3 id="contracts-title" tabindex="-1">
        ${texts.contractsTab}${monthWords === '' ? '' : `: ${monthWords}`}
      </h3>
      ${this.renderMonthForm('contracts')}
      ${this.renderLoad(
        this.contracts,
        (answer) =>
          answer.contracts.length === 0
            ? html`<p class="muted">${texts.noContracts}</p>`
            : html`<ul class="list">
                ${answer.contracts.map((entry) =>
                  this.renderContract(entry.contract, entry.attendance, answer.month),
                )}
              </ul>`,
        () => this.loadContracts(),
      )}`;
  }

  private renderContract(
    contract: DeskContract,
    attendance: DeskAttendanceAnswer | undefined,
    month: string,
  ): TemplateResult {
    const texts = this.texts;
    const lang = this.language;
    const status = this.words(contractStatusLabels[contract.status]);
    const scheduled = contract.schedule.find((entry) => entry.month === month);
    const terminating = this.openForm?.kind === 'terminate' && this.openForm.id === contract.id;
    const declining = this.openForm?.kind === 'decline' && this.openForm.id === contract.id;
    const monthWords = monthInWords(month, lang);
    return html`<li class="card" part="card">
      <div class="card-head">
        <h4>${contract.programmeName}</h4>
        <span class="chip">
          ${status}${
            contract.status === 'accepted'
              ? ` · ${texts.startsOn(this.date(contract.start))}`
              : contract.status === 'closed' && contract.closedOn !== undefined
                ? ` · ${texts.closedOn(this.date(contract.closedOn))}`
                : ''
          }
        </span>
      </div>
      <p class="muted">${contract.providerName} · ${contract.moduleName} · ${contract.groupName}</p>
      ${this.renderFacts(contract)}
      ${
        scheduled === undefined
          ? nothing
          : html`<p>
              <strong>${texts.thisMonth(monthWords)}:</strong>
              ${scheduled.certificate.format(lang)} ${texts.certificatePays},
              ${scheduled.family.format(lang)} ${texts.familyPays}
            </p>`
      }
      ${
        contract.decision === undefined
          ? nothing
          : html`<p>
              <strong>${texts.decision}:</strong> ${this.words(decisionText(contract.decision))}
            </p>`
      }
      ${attendance === undefined ? nothing : this.renderAttendance(contract, attendance, monthWords)}
      ${terminating ? this.renderTerminateForm(contract) : nothing}
      ${declining ? this.renderDeclineForm(contract) : nothing}
      ${
        !terminating && !declining && contract.status === 'active'
          ? html`<div class="actions">
              ${button({
                label: texts.terminate,
                id: `terminate-${contract.id}`,
                variant: 'danger',
                disabled: this.busy,
                onClick: () => this.openTerminate(contract),
              })}
            </div>`
          : nothing
      }
      ${
        !terminating && !declining && contract.status === 'accepted'
          ? html`<div class="actions">
              ${button({
                label: texts.declineBefore,
                id: `decline-${contract.id}`,
                variant: 'danger',
                disabled: this.busy,
                onClick: () => this.openDecline(contract.id),
              })}
            </div>`
          : nothing
      }
    </li>`;
  }

  private renderAttendance(
    contract: DeskContract,
    answer: DeskAttendanceAnswer,
    monthWords: string,
  ): TemplateResult {
    const texts = this.texts;
    const lang = this.language;
    const draft = this.drafts.get(contract.id) ?? this.draftOf(answer);
    if (!this.drafts.has(contract.id)) this.drafts.set(contract.id, draft);
    const id = (field: string) => `${field}-${contract.id}`;
    const summary = answer.entered
      ? texts.completeness(numberText(answer.completeness, lang))
      : texts.notEntered;
    return html`<form
      class="form"
      @submit=${(event: Event) => void this.saveAttendance(event, contract)}
    >
      <fieldset ?disabled=${answer.settled || this.busy}>
        <legend>${texts.attendance(monthWords)}</legend>
        <div class="attendance-fields">
          ${selectField({
            id: id('unit'),
            label: texts.unit,
            value: draft.unit,
            options: attendanceUnits.map((unit) => ({
              value: unit,
              label: this.words(attendanceUnitLabels[unit]),
            })),
            onChange: (event: Event) =>
              this.updateDraft(contract.id, 'unit', (event.target as HTMLSelectElement).value),
          })}
          ${field({
            id: id('planned'),
            label: texts.planned,
            inputmode: 'decimal',
            width: 5,
            required: true,
            describedBy: [id('suggested')],
            value: draft.planned,
            onInput: (event: Event) =>
              this.updateDraft(contract.id, 'planned', (event.target as HTMLInputElement).value),
          })}
          ${field({
            id: id('attended'),
            label: texts.attended,
            inputmode: 'decimal',
            width: 5,
            required: true,
            value: draft.attended,
            onInput: (event: Event) =>
              this.updateDraft(contract.id, 'attended', (event.target as HTMLInputElement).value),
          })}
          ${answer.settled ? nothing : button({ label: texts.saveAttendance, type: 'submit' })}
        </div>
        <p class="hint" id=${id('suggested')}>${texts.suggested(answer.suggestedPlanned)}</p>
        <p>${answer.settled ? texts.settled : summary}</p>
      </fieldset>
    </form>`;
  }

  private renderActs(): TemplateResult {
    const texts = this.texts;
    const month = this.month;
    const monthWords = month === null ? '' : monthInWords(month, this.language);
    return html`<h3 id="acts-title" tabindex="-1">${texts.actsTitle(monthWords)}</h3>
      ${this.renderMonthForm('acts')}
      <div class="actions no-print">
        ${button({ label: texts.print, onClick: () => this.print() })}
        ${
          month === null
            ? nothing
            : html`<a class="button" href=${this.client.actsCsvUrl(month, this.language)} download
                >${texts.downloadCsv}</a
              >`
        }
      </div>
      <p class="hint">${texts.actsNote}</p>
      ${this.renderLoad(
        this.acts,
        (answer) =>
          answer.providers.length === 0
            ? html`<p class="muted">${texts.noActs(monthWords)}</p>`
            : html`${answer.providers.map(
                (provider) =>
                  html`<div class="act-block">
                    <h4>${texts.actProvider(provider.providerName)}</h4>
                    <div
                      class="table-region"
                      role="region"
                      tabindex="0"
                      aria-label=${`${texts.tableScroll}: ${provider.providerName}`}
                    >
                      <table class="table">
                        <caption class="visually-hidden">
                          ${texts.actsTitle(monthWords)}.
                          ${texts.actProvider(provider.providerName)}
                        </caption>
                        <thead>
                          <tr>
                            <th scope="col">${texts.contract}</th>
                            <th scope="col">${texts.programme}</th>
                            <th scope="col">${texts.provided}</th>
                            <th scope="col" class="num">${texts.completenessColumn}</th>
                            <th scope="col" class="num">${texts.scheduled}</th>
                            <th scope="col" class="num">${texts.settledAmount}</th>
                            <th scope="col" class="num">${texts.returned}</th>
                            <th scope="col" class="num">${texts.family}</th>
                            <th scope="col" class="num">${texts.total}</th>
                          </tr>
                        </thead>
                        <tbody>
                          ${provider.acts.map((act) => this.renderActRow(act))}
                        </tbody>
                        <tfoot>
                          <tr>
                            <th scope="row" colspan="4">
                              ${texts.totals} (${String(provider.totals.contracts)})
                            </th>
                            <td class="num" data-label=${texts.scheduled}>
                              ${amountText(provider.totals.scheduled, this.language)}
                            </td>
                            <td class="num" data-label=${texts.settledAmount}>
                              ${amountText(provider.totals.settled, this.language)}
                            </td>
                            <td class="num" data-label=${texts.returned}>
                              ${amountText(provider.totals.returned, this.language)}
                            </td>
                            <td class="num" data-label=${texts.family}>
                              ${amountText(provider.totals.family, this.language)}
                            </td>
                            <td class="num" data-label=${texts.total}>
                              ${amountText(provider.totals.total, this.language)}
                            </td>
                          </tr>
                        </tfoot>
                      </table>
                    </div>
                  </div>`,
              )}`,
        () => this.loadActs(),
      )}`;
  }

  private renderActRow(act: ProviderActRow): TemplateResult {
    const texts = this.texts;
    const lang = this.language;
    const provided =
      act.attendance === undefined
        ? texts.notEnteredFull
        : texts.providedValue(
            numberText(act.attendance.attended, lang),
            numberText(act.attendance.planned, lang),
            act.attendance.unit,
          );
    return html`<tr>
      <th scope="row">
        ${texts.certificate} ${act.certificateNumber}
        <div class="hint">${act.settledByPayer ? texts.settledByPayer : texts.notSettled}</div>
      </th>
      <td data-label=${texts.programme}>
        ${act.programmeName}
        <div class="hint">${act.moduleName} · ${act.groupName}</div>
      </td>
      <td data-label=${texts.provided}>
        ${provided}${act.paidInFull ? html`<div class="hint">${texts.paidInFull}</div>` : nothing}
      </td>
      <td class="num" data-label=${texts.completenessColumn}>
        ${numberText(act.completeness, lang)}
      </td>
      <td class="num" data-label=${texts.scheduled}>${amountText(act.scheduled, lang)}</td>
      <td class="num" data-label=${texts.settledAmount}>${amountText(act.settled, lang)}</td>
      <td class="num" data-label=${texts.returned}>${amountText(act.returned, lang)}</td>
      <td class="num" data-label=${texts.family}>${amountText(act.family, lang)}</td>
      <td class="num" data-label=${texts.total}>${amountText(act.total, lang)}</td>
    </tr>`;
  }
}
