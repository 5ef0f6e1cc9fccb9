import { css, html, nothing, type TemplateResult } from 'lit';

/**
 * The field part (GOV.UK Design System's order): the label above, then a hint, then the error
 * message in red above the control; an invalid field has a red bar on its left and its control
 * a thick red border. A `fieldset` groups without a frame; `fieldset.boxed` has one. Text inputs, selects and text areas share one look. `.error-summary` is
 * the box at the top of a form that lists what to fix.
 *
 * @example
 * ```ts
 * import { fieldStyles } from './field.js';
 * const styles = [fieldStyles];
 * ```
 */
export const fieldStyles = css`
  /* In a row of fields (a grid or a flex row) every control sits at the row's bottom, lined up
     with its neighbours whatever the height of their labels; a field never stretches its control. */
  .field {
    display: grid;
    align-content: end;
    gap: 0.25em;
    min-width: 0;
  }
  .field > label,
  .field > .label,
  legend {
    font-weight: 600;
  }
  .hint {
    color: var(--_color-text-muted);
    font-size: 0.875em;
  }
  /* Widths by the expected length of the answer (GOV.UK's width classes): a text input is as
     wide as the column up to 30em (a long text), a number 10 characters, a date or a time its
     own picker, a select its longest choice; width-N fits N characters, width-full the
     whole column. Never wider than the column on a phone. */
  .field > input:not([type='checkbox'], [type='radio']),
  .field > select {
    justify-self: start;
    width: var(--_field-width, 100%);
    max-width: min(100%, var(--_field-max, 30em));
  }
  :where(.field > input[type='number']) {
    --_field-width: calc(10ch + 2.5em);
  }
  :where(
    .field > input[type='date'],
    .field > input[type='month'],
    .field > input[type='time'],
    .field > select
  ) {
    --_field-width: auto;
  }
  .field > select {
    min-width: min(100%, 11.5em);
  }
  .field > textarea {
    width: 100%;
    max-width: min(100%, 40em);
  }
  .width-2 {
    --_field-width: calc(2ch + 2.5em);
  }
  .width-3 {
    --_field-width: calc(3ch + 2.5em);
  }
  .width-4 {
    --_field-width: calc(4ch + 2.5em);
  }
  .width-5 {
    --_field-width: calc(5ch + 2.5em);
  }
  .width-10 {
    --_field-width: calc(10ch + 2.5em);
  }
  .width-20 {
    --_field-width: calc(20ch + 1.5em);
  }
  .width-30 {
    --_field-width: calc(30ch + 1.5em);
    --_field-max: 100%;
  }
  .width-full {
    --_field-width: 100%;
    --_field-max: 100%;
  }
  .checkbox {
    display: flex;
    align-items: flex-start;
    gap: 0.5em;
  }
  .checkbox > input {
    flex: none;
    margin: 0.15em 0 0;
  }
  .radio {
    display: inline-flex;
    align-items: center;
    gap: 0.375em;
    min-height: 2.75em;
    font-weight: normal;
  }
  .radio > input {
    flex: none;
    margin: 0;
  }
  .tile-row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .radio.tile {
    position: relative;
    justify-content: center;
    min-width: var(--_tile-size, 2.75em);
    min-height: var(--_tile-size, 2.75em);
    padding: 0.25em 1em;
    border: 1px solid var(--_color-border);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_color-surface);
    cursor: pointer;
  }
  .radio.tile > input {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    opacity: 0;
    cursor: pointer;
  }
  .radio.tile:has(input:checked) {
    color: var(--_color-on-primary);
    background: var(--_color-primary);
    border-color: var(--_color-primary);
  }
  .radio.tile:has(input:focus-visible) {
    outline: 3px solid var(--_color-focus);
    outline-offset: 2px;
  }
  .invalid .radio.tile {
    border-color: var(--_color-danger);
  }
  .field-error {
    color: var(--_color-danger);
    font-weight: 600;
  }
  .field.invalid,
  fieldset.invalid {
    padding-inline-start: 0.75em;
    border-inline-start: 4px solid var(--_color-danger);
  }
  input:not([type='checkbox'], [type='radio'], [type='range']),
  select,
  textarea {
    max-width: 100%;
    min-height: 2.75em;
    padding: 0.375em 0.5em;
    font: inherit;
    color: inherit;
    background: var(--_color-surface);
    border: 1px solid var(--_color-border);
    border-radius: calc(var(--_radius) / 2);
  }
  textarea {
    width: 100%;
    resize: vertical;
  }
  input[type='checkbox'],
  input[type='radio'] {
    width: 1.25em;
    height: 1.25em;
    accent-color: var(--_color-primary);
  }
  input[aria-invalid='true'],
  select[aria-invalid='true'],
  textarea[aria-invalid='true'] {
    border: 2px solid var(--_color-danger);
  }
  input:disabled,
  select:disabled,
  textarea:disabled {
    color: var(--_color-text-muted);
    background: var(--_color-surface-raised);
    border-style: dashed;
    cursor: not-allowed;
  }
  fieldset {
    min-width: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }
  fieldset.boxed {
    padding: 0.5em 0.75em 0.75em;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
  }
  .error-summary {
    display: grid;
    gap: 0.25em;
    padding: 0.75em 1em;
    color: var(--_color-text);
    border: 3px solid var(--_color-danger);
    border-radius: var(--_radius);
  }
  .error-summary:focus {
    outline: 3px solid var(--_color-focus);
  }
  .error-summary ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .error-summary a {
    color: var(--_color-danger);
    font-weight: 600;
  }
`;

