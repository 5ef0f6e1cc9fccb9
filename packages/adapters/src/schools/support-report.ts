import type { IsoDate } from '@eduset/core/common';
import {
  supportReportOf,
  type SupportProgrammeRecord,
  type SupportReport,
} from '@eduset/core/schools';
import ExcelJS from 'exceljs';

const escapeHtml = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

const dateRu = (date: string): string => {
  const [y, m, d] = date.split('-');
  return `${d ?? ''}.${m ?? ''}.${y ?? ''}`;
};

const numberRu = (value: number | null): string =>
  value === null ? '—' : String(Math.round(value * 100) / 100).replace('.', ',');

const unitRu: Readonly<Record<string, string>> = { percent: ' %', count: '', score: ' балла' };

function verdict(improved: boolean | null, targetReached: boolean | null): string {
  const moved = improved === null ? 'нет данных' : improved ? 'улучшился' : 'не улучшился';
  const target =
    targetReached === null ? '' : targetReached ? ', цель достигнута' : ', цель не достигнута';
  return `${moved}${target}`;
}

/**
 * The styles of {@link supportReportHtml}: readable on screen, A4 landscape in print; overdue
 * rows are bold and say so in words, so the printout needs no colour.
 *
 * @example
 * ```ts
 * import { supportReportCss } from '@eduset/adapters';
 * supportReportCss.includes('@media print'); // true
 * ```
 */
export const supportReportCss = `body { font: 14px/1.45 system-ui, sans-serif; margin: 1.5rem; color: #111; }
h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
h2 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #555; padding: .3rem .45rem; text-align: left; vertical-align: top; }
th { background: #eee; }
tr.overdue td { background: #fde8e8; font-weight: 600; }
.print { margin: 1rem 0; }
@media print {
@page { size: A4 landscape; margin: 12mm; }
body { margin: 0; font-size: 11px; }
.print { display: none; }
tr { break-inside: avoid; }
th { background: none; }
tr.overdue td { background: none; }
}
`;

/**
 * The rows of the report's road map: one per measure, in people's words (Russian).
 */
function measureRows(report: SupportReport): string[][] {
  return report.measures.map((line) => [
    line.measure.title,
    line.measure.responsible,
    dateRu(line.measure.deadline),
    line.indicatorTitle?.ru ?? '—',
    line.measure.expectedEffect ?? '—',
    line.overdue ? `${line.statusText.ru} — ПРОСРОЧЕНО` : line.statusText.ru,
    line.reviewText.ru + (line.measure.reviewComment ? `: ${line.measure.reviewComment}` : ''),
    [line.measure.evidence, line.measure.evidenceUrl].filter(Boolean).join(' ') || '—',
  ]);
}

const measureHeader = [
  'Мероприятие',
  'Ответственный',
  'Срок',
  'На какой показатель влияет',
  'Ожидаемый эффект',
  'Статус',
  'Проверка координатора',
  'Подтверждение',
];

const indicatorHeader = [
  'Показатель',
  'Входной мониторинг',
  'Итоговый мониторинг',
  'Изменение',
  'Цель',
  'Итог',
];

function indicatorRows(report: SupportReport): string[][] {
  return report.indicators.map((outcome) => {
    const unit = unitRu[outcome.indicator.unit] ?? '';
    const withUnit = (value: number | null): string =>
      value === null ? '—' : `${numberRu(value)}${unit}`;
    return [
      outcome.indicator.title.ru,
      withUnit(outcome.input),
      withUnit(outcome.final),
      outcome.change === null ? '—' : `${outcome.change > 0 ? '+' : ''}${numberRu(outcome.change)}`,
      outcome.indicator.target === undefined ? '—' : withUnit(outcome.indicator.target),
      verdict(outcome.improved, outcome.targetReached),
    ];
  });
}

/**
 * The report of a support programme for the reporting session (отчётная сессия) as a
 * printable HTML page in Russian: the school, its risk profile, the summary, the road map with
 * statuses, reviews, evidence and overdue measures named as such, and input against final
 * monitoring per indicator. Its styles are {@link supportReportCss}, linked from
 * `options.stylesheet` (default `report.css`; no inline style: the page keeps a strict CSP).
 *
 * @example
 * ```ts
 * import { isoDate } from '@eduset/core/common';
 * import { supportReportHtml } from '@eduset/adapters';
 * import type { SupportProgrammeRecord } from '@eduset/core/schools';
 * declare const programme: SupportProgrammeRecord;
 * const html: string = supportReportHtml(programme, isoDate('2027-05-31'));
 * ```
 */
