import {
  directions,
  isEdusetError,
  parametersDefinition,
  previewNormativeCost,
  type CertificateGroupSummary,
  type Direction,
  type DirectionLimits,
  type DirectionLimitsAnswer,
  type LocalizedText,
  type Money,
  type NormativeCostDefinition,
  type NormativeCostPreview,
  type ParametersAnswer,
  type ParametersVersion,
  type ValidationIssue,
} from '@eduset/core';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { EdusetElement } from '../../internal/eduset-element.js';
import { button, field, selectField } from '../../internal/parts/index.js';
import {
  OperatorDeskApi,
  OperatorRequestError,
} from '../certificate-registry/operator-desk-api.js';
import { financingParametersStyles } from './financing-parameters.styles.js';
import {
  financingParametersTexts,
  type CoefficientField,
  type FinancingParametersTexts,
} from './financing-parameters.texts.js';

/**
 * What `<eduset-financing-parameters>` reports after saving a version of the normative-cost
 * parameters (`kind: 'parameters'`) or of the direction limits (`kind: 'limits'`).
 *
 * @example
 * ```ts
 * import type { ParametersSavedEvent } from '@eduset/widgets/staff';
 * document.addEventListener('eduset-parameters-saved', (event: ParametersSavedEvent) => {
 *   console.log(event.detail.kind, event.detail.period, event.detail.version);
 * });
 * ```
 */
