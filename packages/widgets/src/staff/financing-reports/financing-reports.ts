import { directionLabels, type FinancingReportAnswer, type LocalizedText } from '@eduset/core';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { EdusetElement } from '../../internal/eduset-element.js';
import { button, field, selectField } from '../../internal/parts/index.js';
import {
  SettlementApi,
  SettlementRequestError,
  type CoverageFilter,
} from '../payer-desk/settlement-api.js';
import { financingReportsStyles } from './financing-reports.styles.js';
import { financingReportsTexts, type FinancingReportsTexts } from './financing-reports.texts.js';

type Row = FinancingReportAnswer['total'];

/**
 * `<eduset-financing-reports>` — the coordinator's report of personalized financing, for
 * signed-in staff of the municipal support centre (and the payer): for a financing period on
 * a date, how many children holding a certificate attend funded programmes and any
 * programme, how many certificates are used, the period's certificate money (nominal,
 * reserved, paid, available), and by direction and by provider: programmes, places and places
 * taken, applications waiting, contracts, children and their share, the certificates' and the
 * families' parts of the contracts and what was paid. Narrowed by period, date, direction and
 * provider; downloads the same as CSV.
 *
 * Data come from `GET {src-base}/reports/coverage` (validated with core's
 * `financingReportSchema`); the CSV from `GET {src-base}/reports/coverage.csv`. Russian by
 * default, English with `lang="en"`. Part of the staff bundle `eduset-staff.js`.
 *
 * @tagname eduset-financing-reports
 * @summary Coverage and uptake of certificates by period, direction and provider.
 *
 * @attr src-base - Base address of the eduset API (e.g. `/api`).
 * @attr period - The financing period (the current one by default).
 * @attr direction - One direction only (`technical`, `artistic`, …).
 * @attr provider - One provider only (its id).
 * @attr lang - `ru` (default) or `en`; inherited from ancestors and `<html lang>` when absent.
 *
 * @csspart base - The wrapper of everything.
 * @csspart filters - The filters and the CSV link.
 * @csspart summary - The summary figures.
 * @csspart table - Each table (by direction, by provider).
 *
 * @example
 * ```html
 * <script type="module" src="/widgets/eduset-staff.js"></script>
 * <eduset-financing-reports src-base="/api"></eduset-financing-reports>
 * ```
 */
export class EdusetFinancingReports extends EdusetElement {
  /** The element's shadow-DOM styles; theme through `--eduset-*` and `::part`. */
  static override styles = financingReportsStyles;

  static override properties: PropertyDeclarations = {
    srcBase: { type: String, attribute: 'src-base' },
    period: { type: String },
    direction: { type: String },
    provider: { type: String },
    on: { type: String },
    report: { state: true },
    failure: { state: true },
    loading: { state: true },
  };

  /** Base address of the API (`/api`). */
  declare srcBase: string | null;
  /** The financing period; the current one when `null`. */
  declare period: string | null;
  /** One direction only, or `null` for all. */
  declare direction: string | null;
  /** One provider only, or `null` for all. */
  declare provider: string | null;
  /** The date (`YYYY-MM-DD`); today within the period when `null`. */
  declare on: string | null;
  declare private report: FinancingReportAnswer | null;
  declare private failure: LocalizedText | null;
  declare private loading: boolean;

  private api: SettlementApi | undefined;
  private request: AbortController | undefined;

  constructor() {
    super();
    this.srcBase = null;
    this.period = null;
    this.direction = null;
    this.provider = null;
    this.on = null;
    this.report = null;
    this.failure = null;
    this.loading = false;
  }

  private get texts(): FinancingReportsTexts {
    return financingReportsTexts[this.language];
  }

  private words(text: LocalizedText): string {
    return this.language === 'en' ? text.en : text.ru;
  }

  private client(): SettlementApi {
    this.api ??= new SettlementApi(this.srcBase ?? '/api');
    return this.api;
  }

  private filter(): CoverageFilter {
    return {
      ...(this.period ? { period: this.period } : {}),
      ...(this.on ? { on: this.on } : {}),
      ...(this.direction ? { direction: this.direction } : {}),
      ...(this.provider ? { provider: this.provider } : {}),
    };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.request?.abort();
  }

