import type { LocalizedText } from './labels.js';

/**
 * One path segment into the validated input: an object key or an array index.
 *
 * @example
 * ```ts
 * import type { IssuePath } from '@eduset/core/common';
 * const path: IssuePath = ['sites', 3, 'kind'];
 * ```
 */
export type IssuePath = readonly (string | number)[];

/**
 * One problem found in outside data: where it is, a machine-readable code and a message in
 * Russian and English.
 *
 * @example
 * ```ts
 * import type { ValidationIssue } from '@eduset/core/common';
 * const issue: ValidationIssue = {
 *   path: ['sites', 0, 'kind'],
 *   code: 'invalid_value',
 *   message: { ru: 'Недопустимое значение', en: 'Invalid value' },
 * };
 * ```
 */
export interface ValidationIssue {
  readonly path: IssuePath;
  readonly code: string;
  readonly message: LocalizedText;
}

/**
 * The tags of every error eduset throws; match on `error._tag` exhaustively.
 *
 * @example
 * ```ts
 * import type { EdusetErrorTag } from '@eduset/core/common';
 * const tag: EdusetErrorTag = 'ValidationError';
 * ```
 */
export type EdusetErrorTag = 'ValidationError' | 'NotFoundError' | 'ConflictError';

/**
 * Base class of every error eduset throws. Each subclass has a literal `_tag`, so a
 * `switch (error._tag)` is checked for exhaustiveness by the compiler, and a message in
 * Russian and English.
 *
 * @example
 * ```ts
 * import { EdusetError, ValidationError } from '@eduset/core/common';
 * function describe(error: unknown): string {
 *   if (!(error instanceof EdusetError)) return String(error);
 *   return error.text.ru;
 * }
 * describe(new ValidationError([])); // 'Данные не прошли проверку'
 * ```
 */
export abstract class EdusetError extends Error {
  /** The discriminating tag of the error class. */
  abstract readonly _tag: EdusetErrorTag;
  /** The message in Russian and English. */
  readonly text: LocalizedText;

  protected constructor(text: LocalizedText) {
    super(`${text.ru} / ${text.en}`);
    this.text = text;
  }
}

/**
 * Outside data did not match a schema. Carries every issue found, each with its path and a
 * Russian and an English message; nothing is reported only in part.
 *
 * @example
 * ```ts
 * import { parse, ValidationError } from '@eduset/core/common';
 * import { z } from 'zod';
 * try {
 *   parse(z.object({ name: z.string() }), { name: 7 });
 * } catch (error) {
 *   if (error instanceof ValidationError) error.issues[0]?.path; // ['name']
 * }
 * ```
 */
export class ValidationError extends EdusetError {
  readonly _tag = 'ValidationError' as const;
  /** Every problem found, in input order. */
  readonly issues: readonly ValidationIssue[];

  constructor(issues: readonly ValidationIssue[], text?: LocalizedText) {
    super(text ?? { ru: 'Данные не прошли проверку', en: 'The data did not pass validation' });
    this.name = 'ValidationError';
    this.issues = issues;
  }
}

/**
 * Something referred to by id does not exist.
 *
 * @example
 * ```ts
 * import { NotFoundError } from '@eduset/core/common';
 * const error = new NotFoundError('site', 'kp-teremok');
 * error.text.en; // 'Not found: site "kp-teremok"'
 * ```
 */
export class NotFoundError extends EdusetError {
  readonly _tag = 'NotFoundError' as const;
  /** What kind of thing was looked for, e.g. `site`. */
  readonly entity: string;
  /** The id that was looked for. */
  readonly id: string;

  constructor(entity: string, id: string) {
    super({ ru: `Не найдено: ${entity} «${id}»`, en: `Not found: ${entity} "${id}"` });
    this.name = 'NotFoundError';
    this.entity = entity;
    this.id = id;
  }
}

/**
 * An operation conflicts with the current state (a double booking, a full group, a
 * duplicate id).
 *
 * @example
 * ```ts
 * import { ConflictError } from '@eduset/core/common';
 * const error = new ConflictError('no-seats', { ru: 'Мест нет', en: 'No seats left' });
 * error.reason; // 'no-seats'
 * ```
 */
export class ConflictError extends EdusetError {
  readonly _tag = 'ConflictError' as const;
  /** A machine-readable reason code. */
  readonly reason: string;

  constructor(reason: string, text: LocalizedText) {
    super(text);
    this.name = 'ConflictError';
    this.reason = reason;
  }
}

/**
 * Tells whether a value is an eduset error, across module copies (checks the tag, not only
 * the prototype chain), which matters when two bundles of eduset share a page.
 *
 * @example
 * ```ts
 * import { isEdusetError, NotFoundError } from '@eduset/core/common';
 * isEdusetError(new NotFoundError('site', 'x')); // true
 * isEdusetError(new Error('x')); // false
 * ```
 */
export function isEdusetError(value: unknown): value is EdusetError {
  if (value instanceof EdusetError) return true;
  if (typeof value !== 'object' || value === null) return false;
  const tag = (value as { _tag?: unknown })._tag;
  return tag === 'ValidationError' || tag === 'NotFoundError' || tag === 'ConflictError';
}