/** The ids a field's control refers to (`aria-describedby`). */
/** The oldest age, in whole years, a child's age field takes (the services' ages end at 18–25). */
export const maxChildAge = 25;

/**
 * The input of a child's age in whole years, as every form that asks it draws it (the
 * booking, the schedule's and the directory's filters): spread into {@link field}.
 */
export const childAgeInput = {
  name: 'age',
  type: 'number',
  inputmode: 'numeric',
  min: 0,
  max: maxChildAge,
  step: 1,
} as const;

export interface FieldIds {
  readonly hint: string;
  readonly error: string;
}

/**
 * The ids of a field's hint and error message, from the control's id.
 *
 * @example
 * ```ts
 * import { fieldIds } from './field.js';
 * fieldIds('phone').error; // 'phone-error'
 * ```
 */
export const fieldIds = (id: string): FieldIds => ({ hint: `${id}-hint`, error: `${id}-error` });

/**
 * How wide a text input or select is, by the length of the answer it expects (GOV.UK's width
 * classes): `2`…`30` characters, or `full` for the whole column. Without one, a text input is
 * the column's width up to 30em, a number 10 characters, a date, a time or a select its own.
 */
export type FieldWidth = 2 | 3 | 4 | 5 | 10 | 20 | 30 | 'full';

/**
 * The class of a control of this width (none without one).
 *
 * @example
 * ```ts
 * import { widthClass } from './field.js';
 * widthClass(4); // 'width-4'
 * ```
 */
export const widthClass = (width: FieldWidth | undefined): string | typeof nothing =>
  width === undefined ? nothing : `width-${width}`;

/** What {@link field} draws. */
export interface FieldOptions {
  /** The control's id: the label's `for`, and the stem of the hint's and error's ids. */
  readonly id: string;
  readonly label: string | TemplateResult;
  readonly hint?: string | TemplateResult;
  /** The message shown when the value is wrong; none when it is right. */
  readonly error?: string | null;
  /** `text` (default), `email`, `tel`, `url`, `number`, a `date`, `month` or `time`, `search` — or `textarea`. */
  readonly type?:
    'text' | 'email' | 'tel' | 'url' | 'number' | 'date' | 'month' | 'time' | 'search' | 'textarea';
  readonly name?: string;
  readonly value: string;
  readonly required?: boolean;
  readonly autocomplete?: string;
  readonly inputmode?: string;
  /** The least value: a number, or a date (`YYYY-MM-DD`) for a date field. */
  readonly min?: number | string;
  /** The greatest value: a number, or a date for a date field. */
  readonly max?: number | string;
  readonly step?: number;
  readonly maxlength?: number;
  readonly pattern?: string;
  readonly placeholder?: string;
  readonly disabled?: boolean;
  /** The control's own `part` name. */
  readonly controlPart?: string;
  /** The input's width by the length of the answer it expects. */
  readonly width?: FieldWidth;
  /** A text area's height in lines. */
  readonly rows?: number;
  /** Other ids that describe the control (a hint shared by several fields), read first. */
  readonly describedBy?: readonly string[];
  /** Marks the control invalid although its own message sits elsewhere (a shared error). */
  readonly invalid?: boolean;
  /** The wrapper's `part` name, for a host page's `::part()` styling. */
  readonly part?: string;
  readonly onInput?: (event: Event) => void;
  /** Called when the value is committed (a date or a time picked, the field left). */
  readonly onChange?: (event: Event) => void;
}

/**
 * `aria-describedby` for a control with these ids, a hint or not, an error or not.
 *
 * @example
 * ```ts
 * import { describedBy } from './field.js';
 * describedBy('phone', true, false); // 'phone-hint'
 * ```
 */
export const describedBy = (
  id: string,
  hint: boolean,
  error: boolean,
  more: readonly string[] = [],
): string | undefined => {
  const ids = fieldIds(id);
  const list = [...more, hint ? ids.hint : '', error ? ids.error : ''].filter(Boolean).join(' ');
  return list === '' ? undefined : list;
};

