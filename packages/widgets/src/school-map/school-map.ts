import {
  localize,
  schoolMapDataSchema,
  type SchoolMapData,
  type SchoolMapPoint,
} from '@eduset/core';
import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { DataLoader } from '../internal/data-loader.js';
import { EdusetElement } from '../internal/eduset-element.js';
import { schoolMapStyles } from './school-map.styles.js';
import { schoolMapTexts, type SchoolMapTexts } from './school-map.texts.js';
import { selectField } from '../internal/parts/index.js';

/**
 * How `<eduset-school-map>` colours its points: by cluster or by identification flag.
 *
 * @example
 * ```ts
 * import type { SchoolMapColorBy } from '@eduset/widgets';
 * const colorBy: SchoolMapColorBy = 'flag';
 * ```
 */
export type SchoolMapColorBy = 'cluster' | 'flag';

/**
 * A column the identification table can be sorted by.
 *
 * @example
 * ```ts
 * import type { SchoolMapSortKey } from '@eduset/widgets';
 * const key: SchoolMapSortKey = 'indexRank';
 * ```
 */
export type SchoolMapSortKey = 'name' | 'indexRank' | 'resultsRank' | 'meanScore';

const clusterColors = [
  '#1f77b4',
  '#d62728',
  '#2ca02c',
  '#9467bd',
  '#ff7f0e',
  '#17becf',
  '#8c564b',
  '#e377c2',
];
const flagColors = {
  lowResults: '#b42318',
  adverse: '#c76e00',
  resilient: '#2e7d32',
  none: '#8c959f',
};
const width = 640;
const height = 360;
const margin = { left: 44, right: 12, top: 12, bottom: 32 };
const pageSize = 50;

type FlagGroup = keyof typeof flagColors;

function flagGroup(point: SchoolMapPoint): FlagGroup {
  if (point.flags.lowResults) return 'lowResults';
  if (point.flags.adverseConditions) return 'adverse';
  if (point.flags.resilient) return 'resilient';
  return 'none';
}

/**
 * `<eduset-school-map>` — the schools of a district (or a whole region, up to 40 000 points)
 * as a scatter of the social wellbeing index against the mean exam score, coloured by
 * cluster or by identification flag, with the explanation of the chosen school (the rules
 * that fired, the figures compared, the index terms that pulled it down) and the sortable
 * identification table beside it. Points are drawn on a canvas, so 40 000 schools render
 * in a moment; the keyboard moves through the schools in index or score order; the table
 * shows 50 rows at a time.
 *
 * It loads `src` (e.g. `/api/schools`) and validates the answer with core's
 * `schoolMapDataSchema`, or takes `data` directly. Russian by default, English with
 * `lang="en"`.
 *
 * @tagname eduset-school-map
 * @summary Scatter of schools (wellbeing index × results) with explanations and the identification table.
 *
 * @attr src - Address of the school map data (`GET /api/schools`).
 * @attr color-by - `cluster` (default) or `flag`.
 * @attr lang - `ru` (default) or `en`; inherited from ancestors and `<html lang>` when absent.
 *
 * @fires eduset-error - The data could not be loaded or validated; `detail.error` (`FetchJsonError`).
 * @fires eduset-school-select - A school was chosen; `detail.schoolId`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart title - The heading.
 * @csspart chart - The focusable chart (the canvas and its axes).
 * @csspart legend - The colour legend.
 * @csspart explanation - The chosen school's explanation.
 * @csspart table - The identification table.
 * @csspart status - The live region (loading, errors).
 *
 * @cssproperty --eduset-school-map-point-size - Point size in canvas pixels (default 3, read at draw time).
 *
 * @example
 * ```html
 * <script type="module" src="/widgets/eduset-widgets.js"></script>
 * <eduset-school-map src="/api/schools" color-by="flag"></eduset-school-map>
 * ```
 */
export class EdusetSchoolMap extends EdusetElement {
  static override styles = schoolMapStyles;

  static override properties: PropertyDeclarations = {
    src: { type: String },
    colorBy: { type: String, attribute: 'color-by' },
    data: { attribute: false },
    selected: { state: true },
    sortKey: { state: true },
    sortDescending: { state: true },
    limit: { state: true },
  };

