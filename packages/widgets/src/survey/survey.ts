import {
  surveyAnsweredSchema,
  surveyCommentMaxLength,
  surveyScores,
  surveyViewSchema,
  type SurveyAnswered,
  type SurveyView,
} from '@eduset/core';
import {
  html,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { EdusetSurveyAnsweredEvent } from '../events/survey-answered.js';
import { EdusetElement } from '../internal/eduset-element.js';
import { surveyStyles } from './survey.styles.js';
import { surveyTexts, type SurveyTexts } from './survey.texts.js';
import { toJsonText } from '../internal/own.js';
import { choiceGroup, field, radio } from '../internal/parts/index.js';

/**
 * Where `<eduset-survey>` stands: waiting for its link (`idle`), loading the survey, showing
 * the form (`open`), sending the answer, thanking (`done`), or explaining why there is
 * nothing to answer (`answered`, `not-attended`, `not-found`), or a failure to retry
 * (`error`).
 *
 * @example
 * ```ts
 * import type { SurveyState } from '@eduset/widgets';
 * const state: SurveyState = 'open';
 * ```
 */
export type SurveyState =
  | 'idle'
  | 'loading'
  | 'open'
  | 'sending'
  | 'done'
  | 'answered'
  | 'not-attended'
  | 'not-found'
  | 'error';

/** A failed request: its HTTP status (0 when the server could not be reached) and code. */
interface Failure {
  readonly status: number;
  readonly code: string;
}

async function postJson<T>(
  url: string,
  body: unknown,
  parse: (input: unknown) => T,
  signal: AbortSignal,
): Promise<T | Failure> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: toJsonText(body),
      signal,
    });
  } catch (error) {
    if (signal.aborted) throw error;
    return { status: 0, code: 'network' };
  }
  let json: unknown;
  try {
    json = JSON.parse(await response.text());
  } catch {
    json = undefined;
  }
  if (!response.ok) {
    const error = (json as { error?: { code?: unknown } } | undefined)?.error;
    return { status: response.status, code: typeof error?.code === 'string' ? error.code : '' };
  }
  try {
    return parse(json);
  } catch {
    return { status: 502, code: 'invalid-answer' };
  }
}

function isFailure(value: unknown): value is Failure {
  return typeof value === 'object' && value !== null && 'status' in value && 'code' in value;
}

/**
 * `<eduset-survey>` — the short survey a parent answers after a consultation, from the link
 * in the e-mail (`/survey/#booking=<id>&token=<token>`): satisfied or not, a score from 1 to
 * 5 and an optional comment (at most 1000 characters, plain text, no names asked). It shows
 * which consultation it is about (service, date and time in the network's zone, site and
 * address) and says so when the survey is already answered, not open yet, or the link is
 * wrong. The answer is stored once and without the parent's contact.
 *
 * It reads the consultation from `POST {src-base}/surveys/{booking}/view` and sends the
 * answer to `POST {src-base}/surveys/{booking}`, the token in the body; both answers are
 * validated with core's schemas. Native radio buttons, a text area and a button: complete
 * from the keyboard; errors are said next to the question and in a live region, and the
 * focus moves to the first question to fix, or to the heading of the result. Russian by
 * default, English with `lang="en"`.
 *
 * @tagname eduset-survey
 * @summary The parents' survey after a consultation: satisfied, a score, a comment.
 *
 * @attr src-base - Base address of the eduset API (default `/api`).
 * @attr booking - The booking's id (from `#booking=…` of the link).
 * @attr token - The survey token (from `#token=…` of the link).
 * @attr network - The network, when the server holds several.
 * @attr lang - `ru` (default) or `en`; inherited from ancestors and `<html lang>` when absent.
 *
 * @fires eduset-survey-answered - The answer is stored; `detail.bookingId`, `detail.schoolYear`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart title - The heading.
 * @csspart details - What consultation the survey is about.
 * @csspart form - The form.
 * @csspart question - A question (a fieldset).
 * @csspart comment - The comment's text area.
 * @csspart submit - The send button.
 * @csspart status - The live region (loading, sending, errors).
 * @csspart message - The result: thanks, already answered, not open, not found.
 *
 * @cssproperty --eduset-survey-gap - Space between the parts (default `var(--eduset-spacing, 1em)`).
 * @cssproperty --eduset-survey-choice-size - Smallest size of an answer button (default `2.75em`).
 *
 * @example
 * ```html
 * <script type="module" src="/widgets/eduset-widgets.js"></script>
 * <!-- the page passes the id and the token from its #booking=…&token=… -->
 * <eduset-survey src-base="/api" booking="b-1" token="…"></eduset-survey>
 * ```
 */
export class EdusetSurvey extends EdusetElement {
  /** The element's shadow-DOM styles; theme through `--eduset-*` and `::part`. */
  static override styles = surveyStyles;