/** A field's hint, its id the one `describedBy` names; nothing without a hint. */
const hintText = (id: string, hint: string | TemplateResult | null) =>
  hint === null ? nothing : html`<span class="hint" id=${fieldIds(id).hint}>${hint}</span>`;

/** A field's error message, its id the one `describedBy` names; nothing when it is right. */
const errorText = (id: string, error: string | null) =>
  error === null
    ? nothing
    : html`<span class="field-error" part="field-error" id=${fieldIds(id).error}>${error}</span>`;

/**
 * A labelled text input or text area: the label above, the hint, the error message (its id in
 * the control's `aria-describedby`, the control `aria-invalid`), then the control.
 *
 * @example
 * ```ts
 * import { field } from './field.js';
 * field({ id: 'phone', label: 'Телефон', type: 'tel', value: '', error: 'Укажите телефон' });
 * ```
 */
export const field = (options: FieldOptions): TemplateResult => {
  const error = options.error ?? null;
  const hint = options.hint ?? null;
  const described =
    describedBy(options.id, hint !== null, error !== null, options.describedBy) ?? nothing;
  const invalid = error === null && options.invalid !== true ? nothing : 'true';
  const control =
    options.type === 'textarea'
      ? html`<textarea
          id=${options.id}
          name=${options.name ?? nothing}
          rows=${options.rows ?? nothing}
          maxlength=${options.maxlength ?? nothing}
          .value=${options.value}
          ?required=${options.required === true}
          ?disabled=${options.disabled === true}
          part=${options.controlPart ?? nothing}
          aria-describedby=${described}
          aria-invalid=${invalid}
          @input=${options.onInput}
          @change=${options.onChange}
        ></textarea>`
      : html`<input
          id=${options.id}
          name=${options.name ?? nothing}
          type=${options.type ?? 'text'}
          class=${widthClass(options.width)}
          .value=${options.value}
          ?required=${options.required === true}
          ?disabled=${options.disabled === true}
          part=${options.controlPart ?? nothing}
          autocomplete=${options.autocomplete ?? nothing}
          inputmode=${options.inputmode ?? nothing}
          min=${options.min ?? nothing}
          max=${options.max ?? nothing}
          step=${options.step ?? nothing}
          maxlength=${options.maxlength ?? nothing}
          pattern=${options.pattern ?? nothing}
          placeholder=${options.placeholder ?? nothing}
          aria-describedby=${described}
          aria-invalid=${invalid}
          @input=${options.onInput}
          @change=${options.onChange}
        />`;
  return fieldFrame(options.id, options.label, hint, error, control, options.part);
};

/**
 * The frame every labelled control shares (GOV.UK order): label, hint, error message, control.
 * The control itself refers to `fieldIds(id)` in its `aria-describedby`.
 *
 * @example
 * ```ts
 * import { html } from 'lit';
 * import { fieldFrame } from './field.js';
 * fieldFrame('when', 'Когда', null, null, html`<input id="when" type="time" />`);
 * ```
 */
export const fieldFrame = (
  id: string,
  label: string | TemplateResult,
  hint: string | TemplateResult | null,
  error: string | null,
  control: TemplateResult,
  part?: string,
): TemplateResult => {
  return html`<div class=${error === null ? 'field' : 'field invalid'} part=${part ?? nothing}>
    <label for=${id}>${label}</label>
    ${hintText(id, hint)} ${errorText(id, error)} ${control}
  </div>`;
};

/** What {@link checkbox} draws. */
export interface CheckboxOptions {
  readonly id: string;
  readonly label: string | TemplateResult;
  readonly name?: string;
  readonly checked: boolean;
  readonly required?: boolean;
  readonly disabled?: boolean;
  readonly error?: string | null;
  readonly part?: string;
  readonly onChange?: (event: Event) => void;
}

/**
 * A checkbox with its label beside it; its error message above, wired like a field's.
 *
 * @example
 * ```ts
 * import { checkbox } from './field.js';
 * checkbox({ id: 'consent', label: 'Согласен', checked: false, error: 'Отметьте согласие' });
 * ```
 */
export const checkbox = (options: CheckboxOptions): TemplateResult => {
  const error = options.error ?? null;
  return html`<div
    class=${error === null ? 'field' : 'field invalid'}
    part=${options.part ?? nothing}
  >
    ${errorText(options.id, error)}
    <span class="checkbox">
      <input
        id=${options.id}
        name=${options.name ?? nothing}
        type="checkbox"
        .checked=${options.checked}
        ?required=${options.required === true}
        ?disabled=${options.disabled === true}
        aria-describedby=${describedBy(options.id, false, error !== null) ?? nothing}
        aria-invalid=${error === null ? nothing : 'true'}
        @change=${options.onChange}
      />
      <label for=${options.id}>${options.label}</label>
    </span>
  </div>`;
};

