import {
  indicatorReportSchema,
  csvCell,
  localize,
  type IndicatorReport,
  type IndicatorResult,
  type IndicatorSummary,
  type Lang,
  type OrgUnit,
  type ReportingCoverage,
} from '@eduset/core';
import {
  html,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { EdusetElement } from '../internal/eduset-element.js';
import { DataLoader } from '../internal/data-loader.js';
import { trendChart, type TrendPoint } from './indicator-chart.js';
import { indicatorDashboardStyles } from './indicator-dashboard.styles.js';
import {
  indicatorDashboardTexts,
  type IndicatorDashboardTexts,
} from './indicator-dashboard.i18n.js';
import {
  formatDecimalText,
  formatIndicatorValue,
  formatPeriod,
  isDayPeriod,
} from './indicator-format.js';
import { findFirst } from '../internal/own.js';
import { selectField } from '../internal/parts/index.js';

/** A unit's name in a language, or `undefined` when there is no unit. */
function localizeMaybe(unit: OrgUnit | undefined, lang: Lang): string | undefined {
  return unit === undefined ? undefined : localize(unit.name, lang);
}

/**
 * How `<eduset-indicator-dashboard>` shows the indicators: cards with a trend chart, or one
 * table with the same numbers (the view for screen readers and for copying).
 *
 * @example
 * ```ts
 * import type { IndicatorDashboardView } from '@eduset/widgets';
 * const view: IndicatorDashboardView = 'table';
 * ```
 */
export type IndicatorDashboardView = 'cards' | 'table';

/** The results of one indicator for one org unit, in the report's period order. */
interface Series {
  readonly indicator: IndicatorSummary;
  readonly results: readonly (IndicatorResult | undefined)[];
}

/**
 * `<eduset-indicator-dashboard>` — indicators of a municipality (or any org unit) as cards
 * with the current value, the target and a trend arrow, a trend chart over the periods
 * (school years), the explanation of a value on demand (definition version, inputs, units that
 * did not report, the formula with numbers) and a table view with the same numbers; the
 * numbers download as CSV. Values are shown exactly as the engine rounded them.
 *
 * It loads an indicator report from `src` (e.g. `/api/indicators?level=municipality`) and
 * validates it with core's `indicatorReportSchema`, or shows a `report` set directly. Russian
 * by default, English with `lang="en"`.
 *
 * @tagname eduset-indicator-dashboard
 * @summary Indicator cards with targets, trends, explanations, a table view and CSV download.
 *
 * @attr src - Address of an indicator report (`GET /api/indicators?…`); loaded when set or changed.
 * @attr org-unit - The org unit shown (default: the first of the report).
 * @attr view - `cards` (default) or `table`.
 * @attr lang - `ru` (default) or `en`; inherited from ancestors and `<html lang>` when absent.
 *
 * @fires eduset-error - The report could not be loaded or validated; `detail.error` (`FetchJsonError`).
 *
 * @csspart base - The wrapper of everything.
 * @csspart title - The heading.
 * @csspart toolbar - The org unit choice, the view switch and the download button.
 * @csspart view-button - A button of the view switch.
 * @csspart download - The CSV download button.
 * @csspart status - The live region (loading, errors).
 * @csspart card - The card of one indicator.
 * @csspart value - The current value on a card.
 * @csspart coverage - How many organizations reported the current value («данные от 18 из 21 организации»).
 * @csspart target - The target line on a card.
 * @csspart trend - The trend arrow and its text.
 * @csspart chart - The trend chart (SVG).
 * @csspart explain-button - The button that shows the explanation.
 * @csspart explanation - The explanation panel.
 * @csspart table - The table view.
 * @csspart approved-data - The sentence saying that organizations' figures come from approved reports.
 *
 * @cssproperty --eduset-font-family - Font of the element (default: the system font).
 * @cssproperty --eduset-color-text - Text color (default `#1f2328`).
 * @cssproperty --eduset-color-text-muted - Secondary text color (default `#4f5660`).
 * @cssproperty --eduset-color-primary - Buttons, chart line (default `#0b5cad`).
 * @cssproperty --eduset-color-on-primary - Text on primary buttons (default `#ffffff`).
 * @cssproperty --eduset-color-surface - Card background (default `#ffffff`).
 * @cssproperty --eduset-color-surface-raised - Toolbar background (default `#f6f8fa`).
 * @cssproperty --eduset-color-border - Borders (default `#8c959f`).
 * @cssproperty --eduset-color-danger - Worse trends and errors (default `#b42318`).
 * @cssproperty --eduset-radius - Corner radius (default `0.5em`).
 * @cssproperty --eduset-spacing - Base spacing (default `1em`).
 * @cssproperty --eduset-indicator-good-color - Better trends, targets met (default `--eduset-color-success`).
 * @cssproperty --eduset-indicator-card-min-width - Narrowest card (default `16em`).
 * @cssproperty --eduset-indicator-target-color - The target line of charts (default `--eduset-color-warning`).
 *
 * @example
 * ```html
 * <script type="module" src="/widgets/eduset-widgets.js"></script>
 * <eduset-indicator-dashboard src="/api/indicators?level=municipality"></eduset-indicator-dashboard>
 * ```
 *
 * @example
 * ```ts
 * import '@eduset/widgets/indicator-dashboard';
 * import { buildIndicatorReport, createDataset, indicatorCatalog } from '@eduset/core';
 * declare const input: unknown;
 * const dashboard = document.createElement('eduset-indicator-dashboard');
 * dashboard.report = buildIndicatorReport(indicatorCatalog, createDataset(input), { level: 'municipality' });
 * document.body.append(dashboard);
 * ```
 */
export class EdusetIndicatorDashboard extends EdusetElement {
  /** The element's shadow-DOM styles; theme through `--eduset-*` and `::part`. */
  static override styles = indicatorDashboardStyles;

  static override properties: PropertyDeclarations = {
    src: { type: String },
    orgUnit: { type: String, attribute: 'org-unit', reflect: true },
    view: { type: String, reflect: true },
    report: { attribute: false },
    opened: { state: true },
  };

  /** Address of the report, or `null`. */
  declare src: string | null;
  /** The org unit shown, or `null` for the report's first. */
  declare orgUnit: string | null;
  /** Cards or table. */
  declare view: IndicatorDashboardView;
  /** The report shown (loaded from `src`, or set directly). */
  declare report: IndicatorReport | null;
  /** Indicator ids whose explanation is open. */
  declare private opened: ReadonlySet<string>;

  private readonly loader = new DataLoader(this, {
    fallback: { ru: 'Не удалось загрузить показатели', en: 'Could not load the indicators' },
  });

  constructor() {
    super();
    this.src = null;
    this.orgUnit = null;
    this.view = 'cards';
    this.report = null;
    this.opened = new Set();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') && this.src) this.load(this.src);
  }

  /**
   * Loads the report from `src` again.
   *
   * @example
   * ```ts
   * document.querySelector('eduset-indicator-dashboard')?.reload();
   * ```
   */
  reload(): void {
    if (this.src) this.load(this.src);
  }

  private load(src: string): void {
    this.loader.fetch(src, indicatorReportSchema, (report) => {
      this.report = report;
    });
  }

  private get texts(): IndicatorDashboardTexts {
    return indicatorDashboardTexts[this.language];
  }

  /** The org unit shown. */
  private get shownUnit(): OrgUnit | undefined {
    const units = this.report?.orgUnits ?? [];
    return findFirst(units, (unit) => unit.id === this.orgUnit) ?? units[0];
  }

  private series(unit: OrgUnit): Series[] {
    const report = this.report;
    if (report === null) return [];
    const byKey = new Map<string, IndicatorResult>();
    for (const result of report.results) {
      if (result.orgUnit === unit.id)
        byKey.set(`${result.indicator}\u0000${result.period}`, result);
    }
    return report.indicators
      .map((indicator) => ({
        indicator,
        results: report.periods.map((period) => byKey.get(`${indicator.id}\u0000${period}`)),
      }))
      .filter((row) => row.results.some((result) => result?.status === 'value'));
  }

  /**
   * The numbers shown, as CSV (UTF-8 with BOM, `;`-separated, headers in the element's
   * language): one line per indicator, org unit and period of the shown org unit.
   *
   * @example
   * ```ts
   * const csv = document.querySelector('eduset-indicator-dashboard')?.csv();
   * ```
   */
  csv(): string {
    const unit = this.shownUnit;
    const texts = this.texts;
    const lang = this.language;
    const lines = [texts.csvHeaders.map(csvCell).join(';')];
    if (unit !== undefined) {
      for (const row of this.series(unit)) {
        for (const result of row.results) {
          if (result === undefined) continue;
          lines.push(
            [
              localize(row.indicator.name, lang),
              localize(unit.name, lang),
              result.period,
              result.status === 'value' ? result.value : '',
              row.indicator.target ?? '',
              result.status === 'no-value' ? localize(result.message, lang) : '',
              result.coverage === undefined ? '' : String(result.coverage.reported),
              result.coverage === undefined ? '' : String(result.coverage.expected),
            ]
              .map(csvCell)
              .join(';'),
          );
        }
      }
    }
    return `\uFEFF${lines.join('\r\n')}\r\n`;
  }

  private download(): void {
    const blob = new Blob([this.csv()], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `${this.shownUnit?.id ?? 'indicators'}.csv`;
    link.hidden = true;
    this.renderRoot.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  private toggle(id: string): void {
    const next = new Set(this.opened);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    this.opened = next;
  }

  override render(): TemplateResult {
    const texts = this.texts;
    const lang = this.language;
    const unit = this.shownUnit;
    const report = this.report;
    const status = this.loader.state === 'loading' ? texts.loading : this.loader.errorText(lang);
    const rows = unit === undefined ? [] : this.series(unit);
    return html`<section part="base" class="dashboard" aria-labelledby="title">
      <h2 part="title" id="title">
        ${unit === undefined ? texts.title : `${texts.title}: ${localize(unit.name, lang)}`}
      </h2>
      <p
        part="status"
        class="status ${this.loader.state === 'error' ? 'error' : ''}"
        role="status"
        aria-live="polite"
      >
        ${status}
      </p>
      ${
        report === null
          ? nothing
          : html`<div part="toolbar" class="toolbar">
                ${
                  report.orgUnits.length > 1
                    ? selectField({
                        id: 'org-unit',
                        label: texts.orgUnit,
                        value: unit?.id ?? '',
                        options: report.orgUnits.map((candidate) => ({
                          value: candidate.id,
                          label: localize(candidate.name, lang),
                        })),
                        onChange: (event: Event) => {
                          this.orgUnit = (event.target as HTMLSelectElement).value;
                          this.opened = new Set();
                        },
                      })
                    : nothing
                }
                <div class="views" role="group" aria-label=${texts.views}>
                  ${(['cards', 'table'] as const).map(
                    (view) =>
                      html`<button
                        part="view-button"
                        type="button"
                        aria-pressed=${this.view === view ? 'true' : 'false'}
                        @click=${() => (this.view = view)}
                      >
                        ${view === 'cards' ? texts.cards : texts.table}
                      </button>`,
                  )}
                </div>
                <button
                  part="download"
                  class="download"
                  type="button"
                  @click=${() => this.download()}
                >
                  ${texts.download}
                </button>
              </div>
              ${
                report.approvedData === undefined
                  ? nothing
                  : html`<p part="approved-data" class="approved-data">
                      ${localize(report.approvedData.text, lang)}
                    </p>`
              }
              ${
                rows.length === 0
                  ? html`<p class="empty">${texts.empty}</p>`
                  : this.view === 'table'
                    ? this.renderTable(rows, unit)
                    : html`<ul class="cards">
                        ${rows.map((row) => this.renderCard(row))}
                      </ul>`
              }`
      }
    </section>`;
  }

  private value(result: IndicatorResult | undefined, indicator: IndicatorSummary): string {
    if (result?.status !== 'value') return '—';
    return formatIndicatorValue(result.value, indicator.unit, this.language);
  }

  private renderCard(row: Series): TemplateResult {
    const texts = this.texts;
    const lang = this.language;
    const periods = this.report?.periods ?? [];
    const { indicator } = row;
    const valued = row.results.flatMap((result, index) =>
      result?.status === 'value' ? [{ result, index }] : [],
    );
    const latest = valued.at(-1);
    const previous = valued.at(-2);
    const name = localize(indicator.name, lang);
    let trend: TemplateResult;
    if (latest === undefined || previous === undefined) {
      trend = html`<p part="trend" class="trend none">${texts.trendNone}</p>`;
    } else {
      const now = Number(latest.result.value);
      const before = Number(previous.result.value);
      const direction = now > before ? 'up' : now < before ? 'down' : 'same';
      const good =
        direction === 'same'
          ? undefined
          : (direction === 'up') === (indicator.direction === 'higher-is-better');
      const raw = periods[previous.index] ?? '';
      const period = formatPeriod(raw, lang);
      const day = isDayPeriod(raw);
      const previousText = this.value(previous.result, indicator);
      const text =
        direction === 'up'
          ? texts.trendUp(previousText, period, day)
          : direction === 'down'
            ? texts.trendDown(previousText, period, day)
            : texts.trendSame(period, day);
      trend = html`<p
        part="trend"
        class="trend ${direction} ${good === undefined ? '' : good ? 'better' : 'worse'}"
      >
        <span aria-hidden="true"
          >${direction === 'up' ? '▲' : direction === 'down' ? '▼' : '▬'}</span
        >
        ${text}${good === undefined ? '' : html`<span class="visually-hidden">, ${good ? texts.better : texts.worse}</span>`}
      </p>`;
    }
    const points: TrendPoint[] = row.results.map((result, index) => ({
      label: formatPeriod(periods[index] ?? '', lang),
      value: result?.status === 'value' ? Number(result.value) : null,
      text: result?.status === 'value' ? this.value(result, indicator) : texts.noValue,
    }));
    const chartLabel = texts.chart(
      name,
      points.map((point) => `${point.label} — ${point.text}`).join('; '),
    );
    const target =
      indicator.target === undefined
        ? undefined
        : formatIndicatorValue(indicator.target, indicator.unit, lang);
    const meets = latest?.result.status === 'value' ? latest.result.meetsTarget : undefined;
    const open = this.opened.has(indicator.id);
    const panelId = `explanation-${indicator.id}`;
    return html`<li part="card" class="card" data-indicator=${indicator.id}>
      <h3>${name}</h3>
      <p class="current">
        <span part="value" class="value"
          >${latest === undefined ? texts.noValue : this.value(latest.result, indicator)}</span
        >
        ${latest === undefined ? nothing : html`<span class="period">${texts.latest(formatPeriod(periods[latest.index] ?? '', lang), isDayPeriod(periods[latest.index] ?? ''))}</span>`}
        ${latest?.result.status === 'value' && latest.result.partial ? html`<span class="flag">${texts.partial}</span>` : nothing}
        ${latest?.result.status === 'value' && latest.result.capped ? html`<span class="flag">${texts.capped}</span>` : nothing}
      </p>
      ${latest?.result.coverage === undefined ? nothing : this.renderCoverage(latest.result.coverage)}
      <p part="target" class="target ${meets === undefined ? '' : meets ? 'met' : 'missed'}">
        ${target === undefined ? texts.noTarget : texts.target(target)}${meets === undefined ? '' : ` — ${meets ? texts.meetsTarget : texts.missesTarget}`}
      </p>
      ${trend}
      ${trendChart(points, indicator.target === undefined ? undefined : Number(indicator.target), chartLabel)}
      ${
        latest === undefined
          ? nothing
          : html`<button
                part="explain-button"
                class="explain"
                type="button"
                aria-expanded=${open ? 'true' : 'false'}
                aria-controls=${panelId}
                @click=${() => this.toggle(indicator.id)}
              >
                ${open ? texts.hideExplanation : texts.explain}
              </button>
              <div part="explanation" class="explanation" id=${panelId} ?hidden=${!open}>
                ${open ? this.renderExplanation(latest.result, indicator, periods[latest.index] ?? '') : nothing}
              </div>`
      }
    </li>`;
  }

  private renderCoverage(coverage: ReportingCoverage): TemplateResult {
    const complete = coverage.reported === coverage.expected;
    return html`<p part="coverage" class="coverage ${complete ? 'complete' : 'incomplete'}">
      ${this.texts.coverage(coverage.reported, coverage.expected)}
    </p>`;
  }

  /** A unit's name: from the explanation, else from the report, else the id (old reports). */
  private unitName(id: string, named: ReadonlyMap<string, string>): string {
    return (
      named.get(id) ??
      localizeMaybe(
        findFirst(this.report?.orgUnits, (unit) => unit.id === id),
        this.language,
      ) ??
      id
    );
  }

  private renderExplanation(
    result: IndicatorResult,
    indicator: IndicatorSummary,
    period: string,
  ): TemplateResult {
    const texts = this.texts;
    const lang = this.language;
    const explanation = result.explanation;
    const named = new Map(
      (explanation?.notReporting ?? []).map((unit) => [unit.id, localize(unit.name, lang)]),
    );
    return html`<h4>
        ${texts.explanationTitle(localize(indicator.name, lang), formatPeriod(period, lang))}
      </h4>
      ${
        explanation === undefined
          ? html`<p>${texts.definitionVersion(result.version)}</p>`
          : html`<p class="formula">${localize(explanation.text, lang)}</p>
              <p>${texts.definitionVersion(explanation.definition.version)}</p>
              <h5>${texts.inputs}</h5>
              <ul class="inputs">
                ${explanation.inputs.map((input) => html`<li>${input.name === undefined ? input.reference : localize(input.name, lang)} = ${input.value === null ? texts.noValue : formatDecimalText(input.value, lang)}</li>`)}
              </ul>
              <p>
                ${explanation.unitsNotReporting.length === 0 ? texts.allReported : texts.unitsNotReporting(explanation.unitsNotReporting.length)}
              </p>
              ${
                explanation.unitsNotReporting.length === 0
                  ? nothing
                  : html`<ul class="units">
                      ${explanation.unitsNotReporting.map((id) => html`<li>${this.unitName(id, named)}</li>`)}
                    </ul>`
              }`
      }`;
  }

  private renderTable(rows: readonly Series[], unit: OrgUnit | undefined): TemplateResult {
    const texts = this.texts;
    const lang = this.language;
    const periods = this.report?.periods ?? [];
    const caption = texts.tableCaption(unit === undefined ? '' : localize(unit.name, lang));
    // Focusable and named: where the table is wider than its box it scrolls sideways in it, by
    // keyboard too; on a phone each indicator's row becomes a list of its periods (the styles).
    return html`<div class="table-wrap" tabindex="0" role="group" aria-label=${caption}>
      <table part="table" class="table">
        <caption>
          ${caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">${texts.indicator}</th>
            ${periods.map((period) => html`<th scope="col">${formatPeriod(period, lang)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (row) =>
              html`<tr data-indicator=${row.indicator.id}>
                <th scope="row">${localize(row.indicator.name, lang)}</th>
                ${row.results.map((result, index) =>
                  result?.status === 'value'
                    ? html`<td class="num" data-label=${formatPeriod(periods[index] ?? '', lang)}>
                        ${this.value(result, row.indicator)}${
                          result.coverage === undefined ||
                          result.coverage.reported === result.coverage.expected
                            ? nothing
                            : html`<span class="cell-coverage"
                                ><span aria-hidden="true"
                                  >${texts.coverageShort(
                                    result.coverage.reported,
                                    result.coverage.expected,
                                  )}</span
                                ><span class="visually-hidden"
                                  >,
                                  ${texts.coverage(
                                    result.coverage.reported,
                                    result.coverage.expected,
                                  )}</span
                                ></span
                              >`
                        }
                      </td>`
                    : html`<td class="num" data-label=${formatPeriod(periods[index] ?? '', lang)}>
                        <span aria-hidden="true">—</span
                        ><span class="visually-hidden"
                          >${result === undefined ? texts.noValue : localize(result.message, lang)}</span
                        >
                      </td>`,
                )}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}
