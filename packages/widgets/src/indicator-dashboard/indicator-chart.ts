import { html, svg, type TemplateResult } from 'lit';

// Why hand-written SVG and not a chart library: the whole embed bundle (every public element,
// Lit, core's schemas) has a budget of 125 KB gzip (packages/widgets/test/bundle.test.ts). Chart.js alone is ~65 KB gzip, ECharts ~300 KB,
// even uPlot ~20 KB; a small line chart with a target line and labelled points is ~2 KB of
// code here, renders under a strict CSP (no canvas, no inline styles), scales with its
// container and can be read by a screen reader through its label and the table view.

/**
 * One point of a trend chart: a period label, a value (or `null` for a gap) and its text.
 *
 * @example
 * ```ts
 * import type { TrendPoint } from '@eduset/widgets';
 * const point: TrendPoint = { label: '2019/20', value: 92, text: '92 %' };
 * ```
 */
export interface TrendPoint {
  readonly label: string;
  readonly value: number | null;
  readonly text: string;
}

const WIDTH = 320;
const HEIGHT = 120;
const PAD_X = 28;
const PAD_TOP = 12;
const PAD_BOTTOM = 22;

/**
 * A small SVG line chart of an indicator over periods, with the target as a dashed line.
 * The SVG is `role="img"` with `label` as its accessible name; gaps (no value) break the line.
 *
 * @example
 * ```ts
 * import { trendChart } from '@eduset/widgets';
 * const chart = trendChart(
 *   [{ label: '2018/19', value: 87, text: '87 %' }, { label: '2019/20', value: 92, text: '92 %' }],
 *   90,
 *   'График: 2018/19 — 87 %, 2019/20 — 92 %',
 * );
 * ```
 */
export function trendChart(
  points: readonly TrendPoint[],
  target: number | undefined,
  label: string,
): TemplateResult {
  const values = points.flatMap((point) => (point.value === null ? [] : [point.value]));
  if (target !== undefined) values.push(target);
  const top = values.length === 0 ? 1 : Math.max(...values);
  const bottom = Math.min(0, ...values);
  const span = top - bottom || 1;
  const step = points.length > 1 ? (WIDTH - 2 * PAD_X) / (points.length - 1) : 0;
  const x = (index: number): number => (points.length > 1 ? PAD_X + index * step : WIDTH / 2);
  const y = (value: number): number =>
    PAD_TOP + (1 - (value - bottom) / span) * (HEIGHT - PAD_TOP - PAD_BOTTOM);
  const segments: string[][] = [];
  let current: string[] = [];
  points.forEach((point, index) => {
    if (point.value === null) {
      if (current.length > 0) segments.push(current);
      current = [];
      return;
    }
    current.push(`${x(index).toFixed(1)},${y(point.value).toFixed(1)}`);
  });
  if (current.length > 0) segments.push(current);
  // At most six labels, evenly spaced, and always the last period's; a regular label closer
  // than the spacing to the last one is left out, so no two labels overlap.
  const every = Math.max(1, Math.ceil(points.length / 6));
  const last = points.length - 1;
  const labelled = (index: number): boolean =>
    index === last || (index % every === 0 && last - index >= every);
  return html`<svg
    part="chart"
    class="chart"
    viewBox="0 0 ${WIDTH} ${HEIGHT}"
    role="img"
    aria-label=${label}
  >
    ${svg`<line class="axis" x1=${PAD_X / 2} x2=${WIDTH - PAD_X / 2} y1=${y(bottom)} y2=${y(bottom)}></line>`}
    ${target === undefined ? '' : svg`<line class="target" x1=${PAD_X / 2} x2=${WIDTH - PAD_X / 2} y1=${y(target)} y2=${y(target)}></line>`}
    ${segments.map((segment) => (segment.length > 1 ? svg`<polyline class="line" points=${segment.join(' ')}></polyline>` : ''))}
    ${points.map((point, index) =>
      point.value === null
        ? ''
        : svg`<circle class="point" cx=${x(index)} cy=${y(point.value)} r="3.5"><title>${point.label}: ${point.text}</title></circle>`,
    )}
    ${points.map((point, index) =>
      labelled(index)
        ? svg`<text class="label" x=${x(index)} y=${HEIGHT - 6} text-anchor="middle">${point.label}</text>`
        : '',
    )}
  </svg>`;
}