/** What {@link radio} draws. */
export interface RadioOptions {
  readonly name: string;
  readonly value: string;
  readonly label: string | TemplateResult;
  readonly checked: boolean;
  /** `checkbox` for one of several choices a person may tick together; `radio` by default. */
  readonly type?: 'radio' | 'checkbox';
  /**
   * A tile: a bordered box filled when chosen, the control inside it (for short answers —
   * yes/no, a score, a weekday — laid out in a `.tile-row`).
   */
  readonly tile?: boolean;
  /** The label's own class, for the element's sizing of its tiles. */
  readonly className?: string;
  /** Whether the group's answer is wrong (the control says so: `aria-invalid`). */
  readonly invalid?: boolean;
  readonly disabled?: boolean;
  readonly onChange?: (event: Event) => void;
}

/**
 * One radio button (or checkbox) inside its label, for a `fieldset` of choices (its legend the
 * question), plain or as a tile.
 *
 * @example
 * ```ts
 * import { radio } from './field.js';
 * radio({ name: 'view', value: 'day', label: 'День', checked: true });
 * radio({ name: 'days', value: '2', label: 'вторник', checked: false, type: 'checkbox', tile: true });
 * ```
 */
export const radio = (options: RadioOptions): TemplateResult =>
  html`<label
    class=${['radio', options.tile === true ? 'tile' : '', options.className ?? '']
      .filter(Boolean)
      .join(' ')}
    ><input
      type=${options.type ?? 'radio'}
      name=${options.name}
      value=${options.value}
      .checked=${options.checked}
      ?disabled=${options.disabled === true}
      aria-invalid=${options.invalid === true ? 'true' : nothing}
      @change=${options.onChange}
    />${options.label}</label
  >`;

/** What {@link choiceGroup} draws. */
export interface ChoiceGroupOptions {
  /** The fieldset's id: the stem of its hint's and error's ids. */
  readonly id: string;
  /** The question the choices answer. */
  readonly legend: string | TemplateResult;
  readonly hint?: string | TemplateResult;
  /** The message shown when the choice is wrong; none when it is right. */
  readonly error?: string | null;
  /** The fieldset's own class, for the element's layout of its choices. */
  readonly className?: string;
  /** The fieldset's CSS part name, for a page's styles. */
  readonly part?: string;
  /** The choices (radios, checkboxes) and whatever goes with them. */
  readonly content: TemplateResult;
}

/**
 * A group of choices: a fieldset with its legend, a hint and an error message (GOV.UK order),
 * the fieldset referring to both (`aria-describedby`), then the choices.
 *
 * @example
 * ```ts
 * import { html } from 'lit';
 * import { choiceGroup, radio } from './field.js';
 * choiceGroup({
 *   id: 'view',
 *   legend: 'Период',
 *   content: html`${radio({ name: 'view', value: 'day', label: 'День', checked: true })}`,
 * });
 * ```
 */
export const choiceGroup = (options: ChoiceGroupOptions): TemplateResult => {
  const error = options.error ?? null;
  const hint = options.hint ?? null;
  const className = [options.className ?? '', error === null ? '' : 'invalid']
    .filter(Boolean)
    .join(' ');
  return html`<fieldset
    id=${options.id}
    class=${className === '' ? nothing : className}
    part=${options.part ?? nothing}
    aria-describedby=${describedBy(options.id, hint !== null, error !== null) ?? nothing}
  >
    <legend>${options.legend}</legend>
    ${hintText(options.id, hint)} ${errorText(options.id, error)} ${options.content}
  </fieldset>`;
};

/** One item of an {@link errorSummary}: the message and the id of the control to fix. */
export interface ErrorSummaryItem {
  readonly id: string;
  readonly message: string;
}

/**
 * The error summary at the top of a form: a titled alert whose items link to the controls.
 *
 * @example
 * ```ts
 * import { errorSummary } from './field.js';
 * errorSummary('Исправьте ошибки', [{ id: 'phone', message: 'Укажите телефон' }]);
 * ```
 */
export const errorSummary = (
  title: string,
  items: readonly ErrorSummaryItem[],
): TemplateResult | typeof nothing =>
  items.length === 0
    ? nothing
    : html`<div class="error-summary" role="alert" tabindex="-1">
        <strong>${title}</strong>
        <ul>
          ${items.map(
            (item) =>
              html`<li>
                <a
                  href=${`#${item.id}`}
                  @click=${(event: Event) => {
                    event.preventDefault();
                    const root = (event.currentTarget as Element).getRootNode() as ShadowRoot;
                    root.getElementById(item.id)?.focus();
                  }}
                  >${item.message}</a
                >
              </li>`,
          )}
        </ul>
      </div>`;