  override updated(changed: Map<string, unknown>): void {
    const filters = ['period', 'direction', 'provider', 'on', 'srcBase'];
    if (filters.some((name) => changed.has(name) && changed.get(name) !== undefined)) {
      if (changed.has('srcBase')) this.api = undefined;
      void this.load();
    }
  }

  /**
   * Loads (or reloads) the report for the current filters.
   *
   * @example
   * ```ts
   * import type { EdusetFinancingReports } from '@eduset/widgets/staff';
   * declare const reports: EdusetFinancingReports;
   * await reports.load();
   * ```
   */
  async load(): Promise<void> {
    this.request?.abort();
    const request = new AbortController();
    this.request = request;
    this.loading = true;
    this.failure = null;
    try {
      this.report = await this.client().coverage(this.filter(), request.signal);
    } catch (error) {
      if (request.signal.aborted) return;
      this.failure =
        error instanceof SettlementRequestError
          ? error.text
          : { ru: financingReportsTexts.ru.loadFailed, en: financingReportsTexts.en.loadFailed };
    } finally {
      if (this.request === request) this.loading = false;
    }
  }

  private choose(name: 'period' | 'direction' | 'provider' | 'on', event: Event): void {
    const value = (event.currentTarget as HTMLSelectElement | HTMLInputElement).value;
    this[name] = value === '' ? null : value;
  }

  override render(): TemplateResult {
    const t = this.texts;
    const report = this.report;
    return html`<section
      part="base"
      aria-labelledby="title"
      aria-busy=${this.loading ? 'true' : 'false'}
    >
      <h2 id="title">${t.title}</h2>
      <p class="lede">${t.lede}</p>
      ${
        this.failure !== null
          ? html`<div class="status error" role="alert">
              ${this.words(this.failure)}
              ${button({ label: t.retry, onClick: () => void this.load() })}
            </div>`
          : nothing
      }
      ${
        report === null
          ? html`<p class="muted" role="status">${this.failure === null ? t.loading : ''}</p>`
          : this.renderReport(report)
      }
    </section>`;
  }

  private renderReport(report: FinancingReportAnswer): TemplateResult {
    const t = this.texts;
    const directions = Object.entries(directionLabels);
    return html`<fieldset class="boxed" part="filters">
        <legend>${t.filters}</legend>
        <div class="filters">
          ${selectField({
            id: 'period',
            label: t.period,
            value: report.period,
            options: report.periods.map((period) => ({ value: period.id, label: period.id })),
            onChange: (event: Event) => this.choose('period', event),
          })}
          ${field({
            id: 'on',
            label: t.on,
            type: 'date',
            value: report.on,
            onChange: (event: Event) => this.choose('on', event),
          })}
          ${selectField({
            id: 'direction',
            label: t.direction,
            value: report.direction ?? '',
            options: [
              { value: '', label: t.all },
              ...directions.map(([key, label]) => ({ value: key, label: this.words(label) })),
            ],
            onChange: (event: Event) => this.choose('direction', event),
          })}
          ${selectField({
            id: 'provider',
            label: t.provider,
            value: report.provider ?? '',
            options: [
              { value: '', label: t.all },
              ...report.providers.map((provider) => ({ value: provider.id, label: provider.name })),
            ],
            onChange: (event: Event) => this.choose('provider', event),
          })}
          <a
            class="button"
            href=${this.client().coverageCsvUrl(
              {
                period: report.period,
                on: report.on,
                ...(report.direction === null ? {} : { direction: report.direction }),
                ...(report.provider === null ? {} : { provider: report.provider }),
              },
              this.language,
            )}
            download
            >${t.csv}</a
          >
        </div>
      </fieldset>
      <p class="muted" role="status" aria-live="polite">
        ${this.loading ? t.loading : t.shown(report.period, this.day(report.on))}
      </p>
      ${this.renderSummary(report)}
      ${
        report.total.programmes === 0 && report.total.contracts === 0
          ? html`<p class="muted">${t.empty}</p>`
          : html`${this.renderTable('by-direction', t.byDirection, report.byDirection, report.total)}
            ${this.renderTable('by-provider', t.byProvider, report.byProvider, report.total)}`
      }`;
  }

