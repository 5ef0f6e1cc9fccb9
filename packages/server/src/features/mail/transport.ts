import { mkdirSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import nodemailer, { type SendMailOptions } from 'nodemailer';

/**
 * A message ready to go: the recipient, the sender, the subject, the plain text and HTML
 * parts (Russian first, then English), its attachments (the `.ics`) and a `Message-ID` that
 * is the same every time this message is tried.
 *
 * @example
 * ```ts
 * import type { OutgoingMail } from '@eduset/server';
 * const mail: OutgoingMail = {
 *   to: 'anna@example.org', from: 'Служба помощи родителям <noreply@udomlya.example>',
 *   subject: 'Запись подтверждена / Booking confirmed', text: '…', html: '<p>…</p>',
 *   messageId: '<confirmation.3f2a@udomlya.example>', attachments: [],
 * };
 * ```
 */
export interface OutgoingMail {
  readonly to: string;
  readonly from: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** `<…@…>`: the same for every attempt of one message, so a mail system may see a repeat. */
  readonly messageId: string;
  readonly attachments: readonly {
    readonly filename: string;
    readonly content: string;
    readonly contentType: string;
  }[];
  /** Extra headers (`Auto-Submitted`, `X-Eduset-Message`). */
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * Why a message could not be sent: `permanent` when trying again cannot help (the SMTP
 * server refused the recipient or the message for good, a 5xx answer), else it is tried
 * again later. `code` is what is recorded: an SMTP code or an error name, never an address.
 *
 * @example
 * ```ts
 * import { MailSendError } from '@eduset/server';
 * new MailSendError('550', true).permanent; // true
 * ```
 */
export class MailSendError extends Error {
  constructor(
    readonly code: string,
    readonly permanent: boolean,
  ) {
    super(`mail not sent (${code})`);
    this.name = 'MailSendError';
  }
}

/**
 * Where messages go: an SMTP server (nodemailer) or a folder of `.eml` files (the demo).
 * `send` resolves once the message was handed over (the SMTP server accepted it, or the file
 * is written) and rejects with a {@link MailSendError}.
 *
 * @example
 * ```ts
 * import { mailFolderTransport } from '@eduset/server';
 * const transport = mailFolderTransport('.data/mail');
 * transport.description; // 'folder …/.data/mail'
 * await transport.close();
 * ```
 */
export interface MailTransport {
  /** Where the messages go, for the start-up line (no password). */
  readonly description: string;
  send(mail: OutgoingMail): Promise<void>;
  close(): Promise<void>;
}

/**
 * How to reach an SMTP server: a URL (`smtp://user:password@host:587`, `smtps://…:465`), or
 * host, port, user, password and whether the connection is TLS from the start (`secure`,
 * port 465) — otherwise STARTTLS is used when the server offers it.
 *
 * @example
 * ```ts
 * import type { SmtpSettings } from '@eduset/server';
 * const smtp: SmtpSettings = { host: 'smtp.udomlya.example', port: 587, user: 'eduset', password: '…' };
 * ```
 */
export interface SmtpSettings {
  readonly url?: string;
  readonly host?: string;
  readonly port?: number;
  readonly user?: string;
  readonly password?: string;
  readonly secure?: boolean;
}

/**
 * The longest an SMTP connection may stay silent before the attempt fails (ms). A sender
 * never starts a message with less than twice this much of its claim's lease left, so a
 * message cannot still be on its way when another process may take it.
 *
 * @example
 * ```ts
 * import { smtpSocketTimeoutMs } from '@eduset/server';
 * smtpSocketTimeoutMs; // 60 000
 * ```
 */
export const smtpSocketTimeoutMs = 60_000;

/** A nodemailer error as a {@link MailSendError}: 5xx answers are permanent. */
function sendError(error: unknown): MailSendError {
  const { responseCode, code } = (error ?? {}) as { responseCode?: unknown; code?: unknown };
  if (typeof responseCode === 'number') {
    return new MailSendError(String(responseCode), responseCode >= 500 && responseCode < 600);
  }
  return new MailSendError(typeof code === 'string' ? code : 'error', false);
}

function mailOptions(mail: OutgoingMail): SendMailOptions {
  return {
    to: mail.to,
    from: mail.from,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: mail.messageId,
    // Quoted-printable for the text parts and the .ics: mostly ASCII markup around Russian
    // words, and measured several times faster to write than nodemailer's base64 here.
    textEncoding: 'quoted-printable',
    attachments: mail.attachments.map((attachment) => ({ ...attachment })),
    headers: { 'Auto-Submitted': 'auto-generated', ...mail.headers },
  };
}

/**
 * Sends messages through an SMTP server with nodemailer: a pool of up to `maxConnections`
 * connections (8 by default) reused from message to message, timeouts of 30 s to connect
 * and greet and {@link smtpSocketTimeoutMs} of silence.
 *
 * @example
 * ```ts
 * import { smtpTransport } from '@eduset/server';
 * const transport = smtpTransport({ url: 'smtp://127.0.0.1:2525' });
 * await transport.close();
 * ```
 */
export function smtpTransport(settings: SmtpSettings, maxConnections = 8): MailTransport {
  const common = {
    pool: true as const,
    maxConnections,
    maxMessages: Infinity,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: smtpSocketTimeoutMs,
    logger: false,
  };
  const transporter =
    settings.url !== undefined
      ? nodemailer.createTransport({ ...common, url: settings.url })
      : nodemailer.createTransport({
          ...common,
          host: settings.host,
          port: settings.port ?? (settings.secure === true ? 465 : 587),
          secure: settings.secure ?? false,
          ...(settings.user !== undefined
            ? { auth: { user: settings.user, pass: settings.password ?? '' } }
            : {}),
        });
  const where =
    settings.url !== undefined
      ? (() => {
          const url = new URL(settings.url);
          return `${url.protocol}//${url.host}`;
        })()
      : `smtp://${settings.host ?? 'localhost'}:${settings.port ?? (settings.secure === true ? 465 : 587)}`;
  return {
    description: `SMTP ${where}`,
    async send(mail) {
      try {
        await transporter.sendMail(mailOptions(mail));
      } catch (error) {
        throw sendError(error);
      }
    },
    async close() {
      transporter.close();
    },
  };
}

/** A file name made of safe characters only. */
function safeName(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 120);
}

/**
 * Writes each message as an `.eml` file (the whole message as an SMTP server would receive
 * it, attachments included) into a folder, made if missing: the demo's "mailbox" when no
 * SMTP server is configured. A file name starts with the time it was written.
 *
 * @example
 * ```ts
 * import { mailFolderTransport } from '@eduset/server';
 * const transport = mailFolderTransport('.data/mail');
 * ```
 */
export function mailFolderTransport(dir: string): MailTransport {
  const folder = resolve(dir);
  const composer = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'windows',
  });
  let made = false;
  return {
    description: `folder ${folder}`,
    async send(mail) {
      try {
        if (!made) {
          mkdirSync(folder, { recursive: true });
          made = true;
        }
        const info = await composer.sendMail(mailOptions(mail));
        const stamp = new Date().toISOString().replace(/[:.]/g, '-');
        const name = `${stamp}-${safeName(mail.messageId.replace(/[<>]/g, '').split('@')[0] ?? 'message')}.eml`;
        // Written under a temporary name and renamed, so a mail client or a script watching
        // the folder never reads half a message.
        const partial = join(folder, `.${name}.partial`);
        await writeFile(partial, info.message as Buffer);
        await rename(partial, join(folder, name));
      } catch (error) {
        throw error instanceof MailSendError ? error : sendError(error);
      }
    },
    async close() {
      composer.close();
    },
  };
}