  static override properties: PropertyDeclarations = {
    srcBase: { type: String, attribute: 'src-base' },
    booking: { type: String },
    token: { type: String },
    network: { type: String },
    state: { state: true },
    view: { state: true },
    satisfied: { state: true },
    score: { state: true },
    comment: { state: true },
    tried: { state: true },
  };

  /** Base address of the API (`/api`). */
  declare srcBase: string;
  /** The booking's id. */
  declare booking: string | null;
  /** The survey token of the link. */
  declare token: string | null;
  /** The network, when several are stored. */
  declare network: string | null;
  /** Where the survey stands (read only; see {@link SurveyState}). */
  declare state: SurveyState;
  /** The consultation, once loaded. */
  declare view: SurveyView | null;
  declare private satisfied: boolean | null;
  declare private score: number | null;
  declare private comment: string;
  /** Whether the parent tried to send: the errors are shown from then on. */
  declare private tried: boolean;
  private controller: AbortController | undefined;
  private failureText = '';
  /** Move the focus to the result's heading after the next render. */
  private focusHeading = false;

  constructor() {
    super();
    this.srcBase = '/api';
    this.booking = null;
    this.token = null;
    this.network = null;
    this.state = 'idle';
    this.view = null;
    this.satisfied = null;
    this.score = null;
    this.comment = '';
    this.tried = false;
  }

  private get texts(): SurveyTexts {
    return surveyTexts[this.language];
  }

  private url(suffix = ''): string {
    const base = (this.srcBase || '/api').replace(/\/+$/, '');
    return `${base}/surveys/${encodeURIComponent(this.booking ?? '')}${suffix}`;
  }

