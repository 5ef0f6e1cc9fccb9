import {
  formatBillingMonth,
  type ContractSettlement,
  type LocalizedText,
  type Money,
  type ProviderSettlement,
  type SettlementAdjustmentView,
  type SettlementMonth,
  type SettlementMonthList,
  type SettlementPreview,
} from '@eduset/core';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { EdusetElement } from '../../internal/eduset-element.js';
import { payerDeskStyles } from './payer-desk.styles.js';
import { payerDeskTexts, type PayerDeskTexts } from './payer-desk.texts.js';
import { SettlementApi, SettlementRequestError } from './settlement-api.js';
import { field } from '../../internal/parts/index.js';

/**
 * What `<eduset-payer-desk>` did to a month, as its `eduset-settlement-change` event tells:
 * approved, paid, closed, or corrected (an adjustment made for a paid month).
 *
 * @example
 * ```ts
 * import type { SettlementChange } from '@eduset/widgets/staff';
 * const change: SettlementChange = 'paid';
 * ```
 */
export type SettlementChange = 'approved' | 'paid' | 'closed' | 'corrected';

/**
 * The detail of {@link EdusetSettlementChangeEvent}: the month, what was done and whether the
 * request changed anything (`false` when the step had already been done).
 *
 * @example
 * ```ts
 * import type { EdusetSettlementChangeDetail } from '@eduset/widgets/staff';
 * const detail: EdusetSettlementChangeDetail = { month: '2026-10', change: 'paid', changed: true };
 * ```
 */
export interface EdusetSettlementChangeDetail {
  readonly month: string;
  readonly change: SettlementChange;
  readonly changed: boolean;
}

/**
 * Fired by `<eduset-payer-desk>` once the server has accepted a step of a month. Bubbles and
 * crosses shadow roots (`composed`).
 *
 * @example
 * ```ts
 * document.addEventListener('eduset-settlement-change', (event) => {
 *   console.log(event.detail.month, event.detail.change);
 * });
 * ```
 */
