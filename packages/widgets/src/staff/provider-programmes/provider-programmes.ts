import {
  directionLabels,
  directions,
  fullCertificateCoPayment,
  fundingKindLabels,
  fundingKinds,
  issueFromZod,
  latestRemarks,
  Money,
  programmeDraftInputSchema,
  programmeReviewDetailSchema,
  programmeReviewStateLabels,
  programmeReviewStates,
  providerProgrammeListSchema,
  roomSuggestionListSchema,
  type Direction,
  type FundingKind,
  type ProgrammeReviewDetail,
  type ProgrammeReviewState,
  type ProviderProgrammeList,
  type RoomSuggestion,
} from '@eduset/core';
import { css, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { EdusetElement } from '../../internal/eduset-element.js';
import {
  button,
  checkbox,
  choiceGroup,
  field,
  radio,
  selectField,
  type FieldOptions,
  type FieldWidth,
} from '../../internal/parts/index.js';
import {
  DeskClient,
  DeskError,
  problemsOf,
  renderHistory,
  renderStateBadge,
  type DeskMessage,
} from '../programme-desk/programme-desk.js';
import { programmeDeskStyles } from '../programme-desk/programme-desk.styles.js';
import {
  programmeDeskTexts,
  type ProgrammeDeskTexts,
} from '../programme-desk/programme-desk.texts.js';
import {
  providerProgrammesTexts,
  type ProviderProgrammesTexts,
} from './provider-programmes.texts.js';

/** A group as the form holds it (numbers as typed). */
interface GroupForm {
  id?: string;
  name: string;
  start: string;
  end: string;
  capacity: string;
  weekdays: number[];
  from: string;
  to: string;
  /** The inventory room (`''` for none). */
  roomId: string;
}

/** How many of the rooms offered a group's picker shows (the best first). */
const ROOMS_SHOWN = 8;

/** The rooms offered to one group: loading, failed, or the list. */
type RoomOffer = 'loading' | 'failed' | readonly RoomSuggestion[];

/** The group of a room problem's path (`…modules.i.groups.j.roomId`), as `m{i}g{j}`. */
function roomKeyOf(path: readonly (string | number)[]): string | undefined {
  const at = path.indexOf('modules');
  if (at < 0 || path[at + 4] !== 'roomId') return undefined;
  return `m${String(path[at + 1])}g${String(path[at + 3])}`;
}

/** A module as the form holds it. */
interface ModuleForm {
  id?: string;
  name: string;
  hours: string;
  price: string;
  groups: GroupForm[];
}

/** A programme as the form holds it. */
interface ProgrammeForm {
  name: string;
  description: string;
  fundingKind: FundingKind;
  direction: Direction;
  district: string;
  ageFrom: string;
  ageTo: string;
  hours: string;
  hoursPerWeek: string;
  groupMin: string;
  groupMax: string;
  modules: ModuleForm[];
}

/**
 * `eduset-programme-review-change`: a programme's review moved on (saved, submitted,
 * withdrawn, approved, returned); `detail` is the programme as the server now answers it.
 *
 * @example
 * ```ts
 * document.addEventListener('eduset-programme-review-change', (event) => {
 *   console.log(event.detail.review.state);
 * });
 * ```
 */
export class ProgrammeReviewChangeEvent extends CustomEvent<ProgrammeReviewDetail> {
  constructor(detail: ProgrammeReviewDetail) {
    super('eduset-programme-review-change', { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'eduset-programme-review-change': ProgrammeReviewChangeEvent;
  }
}

const text = (value: number | undefined): string => (value === undefined ? '' : String(value));

function blankGroup(n: number, t: ProviderProgrammesTexts, year: number): GroupForm {
  return {
    name: t.newGroupName(n),
    start: `${String(year)}-09-01`,
    end: `${String(year + 1)}-05-31`,
    capacity: '12',
    weekdays: [],
    from: '',
    to: '',
    roomId: '',
  };
}

function formOf(detail: ProgrammeReviewDetail): ProgrammeForm {
  const draft = detail.review.draft;
  return {
    name: draft.name,
    description: draft.description ?? '',
    fundingKind: draft.fundingKind,
    direction: draft.direction,
    district: draft.district ?? '',
    ageFrom: String(draft.ageFrom),
    ageTo: String(draft.ageTo),
    hours: String(draft.hours),
    hoursPerWeek: text(draft.hoursPerWeek),
    groupMin: String(draft.groupSize.min),
    groupMax: String(draft.groupSize.max),
    modules: draft.modules.map((module) => ({
      id: module.id,
      name: module.name,
      hours: String(module.hours),
      price: module.price === undefined ? '' : module.price.toString(),
      groups: module.groups.map((group) => ({
        id: group.id,
        name: group.name,
        start: group.start,
        end: group.end,
        capacity: String(group.capacity),
        weekdays: [...group.weekdays],
        from: group.time?.from ?? '',
        to: group.time?.to ?? '',
        roomId: group.roomId ?? '',
      })),
    })),
  };
}

/** A number the person typed, or `undefined` for an empty field (the schema then says so). */
function numberOf(value: string): number | undefined {
  const trimmed = value.trim().replace(',', '.');
  return trimmed === '' ? undefined : Number(trimmed);
}

function inputOf(form: ProgrammeForm): unknown {
  const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
  return {
    name: form.name,
    ...(optional(form.description) === undefined ? {} : { description: form.description }),
    fundingKind: form.fundingKind,
    direction: form.direction,
    ...(optional(form.district) === undefined ? {} : { district: form.district }),
    ageFrom: numberOf(form.ageFrom),
    ageTo: numberOf(form.ageTo),
    hours: numberOf(form.hours),
    ...(numberOf(form.hoursPerWeek) === undefined
      ? {}
      : { hoursPerWeek: numberOf(form.hoursPerWeek) }),
    groupSize: { min: numberOf(form.groupMin), max: numberOf(form.groupMax) },
    modules: form.modules.map((module) => ({
      ...(module.id === undefined ? {} : { id: module.id }),
      name: module.name,
      hours: numberOf(module.hours),
      ...(optional(module.price) === undefined
        ? {}
        : { price: module.price.trim().replace(',', '.').replace(/\s/g, '') }),
      groups: module.groups.map((group) => ({
        ...(group.id === undefined ? {} : { id: group.id }),
        name: group.name,
        start: group.start,
        end: group.end,
        capacity: numberOf(group.capacity),
        weekdays: group.weekdays,
        ...(group.from === '' && group.to === ''
          ? {}
          : { time: { from: group.from, to: group.to } }),
        ...(group.roomId === '' ? {} : { roomId: group.roomId }),
      })),
    })),
  };
}

/**
 * `<eduset-provider-programmes>` — the provider's desk for its own programmes: the list of
 * its programmes with their review state (draft, under review, approved, returned with the
 * operator's remarks), a form for a new programme or a change (what families see: name,
 * description, direction, kind, ages, hours; modules with their price, the normative cost
 * set by the operator and the family's co-payment; groups with dates, weekdays, lesson
 * time and places — never fewer than the places already taken), and the steps: save the
 * draft, submit for review, withdraw. An approved programme stays in the navigator while
 * its change is reviewed. Keyboard complete; Russian by default, English with `lang="en"`.
 *
 * Talks to `GET/POST {src-base}/provider/programmes`, `GET/PUT {src-base}/provider/programmes/:id`,
 * `POST {src-base}/provider/programmes/:id/submit|withdraw` with the signed-in session (CSRF
 * token from `GET {src-base}/auth/csrf`); every answer is validated with core's schemas.
 *
 * @tagname eduset-provider-programmes
 * @summary The provider's programmes and groups, submitted for the operator's review.
 *
 * @attr src-base - Base address of the eduset API (default `/api`).
 * @attr lang - `ru` (default) or `en`; inherited from ancestors and `<html lang>` when absent.
 *
 * @fires eduset-programme-review-change - A programme was saved, submitted or withdrawn; `detail` is the programme.
 *
 * @csspart base - The wrapper of everything.
 * @csspart status - The live region (loading, saved, refusals with every problem).
 * @csspart list - The list of programmes.
 * @csspart form - The programme form.
 *
 * @cssproperty --eduset-programme-desk-card-background - Background of the module and group cards.
 *
 * @example
 * ```html
 * <script type="module" src="/widgets/eduset-staff.js"></script>
 * <eduset-provider-programmes src-base="/api"></eduset-provider-programmes>
 * ```
 */
export class EdusetProviderProgrammes extends EdusetElement {
  /** The element's shadow-DOM styles. */
  static override styles = [
    programmeDeskStyles,
    css`
      .room {
        border: 0;
        margin: 0.5rem 0 0;
        padding: 0;
        min-width: 0;
      }
      .room legend {
        padding: 0;
      }
      .room-error {
        color: var(--_color-danger);
        margin: 0.25rem 0;
      }
      .wide {
        grid-column: 1 / -1;
      }
      .room-options {
        list-style: none;
        margin: 0.25rem 0 0;
        padding: 0;
        display: grid;
        gap: 0.25rem;
      }
      .room-option {
        padding: 0.35rem 0.5rem;
        border: 1px solid var(--_color-border);
        border-radius: var(--_radius);
        background: var(--_color-surface);
        overflow-wrap: anywhere;
      }
      .room-option .radio {
        display: flex;
        align-items: flex-start;
        gap: 0.5rem;
        min-height: auto;
      }
      .room-option .radio > input {
        margin-top: 0.15rem;
      }
    `,
  ];

  static override properties: PropertyDeclarations = {
    srcBase: { type: String, attribute: 'src-base' },
    list: { state: true },
    detail: { state: true },
    form: { state: true },
    view: { state: true },
    busy: { state: true },
    message: { state: true },
    problems: { state: true },
    search: { state: true },
    stateFilter: { state: true },
    providerId: { state: true },
    roomOffers: { state: true },
    roomErrors: { state: true },
  };

  /** Base address of the API (default `/api`). */
  declare srcBase: string | null;
  /** The provider's programmes, once loaded. */
  declare list: ProviderProgrammeList | null;
  /** The programme open in the form (`null` for a new one). */
  declare detail: ProgrammeReviewDetail | null;
  /** What the form holds. */
  declare private form: ProgrammeForm | null;
  /** Which screen shows. */
  declare view: 'loading' | 'failed' | 'list' | 'form';
  /** A request is running. */
  declare busy: boolean;
  /** The live region's message. */
  declare message: DeskMessage | null;
  /** Every problem of the last refusal, in words. */
  declare problems: readonly string[];
  /** Words to find in the list. */
  declare search: string;
  /** The state the list shows (`''` for every state). */
  declare stateFilter: ProgrammeReviewState | '';
  /** The organization of a new programme (when the person works for several). */
  declare providerId: string;
  /** The rooms offered to each group (`m{i}g{j}`), once asked for. */
  declare private roomOffers: Readonly<Record<string, RoomOffer>>;
  /** The last refusal's problem with each group's room (`m{i}g{j}` → words). */
  declare private roomErrors: Readonly<Record<string, string>>;
  /** Names of the rooms seen (room id → «name, address»). */
  private roomNames = new Map<string, string>();

  private client = new DeskClient('/api');
  private stale = false;

  constructor() {
    super();
    this.srcBase = null;
    this.list = null;
    this.detail = null;
    this.form = null;
    this.view = 'loading';
    this.busy = false;
    this.message = null;
    this.problems = [];
    this.search = '';
    this.stateFilter = '';
    this.providerId = '';
    this.roomOffers = {};
    this.roomErrors = {};
  }

  private get t(): ProviderProgrammesTexts {
    return providerProgrammesTexts[this.language];
  }

  private get d(): ProgrammeDeskTexts {
    return programmeDeskTexts[this.language];
  }

  private say(message: DeskMessage | null, problems: readonly string[] = []): void {
    this.message = message;
    this.problems = problems;
    this.roomErrors = {};
  }

  private both(pick: (t: ProviderProgrammesTexts) => string) {
    return { ru: pick(providerProgrammesTexts.ru), en: pick(providerProgrammesTexts.en) };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.client = new DeskClient(this.srcBase ?? '/api');
    void this.loadList();
  }

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('srcBase') && changed.get('srcBase') !== undefined) {
      this.client = new DeskClient(this.srcBase ?? '/api');
      void this.loadList();
    }
  }

  /**
   * Loads (or reloads) the list of the provider's programmes and shows it.
   *
   * @example
   * ```ts
   * import type { EdusetProviderProgrammes } from '@eduset/widgets/staff';
   * declare const desk: EdusetProviderProgrammes;
   * await desk.loadList();
   * ```
   */
  async loadList(keepMessage = false): Promise<void> {
    if (!keepMessage) this.say(null);
    this.view = this.list === null ? 'loading' : this.view;
    try {
      this.list = await this.client.get('/provider/programmes', providerProgrammeListSchema);
      this.providerId = this.providerId || (this.list.providers[0]?.id ?? '');
      this.view = 'list';
    } catch (error) {
      this.view = 'failed';
      this.fail(error, this.d.loadFailed);
    }
  }

  /** Puts a refusal's room problems next to their groups' room fields. */
  private roomErrorsOf(error: DeskError): Record<string, string> {
    const found: Record<string, string> = {};
    for (const issue of error.issues) {
      const key = roomKeyOf(issue.path);
      if (key !== undefined) found[key] = issue.message[this.language];
    }
    // A room taken by another group (409) names the group: shown next to its room.
    if (error.code === 'room-taken') {
      this.form?.modules.forEach((module, m) =>
        module.groups.forEach((group, g) => {
          if (group.roomId !== '' && error.text.ru.includes(`«${group.name}»`)) {
            found[`m${String(m)}g${String(g)}`] = error.text[this.language];
          }
        }),
      );
    }
    return found;
  }

  private fail(error: unknown, fallback: string): void {
    if (error instanceof DeskError) {
      this.stale = error.code === 'revision-moved';
      this.say(
        {
          text:
            error.code === 'revision-moved'
              ? { ru: programmeDeskTexts.ru.revisionMoved, en: programmeDeskTexts.en.revisionMoved }
              : error.text,
          tone: 'error',
        },
        problemsOf(error, this.language),
      );
      this.roomErrors = this.roomErrorsOf(error);
    } else {
      this.say({ text: { ru: fallback, en: fallback }, tone: 'error' });
    }
  }

  /** Asks the server for the rooms that fit a group as the form holds it now. */
  private async findRooms(moduleIndex: number, groupIndex: number): Promise<void> {
    const group = this.form?.modules[moduleIndex]?.groups[groupIndex];
    if (group === undefined) return;
    const key = `m${String(moduleIndex)}g${String(groupIndex)}`;
    this.roomOffers = { ...this.roomOffers, [key]: 'loading' };
    const query = new URLSearchParams({
      weekdays: group.weekdays.join(','),
      from: group.from,
      to: group.to,
      places: group.capacity.trim(),
      ...(group.start === '' ? {} : { start: group.start }),
      ...(group.end === '' ? {} : { end: group.end }),
      ...(this.detail === null ? {} : { programmeId: this.detail.review.programmeId }),
    });
    let offer: RoomOffer;
    try {
      offer = (
        await this.client.get(
          `/provider/programme-rooms?${query.toString()}`,
          roomSuggestionListSchema,
        )
      ).rooms;
      for (const room of offer) this.roomNames.set(room.roomId, `${room.name}, ${room.address}`);
    } catch {
      offer = 'failed';
    }
    this.roomOffers = { ...this.roomOffers, [key]: offer };
  }

  private async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#view-title')?.focus();
  }

  /**
   * Opens one programme in the form.
   *
   * @example
   * ```ts
   * import type { EdusetProviderProgrammes } from '@eduset/widgets/staff';
   * declare const element: EdusetProviderProgrammes;
   * await element.open('cdt-1');
   * ```
   */
  async open(programmeId: string): Promise<void> {
    this.say(null);
    this.busy = true;
    try {
      const detail = await this.client.get(
        `/provider/programmes/${encodeURIComponent(programmeId)}`,
        programmeReviewDetailSchema,
      );
      this.show(detail);
      await this.focusHeading();
    } catch (error) {
      this.fail(error, this.d.failed);
    } finally {
      this.busy = false;
    }
  }

  private show(detail: ProgrammeReviewDetail): void {
    for (const [roomId, room] of Object.entries(detail.rooms ?? {})) {
      this.roomNames.set(roomId, `${room.name}, ${room.address}`);
    }
    this.roomOffers = {};
    this.detail = detail;
    this.form = formOf(detail);
    this.stale = false;
    this.view = 'form';
  }

  private startNew(): void {
    const year =
      new Date().getMonth() >= 8 ? new Date().getFullYear() + 1 : new Date().getFullYear();
    this.detail = null;
    this.form = {
      name: '',
      description: '',
      fundingKind: 'funded',
      direction: 'technical',
      district: '',
      ageFrom: '7',
      ageTo: '12',
      hours: '72',
      hoursPerWeek: '2',
      groupMin: '6',
      groupMax: '12',
      modules: [
        {
          name: this.t.newModuleName,
          hours: '72',
          price: '',
          groups: [blankGroup(1, this.t, year)],
        },
      ],
    };
    this.say(null);
    this.view = 'form';
    void this.focusHeading();
  }

  private async backToList(): Promise<void> {
    this.detail = null;
    this.form = null;
    await this.loadList(true);
    await this.focusHeading();
  }

  /** Checks the form with core's schema: the problems in words, or the input to send. */
  private checked(): unknown {
    const form = this.form;
    if (form === null) return undefined;
    const input = inputOf(form);
    const result = programmeDraftInputSchema.safeParse(input);
    if (result.success) return input;
    const error = new DeskError(
      'validation_error',
      this.both((t) => t.invalid),
      result.error.issues.map((issue) => {
        const found = issueFromZod(issue);
        return { path: found.path, message: found.message };
      }),
    );
    this.say({ text: error.text, tone: 'error' }, problemsOf(error, this.language));
    return undefined;
  }

  private changed(detail: ProgrammeReviewDetail, message: DeskMessage): void {
    this.show(detail);
    this.say(message);
    this.dispatchEvent(new ProgrammeReviewChangeEvent(detail));
  }

  /** Saves the form as the draft; returns whether it was saved. */
  private async save(): Promise<boolean> {
    const programme = this.checked();
    if (programme === undefined) return false;
    this.busy = true;
    this.say({ text: this.both((t) => t.saving), tone: 'info' });
    try {
      const detail =
        this.detail === null
          ? await this.client.send(
              'POST',
              '/provider/programmes',
              { ...(this.providerId ? { providerId: this.providerId } : {}), programme },
              programmeReviewDetailSchema,
            )
          : await this.client.send(
              'PUT',
              `/provider/programmes/${encodeURIComponent(this.detail.review.programmeId)}`,
              { revision: this.detail.review.revision, programme },
              programmeReviewDetailSchema,
            );
      const revision = detail.review.revision;
      this.changed(detail, {
        text: {
          ru: providerProgrammesTexts.ru.saved(revision),
          en: providerProgrammesTexts.en.saved(revision),
        },
        tone: 'done',
      });
      return true;
    } catch (error) {
      this.fail(error, this.d.failed);
      return false;
    } finally {
      this.busy = false;
    }
  }

  private dirty(): boolean {
    return (
      this.detail === null ||
      this.form === null ||
      JSON.stringify(inputOf(this.form)) !== JSON.stringify(inputOf(formOf(this.detail)))
    );
  }

  private async step(action: 'submit' | 'withdraw'): Promise<void> {
    if (action === 'submit' && this.dirty() && !(await this.save())) return;
    const detail = this.detail;
    if (detail === null) return;
    this.busy = true;
    try {
      const answer = await this.client.send(
        'POST',
        `/provider/programmes/${encodeURIComponent(detail.review.programmeId)}/${action}`,
        { revision: detail.review.revision },
        programmeReviewDetailSchema,
      );
      this.changed(answer, {
        text: this.both((t) => (action === 'submit' ? t.submitted : t.withdrawn)),
        tone: 'done',
      });
    } catch (error) {
      this.fail(error, this.d.failed);
    } finally {
      this.busy = false;
    }
  }

  private edit(change: (form: ProgrammeForm) => void): void {
    if (this.form === null) return;
    const next = structuredClone(this.form);
    change(next);
    this.form = next;
  }

  override render(): TemplateResult {
    const lang = this.language;
    const showStatus = this.view === 'loading' || this.message !== null || this.problems.length > 0;
    return html`<section part="base" class="base" aria-labelledby="view-title">
      ${this.view === 'form' ? nothing : html`<h2 id="view-title" tabindex="-1">${this.t.title}</h2>`}
      <div
        part="status"
        class="status ${this.message?.tone ?? ''} ${showStatus ? '' : 'empty'}"
        role="status"
        aria-live="polite"
      >
        ${this.view === 'loading' ? this.d.loading : nothing}
        ${this.message === null ? nothing : this.message.text[lang]}
        ${
          this.problems.length > 0
            ? html`<ul>
                ${this.problems.map((problem) => html`<li>${problem}</li>`)}
              </ul>`
            : nothing
        }
      </div>
      ${
        this.view === 'failed'
          ? button({ label: this.d.retry, onClick: () => void this.loadList() })
          : nothing
      }
      ${this.view === 'list' ? this.renderList() : nothing}
      ${this.view === 'form' ? this.renderForm() : nothing}
    </section>`;
  }

  private renderList(): TemplateResult {
    const lang = this.language;
    const t = this.t;
    const words = this.search.trim().toLocaleLowerCase('ru').replaceAll('ё', 'е');
    const shown = (this.list?.programmes ?? []).filter(
      (item) =>
        (this.stateFilter === '' || item.state === this.stateFilter) &&
        (words === '' || item.name.toLocaleLowerCase('ru').replaceAll('ё', 'е').includes(words)),
    );
    return html`<p>${t.intro}</p>
      <div class="toolbar">
        ${field({
          id: 'search',
          label: t.search,
          type: 'search',
          autocomplete: 'off',
          width: 20,
          value: this.search,
          onInput: (event: Event) => {
            this.search = (event.target as HTMLInputElement).value;
          },
        })}
        ${selectField({
          id: 'state-filter',
          label: t.stateFilter,
          value: this.stateFilter,
          options: [
            { value: '', label: t.anyState },
            ...programmeReviewStates.map((state) => ({
              value: state,
              label: programmeReviewStateLabels[state][lang],
            })),
          ],
          onChange: (event: Event) => {
            this.stateFilter = (event.target as HTMLSelectElement).value as
              ProgrammeReviewState | '';
          },
        })}
        ${button({ label: t.create, variant: 'primary', onClick: () => this.startNew() })}
      </div>
      <p class="muted">${shown.length === 0 ? t.nothing : t.count(shown.length)}</p>
      <ul part="list" class="list">
        ${shown.map(
          (item) =>
            html`<li class="item">
              <span class="what">
                ${button({
                  label: item.name,
                  variant: 'link',
                  ariaLabel: t.open(item.name),
                  disabled: this.busy,
                  onClick: () => void this.open(item.programmeId),
                })}
                <span class="meta"
                  >${directionLabels[item.direction][lang]} ·
                  ${fundingKindLabels[item.fundingKind][lang]} ·
                  ${item.published ? this.d.published : this.d.notPublished}</span
                >
                ${
                  item.remarks
                    ? html`<span class="remarks-line">${this.d.remarks}: ${item.remarks}</span>`
                    : nothing
                }
              </span>
              ${renderStateBadge(item.state, lang)}
            </li>`,
        )}
      </ul>`;
  }

  private renderForm(): TemplateResult {
    const form = this.form;
    if (form === null) return html``;
    const lang = this.language;
    const t = this.t;
    const d = this.d;
    const review = this.detail?.review;
    const state = review?.state ?? 'draft';
    const locked = state === 'submitted' || this.busy;
    const remarks = review === undefined ? undefined : latestRemarks(review);
    const providers = this.list?.providers ?? [];
    const input = (
      id: string,
      label: string,
      value: string,
      set: (form: ProgrammeForm, value: string) => void,
      options: {
        type?: 'text' | 'number';
        min?: number;
        max?: number;
        step?: number;
        width?: FieldWidth;
        wide?: boolean;
      } = {},
    ) => {
      const control = field({
        id,
        label,
        type: options.type ?? 'text',
        inputmode: options.type === 'number' ? 'decimal' : 'text',
        ...(options.min === undefined ? {} : { min: options.min }),
        ...(options.max === undefined ? {} : { max: options.max }),
        ...(options.step === undefined ? {} : { step: options.step }),
        ...(options.width === undefined ? {} : { width: options.width }),
        value,
        disabled: locked,
        onInput: (event: Event) =>
          this.edit((next) => set(next, (event.target as HTMLInputElement).value)),
      });
      return options.wide ? html`<div class="wide">${control}</div>` : control;
    };
    return html`<h2 id="view-title" tabindex="-1">
        ${review === undefined ? t.newTitle : t.editTitle(review.draft.name)}
      </h2>
      <p>
        ${review === undefined ? nothing : renderStateBadge(state, lang)}
        ${
          review === undefined
            ? nothing
            : html`<span class="muted">
                · ${review.published ? d.published : d.notPublished} ·
                ${d.revision(review.revision)}</span
              >`
        }
      </p>
      ${
        remarks
          ? html`<div class="remarks-box" role="note" aria-labelledby="remarks-title">
              <h3 id="remarks-title">${t.returnedTitle}</h3>
              <p class="description">${remarks}</p>
            </div>`
          : nothing
      }
      ${state === 'submitted' ? html`<p class="remarks-box">${t.underReview}</p>` : nothing}
      ${state === 'approved' ? html`<p>${t.approvedLive}</p>` : nothing}
      ${state === 'draft' && review?.published ? html`<p>${t.draftWhileLive}</p>` : nothing}
      <form
        part="form"
        @submit=${(event: Event) => event.preventDefault()}
        aria-labelledby="view-title"
      >
        <fieldset class="card">
          <legend>${t.about}</legend>
          <div class="grid">
            ${
              review === undefined && providers.length > 1
                ? html`<div class="wide">
                    ${selectField({
                      id: 'provider',
                      label: t.forProvider,
                      value: this.providerId,
                      options: providers.map((provider) => ({
                        value: provider.id,
                        label: provider.name,
                      })),
                      onChange: (event: Event) => {
                        this.providerId = (event.target as HTMLSelectElement).value;
                      },
                    })}
                  </div>`
                : nothing
            }
            ${input('name', d.name, form.name, (f, v) => (f.name = v), { wide: true })}
            <div class="wide">
              ${field({
                id: 'description',
                label: d.description,
                type: 'textarea',
                value: form.description,
                disabled: locked,
                onInput: (event: Event) =>
                  this.edit(
                    (next) => (next.description = (event.target as HTMLTextAreaElement).value),
                  ),
              })}
            </div>
            ${selectField({
              id: 'direction',
              label: d.direction,
              value: form.direction,
              options: directions.map((direction) => ({
                value: direction,
                label: directionLabels[direction][lang],
              })),
              disabled: locked,
              onChange: (event: Event) =>
                this.edit(
                  (next) =>
                    (next.direction = (event.target as HTMLSelectElement).value as Direction),
                ),
            })}
            ${selectField({
              id: 'funding-kind',
              label: d.fundingKind,
              hint: d.fundingKindHints[form.fundingKind],
              value: form.fundingKind,
              options: fundingKinds.map((kind) => ({
                value: kind,
                label: fundingKindLabels[kind][lang],
              })),
              disabled: locked,
              onChange: (event: Event) =>
                this.edit(
                  (next) =>
                    (next.fundingKind = (event.target as HTMLSelectElement).value as FundingKind),
                ),
            })}
            ${input('age-from', d.ageFrom, form.ageFrom, (f, v) => (f.ageFrom = v), { type: 'number', min: 0, max: 25, width: 3 })}
            ${input('age-to', d.ageTo, form.ageTo, (f, v) => (f.ageTo = v), { type: 'number', min: 0, max: 25, width: 3 })}
            ${input('hours', d.hours, form.hours, (f, v) => (f.hours = v), { type: 'number', min: 1, width: 5 })}
            ${input(
              'hours-per-week',
              d.hoursPerWeek,
              form.hoursPerWeek,
              (f, v) => (f.hoursPerWeek = v),
              { type: 'number', min: 0, step: 0.5, width: 4 },
            )}
            ${input('group-min', d.groupSizeMin, form.groupMin, (f, v) => (f.groupMin = v), { type: 'number', min: 1, width: 3 })}
            ${input('group-max', d.groupSizeMax, form.groupMax, (f, v) => (f.groupMax = v), { type: 'number', min: 1, width: 3 })}
            ${input('district', d.district, form.district, (f, v) => (f.district = v), { width: 20 })}
          </div>
        </fieldset>
        <h3>${t.modules}</h3>
        ${form.modules.map((module, moduleIndex) => this.renderModule(module, moduleIndex, form, locked))}
        ${button({
          label: t.addModule,
          disabled: locked || form.modules.length >= 20,
          onClick: () =>
            this.edit((next) =>
              next.modules.push({
                name: `${t.newModuleName} ${String(next.modules.length + 1)}`,
                hours: '',
                price: '',
                groups: [],
              }),
            ),
        })}
        <div class="actions">
          ${
            state === 'submitted'
              ? button({
                  label: t.withdraw,
                  disabled: this.busy,
                  onClick: () => void this.step('withdraw'),
                })
              : html`${button({
                  label: t.save,
                  disabled: this.busy,
                  onClick: () => void this.save(),
                })}
                ${button({
                  label: t.submit,
                  variant: 'primary',
                  disabled: this.busy || (state === 'approved' && !this.dirty()),
                  onClick: () => void this.step('submit'),
                })}`
          }
          ${
            this.stale && this.detail !== null
              ? button({
                  label: d.reload,
                  onClick: () => {
                    const id = this.detail?.review.programmeId;
                    if (id !== undefined) void this.open(id);
                  },
                })
              : nothing
          }
          ${button({ label: t.back, variant: 'link', onClick: () => void this.backToList() })}
        </div>
      </form>
      ${
        review === undefined
          ? nothing
          : html`<h3>${d.history}</h3>
              ${renderHistory(review, lang)}`
      }`;
  }

  private renderModule(
    module: ModuleForm,
    moduleIndex: number,
    form: ProgrammeForm,
    locked: boolean,
  ): TemplateResult {
    const lang = this.language;
    const t = this.t;
    const d = this.d;
    const id = (field: string) => `m${String(moduleIndex)}-${field}`;
    const stored = this.detail?.review.draft.modules.find(
      (candidate) => candidate.id === module.id,
    );
    const taken = this.detail?.taken ?? {};
    const moduleHasChildren = module.groups.some((group) => (taken[group.id ?? ''] ?? 0) > 0);
    let price: Money | undefined;
    try {
      price =
        module.price.trim() === ''
          ? undefined
          : Money.of(module.price.trim().replace(',', '.').replace(/\s/g, ''));
    } catch {
      price = undefined;
    }
    const coPayment = fullCertificateCoPayment(
      { fundingKind: form.fundingKind },
      {
        ...(price === undefined ? {} : { price }),
        ...(stored?.normativeCost === undefined ? {} : { normativeCost: stored.normativeCost }),
      },
    );
    const set = (change: (next: ModuleForm) => void) =>
      this.edit((next) => {
        const target = next.modules[moduleIndex];
        if (target !== undefined) change(target);
      });
    return html`<fieldset class="card" aria-label=${`${d.module(moduleIndex + 1)}: ${module.name}`}>
      <legend>${d.module(moduleIndex + 1)}</legend>
      <div class="grid">
        <div class="wide">
          ${field({
            id: id('name'),
            label: d.moduleName,
            value: module.name,
            disabled: locked,
            onInput: (event: Event) =>
              set((next) => (next.name = (event.target as HTMLInputElement).value)),
          })}
        </div>
        ${field({
          id: id('hours'),
          label: d.moduleHours,
          type: 'number',
          inputmode: 'decimal',
          min: 1,
          width: 5,
          value: module.hours,
          disabled: locked,
          onInput: (event: Event) =>
            set((next) => (next.hours = (event.target as HTMLInputElement).value)),
        })}
        ${
          form.fundingKind === 'budget'
            ? nothing
            : field({
                id: id('price'),
                label: d.price,
                inputmode: 'decimal',
                autocomplete: 'off',
                width: 10,
                value: module.price,
                disabled: locked,
                onInput: (event: Event) =>
                  set((next) => (next.price = (event.target as HTMLInputElement).value)),
              })
        }
      </div>
      ${
        form.fundingKind === 'budget'
          ? nothing
          : html`<p class="money-line">
              ${d.normativeCost}:
              ${stored?.normativeCost ? stored.normativeCost.format(lang) : d.normativeUnset}.
              ${d.coPayment}: <strong>${coPayment.format(lang)}</strong>
              <span class="muted">(${d.coPaymentHint})</span>
            </p>`
      }
      ${
        module.groups.length === 0
          ? html`<p class="muted">${d.noGroups}</p>`
          : module.groups.map((group, groupIndex) =>
              this.renderGroup(group, moduleIndex, groupIndex, locked),
            )
      }
      <div class="actions">
        ${button({
          label: t.addGroup,
          disabled: locked || module.groups.length >= 50,
          onClick: () =>
            set((next) => {
              const year =
                Number((next.groups.at(-1)?.start ?? '').slice(0, 4)) || new Date().getFullYear();
              next.groups.push({ ...blankGroup(next.groups.length + 1, t, year), weekdays: [] });
            }),
        })}
        ${
          form.modules.length > 1
            ? button({
                label: t.removeModule(moduleIndex + 1),
                variant: 'danger',
                disabled: locked || moduleHasChildren,
                onClick: () => this.edit((next) => next.modules.splice(moduleIndex, 1)),
              })
            : nothing
        }
      </div>
    </fieldset>`;
  }

  private renderGroup(
    group: GroupForm,
    moduleIndex: number,
    groupIndex: number,
    locked: boolean,
  ): TemplateResult {
    const t = this.t;
    const d = this.d;
    const id = (field: string) => `m${String(moduleIndex)}g${String(groupIndex)}-${field}`;
    const taken = this.detail?.taken[group.id ?? ''] ?? 0;
    const set = (change: (next: GroupForm) => void) =>
      this.edit((next) => {
        const target = next.modules[moduleIndex]?.groups[groupIndex];
        if (target !== undefined) change(target);
      });
    const groupField = (
      name: 'name' | 'start' | 'end' | 'capacity' | 'from' | 'to',
      label: string,
      type: 'text' | 'number' | 'date' | 'time',
      extra: { min?: number; hint?: string; width?: FieldWidth } = {},
    ) => {
      const options: FieldOptions = {
        id: id(name),
        label,
        type,
        ...(type === 'number' ? { inputmode: 'numeric' } : {}),
        ...(extra.min === undefined ? {} : { min: extra.min }),
        ...(extra.hint === undefined ? {} : { hint: extra.hint }),
        ...(extra.width === undefined ? {} : { width: extra.width }),
        value: group[name],
        disabled: locked,
        onInput: (event: Event) =>
          set((next) => (next[name] = (event.target as HTMLInputElement).value)),
      };
      return field(options);
    };
    return html`<fieldset class="card" aria-label=${`${d.group(groupIndex + 1)}: ${group.name}`}>
      <legend>${d.group(groupIndex + 1)}</legend>
      <div class="grid">
        ${groupField('name', d.groupName, 'text')}
        ${groupField('capacity', d.capacity, 'number', {
          min: Math.max(1, taken),
          width: 3,
          ...(taken > 0 ? { hint: d.taken(taken) } : {}),
        })}
        ${groupField('start', d.start, 'date')} ${groupField('end', d.end, 'date')}
        ${groupField('from', d.timeFrom, 'time')} ${groupField('to', d.timeTo, 'time')}
      </div>
      <fieldset class="days">
        <legend>${d.weekdays}</legend>
        ${d.weekdayShort.map((short, index) =>
          checkbox({
            id: id(`day-${String(index + 1)}`),
            label: html`<span aria-hidden="true">${short}</span
              ><span class="visually-hidden">${d.weekdayNames[index]}</span>`,
            checked: group.weekdays.includes(index + 1),
            disabled: locked,
            onChange: (event: Event) =>
              set((next) => {
                const on = (event.target as HTMLInputElement).checked;
                next.weekdays = on
                  ? [...new Set([...next.weekdays, index + 1])].sort((a, b) => a - b)
                  : next.weekdays.filter((day) => day !== index + 1);
              }),
          }),
        )}
      </fieldset>
      ${this.renderRoom(group, moduleIndex, groupIndex, locked)}
      <div class="actions">
        ${button({
          label: t.removeGroup(group.name),
          variant: 'danger',
          disabled: locked || taken > 0,
          ...(taken > 0 ? { describedBy: id('in-use') } : {}),
          onClick: () =>
            this.edit((next) => next.modules[moduleIndex]?.groups.splice(groupIndex, 1)),
        })}
        ${taken > 0 ? html`<p class="hint" id=${id('in-use')}>${t.groupInUse}</p>` : nothing}
      </div>
    </fieldset>`;
  }

  /** The best rooms offered, and the one chosen when it is further down the list. */
  private shownRooms(offer: readonly RoomSuggestion[], roomId: string): RoomSuggestion[] {
    const best = offer.slice(0, ROOMS_SHOWN);
    const chosen = offer.find((room) => room.roomId === roomId);
    return chosen === undefined || best.includes(chosen) ? best : [...best, chosen];
  }

  private renderRoom(
    group: GroupForm,
    moduleIndex: number,
    groupIndex: number,
    locked: boolean,
  ): TemplateResult {
    const t = this.t;
    const lang = this.language;
    const key = `m${String(moduleIndex)}g${String(groupIndex)}`;
    const id = (field: string) => `${key}-${field}`;
    const offer = this.roomOffers[key];
    const error = this.roomErrors[key];
    const ready =
      group.weekdays.length > 0 && group.from !== '' && group.to !== '' && group.capacity !== '';
    const choose = (roomId: string) =>
      this.edit((next) => {
        const target = next.modules[moduleIndex]?.groups[groupIndex];
        if (target !== undefined) target.roomId = roomId;
      });
    const current = group.roomId === '' ? t.noRoom : (this.roomNames.get(group.roomId) ?? t.room);
    return choiceGroup({
      id: id('room'),
      legend: t.room,
      error: error ?? null,
      className: 'room',
      content: html`<p id=${id('room-current')}>${current}</p>
        <div class="actions">
          ${button({
            label: t.findRooms,
            disabled: locked || !ready || offer === 'loading',
            ...(ready ? {} : { describedBy: id('room-hint') }),
            onClick: () => void this.findRooms(moduleIndex, groupIndex),
          })}
          ${
            group.roomId === ''
              ? nothing
              : button({ label: t.removeRoom, disabled: locked, onClick: () => choose('') })
          }
        </div>
        ${ready ? nothing : html`<p class="hint" id=${id('room-hint')}>${t.findRoomsHint}</p>`}
        ${
          offer === undefined || offer === 'loading'
            ? nothing
            : offer === 'failed'
              ? html`<p class="room-error" role="alert">${t.roomsFailed}</p>`
              : offer.length === 0
                ? html`<p class="hint">${t.noRoomsFound}</p>`
                : html`<p class="hint">
                      ${t.roomsFound(offer.length, Math.min(offer.length, ROOMS_SHOWN))}
                    </p>
                    <ul class="room-options">
                      ${this.shownRooms(offer, group.roomId).map(
                        (room) =>
                          html`<li class="room-option">
                            ${radio({
                              name: id('room'),
                              value: room.roomId,
                              label: html`<span
                                ><strong>${room.name}</strong> — ${room.organizationName},
                                ${room.address}; ${t.roomSeats(room.capacity)}; ${t.roomFree}:
                                ${room.freeHours[lang]}</span
                              >`,
                              checked: group.roomId === room.roomId,
                              disabled: locked,
                              onChange: () => choose(room.roomId),
                            })}
                          </li>`,
                      )}
                    </ul>`
        }`,
    });
  }
}