  private body(): { token: string; network?: string } {
    return { token: this.token ?? '', ...(this.network ? { network: this.network } : {}) };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('booking') || changed.has('token') || changed.has('srcBase')) {
      if (this.booking && this.token) void this.load();
      else this.state = 'idle';
    }
  }

  protected override updated(): void {
    if (!this.focusHeading) return;
    this.focusHeading = false;
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.controller?.abort();
  }

  /**
   * Loads the survey again (after a failure).
   *
   * @example
   * ```ts
   * document.querySelector('eduset-survey')?.reload();
   * ```
   */
  reload(): void {
    if (this.booking && this.token) void this.load();
  }

  private fail(failure: Failure): void {
    const t = this.texts;
    if (failure.status === 404) this.state = 'not-found';
    else if (failure.code === 'already-answered') this.state = 'answered';
    else if (failure.code === 'not-attended') this.state = 'not-attended';
    else {
      this.failureText = failure.status === 429 ? t.rateLimited : t.failed;
      this.state = 'error';
    }
    this.focusHeading = this.state !== 'error';
  }

  private async load(): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.failureText = '';
    this.state = 'loading';
    const result = await postJson(
      this.url('/view'),
      this.body(),
      (input) => surveyViewSchema.parse(input),
      controller.signal,
    ).catch(() => undefined);
    if (result === undefined || controller.signal.aborted) return;
    if (isFailure(result)) {
      this.fail(result);
      return;
    }
    this.view = result;
    this.state = result.state === 'open' ? 'open' : result.state;
  }

  private async send(event: Event): Promise<void> {
    event.preventDefault();
    if (this.state === 'sending') return;
    this.tried = true;
    if (this.satisfied === null || this.score === null) {
      await this.updateComplete;
      const first = this.satisfied === null ? 'satisfied' : 'score';
      this.renderRoot.querySelector<HTMLInputElement>(`input[name="${first}"]`)?.focus();
      return;
    }
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.state = 'sending';
    const comment = this.comment.trim();
    const result = await postJson<SurveyAnswered>(
      this.url(),
      {
        ...this.body(),
        satisfied: this.satisfied,
        score: this.score,
        ...(comment === '' ? {} : { comment }),
      },
      (input) => surveyAnsweredSchema.parse(input),
      controller.signal,
    ).catch(() => undefined);
    if (result === undefined || controller.signal.aborted) return;
    if (isFailure(result)) {
      this.fail(result);
      // A failure to reach the server keeps the form and the answer: the parent sends again.
      if ((this.state as SurveyState) === 'error') this.state = 'open';
      return;
    }
    this.failureText = '';
    this.state = 'done';
    this.focusHeading = true;
    this.dispatchEvent(
      new EdusetSurveyAnsweredEvent({
        bookingId: this.booking ?? '',
        schoolYear: result.schoolYear,
      }),
    );
  }

  private details(view: SurveyView): TemplateResult {
    const t = this.texts;
    const when = new Intl.DateTimeFormat(this.language === 'ru' ? 'ru-RU' : 'en-GB', {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: view.timeZone,
    }).format(new Date(view.start));
    return html`<dl class="details" part="details">
      <dt>${t.consultation}</dt>
      <dd>${view.service.name[this.language]}</dd>
      <dt>${t.when}</dt>
      <dd>${when}</dd>
      <dt>${t.where}</dt>
      <dd>
        ${view.site.name}${view.site.address === undefined ? nothing : html`, ${view.site.address}`}
      </dd>
    </dl>`;
  }

  private form(): TemplateResult {
    const t = this.texts;
    const sending = this.state === 'sending';
    const satisfiedMissing = this.tried && this.satisfied === null;
    const scoreMissing = this.tried && this.score === null;
    const left = surveyCommentMaxLength - this.comment.length;
    const choice = (
      name: 'satisfied' | 'score',
      value: string,
      label: string,
      checked: boolean,
      choose: () => void,
      invalid: boolean,
      className?: string,
    ) =>
      radio({
        name,
        value,
        label,
        checked,
        tile: true,
        invalid,
        disabled: sending,
        onChange: choose,
        ...(className === undefined ? {} : { className }),
      });
    return html`<form part="form" novalidate @submit=${(event: Event) => void this.send(event)}>
      ${choiceGroup({
        id: 'satisfied',
        part: 'question',
        legend: t.satisfiedQuestion,
        error: satisfiedMissing ? t.chooseSatisfied : null,
        content: html`<div class="tile-row">
          ${choice('satisfied', 'yes', t.yes, this.satisfied === true, () => (this.satisfied = true), satisfiedMissing)}
          ${choice('satisfied', 'no', t.no, this.satisfied === false, () => (this.satisfied = false), satisfiedMissing)}
        </div>`,
      })}
      ${choiceGroup({
        id: 'score',
        part: 'question',
        legend: t.scoreQuestion,
        hint: t.scoreHint,
        error: scoreMissing ? t.chooseScore : null,
        content: html`<div class="tile-row">
          ${surveyScores.map((score) =>
            choice(
              'score',
              String(score),
              String(score),
              this.score === score,
              () => (this.score = score),
              scoreMissing,
              'score',
            ),
          )}
        </div>`,
      })}
      <div>
        ${field({
          id: 'comment',
          type: 'textarea',
          controlPart: 'comment',
          maxlength: surveyCommentMaxLength,
          label: t.comment,
          hint: t.commentHint,
          describedBy: ['comment-count'],
          value: this.comment,
          disabled: sending,
          onInput: (event: Event) => (this.comment = (event.target as HTMLTextAreaElement).value),
        })}
        <p class="count" id="comment-count">${t.charactersLeft(left)}</p>
      </div>
      <p class="hint">${t.anonymous}</p>
      <button type="submit" class="primary" part="submit" ?disabled=${sending}>
        ${sending ? t.sending : t.submit}
      </button>
    </form>`;
  }

  private message(title: string, text: string): TemplateResult {
    return html`<h2 id="survey-title" part="title" tabindex="-1">${title}</h2>
      ${this.view === null ? nothing : this.details(this.view)}
      <p class="message" part="message">${text}</p>`;
  }

  protected override render(): TemplateResult {
    const t = this.texts;
    const state = this.state;
    let content: TemplateResult;
    if (state === 'done') content = this.message(t.thanksTitle, t.thanks);
    else if (state === 'answered') content = this.message(t.answeredTitle, t.answered);
    else if (state === 'not-attended') content = this.message(t.notAttendedTitle, t.notAttended);
    else if (state === 'not-found') content = this.message(t.notFoundTitle, t.notFound);
    else if ((state === 'open' || state === 'sending') && this.view !== null) {
      content = html`<h2 id="survey-title" part="title" tabindex="-1">${t.title}</h2>
        ${this.details(this.view)} ${this.form()}`;
    } else {
      content = html`<h2 id="survey-title" part="title" tabindex="-1">${t.title}</h2>
        ${state === 'idle' ? html`<p class="message" part="message">${t.noLink}</p>` : nothing}`;
    }
    const missing =
      this.tried &&
      (state === 'open' || state === 'sending') &&
      (this.satisfied === null || this.score === null);
    const lower = (line: string) => line.charAt(0).toLocaleLowerCase(this.language) + line.slice(1);
    const problems = [
      this.satisfied === null ? t.chooseSatisfied : '',
      this.score === null ? t.chooseScore : '',
    ].filter((line) => line !== '');
    const status =
      state === 'loading'
        ? t.loading
        : state === 'sending'
          ? t.sending
          : state === 'error' || this.failureText !== ''
            ? this.failureText
            : missing
              ? `${t.errorsTitle}: ${problems.map(lower).join('; ')}`
              : '';
    const failed = state === 'error' || this.failureText !== '' || missing;
    return html`<section class="survey" part="base" aria-labelledby="survey-title">
      ${content}
      <p part="status" class="status ${failed ? 'error' : ''}" role="status" aria-live="polite">
        ${status}
      </p>
      ${state === 'error' ? html`<button type="button" class="secondary" @click=${() => this.reload()}>${t.retry}</button>` : nothing}
    </section>`;
  }
}
