import type { StaffMailPayload } from '@eduset/adapters';
import type { OutgoingMail } from './transport.js';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

const footer =
  'Письмо отправлено автоматически; отвечать на него не нужно. / This message was sent automatically; there is no need to reply.';

/**
 * The e-mail of a message to staff (a late report, overdue measures) from what was written
 * when it was asked for: its paragraphs (Russian first, then English) and the link to the page
 * where they act, under the server's public address.
 *
 * @example
 * ```ts
 * import { composeStaffMail } from '@eduset/server';
 * const mail = composeStaffMail(
 *   { to: ['school-udomlya1@example.org'], subject: 'Отчёт / Report', paragraphs: ['Сдайте отчёт.', 'Please file it.'], path: 'udomlya/data-entry.html' },
 *   { publicUrl: 'http://127.0.0.1:8080/', from: 'eduset <noreply@localhost>', messageId: '<r.1@localhost>' },
 * );
 * mail.to; // 'school-udomlya1@example.org'
 * ```
 */
export function composeStaffMail(
  payload: StaffMailPayload,
  options: {
    readonly publicUrl: string;
    readonly from: string;
    readonly messageId: string;
    readonly kind?: string;
  },
): OutgoingMail {
  const base = options.publicUrl.endsWith('/') ? options.publicUrl : `${options.publicUrl}/`;
  const url = `${base}${payload.path.replace(/^\/+/, '')}`;
  const label = 'Открыть страницу / Open the page';
  const text = [
    ...payload.paragraphs.flatMap((paragraph) => [paragraph, '']),
    `${label}:`,
    url,
    '',
    footer,
    '',
  ].join('\n');
  const html = [
    '<!doctype html>',
    `<html lang="ru"><head><meta charset="utf-8"><title>${escapeHtml(payload.subject)}</title></head>`,
    '<body style="font-family: Arial, sans-serif; line-height: 1.5; color: #1a1a1a;">',
    ...payload.paragraphs.map(
      (paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`,
    ),
    `<p><a href="${escapeHtml(url)}">${escapeHtml(label)}</a><br><small>${escapeHtml(url)}</small></p>`,
    `<p><small>${escapeHtml(footer)}</small></p>`,
    '</body></html>',
    '',
  ].join('\n');
  return {
    to: payload.to.join(', '),
    from: options.from,
    subject: payload.subject,
    text,
    html,
    messageId: options.messageId,
    attachments: [],
    headers: { 'X-Eduset-Message': options.kind ?? 'staff' },
  };
}
