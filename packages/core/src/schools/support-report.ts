import type { IsoDate } from '../common/iso-date.js';
import type { LocalizedText } from '../common/labels.js';
import type { SupportMeasure, SupportProgrammeRecord } from './support-api.js';
import {
  headReport,
  measureReviewTitles,
  measureStatusTitles,
  type HeadReport,
  type IndicatorOutcome,
} from './support.js';

/**
 * One measure of the report in people's words: its status and review as text, the indicator
 * it should move by name, and whether it is overdue.
 *
 * @example
 * ```ts
 * import type { SupportReportMeasure } from '@eduset/core/schools';
 * declare const line: SupportReportMeasure;
 * line.statusText.ru;
 * ```
 */
export interface SupportReportMeasure {
  readonly measure: SupportMeasure;
  readonly statusText: LocalizedText;
  readonly reviewText: LocalizedText;
  /** The indicator's name, when the measure names one. */
  readonly indicatorTitle?: LocalizedText;
  readonly overdue: boolean;
}

/**
 * The report of a support programme for the reporting session: core's {@link HeadReport}
 * (counts, overdue, input against final monitoring) and the measures in people's words.
 *
 * @example
 * ```ts
 * import type { SupportReport } from '@eduset/core/schools';
 * declare const report: SupportReport;
 * report.head.summary.ru;
 * ```
 */
export interface SupportReport {
  readonly programme: SupportProgrammeRecord;
  readonly head: HeadReport;
  readonly measures: readonly SupportReportMeasure[];
  readonly indicators: readonly IndicatorOutcome[];
}

/**
 * Builds the report of a stored programme as of a day (core never reads the clock): a
 * measure is overdue when its deadline has passed and it is neither done nor cancelled.
 *
 * @example
 * ```ts
 * import { isoDate } from '@eduset/core/common';
 * import { supportReportOf, type SupportProgrammeRecord } from '@eduset/core/schools';
 * declare const programme: SupportProgrammeRecord;
 * supportReportOf(programme, isoDate('2027-05-31')).head.shareDone;
 * ```
 */
export function supportReportOf(programme: SupportProgrammeRecord, asOf: IsoDate): SupportReport {
  const overdueIds = new Set<string>();
  const head = headReport(
    {
      id: String(programme.id),
      schoolId: programme.schoolId,
      title: programme.schoolName,
      year: programme.year,
      risks: programme.risks.factors.map((f) => ({ factor: f.factor, level: f.level })),
      // headReport counts a measure overdue after its last month; the deadline is a day, so
      // overdue is judged here by the day and handed over as a month already over.
      measures: programme.measures.map((m) => {
        const overdue = m.status !== 'done' && m.status !== 'cancelled' && m.deadline < asOf;
        if (overdue) overdueIds.add(m.id);
        const month = overdue ? '0000-01' : asOf.slice(0, 7);
        return {
          id: m.id,
          title: m.title,
          from: month,
          to: month,
          responsible: [m.responsible],
          status: m.status,
        };
      }),
      indicators: programme.indicators,
      ...(programme.inputMonitoring === undefined
        ? {}
        : { inputMonitoring: programme.inputMonitoring }),
      ...(programme.finalMonitoring === undefined
        ? {}
        : { finalMonitoring: programme.finalMonitoring }),
    },
    asOf,
  );
  const titles = new Map(programme.indicators.map((i) => [i.id, i.title]));
  return {
    programme,
    head,
    indicators: head.indicators,
    measures: programme.measures.map((measure) => {
      const indicatorTitle =
        measure.indicatorId === undefined ? undefined : titles.get(measure.indicatorId);
      return {
        measure,
        statusText: measureStatusTitles[measure.status],
        reviewText: measureReviewTitles[measure.review],
        ...(indicatorTitle === undefined ? {} : { indicatorTitle }),
        overdue: overdueIds.has(measure.id),
      };
    }),
  };
}