  private day(date: string): string {
    return new Intl.DateTimeFormat(this.language === 'ru' ? 'ru-RU' : 'en-GB', {
      dateStyle: 'long',
      timeZone: 'UTC',
    }).format(new Date(`${date}T00:00:00Z`));
  }

  private renderSummary(report: FinancingReportAnswer): TemplateResult {
    const t = this.texts;
    const c = report.coverage;
    const count = (value: number) =>
      value.toLocaleString(this.language === 'ru' ? 'ru-RU' : 'en-GB');
    return html`<h3 id="summary-title">${t.summary}</h3>
      <p class="muted">${t.holdersHint}</p>
      <dl part="summary" class="cards" aria-labelledby="summary-title">
        <div class="card">
          <dt>${t.holders}</dt>
          <dd>${count(c.children)}</dd>
        </div>
        <div class="card">
          <dt>${t.funded}</dt>
          <dd>${count(c.funded)} <span class="share">(${t.percent(c.fundedShare)})</span></dd>
        </div>
        <div class="card">
          <dt>${t.anyProgramme}</dt>
          <dd>${count(c.anyProgramme)}</dd>
        </div>
        <div class="card">
          <dt>${t.certificatesUsed}</dt>
          <dd>
            ${t.of(count(c.certificatesUsed), count(c.certificatesIssued))}
            <span class="share">(${t.percent(c.certificatesUsedShare)})</span>
          </dd>
        </div>
        ${
          report.balances === null
            ? nothing
            : html`<div class="card">
                  <dt>${t.nominal}</dt>
                  <dd>${report.balances.nominal.format(this.language)}</dd>
                </div>
                <div class="card">
                  <dt>${t.reserved}</dt>
                  <dd>${report.balances.reserved.format(this.language)}</dd>
                </div>
                <div class="card">
                  <dt>${t.spent}</dt>
                  <dd>${report.balances.spent.format(this.language)}</dd>
                </div>
                <div class="card">
                  <dt>${t.available}</dt>
                  <dd>${report.balances.available.format(this.language)}</dd>
                </div>`
        }
      </dl>`;
  }

  private renderTable(id: string, title: string, rows: readonly Row[], total: Row): TemplateResult {
    const t = this.texts;
    const cells = (row: Row) => html`
      <td data-label=${t.programmes} class="num">${row.programmes}</td>
      <td data-label=${t.places} class="num">${row.places}</td>
      <td data-label=${t.placesTaken} class="num">
        ${row.placesTaken} (${t.percent(row.placesShare)})
      </td>
      <td data-label=${t.applications} class="num">${row.applications}</td>
      <td data-label=${t.contracts} class="num">${row.contracts}</td>
      <td data-label=${t.children} class="num">
        ${row.attendingFunded} (${t.percent(row.fundedShare)})
      </td>
      <td data-label=${t.certificate} class="num">${row.certificate.format(this.language)}</td>
      <td data-label=${t.family} class="num">${row.family.format(this.language)}</td>
      <td data-label=${t.paid} class="num">${row.paid.format(this.language)}</td>
    `;
    return html`<h3 id=${id}>${title}</h3>
      <div class="scroll" role="region" aria-labelledby=${id} tabindex="0">
        <table part="table" class="table" aria-labelledby=${id}>
          <thead>
            <tr>
              <th scope="col">${t.name}</th>
              <th scope="col">${t.programmes}</th>
              <th scope="col">${t.places}</th>
              <th scope="col">${t.placesTaken}</th>
              <th scope="col">${t.applications}</th>
              <th scope="col">${t.contracts}</th>
              <th scope="col">${t.children}</th>
              <th scope="col">${t.certificate}</th>
              <th scope="col">${t.family}</th>
              <th scope="col">${t.paid}</th>
            </tr>
          </thead>
          <tbody>
            ${rows.map(
              (row) =>
                html`<tr>
                  <th scope="row" data-label=${t.name}>${this.words(row.name)}</th>
                  ${cells(row)}
                </tr>`,
            )}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" data-label=${t.name}>${t.total}</th>
              ${cells(total)}
            </tr>
          </tfoot>
        </table>
      </div>`;
  }
}
