import { html, nothing, type TemplateResult } from 'lit';
import { describedBy, fieldFrame, type FieldWidth, widthClass } from './field.js';

/** One choice of a {@link selectField}. */
export interface SelectOption {
  readonly value: string;
  readonly label: string;
}

/** What {@link selectField} draws. */
export interface SelectOptions {
  readonly id: string;
  readonly label: string | TemplateResult;
  readonly hint?: string | TemplateResult;
  readonly error?: string | null;
  readonly name?: string;
  readonly value: string;
  readonly options: readonly SelectOption[];
  readonly required?: boolean;
  readonly disabled?: boolean;
  /** Other ids that describe the select, read first. */
  readonly describedBy?: readonly string[];
  readonly part?: string;
  /** The select's own `part` name. */
  readonly controlPart?: string;
  /** The select's width by its longest choice; its own by default. */
  readonly width?: FieldWidth;
  readonly onChange?: (event: Event) => void;
}

/**
 * A labelled native select in the field part's look (its CSS is the field part's: one look for
 * inputs, selects and text areas): label above, hint, error message, then the select.
 *
 * @example
 * ```ts
 * import { selectField } from './select.js';
 * selectField({
 *   id: 'lang',
 *   label: 'Язык',
 *   value: 'ru',
 *   options: [{ value: 'ru', label: 'Русский' }, { value: 'en', label: 'English' }],
 * });
 * ```
 */
export const selectField = (options: SelectOptions): TemplateResult => {
  const error = options.error ?? null;
  const hint = options.hint ?? null;
  return fieldFrame(
    options.id,
    options.label,
    hint,
    error,
    html`<select
      id=${options.id}
      name=${options.name ?? nothing}
      class=${widthClass(options.width)}
      ?required=${options.required === true}
      ?disabled=${options.disabled === true}
      part=${options.controlPart ?? nothing}
      aria-describedby=${
        describedBy(options.id, hint !== null, error !== null, options.describedBy) ?? nothing
      }
      aria-invalid=${error === null ? nothing : 'true'}
      @change=${options.onChange}
    >
      ${options.options.map(
        (option) =>
          html`<option value=${option.value} .selected=${option.value === options.value}>
            ${option.label}
          </option>`,
      )}
    </select>`,
    options.part,
  );
};
