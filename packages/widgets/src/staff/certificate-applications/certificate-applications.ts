import {
  certificateApplicationDecisionSchema,
  certificateApplicationListSchema,
  certificateApplicationStatusLabels,
  childAge,
  localize,
  type CertificateApplication,
  type CertificateApplicationStatus,
  type Lang,
  type LocalizedText,
} from '@eduset/core';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { EdusetElement } from '../../internal/eduset-element.js';
import { certificateApplicationsStyles } from './certificate-applications.styles.js';
import {
  certificateApplicationsTexts,
  type CertificateApplicationsTexts,
} from './certificate-applications.texts.js';
import { field, selectField } from '../../internal/parts/index.js';

/** Which applications the list shows: one status, or all of them. */
type Shown = CertificateApplicationStatus | 'all';

/** A message of the live region. */
interface Said {
  readonly text: LocalizedText;
  readonly error: boolean;
}

function dateTime(at: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Moscow',
  }).format(new Date(at));
}

function civil(date: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

/**
 * `<eduset-certificate-applications>` — the operator's desk for families' applications for a
 * certificate: the waiting ones first (or those confirmed, refused, withdrawn, all), each with
 * the child's name and birth date (and age today), the address, the parent's e-mail and the
 * consent version; the operator issues a record certificate (its number and the nominal for
 * the rest of the period are shown at once) or refuses with a reason the family reads, and
 * erases a decided application's personal data after a confirmation. Every read and decision
 * is in the server's audit log.
 *
 * Talks to `GET {src-base}/operator/certificate-applications?status=`, `POST …/:id/confirm`,
 * `…/:id/refuse` `{ reason }`, `…/:id/erase` with the signed-in session's cookie and the CSRF
 * token of `GET {src-base}/auth/csrf`; answers are validated with core's schemas. Russian by
 * default, English with `lang="en"`.
 *
 * @tagname eduset-certificate-applications
 * @summary The operator's desk for certificate applications.
 *
 * @attr src-base - Base URL of the eduset API (e.g. `/api`); the list loads when set.
 * @attr lang - `ru` (default) or `en`; inherited from ancestors and `<html lang>` when absent.
 *
 * @csspart base - The wrapper of everything.
 * @csspart status - The live region (what happened, errors).
 * @csspart filter - The choice of applications shown.
 * @csspart application - One application.
 *
 * @cssproperty --eduset-certificate-applications-gap - Space between parts (default: `--eduset-spacing`).
 *
 * @example
 * ```html
 * <script type="module" src="/widgets/eduset-staff.js"></script>
 * <eduset-certificate-applications src-base="/api"></eduset-certificate-applications>
 * ```
 */
export class EdusetCertificateApplications extends EdusetElement {
  /** The element's shadow-DOM styles; theme through `--eduset-*` and `::part`. */
  static override styles = certificateApplicationsStyles;

  static override properties: PropertyDeclarations = {
    srcBase: { type: String, attribute: 'src-base' },
    shown: { state: true },
    applications: { state: true },
    total: { state: true },
    loading: { state: true },
    busy: { state: true },
    said: { state: true },
    erasing: { state: true },
    today: { state: true },
  };

  /** Base URL of the API. */
  declare srcBase: string | null;
  /** @internal Which applications are listed. */
  declare shown: Shown;
  /** The applications listed. */
  declare applications: readonly CertificateApplication[];
  /** How many match in all. */
  declare total: number;
  /** The list is loading. */
  declare loading: boolean;
  /** A decision is on its way. */
  declare busy: boolean;
  /** @internal What the live region says. */
  declare said: Said | null;
  /** The application whose erasure waits for a confirmation. */
  declare erasing: string | null;
  /** Today (`YYYY-MM-DD`, Moscow), for the children's ages. */
  declare today: string;

  private csrfToken: string | undefined;

  constructor() {
    super();
    this.srcBase = null;
    this.shown = 'submitted';
    this.applications = [];
    this.total = 0;
    this.loading = false;
    this.busy = false;
    this.said = null;
    this.erasing = null;
    this.today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(new Date());
  }

  private get texts(): CertificateApplicationsTexts {
    return certificateApplicationsTexts[this.language];
  }

  private both(pick: (t: CertificateApplicationsTexts) => string): LocalizedText {
    return { ru: pick(certificateApplicationsTexts.ru), en: pick(certificateApplicationsTexts.en) };
  }

  private url(path: string): string {
    return `${(this.srcBase ?? '').replace(/\/$/, '')}${path}`;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if ((changed.has('srcBase') || changed.has('shown')) && this.srcBase) void this.load();
  }

  /** The words of a refusal: the server's, or what its status means for staff. */
  private async refusal(response: Response): Promise<LocalizedText> {
    if (response.status === 401) return this.both((t) => t.signIn);
    if (response.status === 403) return this.both((t) => t.notAllowed);
    const body = (await response.json().catch(() => ({}))) as {
      error?: { message?: LocalizedText };
    };
    return body.error?.message ?? this.both((t) => t.failed);
  }

  /**
   * Loads the list again (what the retry button does).
   *
   * @example
   * ```ts
   * await document.querySelector('eduset-certificate-applications')?.load();
   * ```
   */
  async load(): Promise<void> {
    this.loading = true;
    try {
      const query = this.shown === 'all' ? '' : `&status=${this.shown}`;
      const response = await fetch(
        this.url(`/operator/certificate-applications?limit=200${query}`),
        { credentials: 'same-origin', headers: { Accept: 'application/json' } },
      );
      if (!response.ok) {
        this.applications = [];
        this.total = 0;
        this.said = { text: await this.refusal(response), error: true };
        return;
      }
      const list = certificateApplicationListSchema.parse(await response.json());
      this.applications = list.applications;
      this.total = list.total;
    } catch {
      this.said = { text: this.both((t) => t.failed), error: true };
    } finally {
      this.loading = false;
    }
  }

  private async csrf(): Promise<string> {
    if (this.csrfToken !== undefined) return this.csrfToken;
    const response = await fetch(this.url('/auth/csrf'), {
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    });
    const body = (await response.json().catch(() => ({}))) as { csrfToken?: unknown };
    this.csrfToken = typeof body.csrfToken === 'string' ? body.csrfToken : '';
    return this.csrfToken;
  }

  private async decide(
    application: CertificateApplication,
    decision: 'confirm' | 'refuse' | 'erase',
    body: object,
    done: (answer: ReturnType<typeof certificateApplicationDecisionSchema.parse>) => LocalizedText,
  ): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.said = null;
    try {
      const response = await fetch(
        this.url(
          `/operator/certificate-applications/${encodeURIComponent(application.id)}/${decision}`,
        ),
        {
          method: 'POST',
          credentials: 'same-origin',
          headers: {
            Accept: 'application/json',
            'Content-Type': 'application/json',
            'x-csrf-token': await this.csrf(),
          },
          body: JSON.stringify(body),
        },
      );
      if (!response.ok) {
        this.said = { text: await this.refusal(response), error: true };
        return;
      }
      const answer = certificateApplicationDecisionSchema.parse(await response.json());
      this.applications = this.applications.map((candidate) =>
        candidate.id === answer.application.id ? answer.application : candidate,
      );
      this.erasing = null;
      this.said = { text: done(answer), error: false };
    } catch {
      this.said = { text: this.both((t) => t.failed), error: true };
    } finally {
      this.busy = false;
    }
  }

  private confirm(application: CertificateApplication): void {
    void this.decide(application, 'confirm', {}, (answer) => {
      const number = answer.certificate?.number ?? '';
      const nominal = answer.certificate?.nominal;
      return {
        ru: certificateApplicationsTexts.ru.confirmedNow(number, nominal?.format('ru') ?? ''),
        en: certificateApplicationsTexts.en.confirmedNow(number, nominal?.format('en') ?? ''),
      };
    });
  }

  private refuse(application: CertificateApplication, event: Event): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const reason = String(new FormData(form).get('reason') ?? '').trim();
    if (reason === '') {
      this.said = { text: this.both((t) => t.needReason), error: true };
      form.querySelector('textarea')?.focus();
      return;
    }
    void this.decide(application, 'refuse', { reason }, () => this.both((t) => t.refusedNow));
  }

  override render(): TemplateResult {
    const t = this.texts;
    const lang = this.language;
    const options: readonly [Shown, string][] = [
      ['submitted', t.waiting],
      ['confirmed', t.confirmed],
      ['refused', t.refused],
      ['withdrawn', t.withdrawn],
      ['all', t.all],
    ];
    return html`
      <section
        part="base"
        class="desk"
        aria-labelledby="applications-title"
        aria-busy=${this.loading ? 'true' : 'false'}
      >
        <h2 id="applications-title">${t.title}</h2>
        ${selectField({
          id: 'shown',
          part: 'filter',
          label: t.show,
          value: this.shown,
          options: options.map(([value, label]) => ({ value, label })),
          onChange: (event: Event) => {
            this.shown = (event.target as HTMLSelectElement).value as Shown;
          },
        })}
        <p part="status" class=${this.said?.error ? 'status error' : 'status'} role="status">
          ${
            this.said
              ? localize(this.said.text, lang)
              : this.loading
                ? t.loading
                : this.applications.length === 0
                  ? t.none
                  : t.count(this.applications.length, this.total)
          }
        </p>
        ${
          this.said?.error && this.applications.length === 0
            ? html`<button type="button" @click=${() => void this.load()}>${t.retry}</button>`
            : nothing
        }
        <ul class="applications">
          ${this.applications.map((application) => this.renderApplication(application, t))}
        </ul>
      </section>
    `;
  }

  private renderApplication(
    application: CertificateApplication,
    t: CertificateApplicationsTexts,
  ): TemplateResult {
    const lang = this.language;
    const heading = `a-${application.id}`;
    const waiting = application.status === 'submitted';
    return html`
      <li part="application" class="card" aria-labelledby=${heading}>
        <h3 id=${heading}>${t.reference(application.id)}</h3>
        <dl>
          <dt>${t.status}</dt>
          <dd>
            <strong
              >${localize(certificateApplicationStatusLabels[application.status], lang)}</strong
            >
          </dd>
          <dt>${t.submitted}</dt>
          <dd>${dateTime(application.submittedAt, lang)}</dd>
          ${
            application.childName === undefined
              ? nothing
              : html`<dt>${t.child}</dt>
                  <dd>${application.childName}</dd>`
          }
          ${
            application.birthDate === undefined
              ? nothing
              : html`<dt>${t.birthDate}</dt>
                  <dd>
                    ${civil(application.birthDate, lang)}
                    (${t.age(childAge(application.birthDate, this.today))})
                  </dd>`
          }
          ${
            application.address === undefined
              ? nothing
              : html`<dt>${t.address}</dt>
                  <dd>${application.address}</dd>`
          }
          ${
            application.email === undefined
              ? nothing
              : html`<dt>${t.email}</dt>
                  <dd>${application.email}</dd>`
          }
          <dt>${t.consent}</dt>
          <dd>${application.consentVersion}</dd>
        </dl>
        ${
          application.decidedAt !== undefined && application.decidedBy !== undefined
            ? html`<p>
                ${t.decided(application.decidedBy, dateTime(application.decidedAt, lang))}
              </p>`
            : nothing
        }
        ${
          application.certificateNumber
            ? html`<p>${t.certificate(application.certificateNumber)}</p>`
            : nothing
        }
        ${application.refusalReason ? html`<p>${t.reason(application.refusalReason)}</p>` : nothing}
        ${
          application.erasedAt
            ? html`<p class="muted">${t.erased(dateTime(application.erasedAt, lang))}</p>`
            : nothing
        }
        ${waiting ? this.renderDecision(application, t) : this.renderErasure(application, t)}
      </li>
    `;
  }

  private renderDecision(
    application: CertificateApplication,
    t: CertificateApplicationsTexts,
  ): TemplateResult {
    const reasonId = `reason-${application.id}`;
    return html`
      <div class="actions">
        <button
          type="button"
          class="primary"
          ?disabled=${this.busy}
          @click=${() => this.confirm(application)}
        >
          ${t.confirm}
        </button>
        <form
          class="card raised refuse"
          @submit=${(event: Event) => this.refuse(application, event)}
        >
          ${field({
            id: reasonId,
            name: 'reason',
            type: 'textarea',
            rows: 2,
            maxlength: 500,
            label: t.refuseReason,
            hint: t.refuseHint,
            value: '',
          })}
          <button type="submit" class="secondary" ?disabled=${this.busy}>${t.refuse}</button>
        </form>
      </div>
    `;
  }

  private renderErasure(
    application: CertificateApplication,
    t: CertificateApplicationsTexts,
  ): TemplateResult | typeof nothing {
    if (application.erasedAt !== undefined) return nothing;
    if (this.erasing !== application.id) {
      return html`<button
        type="button"
        class="secondary"
        @click=${() => {
          this.erasing = application.id;
        }}
      >
        ${t.erase}
      </button>`;
    }
    return html`
      <div class="card raised danger confirm" role="group" aria-label=${t.erase}>
        <p>${t.eraseConfirm}</p>
        <button
          class="primary"
          type="button"
          ?disabled=${this.busy}
          @click=${() =>
            void this.decide(application, 'erase', {}, () => this.both((tt) => tt.erasedNow))}
        >
          ${t.yesErase}
        </button>
        <button
          type="button"
          class="secondary"
          @click=${() => {
            this.erasing = null;
          }}
        >
          ${t.keep}
        </button>
      </div>
    `;
  }
}