  /** Address of the data (`/api/schools`). */
  declare src: string | null;
  /** How points are coloured. */
  declare colorBy: SchoolMapColorBy;
  /** The map data (loaded from `src`, or set directly). */
  declare data: SchoolMapData | null;
  /** Index (in `data.schools`) of the chosen school, or -1. */
  declare private selected: number;
  declare private sortKey: SchoolMapSortKey;
  declare private sortDescending: boolean;
  declare private limit: number;

  private readonly loader = new DataLoader(this);
  private byIndex: Int32Array = new Int32Array(0);
  private byScore: Int32Array = new Int32Array(0);
  private positionByIndex: Int32Array = new Int32Array(0);
  private positionByScore: Int32Array = new Int32Array(0);
  private sortedRows: number[] = [];
  private bounds = { xMin: 0, xMax: 1, yMin: 0, yMax: 100 };

  constructor() {
    super();
    this.src = null;
    this.colorBy = 'cluster';
    this.data = null;
    this.selected = -1;
    this.sortKey = 'indexRank';
    this.sortDescending = false;
    this.limit = pageSize;
  }

  private get texts(): SchoolMapTexts {
    return schoolMapTexts[this.language];
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('src') && this.src) this.load(this.src);
    if (changed.has('data')) this.index();
    if (changed.has('data') || changed.has('sortKey') || changed.has('sortDescending')) {
      this.sortRows();
    }
  }

  protected override updated(): void {
    this.draw();
  }

  private load(src: string): void {
    this.loader.fetch(src, schoolMapDataSchema, (data) => {
      this.data = data;
    });
  }

  /** Orders for keyboard navigation and the plot's bounds; once per data. */
  private index(): void {
    const schools = this.data?.schools ?? [];
    const plotted = schools.map((_, i) => i).filter((i) => schools[i]?.meanScore !== null);
    const x = (i: number): number => schools[i]?.indexValue ?? 0;
    const y = (i: number): number => schools[i]?.meanScore ?? 0;
    this.byIndex = Int32Array.from([...plotted].sort((a, b) => x(a) - x(b) || a - b));
    this.byScore = Int32Array.from([...plotted].sort((a, b) => y(a) - y(b) || a - b));
    this.positionByIndex = new Int32Array(schools.length).fill(-1);
    this.positionByScore = new Int32Array(schools.length).fill(-1);
    this.byIndex.forEach((school, position) => (this.positionByIndex[school] = position));
    this.byScore.forEach((school, position) => (this.positionByScore[school] = position));
    const first = this.byIndex[0];
    const last = this.byIndex[this.byIndex.length - 1];
    const low = this.byScore[0];
    const high = this.byScore[this.byScore.length - 1];
    const pad = (lo: number, hi: number): [number, number] =>
      hi > lo ? [lo - (hi - lo) * 0.03, hi + (hi - lo) * 0.03] : [lo - 1, hi + 1];
    const [xMin, xMax] = pad(first === undefined ? 0 : x(first), last === undefined ? 1 : x(last));
    const [yMin, yMax] = pad(low === undefined ? 0 : y(low), high === undefined ? 100 : y(high));
    this.bounds = { xMin, xMax, yMin, yMax };
    this.selected = -1;
    this.limit = pageSize;
  }

  private sortRows(): void {
    const schools = this.data?.schools ?? [];
    const key = this.sortKey;
    const value = (i: number): number | string => {
      const school = schools[i];
      if (school === undefined) return 0;
      if (key === 'name') return school.name;
      if (key === 'indexRank') return school.indexRank;
      if (key === 'resultsRank') return school.resultsRank?.rank ?? Number.POSITIVE_INFINITY;
      return school.meanScore ?? Number.NEGATIVE_INFINITY;
    };
    const collator = new Intl.Collator(this.language);
    const sign = this.sortDescending ? -1 : 1;
    this.sortedRows = schools
      .map((_, i) => i)
      .sort((a, b) => {
        const va = value(a);
        const vb = value(b);
        const order =
          typeof va === 'string' && typeof vb === 'string'
            ? collator.compare(va, vb)
            : (va as number) - (vb as number);
        return sign * order || a - b;
      });
  }

  private colorOf(point: SchoolMapPoint): string {
    if (this.colorBy === 'flag') return flagColors[flagGroup(point)];
    return point.cluster === null ? flagColors.none : (clusterColors[point.cluster % 8] ?? '#000');
  }

  private toCanvas(point: SchoolMapPoint): [number, number] {
    const { xMin, xMax, yMin, yMax } = this.bounds;
    const px =
      margin.left +
      ((point.indexValue - xMin) / (xMax - xMin)) * (width - margin.left - margin.right);
    const py =
      height -
      margin.bottom -
      (((point.meanScore ?? yMin) - yMin) / (yMax - yMin)) * (height - margin.top - margin.bottom);
    return [px, py];
  }

  private draw(): void {
    const canvas = this.renderRoot.querySelector('canvas');
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return;
    const ratio = Math.max(1, Math.min(3, globalThis.devicePixelRatio || 1));
    if (canvas.width !== width * ratio) {
      canvas.width = width * ratio;
      canvas.height = height * ratio;
    }
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, width, height);
    // The axes and the chosen school's ring in the theme's colors (light or dark).
    const style = getComputedStyle(this);
    context.strokeStyle = style.getPropertyValue('--_color-border').trim() || '#8c959f';
    context.lineWidth = 1;
    context.beginPath();
    context.moveTo(margin.left, margin.top);
    context.lineTo(margin.left, height - margin.bottom);
    context.lineTo(width - margin.right, height - margin.bottom);
    context.stroke();
    const schools = this.data?.schools ?? [];
    const size =
      Number.parseFloat(style.getPropertyValue('--eduset-school-map-point-size')) ||
      (schools.length > 5000 ? 2 : 6);
    // One fill style per colour: group the points, then draw each group in one pass.
    const groups = new Map<string, number[]>();
    for (const i of this.byIndex) {
      const point = schools[i];
      if (point === undefined) continue;
      const color = this.colorOf(point);
      let group = groups.get(color);
      if (group === undefined) groups.set(color, (group = []));
      group.push(i);
    }
    for (const [color, members] of groups) {
      context.fillStyle = color;
      for (const i of members) {
        const point = schools[i];
        if (point === undefined) continue;
        const [px, py] = this.toCanvas(point);
        context.fillRect(px - size / 2, py - size / 2, size, size);
      }
    }
    const chosen = schools[this.selected];
    if (chosen !== undefined && chosen.meanScore !== null) {
      const [px, py] = this.toCanvas(chosen);
      context.strokeStyle = style.getPropertyValue('--_color-text').trim() || '#1f2328';
      context.lineWidth = 2;
      context.beginPath();
      context.arc(px, py, size + 4, 0, 2 * Math.PI);
      context.stroke();
    }
  }

  private choose(index: number): void {
    if (index < 0 || index === this.selected) return;
    this.selected = index;
    const school = this.data?.schools[index];
    if (school === undefined) return;
    this.dispatchEvent(
      new CustomEvent('eduset-school-select', {
        detail: { schoolId: school.schoolId },
        bubbles: true,
        composed: true,
      }),
    );
  }

  private onKeydown(event: KeyboardEvent): void {
    const order =
      event.key === 'ArrowUp' || event.key === 'ArrowDown' ? this.byScore : this.byIndex;
    const positions = order === this.byScore ? this.positionByScore : this.positionByIndex;
    if (order.length === 0) return;
    const current = this.selected >= 0 ? (positions[this.selected] ?? -1) : -1;
    let next: number;
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowUp':
        next = current < 0 ? 0 : Math.min(order.length - 1, current + 1);
        break;
      case 'ArrowLeft':
      case 'ArrowDown':
        next = current < 0 ? order.length - 1 : Math.max(0, current - 1);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = order.length - 1;
        break;
      default:
        return;
    }
    event.preventDefault();
    this.choose(order[next] ?? -1);
  }

  private onClick(event: MouseEvent): void {
    const canvas = event.currentTarget as HTMLCanvasElement;
    const rect = canvas.getBoundingClientRect();
    const cx = ((event.clientX - rect.left) / rect.width) * width;
    const cy = ((event.clientY - rect.top) / rect.height) * height;
    const schools = this.data?.schools ?? [];
    let best = -1;
    let bestDistance = 12 * 12;
    for (const i of this.byIndex) {
      const point = schools[i];
      if (point === undefined) continue;
      const [px, py] = this.toCanvas(point);
      const distance = (px - cx) ** 2 + (py - cy) ** 2;
      if (distance < bestDistance) {
        bestDistance = distance;
        best = i;
      }
    }
    this.choose(best);
  }

  private sortBy(key: SchoolMapSortKey): void {
    if (this.sortKey === key) this.sortDescending = !this.sortDescending;
    else {
      this.sortKey = key;
      this.sortDescending = false;
    }
  }

  private renderLegend(texts: SchoolMapTexts): unknown {
    const schools = this.data?.schools ?? [];
    // Colours come from classes, not style attributes: a strict CSP forbids inline styles.
    const items: [string, string][] =
      this.colorBy === 'flag'
        ? [
            ['flag-lowResults', texts.flagLowResults],
            ['flag-adverse', texts.flagAdverse],
            ['flag-resilient', texts.flagResilient],
            ['flag-none', texts.flagNone],
          ]
        : Array.from({ length: this.data?.clusterCount ?? 0 }, (_, c) => [
            `cluster-${c % 8}`,
            `${texts.cluster(c)}: ${texts.schoolCount(schools.filter((s) => s.cluster === c).length)}`,
          ]);
    return html`<ul part="legend" class="legend">
      ${items.map(([color, label]) => html`<li><span class="swatch ${color}"></span>${label}</li>`)}
    </ul>`;
  }

  private renderExplanation(texts: SchoolMapTexts): unknown {
    const school = this.data?.schools[this.selected];
    const lang = this.language;
    // Words, never codes: `rural` is «сельская», `regular|irregular` «регулярный или нерегулярный».
    const number = (value: number | string): string =>
      typeof value === 'number'
        ? value.toLocaleString(lang, { maximumFractionDigits: 3 })
        : value
            .split('|')
            .map((code) => texts.passportValue(code))
            .join(texts.or);
    return html`<section part="explanation" class="explanation" aria-live="polite">
      ${
        school === undefined
          ? html`<p>${texts.chooseSchool}</p>`
          : html`<h3>${school.name}</h3>
              <p>
                ${texts.indexRank}: ${texts.place(school.indexRank, school.indexOutOf)}
                (${number(school.indexValue)})${
                  school.resultsRank
                    ? html`; ${texts.resultsRank}:
                      ${texts.place(school.resultsRank.rank, school.resultsRank.outOf)}`
                    : nothing
                }
              </p>
              ${
                school.explanations.length === 0
                  ? html`<p>${texts.noExplanation}</p>`
                  : html`<ul class="reasons">
                      ${school.explanations.map(
                        (e) =>
                          html`<li>
                            <strong>${localize(e.title, lang)}.</strong> ${localize(e.rule, lang)}
                            ${
                              e.figures.length > 0
                                ? html`<ul>
                                    ${e.figures.map(
                                      (f) =>
                                        html`<li>
                                          ${localize(f.label, lang)}:
                                          ${number(f.value)}${
                                            f.threshold !== undefined
                                              ? html` (${texts.threshold} ${number(f.threshold)})`
                                              : nothing
                                          }
                                        </li>`,
                                    )}
                                  </ul>`
                                : nothing
                            }
                            ${
                              e.terms.length > 0
                                ? html`<p>
                                    ${texts.pulledDownBy}:
                                    ${e.terms
                                      .map(
                                        (t) =>
                                          `${t.label === undefined ? texts.indexTerm : localize(t.label, lang)} (${number(t.contribution)})`,
                                      )
                                      .join(', ')}
                                  </p>`
                                : nothing
                            }
                          </li>`,
                      )}
                    </ul>`
              }`
      }
    </section>`;
  }

  private renderTable(texts: SchoolMapTexts): unknown {
    const schools = this.data?.schools ?? [];
    const rows = this.sortedRows.slice(0, this.limit);
    const header = (key: SchoolMapSortKey, label: string): unknown => {
      const sorted = this.sortKey === key;
      return html`<th
        scope="col"
        aria-sort=${sorted ? (this.sortDescending ? 'descending' : 'ascending') : 'none'}
      >
        <button type="button" class="link" @click=${() => this.sortBy(key)}>
          ${label}${sorted ? (this.sortDescending ? ' ▼' : ' ▲') : ''}
        </button>
      </th>`;
    };
    const lang = this.language;
    return html`<div class="table-wrap">
        <table part="table" class="table sortable">
          <caption>
            ${texts.tableCaption(rows.length, schools.length)}
          </caption>
          <thead>
            <tr>
              ${header('name', texts.name)} ${header('indexRank', texts.indexRank)}
              <th scope="col">${texts.indexValue}</th>
              ${header('resultsRank', texts.resultsRank)} ${header('meanScore', texts.meanScore)}
              <th scope="col">${texts.flags}</th>
            </tr>
          </thead>
          <tbody>
            ${rows.map((i) => {
              const s = schools[i];
              if (s === undefined) return nothing;
              const flags = s.explanations.map((e) => localize(e.title, lang)).join('; ');
              return html`<tr
                class=${i === this.selected ? 'chosen' : ''}
                data-school-id=${s.schoolId}
              >
                <th scope="row">
                  <button type="button" class="link" @click=${() => this.choose(i)}>
                    ${s.name}
                  </button>
                </th>
                <td class="num" data-label=${texts.indexRank}>${s.indexRank}</td>
                <td class="num" data-label=${texts.indexValue}>
                  ${s.indexValue.toLocaleString(lang, { maximumFractionDigits: 3 })}
                </td>
                <td class="num" data-label=${texts.resultsRank}>
                  ${s.resultsRank ? texts.place(s.resultsRank.rank, s.resultsRank.outOf) : '—'}
                </td>
                <td class="num" data-label=${texts.meanScore}>
                  ${s.meanScore === null ? '—' : s.meanScore.toLocaleString(lang, { maximumFractionDigits: 1 })}
                </td>
                <td data-label=${texts.flags}>${flags}</td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
      ${
        rows.length < schools.length
          ? html`<button type="button" class="more" @click=${() => (this.limit += pageSize)}>
              ${texts.showMore}
            </button>`
          : nothing
      }`;
  }

  protected override render(): unknown {
    const texts = this.texts;
    const count = this.byIndex.length;
    return html`<div part="base" class="school-map">
      <h2 part="title">${texts.title}</h2>
      <p part="status" role="status">
        ${
          this.loader.state === 'loading'
            ? texts.loading
            : this.loader.state === 'error'
              ? `${texts.loadFailed}: ${this.loader.errorText(this.language)}`
              : ''
        }
      </p>
      ${selectField({
        id: 'color-by',
        part: 'color-by',
        label: texts.colorBy,
        value: this.colorBy,
        options: [
          { value: 'cluster', label: texts.byCluster },
          { value: 'flag', label: texts.byFlag },
        ],
        onChange: (event: Event) =>
          (this.colorBy = (event.target as HTMLSelectElement).value as SchoolMapColorBy),
      })}
      <div class="layout">
        <figure class="figure">
          <div
            part="chart"
            class="chart"
            role="application"
            tabindex="0"
            aria-label=${texts.chartLabel(count)}
            aria-describedby="chart-help"
            @keydown=${(event: KeyboardEvent) => this.onKeydown(event)}
          >
            <canvas
              aria-hidden="true"
              @click=${(event: MouseEvent) => this.onClick(event)}
            ></canvas>
          </div>
          <figcaption>
            <span class="axis">→ ${texts.xAxis}</span>
            <span class="axis">↑ ${texts.yAxis}</span>
            <span id="chart-help" class="help">${texts.chartHelp}</span>
          </figcaption>
          ${this.renderLegend(texts)}
        </figure>
        ${this.renderExplanation(texts)}
      </div>
      ${this.renderTable(texts)}
    </div>`;
  }
}

/**
 * The detail of `eduset-school-select`: the chosen school's id.
 *
 * @example
 * ```ts
 * import type { SchoolSelectDetail } from '@eduset/widgets';
 * const detail: SchoolSelectDetail = { schoolId: 'chentsevskaya' };
 * ```
 */
export interface SchoolSelectDetail {
  readonly schoolId: string;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'eduset-school-select': CustomEvent<SchoolSelectDetail>;
  }
}