export function supportReportHtml(
  programme: SupportProgrammeRecord,
  asOf: IsoDate,
  options: { readonly stylesheet?: string } = {},
): string {
  const report = supportReportOf(programme, asOf);
  const table = (
    header: readonly string[],
    rows: readonly string[][],
    marks?: readonly boolean[],
  ) =>
    `<table><thead><tr>${header.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows
      .map(
        (row, index) =>
          `<tr${marks?.[index] ? ' class="overdue"' : ''}>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`,
      )
      .join('')}</tbody></table>`;
  const overdue = report.measures.filter((m) => m.overdue);
  return `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Отчёт о программе поддержки: ${escapeHtml(programme.schoolName)}, ${programme.year}</title>
<link rel="stylesheet" href="${escapeHtml(options.stylesheet ?? 'report.css')}">
</head>
<body>
<h1>Отчёт о реализации программы поддержки</h1>
<p><strong>${escapeHtml(programme.schoolName)}</strong>, ${programme.year} год. Состояние на ${dateRu(asOf)}.</p>
<p class="print">Для печати нажмите Ctrl+P (⌘P); таблицы поместятся на альбомный лист A4.</p>
<h2>Итоги</h2>
<p>${escapeHtml(report.head.summary.ru)}</p>
<h2>Почему школе нужна поддержка</h2>
<ul>${programme.risks.flags.map((f) => `<li><strong>${escapeHtml(f.title.ru)}</strong>: ${escapeHtml(f.rule.ru)}</li>`).join('')}</ul>
<p>Факторы риска: ${
    programme.risks.factors
      .filter((f) => f.level !== 'low')
      .map(
        (f) => `${escapeHtml(f.title.ru)} (${f.level === 'high' ? 'высокий' : 'средний'} уровень)`,
      )
      .join('; ') || 'не выявлены'
  }.</p>
<h2>Дорожная карта</h2>
<div class="table-wrap" tabindex="0" role="region" aria-label="Дорожная карта">${table(
    measureHeader,
    measureRows(report),
    report.measures.map((m) => m.overdue),
  )}</div>
<h2>Просроченные мероприятия</h2>
${
  overdue.length === 0
    ? '<p>Просроченных мероприятий нет.</p>'
    : `<ul>${overdue.map((m) => `<li>${escapeHtml(m.measure.title)} — срок ${dateRu(m.measure.deadline)}, ответственный: ${escapeHtml(m.measure.responsible)}</li>`).join('')}</ul>`
}
<h2>Мониторинг показателей</h2>
<p>Входной мониторинг: ${programme.inputMonitoring ? dateRu(programme.inputMonitoring.date) : 'не проведён'}; итоговый: ${programme.finalMonitoring ? dateRu(programme.finalMonitoring.date) : 'не проведён'}.</p>
<div class="table-wrap" tabindex="0" role="region" aria-label="Мониторинг показателей">${table(indicatorHeader, indicatorRows(report))}</div>
</body>
</html>
`;
}

/**
 * The report of a support programme as an XLSX workbook: sheet «Дорожная карта» (one row a
 * measure, overdue ones saying so in the status) and sheet «Мониторинг» (input against final
 * values per indicator), with the summary above each table.
 *
 * @example
 * ```ts
 * import { isoDate } from '@eduset/core/common';
 * import { supportReportXlsx } from '@eduset/adapters';
 * import type { SupportProgrammeRecord } from '@eduset/core/schools';
 * declare const programme: SupportProgrammeRecord;
 * const bytes: Uint8Array = await supportReportXlsx(programme, isoDate('2027-05-31'));
 * ```
 */
export async function supportReportXlsx(
  programme: SupportProgrammeRecord,
  asOf: IsoDate,
): Promise<Uint8Array> {
  const report = supportReportOf(programme, asOf);
  const workbook = new ExcelJS.Workbook();
  const title = `${programme.schoolName}, ${programme.year} год. Состояние на ${dateRu(asOf)}`;
  const sheets: [string, readonly string[], string[][], number[]][] = [
    ['Дорожная карта', measureHeader, measureRows(report), [50, 25, 12, 30, 35, 25, 30, 40]],
    ['Мониторинг', indicatorHeader, indicatorRows(report), [45, 18, 18, 12, 12, 30]],
  ];
  for (const [name, header, rows, widths] of sheets) {
    const sheet = workbook.addWorksheet(name);
    sheet.addRow([title]).font = { bold: true };
    sheet.addRow([report.head.summary.ru]);
    sheet.addRow([]);
    const head = sheet.addRow([...header]);
    head.font = { bold: true };
    head.alignment = { wrapText: true, vertical: 'middle' };
    rows.forEach((row) => {
      sheet.addRow(row).alignment = { wrapText: true, vertical: 'top' };
    });
    widths.forEach((width, index) => {
      sheet.getColumn(index + 1).width = width;
    });
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
