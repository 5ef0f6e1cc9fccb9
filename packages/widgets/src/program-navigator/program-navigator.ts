import {
  certificateBalanceSchema,
  directionLabels,
  directions,
  enrolmentResponseSchema,
  filterProgrammes,
  fundingKindLabels,
  fundingKinds,
  indexProgrammes,
  formatMoneyText,
  localize,
  previewCoPaymentText,
  previewEnrolmentText,
  programmeListSchema,
  type CertificateBalance,
  type ContractView,
  type Direction,
  type FamilyCertificate,
  type FundingKind,
  type IndexedProgramme,
  type LocalizedText,
  type ProgrammeFilter,
  type ProgrammeGroupView,
  type ProgrammeView,
  type ProviderView,
} from '@eduset/core';
import {
  html,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { DataLoader, type LoadState } from '../internal/data-loader.js';
import { EdusetElement } from '../internal/eduset-element.js';
import { fetchJson, type FetchJsonError } from '../internal/fetch-json.js';
import { programNavigatorTexts, type ProgramNavigatorTexts } from './program-navigator.i18n.js';
import { programNavigatorStyles } from './program-navigator.styles.js';
import { findFirst, toJsonText } from '../internal/own.js';
import { choiceGroup, field, radio, selectField } from '../internal/parts/index.js';

/**
 * `eduset-enrolment-created`: a family's enrolment request was accepted by the server;
 * `detail.contract` is the contract request (core `ContractView`: amounts as decimal text).
 *
 * @example
 * ```ts
 * document.addEventListener('eduset-enrolment-created', (event) => console.log(event.detail.contract.id));
 * ```
 */
export class EdusetEnrolmentCreatedEvent extends CustomEvent<{ readonly contract: ContractView }> {
  constructor(detail: { readonly contract: ContractView }) {
    super('eduset-enrolment-created', { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'eduset-enrolment-created': EdusetEnrolmentCreatedEvent;
  }
}

/**
 * What a programme card says after an enrolment attempt: whether it was accepted and the
 * text in Russian and English.
 *
 * @example
 * ```ts
 * import type { EnrolmentMessage } from '@eduset/widgets';
 * const message: EnrolmentMessage = { ok: true, text: { ru: 'Заявка отправлена', en: 'Request sent' } };
 * ```
 */
export interface EnrolmentMessage {
  readonly ok: boolean;
  readonly text: LocalizedText;
}

const fallbackError: LocalizedText = { ru: 'Сервер не ответил', en: 'The server did not answer' };

/**
 * `<eduset-program-navigator>` — the programme navigator for families: search and filter the
 * programme registry (direction, child's age, district, kind of funding, days), see for
 * each programme what the certificate pays and what the family pays (computed by core's
 * `previewCoPayment` from the certificate's balance) and the places left in each group, and
 * send an enrolment request. It says in plain words what «бесплатно», «доплата семьи» and
 * «свободных мест» mean, and shows the results a page at a time with «Назад / Дальше».
 *
 * With `api` the server filters and pages (`GET {api}/programmes?q=&direction=&…&offset=&limit=`,
 * only approved programmes, with the places left per group); `GET {api}/certificates/{number}/balance`
 * and `POST {api}/enrolments` check the balance and enrol; answers are validated with core's
 * schemas. Without `api`, the `programmes` and `providers` properties are filtered on the client
 * over an index built once (5 000 programmes filter while typing). Setting `age` (say, from the
 * child's certificate) narrows the list like the age field. Russian by default, English with
 * `lang="en"`.
 *
 * When a `<eduset-family-cabinet>` on the page opens (`eduset-family-signed-in`), the list
 * narrows to the child's age and the certificate is used for the prices and for enrolling.
 *
 * @tagname eduset-program-navigator
 * @summary The programme navigator: filters, co-payment preview and enrolment.
 *
 * @attr api - Base URL of the eduset API (e.g. `/api`); the programmes load when set.
 * @attr page-size - Programmes on one page (default 30).
 * @attr today - The day enrolling is priced for (`YYYY-MM-DD`; today in Moscow by default): a
 *   programme that has started is shown at its pro-rata price for the rest of its period.
 * @attr lang - `ru` (default) or `en`; inherited from ancestors and `<html lang>` when absent.
 *
 * @fires eduset-enrolment-created - The server accepted an enrolment request; `detail.contract`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart filters - The filter form.
 * @csspart certificate - The certificate form (number and birth date).
 * @csspart status - The live region (loading, errors, number found).
 * @csspart list - The list of programmes.
 * @csspart programme - One programme card.
 * @csspart payment - The co-payment preview of a programme.
 * @csspart reasons - Why the price is less than the full one: the programme has started (pro rata).
 * @csspart enrol - The enrol button of a programme.
 * @csspart pages - The page navigation (previous, page N of M, next).
 * @csspart terms - The explanation of «бесплатно», «доплата семьи», «свободных мест».
 *
 * @cssproperty --eduset-program-navigator-gap - Space between parts (default: `--eduset-spacing`).
 * @cssproperty --eduset-program-navigator-card-min-width - Narrowest card before the grid wraps (default `18em`).
 * @cssproperty --eduset-program-navigator-card-background - Card background (default: `--eduset-color-surface`).
 *
 * @example
 * ```html
 * <script type="module" src="/widgets/eduset-widgets.js"></script>
 * <eduset-program-navigator api="/api"></eduset-program-navigator>
 * ```
 */
export class EdusetProgramNavigator extends EdusetElement {
  /** The element's shadow-DOM styles; theme through `--eduset-*` and `::part`. */
  static override styles = programNavigatorStyles;

  static override properties: PropertyDeclarations = {
    api: { type: String },
    pageSize: { type: Number, attribute: 'page-size' },
    today: { type: String },
    programmes: { attribute: false },
    providers: { attribute: false },
    text: { state: true },
    direction: { state: true },
    age: { state: true },
    district: { state: true },
    fundingKind: { state: true },
    weekdays: { state: true },
    page: { state: true },
    balance: { state: true },
    balanceError: { state: true },
    messages: { state: true },
  };

  /** Base URL of the API; setting it loads the programmes. */
  declare api: string | null;
  /** Programmes shown at once. */
  declare pageSize: number;
  /** The day enrolling is priced for (`YYYY-MM-DD`). */
  declare today: string;
  /**
   * The programme registry (set directly, or let `api` load it), amounts as decimal text:
   * core's `programmeViewOf` turns a registry `Programme` into one.
   */
  declare programmes: readonly ProgrammeView[];
  /** The providers the programmes name. */
  declare providers: readonly ProviderView[];
  /** Words to search for. */
  declare text: string;
  /** The direction filter (`''` for any). */
  declare direction: Direction | '';
  /** The child's age filter. */
  declare age: number | null;
  /** The district filter (`''` for any). */
  declare district: string;
  /** The funding kind filter (`''` for any). */
  declare fundingKind: FundingKind | '';
  /** ISO weekdays checked. */
  declare weekdays: readonly number[];
  /** The page shown, from 0. */
  declare page: number;
  /** The certificate's balance, once checked. */
  declare balance: CertificateBalance | null;
  /** Why the balance could not be checked. */
  declare balanceError: LocalizedText | null;
  /** Per programme id: the answer to an enrolment attempt. */
  declare messages: ReadonlyMap<string, EnrolmentMessage>;

  private index: IndexedProgramme<ProgrammeView>[] = [];
  /** With `api`: the page the server answered, the total, places left, every district. */
  private served: {
    readonly programmes: readonly ProgrammeView[];
    readonly total: number;
    readonly placesLeft: Readonly<Record<string, number>>;
    readonly districts?: readonly string[];
  } = { programmes: [], total: 0, placesLeft: {} };
  private typing: ReturnType<typeof setTimeout> | undefined;
  private certificateNumber = '';
  private birthDate = '';
  private readonly loader = new DataLoader(this, {
    fallback: fallbackError,
    dispatchErrors: false,
  });

  constructor() {
    super();
    this.api = null;
    this.pageSize = 30;
    this.today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(new Date());
    this.programmes = [];
    this.providers = [];
    this.text = '';
    this.direction = '';
    this.age = null;
    this.district = '';
    this.fundingKind = '';
    this.weekdays = [];
    this.page = 0;
    this.balance = null;
    this.balanceError = null;
    this.messages = new Map();
  }

  private readonly onFamily = (event: Event): void => {
    const certificate = (event as CustomEvent<{ certificate?: FamilyCertificate } | null>).detail
      ?.certificate;
    // The cabinet opened: narrow to the child's age; price and enrol with its certificate.
    this.age = certificate?.age ?? null;
    this.certificateNumber = certificate?.number ?? '';
    this.birthDate = certificate?.birthDate ?? '';
    this.balance = null;
    if (certificate) void this.checkBalance();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('eduset-family-signed-in', this.onFamily);
    document.addEventListener('eduset-family-signed-out', this.onFamily);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('eduset-family-signed-in', this.onFamily);
    document.removeEventListener('eduset-family-signed-out', this.onFamily);
  }

  /** The filter in effect now, as core's `filterProgrammes` takes it. */
  get filter(): ProgrammeFilter {
    return {
      ...(this.text.trim() === '' ? {} : { text: this.text }),
      ...(this.direction === '' ? {} : { directions: [this.direction] }),
      ...(this.age === null ? {} : { age: this.age }),
      ...(this.district === '' ? {} : { districts: [this.district] }),
      ...(this.fundingKind === '' ? {} : { fundingKinds: [this.fundingKind] }),
      ...(this.weekdays.length === 0 ? {} : { weekdays: this.weekdays }),
    };
  }

  /**
   * The programmes that match the filter, in registry order (with `api`: the page the server
   * answered).
   *
   * @example
   * ```ts
   * const navigator = document.querySelector('eduset-program-navigator');
   * navigator?.found().length;
   * ```
   */
  found(): ProgrammeView[] {
    return this.api ? [...this.served.programmes] : filterProgrammes(this.index, this.filter);
  }

  /** Where loading is. */
  get loadState(): LoadState {
    return this.loader.state;
  }
  set loadState(state: LoadState) {
    this.loader.state = state;
    this.requestUpdate();
  }

  /** The last loading error. */
  get loadError(): FetchJsonError | null {
    return this.loader.error;
  }
  set loadError(error: FetchJsonError | null) {
    this.loader.error = error;
    this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('programmes') || changed.has('providers')) {
      this.index = indexProgrammes(this.programmes, this.providers);
    }
    const filtered = (
      ['text', 'direction', 'age', 'district', 'fundingKind', 'weekdays'] as const
    ).filter((key) => changed.has(key) && changed.get(key) !== undefined);
    if (filtered.length > 0 || changed.has('pageSize')) this.page = 0;
    if (!this.api) return;
    if (changed.has('api')) this.load();
    else if (filtered.length === 1 && filtered[0] === 'text') {
      // While typing, the server is asked once the person pauses.
      clearTimeout(this.typing);
      this.typing = setTimeout(() => this.load(), 250);
    } else if (filtered.length > 0 || changed.has('page') || changed.has('pageSize')) {
      this.load();
    }
  }

  /**
   * Loads the programmes from `api` again (what the retry button does).
   *
   * @example
   * ```ts
   * document.querySelector('eduset-program-navigator')?.reload();
   * ```
   */
  reload(): void {
    if (this.api) this.load();
  }

  private url(path: string): string {
    return `${(this.api ?? '').replace(/\/$/, '')}${path}`;
  }

  private load(): void {
    clearTimeout(this.typing);
    const size = Math.max(1, this.pageSize);
    const query = new URLSearchParams();
    const list = (key: string, values: readonly (string | number)[]) => {
      if (values.length > 0) query.set(key, values.join(','));
    };
    if (this.text.trim()) query.set('q', this.text.trim());
    list('direction', this.direction ? [this.direction] : []);
    list('kind', this.fundingKind ? [this.fundingKind] : []);
    list('district', this.district ? [this.district] : []);
    list('weekday', this.weekdays);
    if (this.age !== null) query.set('age', String(this.age));
    query.set('offset', String(this.page * size));
    query.set('limit', String(size));
    const url = this.url(`/programmes?${query.toString()}`);
    this.loader.load(
      url,
      (signal) => fetchJson(url, programmeListSchema, { signal }),
      (answer) => {
        this.served = {
          programmes: answer.programmes,
          total: answer.total,
          placesLeft: answer.placesLeft ?? {},
          districts: answer.districts ?? this.served.districts ?? [],
        };
        this.providers = answer.providers;
      },
    );
  }

  private async goTo(page: number): Promise<void> {
    this.page = page;
    await this.updateComplete;
    const summary = this.renderRoot.querySelector<HTMLElement>('[part="summary"]');
    summary?.focus();
    summary?.scrollIntoView?.({ block: 'start' });
  }

  private async errorText(response: Response): Promise<LocalizedText> {
    try {
      const body = (await response.json()) as { error?: { message?: LocalizedText } };
      return body.error?.message ?? fallbackError;
    } catch {
      return fallbackError;
    }
  }

  private async checkBalance(): Promise<void> {
    this.balanceError = null;
    if (!this.certificateNumber || !this.birthDate) {
      this.balanceError = {
        ru: programNavigatorTexts.ru.needCertificate,
        en: programNavigatorTexts.en.needCertificate,
      };
      return;
    }
    try {
      const response = await fetch(
        this.url(
          `/certificates/${encodeURIComponent(this.certificateNumber)}/balance?birthDate=${encodeURIComponent(this.birthDate)}`,
        ),
        { headers: { Accept: 'application/json' } },
      );
      if (!response.ok) {
        this.balance = null;
        this.balanceError = await this.errorText(response);
        return;
      }
      this.balance = certificateBalanceSchema.parse(await response.json());
    } catch {
      this.balance = null;
      this.balanceError = fallbackError;
    }
  }

  private async enrol(programme: ProgrammeView): Promise<void> {
    const say = (message: EnrolmentMessage): void => {
      this.messages = new Map(this.messages).set(programme.id, message);
    };
    if (!this.certificateNumber || !this.birthDate) {
      say({
        ok: false,
        text: {
          ru: programNavigatorTexts.ru.needCertificate,
          en: programNavigatorTexts.en.needCertificate,
        },
      });
      return;
    }
    try {
      const response = await fetch(this.url('/enrolments'), {
        method: 'POST',
        headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
        body: toJsonText({
          certificateNumber: this.certificateNumber,
          birthDate: this.birthDate,
          programmeId: programme.id,
        }),
      });
      if (!response.ok) {
        const reason = await this.errorText(response);
        say({
          ok: false,
          text: {
            ru: `${programNavigatorTexts.ru.enrolFailed}: ${reason.ru}`,
            en: `${programNavigatorTexts.en.enrolFailed}: ${reason.en}`,
          },
        });
        return;
      }
      const answer = enrolmentResponseSchema.parse(await response.json());
      this.balance = answer.balance;
      const { certificate, family } = answer.contract;
      say({
        ok: true,
        text: {
          ru: programNavigatorTexts.ru.enrolled(
            formatMoneyText(certificate, 'ru'),
            formatMoneyText(family, 'ru'),
          ),
          en: programNavigatorTexts.en.enrolled(
            formatMoneyText(certificate, 'en'),
            formatMoneyText(family, 'en'),
          ),
        },
      });
      this.dispatchEvent(new EdusetEnrolmentCreatedEvent({ contract: answer.contract }));
    } catch {
      say({ ok: false, text: fallbackError });
    }
  }

  private get texts(): ProgramNavigatorTexts {
    return programNavigatorTexts[this.language];
  }

  override render(): TemplateResult {
    const t = this.texts;
    const loading = this.loadState === 'loading';
    const failed = this.loadState === 'error';
    const size = Math.max(1, this.pageSize);
    const local = this.api ? [] : this.found();
    const total = this.api ? this.served.total : local.length;
    const pages = Math.max(1, Math.ceil(total / size));
    const page = Math.min(this.page, pages - 1);
    const shown = failed
      ? []
      : this.api
        ? this.served.programmes
        : local.slice(page * size, (page + 1) * size);
    return html`
      <div part="base" class="navigator" aria-busy=${loading ? 'true' : 'false'}>
        ${this.renderFilters(t)} ${this.renderCertificate(t)}
        <section part="terms" class="terms" aria-labelledby="terms-title">
          <h2 id="terms-title">${t.termsTitle}</h2>
          <dl>
            ${t.terms.map(
              ([term, meaning]) =>
                html`<div>
                  <dt>${term}</dt>
                  <dd>${meaning}</dd>
                </div>`,
            )}
          </dl>
        </section>
        <div part="status" class="status" aria-live="polite">
          ${loading ? html`<p>${t.loading}</p>` : nothing}
          ${failed ? this.loader.renderError(t.loadFailed, this.language) : nothing}
          ${
            // While the next page loads, the count stays (the page change moves focus to it).
            !failed && !(loading && total === 0)
              ? html`<p part="summary" tabindex="-1">
                  ${total === 0 ? t.nothingFound : t.found(total)}
                </p>`
              : nothing
          }
        </div>
        ${failed ? html`<button class="secondary" type="button" @click=${this.reload}>${t.retry}</button>` : nothing}
        <ul part="list" class="programmes">
          ${shown.map((programme) => this.renderProgramme(programme, t))}
        </ul>
        ${
          pages > 1 && !failed
            ? html`<nav part="pages" class="pages" aria-label=${t.pages}>
                <button
                  type="button"
                  ?disabled=${page === 0 || loading}
                  @click=${() => void this.goTo(page - 1)}
                >
                  ${t.previous}
                </button>
                <span aria-live="polite">${t.pageOf(page + 1, pages)}</span>
                <button
                  type="button"
                  ?disabled=${page >= pages - 1 || loading}
                  @click=${() => void this.goTo(page + 1)}
                >
                  ${t.next}
                </button>
              </nav>`
            : nothing
        }
      </div>
    `;
  }

  private renderFilters(t: ProgramNavigatorTexts): TemplateResult {
    const lang = this.language;
    const districts = this.api
      ? (this.served.districts ?? [])
      : [
          ...new Set(
            this.programmes.map((p) => p.district).filter((d): d is string => d !== undefined),
          ),
        ].sort();
    return html`
      <form
        part="filters"
        class="filters"
        role="search"
        aria-label=${t.filters}
        @submit=${(e: Event) => e.preventDefault()}
      >
        ${field({
          id: 'search',
          type: 'search',
          autocomplete: 'off',
          placeholder: t.searchHint,
          label: t.search,
          value: this.text,
          onInput: (e: Event) => {
            this.text = (e.target as HTMLInputElement).value;
          },
        })}
        ${selectField({
          id: 'direction',
          label: t.direction,
          value: this.direction,
          options: [
            { value: '', label: t.anyDirection },
            ...directions.map((d) => ({ value: d, label: localize(directionLabels[d], lang) })),
          ],
          onChange: (e: Event) => {
            this.direction = (e.target as HTMLSelectElement).value as Direction | '';
          },
        })}
        ${field({
          id: 'age',
          type: 'number',
          inputmode: 'numeric',
          min: 0,
          max: 25,
          label: t.childAge,
          value: this.age === null ? '' : String(this.age),
          onInput: (e: Event) => {
            const input = e.target as HTMLInputElement;
            const value = input.valueAsNumber;
            this.age =
              input.value === '' || !Number.isFinite(value) || value < 0 || value > 25
                ? null
                : Math.trunc(value);
          },
        })}
        ${selectField({
          id: 'district',
          label: t.district,
          value: this.district,
          options: [
            { value: '', label: t.anyDistrict },
            ...districts.map((d) => ({ value: d, label: d })),
          ],
          onChange: (e: Event) => {
            this.district = (e.target as HTMLSelectElement).value;
          },
        })}
        ${selectField({
          id: 'kind',
          label: t.fundingKind,
          value: this.fundingKind,
          options: [
            { value: '', label: t.anyFundingKind },
            ...fundingKinds.map((k) => ({ value: k, label: localize(fundingKindLabels[k], lang) })),
          ],
          onChange: (e: Event) => {
            this.fundingKind = (e.target as HTMLSelectElement).value as FundingKind | '';
          },
        })}
        ${choiceGroup({
          id: 'weekdays',
          className: 'weekdays',
          legend: t.weekdays,
          content: html`<div class="tile-row">
            ${t.weekdayNames.map((name, index) =>
              radio({
                type: 'checkbox',
                tile: true,
                name: 'weekday',
                value: String(index + 1),
                label: name,
                checked: this.weekdays.includes(index + 1),
                onChange: (e: Event) => {
                  const on = (e.target as HTMLInputElement).checked;
                  this.weekdays = on
                    ? [...this.weekdays, index + 1].sort()
                    : this.weekdays.filter((day) => day !== index + 1);
                },
              }),
            )}
          </div>`,
        })}
      </form>
    `;
  }

  private renderCertificate(t: ProgramNavigatorTexts): TemplateResult {
    const lang = this.language;
    return html`
      <form
        part="certificate"
        class="certificate"
        aria-label=${t.certificate}
        @submit=${(e: Event) => {
          e.preventDefault();
          void this.checkBalance();
        }}
      >
        ${field({
          id: 'number',
          inputmode: 'numeric',
          autocomplete: 'off',
          label: t.certificateNumber,
          value: this.certificateNumber,
          onInput: (e: Event) => {
            this.certificateNumber = (e.target as HTMLInputElement).value.trim();
          },
        })}
        ${field({
          id: 'birth-date',
          type: 'date',
          label: t.birthDate,
          hint: t.birthDateHint,
          value: this.birthDate,
          onInput: (e: Event) => {
            this.birthDate = (e.target as HTMLInputElement).value;
          },
        })}
        <button class="primary" type="submit">${t.checkBalance}</button>
        <p class="balance" aria-live="polite">
          ${
            this.balanceError
              ? html`<span class="error">${localize(this.balanceError, lang)}</span>`
              : this.balance
                ? t.balance(formatMoneyText(this.balance.available, lang))
                : t.balanceUnknown
          }
        </p>
      </form>
    `;
  }

  private renderProgramme(programme: ProgrammeView, t: ProgramNavigatorTexts): TemplateResult {
    const lang = this.language;
    const provider = findFirst(this.providers, (p) => p.id === programme.providerId);
    const known = this.balance !== null;
    const module = programme.modules[0];
    const ceiling = module?.normativeCost ?? module?.price ?? '0.00';
    // What enrolling today costs, as the contract will: pro rata once the group has started
    // (core's whole-number preview from the amounts' decimal text, the contract's formula).
    const enrolling = previewEnrolmentText({
      programme,
      today: this.today,
      ...(this.balance ? { available: this.balance.available } : {}),
    });
    const preview =
      enrolling ?? previewCoPaymentText(programme, this.balance?.available ?? ceiling);
    const price = enrolling ? enrolling.all : previewCoPaymentText(programme, ceiling).price;
    const money = (amount: string): string => formatMoneyText(amount, lang);
    const groups = programme.modules.flatMap((m) => m.groups);
    const message = this.messages.get(programme.id);
    const headingId = `p-${programme.id}`;
    const free = programme.fundingKind === 'budget';
    return html`
      <li
        part="programme"
        class="programme"
        data-programme-id=${programme.id}
        aria-labelledby=${headingId}
      >
        <h3 id=${headingId}>${programme.name}</h3>
        <dl class="details">
          ${
            provider
              ? html`<dt>${lang === 'ru' ? 'Организация' : 'Provider'}</dt>
                  <dd>${provider.name}</dd>`
              : nothing
          }
          <dt>${t.direction}</dt>
          <dd>${localize(directionLabels[programme.direction], lang)}</dd>
          <dt>${t.childAge}</dt>
          <dd>${t.ages(programme.ageFrom, programme.ageTo)}, ${t.hours(programme.hours)}</dd>
          <dt>${t.fundingKind}</dt>
          <dd>${localize(fundingKindLabels[programme.fundingKind], lang)}</dd>
          ${
            groups.length > 0
              ? html`<dt>${t.groups}</dt>
                  <dd>
                    <ul class="groups">
                      ${groups.map((group) => html`<li>${this.groupLine(group, t)}</li>`)}
                    </ul>
                  </dd>`
              : nothing
          }
        </dl>
        <dl part="payment" class="payment">
          <dt>${t.price}</dt>
          <dd>${free ? t.free : money(price)}</dd>
          ${
            programme.fundingKind === 'funded'
              ? html`<dt>${t.certificatePays}</dt>
                  <dd>
                    ${known ? money(preview.certificate) : t.upTo(money(preview.certificate))}
                  </dd>`
              : nothing
          }
          <dt>${t.familyPays}</dt>
          <dd class="family">${free ? t.free : money(preview.family)}</dd>
        </dl>
        ${
          enrolling?.proRata && !free
            ? html`<p part="reasons" class="reasons">
                ${t.proRata(enrolling.days, enrolling.groupDays, money(enrolling.fullPrice))}
              </p>`
            : nothing
        }
        <button
          class="primary"
          part="enrol"
          type="button"
          aria-label=${t.enrol(programme.name)}
          @click=${() => void this.enrol(programme)}
        >
          ${t.enrolLabel}
        </button>
        <p class=${message?.ok === false ? 'error' : 'result'} role="status">
          ${message ? localize(message.text, lang) : nothing}
        </p>
      </li>
    `;
  }

  /** A group in one line: name, days and time, and the places left when the server said. */
  private groupLine(group: ProgrammeGroupView, t: ProgramNavigatorTexts): string {
    const days = group.weekdays.map((day) => t.weekdayNames[day - 1]).join(', ');
    const time = group.time ? ` ${group.time.from}–${group.time.to}` : '';
    const left = this.api ? this.served.placesLeft[group.id] : undefined;
    const places =
      left === undefined
        ? ''
        : ` · ${left === 0 ? t.noPlaces : t.placesLeft(left, group.capacity)}`;
    return `${group.name}${days || time ? `: ${days}${time}` : ''}${places}`;
  }
}
