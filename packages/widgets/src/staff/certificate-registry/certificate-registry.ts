import type {
  CertificateCard,
  CertificateGroupSummary,
  CertificateRegistryPage,
  CertificateStepAnswer,
  LocalizedText,
  Money,
  RegistryCertificate,
} from '@eduset/core';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { EdusetElement } from '../../internal/eduset-element.js';
import { certificateRegistryStyles } from './certificate-registry.styles.js';
import {
  certificateRegistryTexts,
  type CertificateRegistryTexts,
} from './certificate-registry.texts.js';
import { OperatorDeskApi, OperatorRequestError } from './operator-desk-api.js';
import { field, selectField } from '../../internal/parts/index.js';

/**
 * What `<eduset-certificate-registry>` reports after a step on a certificate (issue, status,
 * conversion, move): the server's answer.
 *
 * @example
 * ```ts
 * import type { CertificateChangedEvent } from '@eduset/widgets/staff';
 * document.addEventListener('eduset-certificate-changed', (event: CertificateChangedEvent) => {
 *   console.log(event.detail.certificate.number, event.detail.certificate.status);
 * });
 * ```
 */
export class CertificateChangedEvent extends CustomEvent<CertificateStepAnswer> {
  constructor(detail: CertificateStepAnswer) {
    super('eduset-certificate-changed', { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'eduset-certificate-changed': CertificateChangedEvent;
  }
}

type Tone = 'info' | 'error' | 'done';
type Step = 'activate' | 'suspend' | 'resume' | 'close' | 'convert' | 'move';

const PAGE = 20;

/**
 * `<eduset-certificate-registry>` — the operator's certificate registry (реестр сертификатов):
 * finds certificates by the start of a number or words of the child's name, by status, kind
 * and group, page by page (number, the child's age, group and period, kind, status, balance);
 * opens a certificate's card (the holder, the balance in the period, its movements and
 * contracts with the parameter version each was priced with — a read recorded in the audit
 * log); issues a certificate; activates, suspends, resumes and closes one; converts record ↔
 * funded; moves one to a group of the next period. Every refusal is shown in the server's
 * words (no funded places left, money reserved, a change the status does not allow…).
 *
 * Reads and writes `{src-base}/operator/…` with the signed-in session (CSRF token of
 * `GET {src-base}/auth/csrf`); answers are validated with core's schemas. Russian by default,
 * English with `lang="en"`. Part of the staff bundle (`eduset-staff.js`).
 *
 * @tagname eduset-certificate-registry
 * @summary The operator's certificate registry: search, card, issue, status, record ↔ funded, move to the next period.
 *
 * @attr src-base - Base address of the eduset API (default `/api`).
 * @attr lang - `ru` (default) or `en`; inherited from ancestors and `<html lang>` when absent.
 *
 * @fires eduset-certificate-changed - A certificate was issued or changed; `detail` is the server's answer.
 *
 * @csspart base - The wrapper of everything.
 * @csspart status - The live region (loading, done, refusals).
 * @csspart table - The table of certificates.
 * @csspart card - The card of one certificate.
 * @csspart button - Every button.
 *
 * @cssproperty --eduset-certificate-registry-card-background - Background of the card and the issue form (default: the raised surface).
 *
 * @example
 * ```ts
 * import { EdusetCertificateRegistry } from '@eduset/widgets/staff';
 * EdusetCertificateRegistry.define('eduset-certificate-registry');
 * const registry = document.createElement('eduset-certificate-registry');
 * registry.setAttribute('src-base', '/api');
 * document.body.append(registry);
 * ```
 */
export class EdusetCertificateRegistry extends EdusetElement {
  static override styles = certificateRegistryStyles;

  static override properties: PropertyDeclarations = {
    srcBase: { type: String, attribute: 'src-base' },
    page: { state: true },
    card: { state: true },
    message: { state: true },
    problems: { state: true },
    busy: { state: true },
    issuing: { state: true },
    failed: { state: true },
  };

  /** Base address of the API (`/api`). */
  declare srcBase: string | null;
  declare private page: CertificateRegistryPage | null;
  declare private card: CertificateCard | null;
  declare private message: { text: LocalizedText; tone: Tone } | null;
  declare private problems: LocalizedText[];
  declare private busy: boolean;
  declare private issuing: boolean;
  declare private failed: boolean;

  private search = { q: '', status: '', kind: '', group: '' };
  private offset = 0;
  private closeReason: 'age-out' | 'moved-away' | 'other' = 'moved-away';
  private moveGroup = '';

  constructor() {
    super();
    this.srcBase = null;
    this.page = null;
    this.card = null;
    this.message = null;
    this.problems = [];
    this.busy = false;
    this.issuing = false;
    this.failed = false;
  }

  private get texts(): CertificateRegistryTexts {
    return certificateRegistryTexts[this.language];
  }

  private get api(): OperatorDeskApi {
    return new OperatorDeskApi(this.srcBase ?? '/api');
  }

  private words(text: LocalizedText): string {
    return this.language === 'en' ? text.en : text.ru;
  }

  private money(amount: Money): string {
    return amount.format(this.language);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  /**
   * Loads (or reloads) the current page of the registry.
   *
   * @example
   * ```ts
   * import type { EdusetCertificateRegistry } from '@eduset/widgets/staff';
   * declare const registry: EdusetCertificateRegistry;
   * await registry.load();
   * ```
   */
  async load(): Promise<void> {
    this.busy = true;
    try {
      this.page = await this.api.certificates({
        ...this.search,
        offset: this.offset,
        limit: PAGE,
      });
      this.failed = false;
      if (this.message?.tone === 'info') this.message = null;
    } catch (error) {
      this.failed = this.page === null;
      this.show(error, this.texts.loadFailed);
    } finally {
      this.busy = false;
    }
  }

  private show(error: unknown, fallback: string): void {
    if (error instanceof OperatorRequestError) {
      this.problems = error.issues.map((issue) => issue.message);
      this.message = { text: error.text, tone: 'error' };
    } else {
      this.problems = [];
      this.message = { text: { ru: fallback, en: fallback }, tone: 'error' };
    }
  }

  private say(text: string, tone: Tone = 'done'): void {
    this.problems = [];
    this.message = { text: { ru: text, en: text }, tone };
  }

  private async find(event: Event): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    this.search = {
      q: String(data.get('q') ?? ''),
      status: String(data.get('status') ?? ''),
      kind: String(data.get('kind') ?? ''),
      group: String(data.get('group') ?? ''),
    };
    this.offset = 0;
    await this.load();
  }

  private async turn(by: number): Promise<void> {
    this.offset = Math.max(0, this.offset + by);
    await this.load();
  }

  private async open(row: RegistryCertificate): Promise<void> {
    try {
      this.card = await this.api.card(row.id);
      this.moveGroup = '';
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#card-title')?.focus();
    } catch (error) {
      this.show(error, this.texts.loadFailed);
    }
  }

  private async closeCardView(): Promise<void> {
    const id = this.card?.certificate.id;
    this.card = null;
    await this.updateComplete;
    if (id !== undefined) {
      this.renderRoot.querySelector<HTMLElement>(`[data-open="${CSS.escape(id)}"]`)?.focus();
    }
  }

  private async act(action: Step, body: Record<string, string> = {}): Promise<void> {
    const card = this.card;
    if (card === null) return;
    this.busy = true;
    try {
      const answer = await this.api.step(
        card.certificate.id,
        action,
        body as Parameters<OperatorDeskApi['step']>[2],
      );
      const { lapsed, issued } = answer;
      const message =
        action !== 'move'
          ? this.texts.done[action]
          : answer.posted > 0 && lapsed !== undefined && issued !== undefined
            ? this.texts.moved(this.money(lapsed), this.money(issued))
            : this.texts.alreadyThere;
      this.dispatchEvent(new CertificateChangedEvent(answer));
      // The card is read again before the status speaks, so what is announced is on screen.
      this.card = await this.api.card(card.certificate.id);
      this.say(message);
      await this.load();
    } catch (error) {
      this.show(error, this.texts.loadFailed);
    } finally {
      this.busy = false;
    }
  }

  private async issue(event: Event): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const body: Record<string, string> = {};
    for (const [key, value] of new FormData(form).entries()) {
      if (typeof value === 'string' && value.trim() !== '') body[key] = value.trim();
    }
    this.busy = true;
    try {
      const answer = await this.api.issue(body);
      this.dispatchEvent(new CertificateChangedEvent(answer));
      this.issuing = false;
      this.say(this.texts.issued(answer.certificate.number));
      this.search = { q: answer.certificate.number, status: '', kind: '', group: '' };
      this.offset = 0;
      await this.load();
      await this.open(answer.certificate);
    } catch (error) {
      this.show(error, this.texts.invalid);
    } finally {
      this.busy = false;
    }
  }

  override render(): TemplateResult {
    const t = this.texts;
    return html`<section
      part="base"
      class="base"
      aria-labelledby="title"
      aria-busy=${this.busy ? 'true' : 'false'}
    >
      <h2 id="title">${t.title}</h2>
      <p class="muted">${t.intro}</p>
      ${this.renderStatus()}
      ${
        this.failed
          ? html`<button type="button" part="button" @click=${() => void this.load()}>
              ${t.retry}
            </button>`
          : html`${this.renderSearch()} ${this.renderTable()} ${this.renderIssue()}
            ${this.renderCard()}`
      }
    </section>`;
  }

  private renderStatus(): TemplateResult {
    const message = this.message;
    const loading = this.page === null && !this.failed;
    return html`<div
      part="status"
      class="status ${message?.tone ?? 'empty'}"
      role="status"
      aria-live="polite"
    >
      ${loading ? this.texts.loading : message === null ? nothing : this.words(message.text)}
      ${
        this.problems.length > 0
          ? html`<ul class="problems">
              ${this.problems.map((problem) => html`<li>${this.words(problem)}</li>`)}
            </ul>`
          : nothing
      }
    </div>`;
  }

  private renderSearch(): TemplateResult {
    const t = this.texts;
    const groups = this.page?.groups ?? [];
    return html`<form
      class="search"
      role="search"
      @submit=${(event: Event) => void this.find(event)}
    >
      <div class="wide">
        ${field({
          id: 'q',
          name: 'q',
          type: 'search',
          maxlength: 100,
          autocomplete: 'off',
          label: t.search,
          hint: t.searchHint,
          value: this.search.q,
        })}
      </div>
      ${selectField({
        id: 'status',
        name: 'status',
        label: t.status,
        value: this.search.status,
        options: [
          { value: '', label: t.any },
          ...(['issued', 'active', 'suspended', 'closed'] as const).map((status) => ({
            value: status,
            label: t.statuses[status],
          })),
        ],
      })}
      ${selectField({
        id: 'kind',
        name: 'kind',
        label: t.kind,
        value: this.search.kind,
        options: [
          { value: '', label: t.any },
          ...(['record', 'funded'] as const).map((kind) => ({ value: kind, label: t.kinds[kind] })),
        ],
      })}
      ${selectField({
        id: 'group',
        name: 'group',
        label: t.group,
        value: this.search.group,
        options: [
          { value: '', label: t.any },
          ...groups.map((group) => ({ value: group.id, label: this.groupLabel(group) })),
        ],
      })}
      <button type="submit" part="button" class="primary" ?disabled=${this.busy}>${t.find}</button>
    </form>`;
  }

  private groupLabel(group: CertificateGroupSummary): string {
    return `${group.period.id} · ${group.name}`;
  }

  private date(iso: string): string {
    return new Intl.DateTimeFormat(this.language === 'en' ? 'en-GB' : 'ru-RU', {
      dateStyle: 'long',
      timeZone: 'UTC',
    }).format(new Date(`${iso}T00:00:00Z`));
  }

  private renderTable(): TemplateResult | typeof nothing {
    const page = this.page;
    if (page === null) return nothing;
    const t = this.texts;
    const from = page.total === 0 ? 0 : page.offset + 1;
    const to = page.offset + page.certificates.length;
    return html`<p class="found">
        ${t.found(page.total)}${page.total > 0 ? html`, ${t.shown(from, to)}` : nothing}
      </p>
      ${
        page.certificates.length === 0
          ? html`<p>${t.nothing}</p>`
          : html`<div>
              <table part="table" class="table">
                <caption class="visually-hidden">
                  ${t.caption}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">${t.columns.number}</th>
                    <th scope="col">${t.columns.child}</th>
                    <th scope="col">${t.columns.age}</th>
                    <th scope="col">${t.columns.group}</th>
                    <th scope="col">${t.columns.kind}</th>
                    <th scope="col">${t.columns.status}</th>
                    <th scope="col">${t.columns.available}</th>
                  </tr>
                </thead>
                <tbody>
                  ${page.certificates.map((row) => this.renderRow(row))}
                </tbody>
              </table>
            </div>`
      }
      <div class="pager">
        <button
          type="button"
          part="button"
          ?disabled=${this.busy || page.offset === 0}
          @click=${() => void this.turn(-PAGE)}
        >
          ${t.previous}
        </button>
        <button
          type="button"
          part="button"
          ?disabled=${this.busy || to >= page.total}
          @click=${() => void this.turn(PAGE)}
        >
          ${t.next}
        </button>
      </div>`;
  }

  private renderRow(row: RegistryCertificate): TemplateResult {
    const t = this.texts;
    return html`<tr>
      <td data-label=${t.columns.number}>
        <button
          type="button"
          part="button"
          class="link nowrap"
          data-open=${row.id}
          aria-label=${t.open(row.number)}
          @click=${() => void this.open(row)}
        >
          ${row.number}
        </button>
      </td>
      <td data-label=${t.columns.child}>${row.childName ?? '—'}</td>
      <td data-label=${t.columns.age} class="nowrap">${t.years(row.age)}</td>
      <td data-label=${t.columns.group}>${row.groupName}, ${row.period}</td>
      <td data-label=${t.columns.kind}>${t.kinds[row.kind]}</td>
      <td data-label=${t.columns.status}>${t.statuses[row.status]}</td>
      <td data-label=${t.columns.available}>
        <span class="nowrap">${this.money(row.balance.available)}</span>
        <span class="hint">${t.of(this.money(row.balance.nominal))}</span>
      </td>
    </tr>`;
  }

  private renderIssue(): TemplateResult {
    const t = this.texts;
    if (!this.issuing) {
      return html`<p>
        <button
          type="button"
          part="button"
          class="primary"
          @click=${async () => {
            this.issuing = true;
            await this.updateComplete;
            this.renderRoot.querySelector<HTMLElement>('#issue-title')?.focus();
          }}
        >
          ${t.issueOpen}
        </button>
      </p>`;
    }
    const groups = this.page?.groups ?? [];
    const today = this.page?.today ?? '';
    const open = groups.filter((group) => today === '' || group.period.end >= today);
    const input = (
      name: string,
      label: string,
      type: 'text' | 'date' | 'tel' | 'email',
      options: { required?: boolean } = {},
    ) =>
      field({
        id: `issue-${name}`,
        name,
        type,
        required: options.required ?? false,
        autocomplete: 'off',
        label: options.required ? label : html`${label} <span class="hint">(${t.optional})</span>`,
        value: '',
      });
    return html`<form
      class="panel"
      aria-labelledby="issue-title"
      @submit=${(event: Event) => void this.issue(event)}
    >
      <h3 id="issue-title" tabindex="-1">${t.issueTitle}</h3>
      <p class="muted">${t.issueHint}</p>
      <div class="grid">
        ${selectField({
          id: 'issue-group',
          name: 'groupId',
          required: true,
          label: t.group,
          value: open[0]?.id ?? '',
          options: open.map((group) => ({ value: group.id, label: this.groupLabel(group) })),
        })}
        ${input('childName', t.childName, 'text', { required: true })}
        ${input('birthDate', t.birthDate, 'date', { required: true })}
        ${input('parentName', t.parentName, 'text')} ${input('phone', t.phone, 'tel')}
        ${input('email', t.email, 'email')} ${input('address', t.address, 'text')}
      </div>
      <div class="actions">
        <button type="submit" part="button" class="primary" ?disabled=${this.busy}>
          ${t.issue}
        </button>
        <button type="button" part="button" @click=${() => (this.issuing = false)}>
          ${t.cancel}
        </button>
      </div>
    </form>`;
  }

  private renderCard(): TemplateResult | typeof nothing {
    const card = this.card;
    if (card === null) return nothing;
    const t = this.texts;
    const row = card.certificate;
    const holder = card.holder;
    const groups = this.page?.groups ?? [];
    const current = groups.find((group) => group.id === row.groupId);
    const later = groups.filter(
      (group) => current !== undefined && group.period.start > current.period.end,
    );
    const dl = (pairs: readonly (readonly [string, string | undefined])[]) =>
      html`<dl>
        ${pairs
          .filter((pair): pair is readonly [string, string] => pair[1] !== undefined)
          .map(
            ([term, value]) =>
              html`<div>
                <dt>${term}</dt>
                <dd>${value}</dd>
              </div>`,
          )}
      </dl>`;
    return html`<section part="card" class="panel card" aria-labelledby="card-title">
      <div class="card-head">
        <h3 id="card-title" tabindex="-1">${t.cardTitle(row.number)}</h3>
        <button type="button" part="button" @click=${() => void this.closeCardView()}>
          ${t.closeCard}
        </button>
      </div>
      <h4>${t.holder}</h4>
      ${
        holder === null
          ? html`<p class="muted">${t.noHolder}</p>`
          : dl([
              [t.childName, holder.childName],
              [t.birthDate, this.date(holder.birthDate)],
              [t.parentName, holder.parentName],
              [t.phone, holder.phone],
              [t.email, holder.email],
              [t.address, holder.address],
            ])
      }
      ${dl([
        [t.group, row.groupName],
        [t.period, row.period],
        [t.kind, t.kinds[row.kind]],
        [t.status, t.statuses[row.status]],
        [
          t.fundedPlacesTerm,
          current === undefined
            ? undefined
            : t.fundedPlaces(current.fundedCount, current.fundedPlaces),
        ],
      ])}
      <h4>${t.balance}</h4>
      ${dl([
        [t.nominal, this.money(row.balance.nominal)],
        [t.availableNow, this.money(row.balance.available)],
        [t.reserved, this.money(row.balance.reserved)],
        [t.spent, this.money(row.balance.spent)],
      ])}
      <h4>${t.actions}</h4>
      ${this.renderActions(row, later)}
      <h4>${t.contracts}</h4>
      ${
        card.contracts.length === 0
          ? html`<p class="muted">${t.noContracts}</p>`
          : html`<ul class="lines">
              ${card.contracts.map(
                (contract) =>
                  html`<li>
                    ${t.contractLine(
                      contract.programmeName,
                      t.contractStatuses[contract.status] ?? contract.status,
                      this.money(contract.certificate),
                      this.money(contract.family),
                    )}
                    <span class="hint">${t.pricedWith(contract.parametersVersion)}</span>
                  </li>`,
              )}
            </ul>`
      }
      <h4>${t.movements}</h4>
      <ul class="lines">
        ${card.movements.map(
          (movement) =>
            html`<li>
              ${movement.period}: ${t.movementKinds[movement.kind]} ${this.money(movement.amount)}
            </li>`,
        )}
      </ul>
    </section>`;
  }

  private renderActions(
    row: RegistryCertificate,
    later: readonly CertificateGroupSummary[],
  ): TemplateResult {
    const t = this.texts;
    const button = (label: string, run: () => void, extra = '') =>
      html`<button type="button" part="button" class=${extra} ?disabled=${this.busy} @click=${run}>
        ${label}
      </button>`;
    const open = row.status !== 'closed';
    return html`<div class="actions">
        ${row.status === 'issued' ? button(t.activate, () => void this.act('activate'), 'primary') : nothing}
        ${row.status === 'active' ? button(t.suspend, () => void this.act('suspend')) : nothing}
        ${row.status === 'suspended' ? button(t.resume, () => void this.act('resume'), 'primary') : nothing}
        ${
          row.kind === 'record' && row.status === 'active'
            ? button(t.toFunded, () => void this.act('convert', { to: 'funded' }))
            : nothing
        }
        ${row.kind === 'funded' ? button(t.toRecord, () => void this.act('convert', { to: 'record' })) : nothing}
      </div>
      <p class="hint">${t.conversionHint}</p>
      ${
        open
          ? html`<div class="inline-form">
              ${selectField({
                id: 'close-reason',
                label: t.closeReason,
                value: this.closeReason,
                options: (['moved-away', 'age-out', 'other'] as const).map((reason) => ({
                  value: reason,
                  label: t.closeReasons[reason],
                })),
                onChange: (event: Event) => {
                  this.closeReason = (event.target as HTMLSelectElement)
                    .value as typeof this.closeReason;
                },
              })}
              ${button(t.close, () => void this.act('close', { reason: this.closeReason }), 'danger')}
            </div>`
          : nothing
      }
      ${
        open
          ? later.length === 0
            ? html`<p class="hint">${t.noLaterGroup}</p>`
            : html`<div class="inline-form">
                  ${selectField({
                    id: 'move-to',
                    label: t.moveTo,
                    value: this.moveGroup || (later[0]?.id ?? ''),
                    options: later.map((group) => ({
                      value: group.id,
                      label: this.groupLabel(group),
                    })),
                    onChange: (event: Event) => {
                      this.moveGroup = (event.target as HTMLSelectElement).value;
                    },
                  })}
                  ${button(
                    t.move,
                    () =>
                      void this.act('move', { groupId: this.moveGroup || (later[0]?.id ?? '') }),
                  )}
                </div>
                <p class="hint">${t.moveHint}</p>`
          : nothing
      }`;
  }
}