export class ParametersSavedEvent extends CustomEvent<{
  readonly kind: 'parameters' | 'limits';
  readonly period: string;
  readonly version: number;
}> {
  constructor(detail: { kind: 'parameters' | 'limits'; period: string; version: number }) {
    super('eduset-parameters-saved', { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'eduset-parameters-saved': ParametersSavedEvent;
  }
}

const fields: readonly CoefficientField[] = [
  'zp',
  'kT',
  'kA',
  'stav',
  'norm',
  'weekMonth',
  'dop',
  'uvel',
  'otch',
  'otpusk',
  'polezn',
  'prov',
  'nopc',
  'pc',
  'pk',
  'weekYear',
];

type Location = 'urban' | 'rural';
type SetDraft = Record<string, string>;
type Draft = Record<Location, SetDraft>;
type Tone = 'info' | 'error' | 'done';

const emptyDraft = (): Draft => ({ urban: {}, rural: {} });

/** A coefficient set as the draft holds it: every value as text, `dir:<direction>` keys. */
function draftOf(definition: NormativeCostDefinition): Draft {
  const setDraft = (location: Location): SetDraft => {
    const set = definition.coefficients[location];
    const draft: SetDraft = {};
    for (const field of fields) draft[field] = String(set[field]);
    for (const direction of directions) {
      const value = set.dir[direction];
      draft[`dir:${direction}`] = value === undefined ? '' : String(value);
    }
    draft.dirDefault = set.dirDefault === undefined ? '' : String(set.dirDefault);
    return draft;
  };
  return { urban: setDraft('urban'), rural: setDraft('rural') };
}

/** The draft as the API takes it: numbers as text with a dot, empty fields left out. */
function coefficientsOf(draft: Draft): unknown {
  const clean = (value: string | undefined) => (value ?? '').trim().replace(',', '.');
  const setOf = (set: SetDraft) => {
    const out: Record<string, unknown> = {};
    for (const field of fields) {
      const value = clean(set[field]);
      if (value !== '') out[field] = value;
    }
    const dir: Record<string, string> = {};
    for (const direction of directions) {
      const value = clean(set[`dir:${direction}`]);
      if (value !== '') dir[direction] = value;
    }
    out.dir = dir;
    const fallback = clean(set.dirDefault);
    if (fallback !== '') out.dirDefault = fallback;
    return out;
  };
  return { urban: setOf(draft.urban), rural: setOf(draft.rural) };
}

/**
 * `<eduset-financing-parameters>` — the operator's normative-cost parameters and direction
 * limits per financing period (нормативные затраты и лимиты), versioned: the version in force
 * with who saved it and when, every earlier version readable (shown read-only, or taken as the
 * base of a new one), the urban and rural coefficient sets, and — before saving — the
 * normative cost the draft gives for a sample programme next to the version in force, with
 * its three terms and the cost per direction (computed in the browser with core's formula, the
 * same the server uses). The limits table shows each direction's limit and the funded
 * enrolments counted against it. Saving makes a new version from the one in force; if someone
 * else saved meanwhile the server refuses and the element says so.
 *
 * Reads and writes `{src-base}/operator/periods`, `…/parameters/:period` and
 * `…/direction-limits/:period` with the signed-in session (CSRF token of
 * `GET {src-base}/auth/csrf`). Russian by default, English with `lang="en"`. Part of the staff
 * bundle (`eduset-staff.js`).
 *
 * @tagname eduset-financing-parameters
 * @summary Versioned normative-cost parameters with a preview, and direction limits per financing period.
 *
 * @attr src-base - Base address of the eduset API (default `/api`).
 * @attr period - The financing period to open (default: the one today falls in).
 * @attr lang - `ru` (default) or `en`; inherited from ancestors and `<html lang>` when absent.
 *
 * @fires eduset-parameters-saved - A new version was saved; `detail` says which, of what period.
 *
 * @csspart base - The wrapper of everything.
 * @csspart status - The live region.
 * @csspart preview - The preview of the normative cost.
 * @csspart button - Every button.
 *
 * @cssproperty --eduset-financing-parameters-panel-background - Background of the panels (default: the raised surface).
 *
 * @example
 * ```ts
 * import { EdusetFinancingParameters } from '@eduset/widgets/staff';
 * EdusetFinancingParameters.define('eduset-financing-parameters');
 * const parameters = document.createElement('eduset-financing-parameters');
 * parameters.setAttribute('src-base', '/api');
 * document.body.append(parameters);
 * ```
 */
export class EdusetFinancingParameters extends EdusetElement {
  static override styles = financingParametersStyles;

  static override properties: PropertyDeclarations = {
    srcBase: { type: String, attribute: 'src-base' },
    period: { type: String },
    groups: { state: true },
    parameters: { state: true },
    limits: { state: true },
    draft: { state: true },
    viewing: { state: true },
    sample: { state: true },
    limitDraft: { state: true },
    message: { state: true },
    problems: { state: true },
    busy: { state: true },
    failed: { state: true },
  };

  /** Base address of the API (`/api`). */
  declare srcBase: string | null;
  /** The financing period shown; the one today falls in when absent. */
  declare period: string | null;
  declare private groups: CertificateGroupSummary[];
  declare private parameters: ParametersAnswer | null;
  declare private limits: DirectionLimitsAnswer | null;
  declare private draft: Draft;
  declare private viewing: number | null;
  declare private sample: Record<string, string>;
  declare private limitDraft: Record<string, string>;
  declare private message: { text: LocalizedText; tone: Tone } | null;
  declare private problems: LocalizedText[];
  declare private busy: boolean;
  declare private failed: boolean;

  private note = '';
  private limitsNote = '';

  constructor() {
    super();
    this.srcBase = null;
    this.period = null;
    this.groups = [];
    this.parameters = null;
    this.limits = null;
    this.draft = emptyDraft();
    this.viewing = null;
    this.sample = {
      hours: '144',
      groupSize: '12',
      direction: 'technical',
      location: 'urban',
      individualHours: '0',
      secondTeacherHours: '0',
    };
    this.limitDraft = {};
    this.message = null;
    this.problems = [];
    this.busy = false;
    this.failed = false;
  }

  private get texts(): FinancingParametersTexts {
    return financingParametersTexts[this.language];
  }

  private get api(): OperatorDeskApi {
    return new OperatorDeskApi(this.srcBase ?? '/api');
  }

  private words(text: LocalizedText): string {
    return this.language === 'en' ? text.en : text.ru;
  }

  private money(amount: Money): string {
    return amount.format(this.language);
  }

  private when(at: string): string {
    return new Intl.DateTimeFormat(this.language === 'en' ? 'en-GB' : 'ru-RU', {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: 'Europe/Moscow',
    }).format(new Date(at));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  /**
   * Loads the periods, then the chosen period's parameters and limits.
   *
   * @example
   * ```ts
   * import type { EdusetFinancingParameters } from '@eduset/widgets/staff';
   * declare const parameters: EdusetFinancingParameters;
   * await parameters.load();
   * ```
   */
  async load(): Promise<void> {
    this.busy = true;
    try {
      const periods = await this.api.periods();
      this.groups = periods.groups;
      const known = periods.groups.map((group) => group.period.id);
      if (this.period === null || !known.includes(this.period)) {
        const today = periods.today;
        this.period =
          periods.groups.find((group) => group.period.start <= today && today <= group.period.end)
            ?.period.id ??
          known.at(-1) ??
          null;
      }
      await this.loadPeriod();
      this.failed = false;
    } catch (error) {
      this.failed = true;
      this.show(error);
    } finally {
      this.busy = false;
    }
  }

  private async loadPeriod(): Promise<void> {
    const period = this.period;
    if (period === null) return;
    const [parameters, limits] = await Promise.all([
      this.api.parameters(period),
      this.api.directionLimits(period),
    ]);
    this.parameters = parameters;
    this.limits = limits;
    this.viewing = null;
    const current = parameters.versions.at(-1);
    this.draft = current === undefined ? this.draft : draftOf(current.definition);
    this.limitDraft = Object.fromEntries(
      limits.counts.map((count) => [count.direction, count.max === null ? '' : String(count.max)]),
    );
  }

  private show(error: unknown): void {
    if (error instanceof OperatorRequestError) {
      this.problems = error.issues.map((issue) => this.issueText(issue));
      this.message = { text: error.text, tone: 'error' };
    } else {
      this.problems = [];
      this.message = {
        text: {
          ru: financingParametersTexts.ru.loadFailed,
          en: financingParametersTexts.en.loadFailed,
        },
        tone: 'error',
      };
    }
  }

  private issueText(issue: ValidationIssue): LocalizedText {
    const path = issue.path.filter((part) => part !== 'coefficients').join(' · ');
    return path === ''
      ? issue.message
      : { ru: `${path}: ${issue.message.ru}`, en: `${path}: ${issue.message.en}` };
  }

  private get current(): ParametersVersion | undefined {
    return this.parameters?.versions.at(-1);
  }

  private get shown(): Draft {
    const version = this.parameters?.versions.find((entry) => entry.version === this.viewing);
    return version === undefined ? this.draft : draftOf(version.definition);
  }

  /** The preview of the draft, or the problems that stop it. */
  private preview(): { preview: NormativeCostPreview } | { problems: readonly ValidationIssue[] } {
    const period = this.period ?? 'period';
    try {
      const proposed = parametersDefinition(period, (this.current?.version ?? 0) + 1, {
        coefficients: coefficientsOf(this.shown),
      });
      const number = (key: string) => Number((this.sample[key] ?? '').replace(',', '.'));
      const preview = previewNormativeCost(
        proposed,
        {
          hours: number('hours'),
          groupSize: number('groupSize'),
          direction: (this.sample.direction ?? 'technical') as Direction,
          location: (this.sample.location ?? 'urban') as Location,
          individualHours: number('individualHours'),
          secondTeacherHours: number('secondTeacherHours'),
        },
        this.current?.definition ?? null,
      );
      return { preview };
    } catch (error) {
      if (isEdusetError(error) && error._tag === 'ValidationError') {
        return { problems: (error as unknown as { issues: ValidationIssue[] }).issues };
      }
      return { problems: [] };
    }
  }

  private async choosePeriod(event: Event): Promise<void> {
    this.period = (event.target as HTMLSelectElement).value;
    this.busy = true;
    this.message = null;
    try {
      await this.loadPeriod();
    } catch (error) {
      this.show(error);
    } finally {
      this.busy = false;
    }
  }

  private async saveParameters(event: Event): Promise<void> {
    event.preventDefault();
    const period = this.period;
    if (period === null) return;
    this.busy = true;
    try {
      const note = this.note.trim();
      const saved = await this.api.saveParameters(period, {
        basedOn: this.current?.version ?? 0,
        coefficients: coefficientsOf(this.draft),
        ...(this.current?.definition.municipality === undefined
          ? {}
          : { municipality: this.current.definition.municipality }),
        ...(note === '' ? {} : { note }),
      });
      this.note = '';
      await this.loadPeriod();
      this.problems = [];
      this.message = { text: this.both((t) => t.saved(saved.version)), tone: 'done' };
      this.dispatchEvent(
        new ParametersSavedEvent({ kind: 'parameters', period, version: saved.version }),
      );
    } catch (error) {
      this.show(error);
    } finally {
      this.busy = false;
    }
  }

  private async saveLimits(event: Event): Promise<void> {
    event.preventDefault();
    const period = this.period;
    if (period === null) return;
    const limits: Record<string, number> = {};
    for (const direction of directions) {
      const value = (this.limitDraft[direction] ?? '').trim();
      if (value !== '') limits[direction] = Number(value);
    }
    this.busy = true;
    try {
      const note = this.limitsNote.trim();
      const saved = await this.api.saveDirectionLimits(period, {
        basedOn: this.limits?.versions.at(-1)?.version ?? 0,
        limits: limits as DirectionLimits,
        ...(note === '' ? {} : { note }),
      });
      this.limitsNote = '';
      await this.loadPeriod();
      this.problems = [];
      this.message = { text: this.both((t) => t.saved(saved.version)), tone: 'done' };
      this.dispatchEvent(
        new ParametersSavedEvent({ kind: 'limits', period, version: saved.version }),
      );
    } catch (error) {
      this.show(error);
    } finally {
      this.busy = false;
    }
  }

  private both(text: (t: FinancingParametersTexts) => string): LocalizedText {
    return { ru: text(financingParametersTexts.ru), en: text(financingParametersTexts.en) };
  }

  override render(): TemplateResult {
    const t = this.texts;
    return html`<section
      part="base"
      class="base"
      aria-labelledby="title"
      aria-busy=${this.busy ? 'true' : 'false'}
    >
      <h2 id="title">${t.title}</h2>
      <p class="muted">${t.intro}</p>
      ${this.renderStatus()}
      ${
        this.failed
          ? button({ label: t.retry, part: 'button', onClick: () => void this.load() })
          : this.parameters === null
            ? nothing
            : html`${this.renderPeriod()} ${this.renderCost()} ${this.renderLimits()}`
      }
    </section>`;
  }

  private renderStatus(): TemplateResult {
    const message = this.message;
    const loading = this.parameters === null && !this.failed;
    return html`<div
      part="status"
      class="status ${message?.tone ?? 'empty'}"
      role="status"
      aria-live="polite"
    >
      ${loading ? this.texts.loading : message === null ? nothing : this.words(message.text)}
      ${
        this.problems.length > 0
          ? html`<ul class="problems">
              ${this.problems.map((problem) => html`<li>${this.words(problem)}</li>`)}
            </ul>`
          : nothing
      }
    </div>`;
  }

  private renderPeriod(): TemplateResult {
    const periods = [
      ...new Map(this.groups.map((group) => [group.period.id, group.period])).values(),
    ];
    return selectField({
      id: 'period',
      label: this.texts.period,
      value: this.period ?? '',
      options: periods.map((period) => ({
        value: period.id,
        label: `${period.id} (${period.start} — ${period.end})`,
      })),
      disabled: this.busy,
      onChange: (event: Event) => void this.choosePeriod(event),
    });
  }

  private renderVersions(
    versions: readonly {
      version: number;
      changedAt: string;
      changedBy: { name: string };
      note?: string | undefined;
    }[],
    onShow?: (version: number) => void,
  ): TemplateResult {
    const t = this.texts;
    return html`<details class="versions">
      <summary>${t.versions} (${versions.length})</summary>
      <ol reversed>
        ${[...versions].reverse().map(
          (entry) =>
            html`<li>
              <strong>${t.version(entry.version)}</strong> —
              ${t.versionLine(this.when(entry.changedAt), entry.changedBy.name)}${
                entry.note === undefined ? nothing : html`: «${entry.note}»`
              }
              ${
                onShow === undefined
                  ? nothing
                  : button({
                      label: html`${t.show}<span class="visually-hidden">
                          ${t.version(entry.version)}</span
                        >`,
                      variant: 'link',
                      part: 'button',
                      onClick: () => onShow(entry.version),
                    })
              }
            </li>`,
        )}
      </ol>
    </details>`;
  }

  private renderCost(): TemplateResult {
    const t = this.texts;
    const current = this.current;
    const viewing = this.viewing;
    const readOnly = viewing !== null;
    return html`<form
      class="panel"
      aria-labelledby="cost-title"
      @submit=${(event: Event) => void this.saveParameters(event)}
    >
      <h3 id="cost-title">${t.costTitle}</h3>
      <p>
        ${
          current === undefined
            ? t.noVersion
            : t.inForce(current.version, this.when(current.changedAt), current.changedBy.name)
        }
      </p>
      ${this.renderVersions(this.parameters?.versions ?? [], (version) => {
        this.viewing = version;
      })}
      ${
        readOnly
          ? html`<div class="viewing" role="note">
              <p>${t.viewing(viewing)}</p>
              <div class="actions">
                ${button({
                  label: t.backToCurrent,
                  part: 'button',
                  onClick: () => (this.viewing = null),
                })}
                ${button({
                  label: t.takeAsBase,
                  part: 'button',
                  onClick: () => {
                    this.draft = this.shown;
                    this.viewing = null;
                  },
                })}
              </div>
            </div>`
          : nothing
      }
      ${(['urban', 'rural'] as const).map((location) => this.renderSet(location, readOnly))}
      ${this.renderPreview()}
      ${field({
        id: 'cost-note',
        label: t.note,
        maxlength: 500,
        value: this.note,
        disabled: readOnly,
        onInput: (event: Event) => {
          this.note = (event.target as HTMLInputElement).value;
        },
      })}
      <div class="actions">
        ${button({
          label: t.saveVersion,
          type: 'submit',
          variant: 'primary',
          part: 'button',
          disabled: this.busy || readOnly,
        })}
      </div>
    </form>`;
  }

  private renderSet(location: Location, readOnly: boolean): TemplateResult {
    const t = this.texts;
    const set = this.shown[location];
    const input = (key: string, label: string) =>
      field({
        id: `${location}-${key.replace(':', '-')}`,
        label,
        inputmode: 'decimal',
        autocomplete: 'off',
        width: 10,
        value: set[key] ?? '',
        disabled: readOnly,
        onInput: (event: Event) => {
          const value = (event.target as HTMLInputElement).value;
          this.draft = { ...this.draft, [location]: { ...this.draft[location], [key]: value } };
        },
      });
    return html`<details class="set" ?open=${location === 'urban'}>
      <summary>${location === 'urban' ? t.urban : t.rural}</summary>
      <div class="grid">${fields.map((field) => input(field, t.fields[field]))}</div>
      <fieldset class="boxed dir">
        <legend>${t.directionCoefficients}</legend>
        <div class="grid">
          ${directions.map((direction) => input(`dir:${direction}`, t.direction(t.directions[direction])))}
          ${input('dirDefault', t.otherDirections)}
        </div>
      </fieldset>
    </details>`;
  }

  private renderPreview(): TemplateResult {
    const t = this.texts;
    const sampleInput = (key: string, label: string) =>
      field({
        id: `sample-${key}`,
        label,
        inputmode: 'decimal',
        autocomplete: 'off',
        width: 5,
        value: this.sample[key] ?? '',
        onInput: (event: Event) => {
          this.sample = { ...this.sample, [key]: (event.target as HTMLInputElement).value };
        },
      });
    const result = this.preview();
    const current = this.current;
    return html`<fieldset class="boxed sample" part="preview">
      <legend>${t.sample}</legend>
      <p class="hint">${t.sampleHint}</p>
      <div class="grid">
        ${sampleInput('hours', t.hours)} ${sampleInput('groupSize', t.groupSize)}
        ${selectField({
          id: 'sample-direction',
          label: t.sampleDirection,
          value: this.sample.direction ?? '',
          options: directions.map((direction) => ({
            value: direction,
            label: t.directions[direction],
          })),
          onChange: (event: Event) => {
            this.sample = {
              ...this.sample,
              direction: (event.target as HTMLSelectElement).value,
            };
          },
        })}
        ${selectField({
          id: 'sample-location',
          label: t.location,
          value: this.sample.location ?? '',
          options: (['urban', 'rural'] as const).map((location) => ({
            value: location,
            label: t.locations[location],
          })),
          onChange: (event: Event) => {
            this.sample = { ...this.sample, location: (event.target as HTMLSelectElement).value };
          },
        })}
        ${sampleInput('individualHours', t.individualHours)}
        ${sampleInput('secondTeacherHours', t.secondTeacherHours)}
      </div>
      <div class="result" aria-live="polite">
        <h4>${t.preview}</h4>
        ${
          'problems' in result
            ? html`<p class="error">${t.previewProblems}</p>
                <ul class="problems">
                  ${result.problems.map((issue) => html`<li>${this.words(this.issueText(issue))}</li>`)}
                </ul>`
            : html`<p class="cost">
                  ${this.viewing === null ? t.cost : t.costOfVersion(this.viewing)}:
                  <strong>${this.money(result.preview.proposed.value)}</strong>
                  ${
                    result.preview.current === null || current === undefined
                      ? nothing
                      : html`<span class="muted">
                          (${t.currentCost(this.money(result.preview.current.value), current.version)};
                          ${t.difference(this.signed(result.preview.difference))})</span
                        >`
                  }
                </p>
                <ul class="terms">
                  <li>
                    ${t.teachers}: ${this.decimal(result.preview.proposed.breakdown.teachers)}
                  </li>
                  <li>
                    ${t.premises}:
                    ${this.decimal(result.preview.proposed.breakdown.premisesAndEquipment)}
                  </li>
                  <li>
                    ${t.development}:
                    ${this.decimal(result.preview.proposed.breakdown.professionalDevelopment)}
                  </li>
                </ul>
                <table class="table by-direction">
                  <caption>
                    ${t.byDirection}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">${t.sampleDirection}</th>
                      <th scope="col">
                        ${this.viewing === null ? t.proposed : t.version(this.viewing)}
                      </th>
                      <th scope="col">${t.current}</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${result.preview.byDirection.map(
                      (row) =>
                        html`<tr>
                          <th scope="row">${t.directions[row.direction]}</th>
                          <td
                            class="num"
                            data-label=${this.viewing === null ? t.proposed : t.version(this.viewing)}
                          >
                            ${row.proposed === null ? t.none : this.money(row.proposed)}
                          </td>
                          <td class="num" data-label=${t.current}>
                            ${row.current === null ? t.none : this.money(row.current)}
                          </td>
                        </tr>`,
                    )}
                  </tbody>
                </table>`
        }
      </div>
    </fieldset>`;
  }

  private signed(amount: Money | null): string {
    if (amount === null) return this.texts.none;
    const text = this.money(amount);
    return amount.isNegative() || amount.isZero() ? text : `+${text}`;
  }

  private decimal(exact: string): string {
    const value = Number(exact);
    return new Intl.NumberFormat(this.language === 'en' ? 'en-GB' : 'ru-RU', {
      style: 'currency',
      currency: 'RUB',
      maximumFractionDigits: 2,
    }).format(value);
  }

  private renderLimits(): TemplateResult {
    const t = this.texts;
    const limits = this.limits;
    return html`<form
      class="panel"
      aria-labelledby="limits-title"
      @submit=${(event: Event) => void this.saveLimits(event)}
    >
      <h3 id="limits-title">${t.limitsTitle}</h3>
      ${
        limits === null || limits.versions.length === 0
          ? html`<p>${t.noVersion}</p>`
          : html`<p>
              ${t.inForce(
                limits.versions.at(-1)?.version ?? 0,
                this.when(limits.versions.at(-1)?.changedAt ?? new Date(0).toISOString()),
                limits.versions.at(-1)?.changedBy.name ?? '',
              )}
            </p>`
      }
      ${this.renderVersions(limits?.versions ?? [])}
      <p class="hint">${t.limitHint}</p>
      <table class="table limits">
        <caption class="visually-hidden">
          ${t.limitsCaption}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t.sampleDirection}</th>
            <th scope="col">${t.limit}</th>
            <th scope="col">${t.enrolled}</th>
          </tr>
        </thead>
        <tbody>
          ${(limits?.counts ?? []).map(
            (count) =>
              html`<tr>
                <th scope="row">${t.directions[count.direction]}</th>
                <td data-label=${t.limit}>
                  <input
                    type="number"
                    min="0"
                    step="1"
                    inputmode="numeric"
                    aria-label=${`${t.limit}: ${t.directions[count.direction]}`}
                    .value=${this.limitDraft[count.direction] ?? ''}
                    @input=${(event: Event) => {
                      this.limitDraft = {
                        ...this.limitDraft,
                        [count.direction]: (event.target as HTMLInputElement).value,
                      };
                    }}
                  />
                </td>
                <td class="num" data-label=${t.enrolled}>${count.enrolments}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      ${field({
        id: 'limits-note',
        label: t.note,
        maxlength: 500,
        value: this.limitsNote,
        onInput: (event: Event) => {
          this.limitsNote = (event.target as HTMLInputElement).value;
        },
      })}
      <div class="actions">
        ${button({
          label: t.saveVersion,
          type: 'submit',
          variant: 'primary',
          part: 'button',
          disabled: this.busy,
        })}
      </div>
    </form>`;
  }
}