export class EdusetSettlementChangeEvent extends CustomEvent<EdusetSettlementChangeDetail> {
  constructor(detail: EdusetSettlementChangeDetail) {
    super('eduset-settlement-change', { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'eduset-settlement-change': EdusetSettlementChangeEvent;
  }
}

type Tone = 'info' | 'error' | 'done';
type Message = { readonly text: LocalizedText; readonly tone: Tone };

const stepIndex: Readonly<Record<SettlementMonth['status'], number>> = {
  open: 0,
  approved: 2,
  paid: 4,
  closed: 5,
};

/**
 * `<eduset-payer-desk>` — the payer's monthly settlement with the providers, for signed-in
 * staff of the authorised payer: the months with their status (open, approved, paid,
 * closed); a month per provider (advance, settlement, refunds, adjustments of past months,
 * what the payer pays and what families pay), each provider's contracts with the certificate
 * number and every amount explained step by step (the formula, pro rata, the advance
 * percent, the completeness, the co-payment); the steps — approve (again while unpaid),
 * export the payment register (CSV, Excel), pay (once: paying again changes nothing), close —
 * and the correction of a paid month, which is settled in the next open month. A provider
 * signed in sees its own line and contracts only, without the steps.
 *
 * Data come from `GET {src-base}/payer/months` and `…/months/:month/preview` (validated with
 * core's wire contracts); the steps go to `POST …/approve|pay|close|corrections` with the
 * session's CSRF token. The page must be served by the eduset server (same origin, the
 * session cookie). Russian by default, English with `lang="en"`. Part of the staff bundle
 * `eduset-staff.js`.
 *
 * @tagname eduset-payer-desk
 * @summary The payer's desk: preview, approve, export, pay and close a month's settlement.
 *
 * @attr src-base - Base address of the eduset API (e.g. `/api`).
 * @attr month - The month shown (`YYYY-MM`); the earliest month not yet closed by default.
 * @attr readonly - Shows the figures without the steps (also when `GET {src-base}/staff/me`
 *   says the signed-in person may not run them: a provider's view).
 * @attr lang - `ru` (default) or `en`; inherited from ancestors and `<html lang>` when absent.
 *
 * @fires eduset-settlement-change - A month was approved, paid, closed or corrected; `detail` `{ month, change, changed }`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart status - The live region (loading, what was done, refusals).
 * @csspart months - The list of months.
 * @csspart month - The chosen month.
 * @csspart actions - The steps' buttons and the register's links.
 * @csspart providers - The table of providers.
 * @csspart contract - One contract's month with its explanation.
 *
 * @cssproperty --eduset-payer-desk-done - Colour of what is done (default `#116329`).
 *
 * @example
 * ```html
 * <script type="module" src="/widgets/eduset-staff.js"></script>
 * <eduset-payer-desk src-base="/api"></eduset-payer-desk>
 * ```
 */
export class EdusetPayerDesk extends EdusetElement {
  /** The element's shadow-DOM styles; theme through `--eduset-*` and `::part`. */
  static override styles = payerDeskStyles;

  static override properties: PropertyDeclarations = {
    srcBase: { type: String, attribute: 'src-base' },
    month: { type: String, reflect: true },
    readonly: { type: Boolean, reflect: true },
    list: { state: true },
    preview: { state: true },
    contracts: { state: true },
    expanded: { state: true },
    confirming: { state: true },
    busy: { state: true },
    message: { state: true },
    failure: { state: true },
    correcting: { state: true },
    mayRunSteps: { state: true },
  };

  /** Base address of the API (`/api`). */
  declare srcBase: string | null;
  /** The month shown (`YYYY-MM`), or `null` before one is chosen. */
  declare month: string | null;
  /** Shows the figures without the steps. */
  declare readonly: boolean;
  declare private list: SettlementMonthList | null;
  declare private preview: SettlementPreview | null;
  declare private contracts: ReadonlyMap<string, readonly ContractSettlement[] | 'loading'>;
  declare private expanded: ReadonlySet<string>;
  declare private confirming: 'pay' | 'close' | null;
  declare private busy: boolean;
  declare private message: Message | null;
  declare private failure: LocalizedText | null;
  declare private correcting: string | null;
  declare private mayRunSteps: boolean;

  private api: SettlementApi | undefined;

  constructor() {
    super();
    this.srcBase = null;
    this.month = null;
    this.readonly = false;
    this.list = null;
    this.preview = null;
    this.contracts = new Map();
    this.expanded = new Set();
    this.confirming = null;
    this.busy = false;
    this.message = null;
    this.failure = null;
    this.correcting = null;
    this.mayRunSteps = true;
  }

  /** Shows the steps: not read-only, and the signed-in person may run them. */
  private get steps(): boolean {
    return !this.readonly && this.mayRunSteps;
  }

  private get texts(): PayerDeskTexts {
    return payerDeskTexts[this.language];
  }

  private words(text: LocalizedText): string {
    return this.language === 'en' ? text.en : text.ru;
  }

  private client(): SettlementApi {
    this.api ??= new SettlementApi(this.srcBase ?? '/api');
    return this.api;
  }

  private money(amount: Money): string {
    return amount.format(this.language);
  }

  private monthName(month: string): string {
    return formatBillingMonth(month, this.language);
  }

  private when(at: string): string {
    return new Intl.DateTimeFormat(this.language === 'ru' ? 'ru-RU' : 'en-GB', {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: 'Europe/Moscow',
    }).format(new Date(at));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('srcBase') && changed.get('srcBase') !== undefined) {
      this.api = undefined;
      void this.load();
    }
  }

  /**
   * Loads (or reloads) the months and the chosen month.
   *
   * @example
   * ```ts
   * import type { EdusetPayerDesk } from '@eduset/widgets/staff';
   * declare const desk: EdusetPayerDesk;
   * await desk.load();
   * ```
   */
  async load(): Promise<void> {
    this.failure = null;
    try {
      const [list, mayRunSteps] = await Promise.all([
        this.client().months(),
        this.readonly ? Promise.resolve(false) : this.client().mayRunSteps(),
      ]);
      this.mayRunSteps = mayRunSteps;
      this.list = list;
      const known = list.months.some((entry) => entry.month === this.month);
      if (!known) this.month = this.defaultMonth(list);
      if (this.month !== null) await this.loadMonth(this.month);
    } catch (error) {
      this.failure = this.textOf(error, this.texts.loadFailed);
    }
  }

  /** The earliest month not closed that has begun, else the newest. */
  private defaultMonth(list: SettlementMonthList): string | null {
    const waiting = list.months
      .filter((entry) => entry.status !== 'closed' && entry.month <= list.current)
      .map((entry) => entry.month)
      .sort();
    return waiting[0] ?? list.months[0]?.month ?? null;
  }

  private async loadMonth(month: string): Promise<void> {
    const preview = await this.client().preview(month, 'none');
    this.preview = preview;
    this.contracts = new Map();
    const expanded = [...this.expanded];
    this.expanded = new Set();
    for (const provider of expanded) {
      if (preview.providers.some((line) => line.providerId === provider))
        await this.toggle(provider);
    }
  }

  private textOf(error: unknown, fallback: string): LocalizedText {
    if (error instanceof SettlementRequestError) return error.text;
    return { ru: fallback, en: fallback };
  }

  private async choose(month: string): Promise<void> {
    if (this.busy) return;
    this.month = month;
    this.confirming = null;
    this.correcting = null;
    this.message = null;
    this.expanded = new Set();
    try {
      await this.loadMonth(month);
    } catch (error) {
      this.message = { text: this.textOf(error, this.texts.loadFailed), tone: 'error' };
    }
  }

  private async toggle(providerId: string): Promise<void> {
    const month = this.month;
    if (month === null) return;
    const expanded = new Set(this.expanded);
    if (expanded.has(providerId)) {
      expanded.delete(providerId);
      this.expanded = expanded;
      return;
    }
    expanded.add(providerId);
    this.expanded = expanded;
    if (this.contracts.has(providerId)) return;
    this.contracts = new Map(this.contracts).set(providerId, 'loading');
    try {
      const preview = await this.client().preview(month, { provider: providerId });
      this.contracts = new Map(this.contracts).set(providerId, preview.contracts);
    } catch (error) {
      const contracts = new Map(this.contracts);
      contracts.delete(providerId);
      this.contracts = contracts;
      this.message = { text: this.textOf(error, this.texts.loadFailed), tone: 'error' };
    }
  }

  private async run(step: 'approve' | 'pay' | 'close'): Promise<void> {
    const month = this.month;
    if (month === null || this.busy) return;
    this.busy = true;
    this.confirming = null;
    this.message = {
      text: { ru: payerDeskTexts.ru.working, en: payerDeskTexts.en.working },
      tone: 'info',
    };
    try {
      const answer = await this.client().step(month, step);
      const both = (make: (texts: PayerDeskTexts, name: string) => string): LocalizedText => ({
        ru: make(payerDeskTexts.ru, formatBillingMonth(month, 'ru')),
        en: make(payerDeskTexts.en, formatBillingMonth(month, 'en')),
      });
      const text =
        step === 'approve'
          ? both((t, name) =>
              answer.changed ? t.approved(name, answer.month.version) : t.approvedSame(name),
            )
          : step === 'pay'
            ? both((t, name) =>
                answer.changed ? t.paid(name, answer.posted) : t.paidAlready(name),
              )
            : both((t, name) => (answer.changed ? t.closed(name) : t.closedAlready(name)));
      await this.load();
      this.message = { text, tone: 'done' };
      const change = step === 'approve' ? 'approved' : step === 'pay' ? 'paid' : 'closed';
      this.dispatchEvent(
        new EdusetSettlementChangeEvent({ month, change, changed: answer.changed }),
      );
    } catch (error) {
      this.message = { text: this.textOf(error, this.texts.loadFailed), tone: 'error' };
    } finally {
      this.busy = false;
    }
  }

  private async submitCorrection(event: SubmitEvent, line: ContractSettlement): Promise<void> {
    event.preventDefault();
    const month = this.month;
    if (month === null || this.busy) return;
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const completeness = Number(data.get('completeness'));
    const reason = String(data.get('reason') ?? '').trim();
    this.busy = true;
    try {
      const answer = await this.client().correct(month, {
        contractId: line.contractId,
        completeness,
        reason,
      });
      this.correcting = null;
      await this.load();
      const amount = answer.adjustment.amount;
      this.message = {
        text: {
          ru: payerDeskTexts.ru.corrected(
            amount.format('ru'),
            formatBillingMonth(answer.adjustment.targetMonth, 'ru'),
          ),
          en: payerDeskTexts.en.corrected(
            amount.format('en'),
            formatBillingMonth(answer.adjustment.targetMonth, 'en'),
          ),
        },
        tone: 'done',
      };
      this.dispatchEvent(
        new EdusetSettlementChangeEvent({ month, change: 'corrected', changed: true }),
      );
    } catch (error) {
      this.message = { text: this.textOf(error, this.texts.loadFailed), tone: 'error' };
    } finally {
      this.busy = false;
    }
  }

  override render(): TemplateResult {
    const t = this.texts;
    return html`
      <section part="base" aria-labelledby="title" aria-busy=${this.busy ? 'true' : 'false'}>
        <h2 id="title">${t.title}</h2>
        <p class="lede">${t.lede}</p>
        <div
          part="status"
          class="status ${this.message?.tone ?? ''} ${this.message === null ? 'empty' : ''}"
          role="status"
          aria-live="polite"
        >
          ${this.message === null ? nothing : this.words(this.message.text)}
        </div>
        ${
          this.failure !== null
            ? html`<div class="status error" role="alert">
                ${this.words(this.failure)}
                <button type="button" @click=${() => void this.load()}>${t.retry}</button>
              </div>`
            : this.list === null
              ? html`<p class="muted">${t.loading}</p>`
              : this.list.months.length === 0
                ? html`<p class="muted">${t.noMonths}</p>`
                : html`<div class="layout">
                    ${this.renderMonths(this.list)}
                    ${this.preview === null ? nothing : this.renderMonth(this.preview)}
                  </div>`
        }
      </section>
    `;
  }

  private renderMonths(list: SettlementMonthList): TemplateResult {
    const t = this.texts;
    const ordered = [...list.months].reverse();
    const begun = ordered.filter((entry) => entry.month <= list.current);
    const later = ordered.filter((entry) => entry.month > list.current);
    const button = (entry: SettlementMonth) =>
      html`<li>
        <button
          type="button"
          class="month-button ${entry.status}"
          aria-current=${entry.month === this.month ? 'true' : 'false'}
          ?disabled=${this.busy}
          @click=${() => void this.choose(entry.month)}
        >
          <span class="name"
            >${this.monthName(entry.month)}${
              entry.month === list.current
                ? html` <span class="muted">(${t.current})</span>`
                : nothing
            }</span
          >
          <span class="chip ${entry.status}">${t.status[entry.status]}</span>
          ${
            entry.totals === null
              ? nothing
              : html`<span class="sum">${this.money(entry.totals.payer)}</span>`
          }
        </button>
      </li>`;
    return html`<nav part="months" class="months" aria-labelledby="months-title">
      <h3 id="months-title">${t.months}</h3>
      <ul>
        ${begun.map(button)}
      </ul>
      ${
        later.length === 0
          ? nothing
          : html`<details class="later" ?open=${this.month !== null && this.month > list.current}>
              <summary>${t.laterMonths(later.length)}</summary>
              <ul>
                ${later.map(button)}
              </ul>
            </details>`
      }
    </nav>`;
  }

  private renderMonth(preview: SettlementPreview): TemplateResult {
    const t = this.texts;
    const summary = preview.month;
    const name = this.monthName(summary.month);
    const reached = stepIndex[summary.status];
    return html`<div part="month" class="month">
      <h3>
        ${name[0]?.toLocaleUpperCase()}${name.slice(1)}
        <span class="chip ${summary.status}">${t.status[summary.status]}</span>
        ${
          summary.version > 0
            ? html`<span class="muted small">${t.version(summary.version)}</span>`
            : nothing
        }
      </h3>
      <ol class="steps" aria-label=${t.steps}>
        ${t.stepNames.map(
          (step, index) =>
            html`<li
              class=${index < reached ? 'done' : index === reached ? 'now' : ''}
              aria-current=${index === reached ? 'step' : 'false'}
            >
              ${step}
            </li>`,
        )}
      </ol>
      <ul class="stamps">
        ${
          summary.approved === null
            ? nothing
            : html`<li>${t.approvedBy(summary.approved.by, this.when(summary.approved.at))}</li>`
        }
        ${
          summary.paid === null
            ? nothing
            : html`<li>${t.paidBy(summary.paid.by, this.when(summary.paid.at))}</li>`
        }
        ${
          summary.closed === null
            ? nothing
            : html`<li>${t.closedBy(summary.closed.by, this.when(summary.closed.at))}</li>`
        }
      </ul>
      ${this.renderActions(preview)}
      ${
        preview.providers.length === 0
          ? html`<p class="muted">${t.noContracts}</p>`
          : this.renderProviders(preview)
      }
      ${this.renderAdjustments(t.adjustmentsIn, preview.adjustmentsIn)}
      ${this.renderAdjustments(t.adjustmentsOut, preview.adjustmentsOut)}
    </div>`;
  }

  private renderActions(preview: SettlementPreview): TemplateResult {
    const t = this.texts;
    const { status, month } = preview.month;
    const register = status !== 'open';
    const api = this.client();
    const links = register
      ? html`<a
            class="button secondary"
            href=${api.registerUrl(month, 'csv', this.language)}
            download
            >${t.registerCsv}</a
          ><a
            class="button secondary"
            href=${api.registerUrl(month, 'xlsx', this.language)}
            download
            >${t.registerXlsx}</a
          >`
      : nothing;
    if (!this.steps) {
      return html`<div part="actions" class="actions">${links}</div>`;
    }
    const name = this.monthName(month);
    return html`<div part="actions" class="actions">
        ${
          status === 'open' || status === 'approved'
            ? html`<button
                type="button"
                class=${status === 'open' ? 'primary' : 'secondary'}
                ?disabled=${this.busy}
                @click=${() => void this.run('approve')}
              >
                ${status === 'open' ? t.approve : t.approveAgain}
              </button>`
            : nothing
        }
        ${links}
        ${
          status === 'approved'
            ? html`<button
                type="button"
                class="primary"
                ?disabled=${this.busy}
                aria-expanded=${this.confirming === 'pay' ? 'true' : 'false'}
                @click=${() => (this.confirming = 'pay')}
              >
                ${t.pay} ${this.money(preview.totals.payer)}
              </button>`
            : nothing
        }
        ${
          status === 'paid'
            ? html`<button
                type="button"
                class="primary"
                ?disabled=${this.busy}
                aria-expanded=${this.confirming === 'close' ? 'true' : 'false'}
                @click=${() => (this.confirming = 'close')}
              >
                ${t.close}
              </button>`
            : nothing
        }
      </div>
      ${
        status === 'open' || status === 'approved'
          ? html`<p class="muted small">${t.approveHint}</p>`
          : nothing
      }
      ${
        this.confirming === null
          ? nothing
          : html`<div
              class="card raised accent confirm"
              role="group"
              aria-labelledby="confirm-text"
            >
              <p id="confirm-text">
                ${
                  this.confirming === 'pay'
                    ? t.confirmPay(this.money(preview.totals.payer), name)
                    : t.confirmClose(name)
                }
              </p>
              <div class="actions">
                <button
                  type="button"
                  class="primary"
                  ?disabled=${this.busy}
                  @click=${() => void this.run(this.confirming ?? 'pay')}
                >
                  ${t.confirm}:
                  ${this.confirming === 'pay' ? t.pay.toLowerCase() : t.close.toLowerCase()}
                </button>
                <button type="button" class="secondary" @click=${() => (this.confirming = null)}>
                  ${t.cancel}
                </button>
              </div>
            </div>`
      }`;
  }

  private renderProviders(preview: SettlementPreview): TemplateResult {
    const t = this.texts;
    const cells = (line: Omit<ProviderSettlement, 'providerId' | 'providerName'>) => html`
      <td data-label=${t.contractsColumn}>${line.contracts}</td>
      <td data-label=${t.advance} class="num">${this.money(line.advance)}</td>
      <td data-label=${t.settlement} class="num">${this.money(line.settlement)}</td>
      <td data-label=${t.refunded} class="num">${this.money(line.refunded)}</td>
      <td data-label=${t.adjustment} class="num">${this.money(line.adjustment)}</td>
      <td data-label=${t.payer} class="num strong">${this.money(line.payer)}</td>
      <td data-label=${t.family} class="num">${this.money(line.family)}</td>
      <td data-label=${t.total} class="num">${this.money(line.total)}</td>
    `;
    return html`<h4 id="providers-title">${t.byProvider}</h4>
      <div class="scroll" role="region" aria-labelledby="providers-title" tabindex="0">
        <table part="providers" class="table" aria-labelledby="providers-title">
          <thead>
            <tr>
              <th scope="col">${t.provider}</th>
              <th scope="col">${t.contractsColumn}</th>
              <th scope="col">${t.advance}</th>
              <th scope="col">${t.settlement}</th>
              <th scope="col">${t.refunded}</th>
              <th scope="col">${t.adjustment}</th>
              <th scope="col">${t.payer}</th>
              <th scope="col">${t.family}</th>
              <th scope="col">${t.total}</th>
            </tr>
          </thead>
          <tbody>
            ${preview.providers.map((line) => {
              const open = this.expanded.has(line.providerId);
              const panel = `contracts-${line.providerId}`;
              const visible = open
                ? t.hideContracts
                : `${t.showContracts} (${String(line.contracts)})`;
              return html`<tr>
                  <th scope="row" data-label=${t.provider}>
                    <span class="provider-name">${line.providerName}</span>
                    <button
                      type="button"
                      class="link"
                      aria-expanded=${open ? 'true' : 'false'}
                      aria-controls=${panel}
                      aria-label=${`${visible}: ${line.providerName}`}
                      @click=${() => void this.toggle(line.providerId)}
                    >
                      ${visible}
                    </button>
                  </th>
                  ${cells(line)}
                </tr>
                ${
                  open
                    ? html`<tr class="contracts-row">
                        <td colspan="9" id=${panel}>${this.renderContracts(line.providerId)}</td>
                      </tr>`
                    : nothing
                }`;
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" data-label=${t.provider}>${t.totals}</th>
              ${cells(preview.totals)}
            </tr>
          </tfoot>
        </table>
      </div>`;
  }

  private renderContracts(providerId: string): TemplateResult {
    const t = this.texts;
    const list = this.contracts.get(providerId);
    if (list === undefined || list === 'loading') return html`<p class="muted">${t.loading}</p>`;
    const settled =
      this.preview?.month.status === 'paid' || this.preview?.month.status === 'closed';
    return html`<ul class="contracts">
      ${list.map(
        (line) =>
          html`<li part="contract" class="card contract">
            <h5>
              ${t.certificate} ${line.certificateNumber} ·
              <span class="programme">${line.programmeName}</span>
            </h5>
            <dl class="amounts">
              <div>
                <dt>${t.monthly}</dt>
                <dd>${this.money(line.monthly)}</dd>
              </div>
              <div>
                <dt>${t.advance}</dt>
                <dd>${this.money(line.advance)}</dd>
              </div>
              <div>
                <dt>${t.completeness}</dt>
                <dd>${t.percent(line.completeness)}</dd>
              </div>
              <div>
                <dt>${t.settled}</dt>
                <dd>${this.money(line.settled)}</dd>
              </div>
              ${
                line.adjustment.isZero()
                  ? nothing
                  : html`<div>
                      <dt>${t.adjustment}</dt>
                      <dd>${this.money(line.adjustment)}</dd>
                    </div>`
              }
              <div class="strong">
                <dt>${t.payer}</dt>
                <dd>${this.money(line.payer)}</dd>
              </div>
              <div>
                <dt>${t.family}</dt>
                <dd>${this.money(line.family)}</dd>
              </div>
            </dl>
            <details>
              <summary>${t.howComputed}</summary>
              <ol class="explanation">
                ${line.steps.map((step) => html`<li>${this.words(step.text)}</li>`)}
              </ol>
            </details>
            ${
              settled && !this.readonly && !line.monthly.isZero() && !line.paidInFull
                ? this.renderCorrection(line)
                : nothing
            }
          </li>`,
      )}
    </ul>`;
  }

  private renderCorrection(line: ContractSettlement): TemplateResult {
    const t = this.texts;
    if (this.correcting !== line.contractId) {
      return html`<button
        type="button"
        class="secondary"
        @click=${() => (this.correcting = line.contractId)}
      >
        ${t.correct}
      </button>`;
    }
    const id = `correction-${line.contractId}`;
    return html`<form
      class="correction"
      aria-labelledby=${`${id}-title`}
      @submit=${(event: SubmitEvent) => void this.submitCorrection(event, line)}
    >
      <h6 id=${`${id}-title`}>${t.correctionTitle(line.certificateNumber)}</h6>
      <p class="muted small">${t.correctionHint}</p>
      ${field({
        id: `${id}-completeness`,
        name: 'completeness',
        type: 'number',
        inputmode: 'numeric',
        min: 0,
        max: 100,
        step: 1,
        required: true,
        label: t.correctedCompleteness,
        value: String(line.completeness),
      })}
      ${field({
        id: `${id}-reason`,
        name: 'reason',
        type: 'textarea',
        required: true,
        maxlength: 500,
        rows: 2,
        label: t.reason,
        value: '',
      })}
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${this.busy}>${t.sendCorrection}</button>
        <button type="button" class="secondary" @click=${() => (this.correcting = null)}>
          ${t.cancel}
        </button>
      </div>
    </form>`;
  }

  private renderAdjustments(
    title: string,
    adjustments: readonly SettlementAdjustmentView[],
  ): TemplateResult | typeof nothing {
    if (adjustments.length === 0) return nothing;
    const t = this.texts;
    return html`<h4>${title}</h4>
      <ul class="adjustments">
        ${adjustments.map(
          (adjustment) =>
            html`<li>
              ${t.adjustmentLine(
                adjustment.certificateNumber,
                this.monthName(adjustment.month),
                adjustment.completenessBefore,
                adjustment.completenessAfter,
                this.money(adjustment.amount),
                this.monthName(adjustment.targetMonth),
              )}
              (${adjustment.status === 'pending' ? t.pending : t.applied}). ${adjustment.reason}
            </li>`,
        )}
      </ul>`;
  }
}
