import {
  certificateApplicationCreatedSchema,
  certificateApplicationStatusLabels,
  certificateApplicationViewSchema,
  certificateStatusLabels,
  contractStatusLabels,
  familyCertificateSchema,
  familyChangeSchema,
  familyContractListSchema,
  familySessionSchema,
  formatMoneyText,
  localize,
  type CertificateApplicationView,
  type FamilyCertificate,
  type FamilyContract,
  type Lang,
  type LocalizedText,
} from '@eduset/core';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { EdusetElement } from '../internal/eduset-element.js';
import { familyCabinetStyles } from './family-cabinet.styles.js';
import { familyCabinetTexts, type FamilyCabinetTexts } from './family-cabinet.texts.js';
import { toJsonText } from '../internal/own.js';
import { card, checkbox, disclosure, field } from '../internal/parts/index.js';

/**
 * `eduset-family-signed-in`: the family opened its cabinet (or its certificate changed);
 * `detail.certificate` is the certificate with the child's birth date and age — the
 * programme navigator on the page narrows its list to that age and enrols with it.
 *
 * @example
 * ```ts
 * document.addEventListener('eduset-family-signed-in', (event) => console.log(event.detail.certificate.age));
 * ```
 */
export class EdusetFamilySignedInEvent extends CustomEvent<{
  readonly certificate: FamilyCertificate;
}> {
  constructor(detail: { readonly certificate: FamilyCertificate }) {
    super('eduset-family-signed-in', { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'eduset-family-signed-in': EdusetFamilySignedInEvent;
    'eduset-family-signed-out': CustomEvent;
  }
}

/** A civil date (`YYYY-MM-DD`) or a month (`YYYY-MM`) in the reader's language. */
function dateText(value: string, lang: Lang): string {
  const month = value.length === 7;
  return new Intl.DateTimeFormat(lang, {
    ...(month ? {} : { day: 'numeric' }),
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${month ? `${value}-01` : value}T00:00:00Z`));
}

/** A message in the live region: what happened, in both languages. */
interface Said {
  readonly text: LocalizedText;
  readonly error: boolean;
}

/** The consent text the server serves (`GET /api/consent`). */
interface Consent {
  readonly version: string;
  readonly text: LocalizedText;
}

type Answer<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly code: string; readonly text: LocalizedText };

const failedText = (t: FamilyCabinetTexts, lang: 'ru' | 'en'): LocalizedText =>
  lang === 'ru'
    ? { ru: t.failed, en: familyCabinetTexts.en.failed }
    : { ru: familyCabinetTexts.ru.failed, en: t.failed };

/**
 * `<eduset-family-cabinet>` — the family's cabinet of personalized financing: the family
 * opens it with the certificate number and the child's birth date and sees the certificate's
 * status and balance, each request and contract with its monthly schedule — what the
 * certificate pays, what the family pays, what was paid — and, in plain words, why an amount
 * is cut (a programme joined after it started is paid pro rata, the certificate pays at most
 * the normative cost and what is left on it, a contract ended early). It withdraws a request
 * before the provider accepts it, ends a contract from next month, activates an issued
 * certificate. A family without a certificate applies for one here and later checks the
 * decision with the application's number and code (also from the page address
 * `#application=<number>&code=<code>`).
 *
 * The session's token stays in the element's memory only and travels in the
 * `Authorization` header, never in an address. When the cabinet opens it fires
 * `eduset-family-signed-in` with the certificate (a `<eduset-program-navigator>` on the page
 * then narrows to the child's age and enrols with the certificate), and it reloads the
 * contracts after the navigator's `eduset-enrolment-created`.
 *
 * @tagname eduset-family-cabinet
 * @summary The family's cabinet: certificate, contracts with reasons, application.
 *
 * @attr api - Base URL of the eduset API (e.g. `/api`).
 * @attr lang - `ru` (default) or `en`; inherited from ancestors and `<html lang>` when absent.
 *
 * @fires eduset-family-signed-in - The cabinet opened; `detail.certificate`.
 * @fires eduset-family-signed-out - The cabinet closed (a `CustomEvent` without detail): forget the certificate.
 *
 * @csspart base - The wrapper of everything.
 * @csspart status - The live region (what happened, errors).
 * @csspart sign-in - The sign-in form.
 * @csspart certificate - The certificate with its balance.
 * @csspart contract - One request or contract.
 * @csspart reasons - Why an amount of a contract is cut.
 * @csspart schedule - A contract's months.
 * @csspart apply - The application form.
 * @csspart check - The form to check an application.
 *
 * @cssproperty --eduset-family-cabinet-gap - Space between parts (default: `--eduset-spacing`).
 *
 * @example
 * ```html
 * <script type="module" src="/widgets/eduset-widgets.js"></script>
 * <eduset-family-cabinet api="/api"></eduset-family-cabinet>
 * <eduset-program-navigator api="/api"></eduset-program-navigator>
 * ```
 */
export class EdusetFamilyCabinet extends EdusetElement {
  /** The element's shadow-DOM styles; theme through `--eduset-*` and `::part`. */
  static override styles = familyCabinetStyles;

  static override properties: PropertyDeclarations = {
    api: { type: String },
    certificate: { state: true },
    contracts: { state: true },
    said: { state: true },
    busy: { state: true },
    ending: { state: true },
    consent: { state: true },
    created: { state: true },
    application: { state: true },
  };

  /** Base URL of the API. */
  declare api: string | null;
  /** The certificate, once the cabinet is open. */
  declare certificate: FamilyCertificate | null;
  /** The certificate's requests and contracts, newest first. */
  declare contracts: readonly FamilyContract[];
  /** @internal What the live region says. */
  declare said: Said | null;
  /** A request is on its way. */
  declare busy: boolean;
  /** The contract whose ending waits for the family's confirmation. */
  declare ending: string | null;
  /** @internal The consent text, once loaded. */
  declare consent: Consent | null;
  /** The application just sent: its number and code. */
  declare created: { readonly id: string; readonly code: string } | null;
  /** The application checked, with its code. */
  declare application: { readonly view: CertificateApplicationView; readonly code: string } | null;

  private token: string | null = null;
  private readonly onEnrolled = (): void => void this.refresh();

  constructor() {
    super();
    this.api = null;
    this.certificate = null;
    this.contracts = [];
    this.said = null;
    this.busy = false;
    this.ending = null;
    this.consent = null;
    this.created = null;
    this.application = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('eduset-enrolment-created', this.onEnrolled);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('eduset-enrolment-created', this.onEnrolled);
  }

  protected override firstUpdated(): void {
    const link = new URLSearchParams(location.hash.replace(/^#/, ''));
    const id = link.get('application');
    const code = link.get('code');
    if (id && code) void this.checkApplication(id, code);
  }

  private get texts(): FamilyCabinetTexts {
    return familyCabinetTexts[this.language];
  }

  /** One request of the API: its validated answer, or the server's words and error code. */
  private async call<T>(
    method: string,
    path: string,
    schema: { parse(input: unknown): T },
    body?: unknown,
    bearer: string | null = this.token,
  ): Promise<Answer<T>> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (bearer !== null) headers.Authorization = `Bearer ${bearer}`;
    try {
      const response = await fetch(`${(this.api ?? '').replace(/\/$/, '')}${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body: toJsonText(body) }),
      });
      const json: unknown = response.status === 204 ? null : await response.json();
      if (response.ok) return { ok: true, value: schema.parse(json) };
      const error = (json as { error?: { code?: string; message?: LocalizedText } } | null)?.error;
      return {
        ok: false,
        code: error?.code ?? '',
        text: error?.message ?? failedText(this.texts, this.language),
      };
    } catch {
      return { ok: false, code: '', text: failedText(this.texts, this.language) };
    }
  }

  /** Runs one request at a time, saying what went wrong; an ended session closes the cabinet. */
  private async run<T>(work: () => Promise<Answer<T>>, done: (value: T) => void): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.said = null;
    try {
      const answer = await work();
      if (answer.ok) {
        done(answer.value);
        return;
      }
      if (answer.code === 'family-session-ended') this.close();
      this.said = { text: answer.text, error: true };
    } finally {
      this.busy = false;
    }
  }

  private form(event: Event): Record<string, string> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    return Object.fromEntries(
      [...data.entries()].map(([key, value]) => [key, String(value).trim()]),
    );
  }

  private async signIn(event: Event): Promise<void> {
    const { number = '', birthDate = '' } = this.form(event);
    await this.run(
      () =>
        this.call('POST', '/family/session', familySessionSchema, {
          certificateNumber: number,
          birthDate,
        }),
      (session) => {
        this.token = session.token;
        this.opened(session.certificate);
        void this.loadContracts();
      },
    );
  }

  private opened(certificate: FamilyCertificate): void {
    this.certificate = certificate;
    this.dispatchEvent(new EdusetFamilySignedInEvent({ certificate }));
  }

  private close(): void {
    this.token = null;
    this.certificate = null;
    this.contracts = [];
    this.ending = null;
    this.dispatchEvent(
      new CustomEvent('eduset-family-signed-out', { bubbles: true, composed: true }),
    );
  }

  private async signOut(): Promise<void> {
    const token = this.token;
    this.close();
    this.said = null;
    await this.call('DELETE', '/family/session', { parse: () => null }, undefined, token);
  }

  private async loadContracts(): Promise<void> {
    const answer = await this.call('GET', '/family/contracts', familyContractListSchema);
    if (answer.ok) this.contracts = answer.value.contracts;
    else this.said = { text: answer.text, error: true };
  }

  /**
   * Reads the certificate and the contracts again (after an enrolment elsewhere on the page).
   *
   * @example
   * ```ts
   * await document.querySelector('eduset-family-cabinet')?.refresh();
   * ```
   */
  async refresh(): Promise<void> {
    if (this.token === null) return;
    await this.run(
      () => this.call('GET', '/family/certificate', familyCertificateSchema),
      (certificate) => {
        this.opened(certificate);
        void this.loadContracts();
      },
    );
  }

  private async activate(): Promise<void> {
    await this.run(
      () => this.call('POST', '/family/certificate/activate', familyCertificateSchema),
      (certificate) => this.opened(certificate),
    );
  }

  private async change(contract: FamilyContract, change: 'withdraw' | 'end'): Promise<void> {
    await this.run(
      () =>
        this.call(
          'POST',
          `/family/contracts/${encodeURIComponent(contract.id)}/${change}`,
          familyChangeSchema,
        ),
      (answer) => {
        this.ending = null;
        this.opened(answer.certificate);
        this.contracts = this.contracts.map((c) => (c.id === contract.id ? answer.contract : c));
        const key = change === 'withdraw' ? 'withdrawn' : 'ended';
        this.said = {
          text: { ru: familyCabinetTexts.ru[key], en: familyCabinetTexts.en[key] },
          error: false,
        };
      },
    );
  }

  private async loadConsent(): Promise<void> {
    if (this.consent !== null) return;
    const answer = await this.call('GET', '/consent', {
      parse: (input: unknown) => input as Consent,
    });
    if (answer.ok && typeof answer.value?.version === 'string') this.consent = answer.value;
  }

  private async apply(event: Event): Promise<void> {
    const form = event.target as HTMLFormElement;
    const fields = this.form(event);
    await this.run(
      () =>
        this.call('POST', '/certificate-applications', certificateApplicationCreatedSchema, {
          childName: fields.childName,
          birthDate: fields.childBirthDate,
          address: fields.address,
          email: fields.email,
          consentVersion: this.consent?.version ?? '',
          personalDataConsent: fields.consent === 'on',
        }),
      (created) => {
        form.reset();
        this.created = { id: created.application.id, code: created.code };
        this.application = { view: created.application, code: created.code };
      },
    );
  }

  private async checkApplication(id: string, code: string): Promise<void> {
    await this.run(
      () =>
        this.call(
          'GET',
          `/certificate-applications/${encodeURIComponent(id)}`,
          certificateApplicationViewSchema,
          undefined,
          code,
        ),
      (view) => {
        this.application = { view, code };
      },
    );
  }

  private async withdrawApplication(): Promise<void> {
    const checked = this.application;
    if (checked === null) return;
    await this.run(
      () =>
        this.call(
          'POST',
          `/certificate-applications/${encodeURIComponent(checked.view.id)}/withdraw`,
          certificateApplicationViewSchema,
          undefined,
          checked.code,
        ),
      (view) => {
        this.application = { view, code: checked.code };
      },
    );
  }

  override render(): TemplateResult {
    const lang = this.language;
    return html`
      <div part="base" class="cabinet" aria-busy=${this.busy ? 'true' : 'false'}>
        <p part="status" class=${this.said?.error ? 'status error' : 'status'} role="status">
          ${this.said ? localize(this.said.text, lang) : nothing}
        </p>
        ${this.certificate ? this.renderCabinet(this.certificate) : this.renderDoor()}
      </div>
    `;
  }

  private renderDoor(): TemplateResult {
    const t = this.texts;
    return html`
      <section aria-labelledby="sign-in-title">
        <h2 id="sign-in-title">${t.signInTitle}</h2>
        <form part="sign-in" @submit=${(e: Event) => void this.signIn(e)}>
          ${field({
            id: 'number',
            name: 'number',
            label: t.number,
            inputmode: 'numeric',
            autocomplete: 'off',
            required: true,
            pattern: '[0-9]{6,12}',
            value: '',
          })}
          ${field({
            id: 'birth-date',
            name: 'birthDate',
            type: 'date',
            label: t.birthDate,
            required: true,
            value: '',
          })}
          <button class="primary" type="submit" ?disabled=${this.busy}>${t.signIn}</button>
        </form>
      </section>
      ${this.renderApplication(t)}
    `;
  }

  private renderApplication(t: FamilyCabinetTexts): TemplateResult {
    const lang = this.language;
    const checked = this.application;
    const created = this.created;
    const link = created
      ? `${location.pathname}#application=${encodeURIComponent(created.id)}&code=${encodeURIComponent(created.code)}`
      : '';
    return html`
      <section aria-labelledby="apply-title">
        <h2 id="apply-title">${t.applyTitle}</h2>
        ${
          created
            ? card(
                html`<p><strong>${t.applied(created.id)}</strong></p>
                  <p>${t.code}: <code>${created.code}</code></p>
                  <p>${t.keepCode}</p>
                  <p><a href=${link}>${t.link}</a></p>`,
                'accent',
              )
            : disclosure(
                t.applyHint,
                html`<form part="apply" @submit=${(e: Event) => void this.apply(e)}>
                  ${field({
                    id: 'child-name',
                    name: 'childName',
                    label: t.childName,
                    required: true,
                    autocomplete: 'off',
                    maxlength: 200,
                    value: '',
                  })}
                  ${field({
                    id: 'child-birth-date',
                    name: 'childBirthDate',
                    type: 'date',
                    label: t.birthDate,
                    required: true,
                    value: '',
                  })}
                  ${field({
                    id: 'address',
                    name: 'address',
                    label: t.address,
                    required: true,
                    autocomplete: 'street-address',
                    maxlength: 300,
                    value: '',
                  })}
                  ${field({
                    id: 'email',
                    name: 'email',
                    type: 'email',
                    label: t.email,
                    required: true,
                    autocomplete: 'email',
                    value: '',
                  })}
                  ${
                    this.consent
                      ? disclosure(t.consentText, html`<p>${localize(this.consent.text, lang)}</p>`)
                      : nothing
                  }
                  ${checkbox({
                    id: 'consent',
                    name: 'consent',
                    label: t.consent,
                    required: true,
                    checked: false,
                  })}
                  <button class="primary" type="submit" ?disabled=${this.busy || !this.consent}>
                    ${t.send}
                  </button>
                </form>`,
                false,
                () => void this.loadConsent(),
              )
        }
        <form
          part="check"
          aria-labelledby="check-title"
          @submit=${(e: Event) => {
            const { id = '', code = '' } = this.form(e);
            void this.checkApplication(id, code);
          }}
        >
          <h3 id="check-title">${t.checkTitle}</h3>
          ${field({
            id: 'reference',
            name: 'id',
            label: t.reference,
            required: true,
            autocomplete: 'off',
            value: checked?.view.id ?? '',
          })}
          ${field({
            id: 'code',
            name: 'code',
            label: t.code,
            required: true,
            autocomplete: 'off',
            value: checked?.code ?? '',
          })}
          <button class="primary" type="submit" ?disabled=${this.busy}>${t.check}</button>
        </form>
        ${
          checked
            ? html`<dl class="facts">
                  <dt>${t.reference}</dt>
                  <dd>${checked.view.id}</dd>
                  <dt>${t.status}</dt>
                  <dd>
                    ${localize(certificateApplicationStatusLabels[checked.view.status], lang)}
                  </dd>
                </dl>
                ${checked.view.refusalReason ? html`<p>${t.refusal(checked.view.refusalReason)}</p>` : nothing}
                ${checked.view.certificateNumber ? html`<p>${t.issued(checked.view.certificateNumber)}</p>` : nothing}
                ${
                  checked.view.status === 'submitted'
                    ? html`<button
                        type="button"
                        ?disabled=${this.busy}
                        @click=${() => void this.withdrawApplication()}
                      >
                        ${t.withdrawApplication}
                      </button>`
                    : nothing
                }`
            : nothing
        }
      </section>
    `;
  }

  private renderCabinet(certificate: FamilyCertificate): TemplateResult {
    const t = this.texts;
    const lang = this.language;
    const date = (value: string) => dateText(value, lang);
    const { balance } = certificate;
    return html`
      <section part="certificate" class="card" aria-labelledby="certificate-title">
        <h2 id="certificate-title">${t.certificate(certificate.number)}</h2>
        <p>
          ${localize(certificateStatusLabels[certificate.status], lang)},
          ${certificate.kind === 'funded' ? t.kindFunded : t.kindRecord} · ${t.age(certificate.age)}
          · ${t.dates(date(certificate.period.start), date(certificate.period.end))}
        </p>
        <dl class="facts">
          <dt>${t.available}</dt>
          <dd class="strong">${formatMoneyText(balance.available, lang)}</dd>
          <dt>${t.reserved}</dt>
          <dd>${formatMoneyText(balance.reserved, lang)}</dd>
          <dt>${t.spent}</dt>
          <dd>${formatMoneyText(balance.spent, lang)}</dd>
          <dt>${t.nominal}</dt>
          <dd>${formatMoneyText(balance.nominal, lang)}</dd>
        </dl>
        ${
          certificate.status === 'issued'
            ? html`<button
                class="primary"
                type="button"
                ?disabled=${this.busy}
                @click=${() => void this.activate()}
              >
                ${t.activate}
              </button>`
            : nothing
        }
        <button type="button" @click=${() => void this.signOut()}>${t.signOut}</button>
      </section>
      <section aria-labelledby="contracts-title">
        <h2 id="contracts-title">${t.contracts}</h2>
        ${
          this.contracts.length === 0
            ? html`<p>${t.none}</p>`
            : html`<ul class="contracts">
                ${this.contracts.map((contract) => this.renderContract(contract, t))}
              </ul>`
        }
      </section>
    `;
  }

  private renderContract(contract: FamilyContract, t: FamilyCabinetTexts): TemplateResult {
    const lang = this.language;
    const date = (value: string) => dateText(value, lang);
    const heading = `c-${contract.id}`;
    const withdrawn = contract.status === 'refused' && contract.closedBy === 'family';
    const status = withdrawn
      ? t.withdrawnRequest
      : localize(contractStatusLabels[contract.status], lang);
    return html`
      <li part="contract" class="card" aria-labelledby=${heading}>
        <h3 id=${heading}>${contract.programmeName}</h3>
        <p>
          ${contract.providerName}, ${contract.groupName} · ${t.status}:
          <strong>${status}</strong> · ${t.dates(date(contract.start), date(contract.end))}
        </p>
        <dl class="facts">
          <dt>${t.total}</dt>
          <dd>${formatMoneyText(contract.all, lang)}</dd>
          <dt>${t.certificatePays}</dt>
          <dd>${formatMoneyText(contract.certificate, lang)}</dd>
          <dt>${t.familyPays}</dt>
          <dd class="strong">${formatMoneyText(contract.family, lang)}</dd>
        </dl>
        ${
          contract.reasons.length > 0
            ? html`<ul part="reasons" class="reasons">
                ${contract.reasons.map((reason) => html`<li>${localize(reason, lang)}</li>`)}
              </ul>`
            : nothing
        }
        ${contract.months.length > 0 ? this.renderMonths(contract, t) : nothing}
        ${
          contract.canWithdraw
            ? html`<button
                type="button"
                ?disabled=${this.busy}
                @click=${() => void this.change(contract, 'withdraw')}
              >
                ${t.withdraw}
              </button>`
            : nothing
        }
        ${
          contract.canEnd && this.ending !== contract.id
            ? html`<button
                type="button"
                @click=${() => {
                  this.ending = contract.id;
                }}
              >
                ${t.end}
              </button>`
            : nothing
        }
        ${
          contract.canEnd && this.ending === contract.id
            ? html`<div class="card accent" role="group" aria-label=${t.end}>
                <p>${t.endConfirm}</p>
                <button
                  type="button"
                  ?disabled=${this.busy}
                  @click=${() => void this.change(contract, 'end')}
                >
                  ${t.yesEnd}
                </button>
                <button
                  type="button"
                  @click=${() => {
                    this.ending = null;
                  }}
                >
                  ${t.keep}
                </button>
              </div>`
            : nothing
        }
      </li>
    `;
  }

  private renderMonths(contract: FamilyContract, t: FamilyCabinetTexts): TemplateResult {
    const lang = this.language;
    const notes = contract.months.flatMap((month) => (month.note ? [month.note] : []));
    return html`
      <div part="schedule" class="schedule">
        <table class="table" aria-label=${contract.programmeName}>
          <thead>
            <tr>
              <th scope="col">${t.month}</th>
              <th scope="col" class="num">${t.certificatePays}</th>
              <th scope="col" class="num">${t.familyPays}</th>
              <th scope="col" class="num">${t.paid}</th>
            </tr>
          </thead>
          <tbody>
            ${contract.months.map(
              (month) =>
                html`<tr>
                  <th scope="row">${dateText(month.month, lang)}</th>
                  <td class="num" data-label=${t.certificatePays}>
                    ${formatMoneyText(month.certificate, lang)}
                  </td>
                  <td class="num" data-label=${t.familyPays}>
                    ${formatMoneyText(month.family, lang)}
                  </td>
                  <td class="num" data-label=${t.paid}>${formatMoneyText(month.paid, lang)}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${notes.map((note) => html`<p class="hint">${localize(note, lang)}</p>`)}
    `;
  }
}
