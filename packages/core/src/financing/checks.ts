import { ValidationError, type IssuePath } from '../common/errors.js';
import type { LocalizedText } from '../common/labels.js';

// Argument checks that need no schema library, in a module of their own so that the code a
// public element reaches (the navigator's filter, its counts) loads neither zod classic nor
// the financing validation schemas. validation.ts re-exports them.

/** Throws a `ValidationError` of one issue. */
export function invalid(path: IssuePath, code: string, message: LocalizedText): never {
  throw new ValidationError([{ path, code, message }]);
}

/**
 * A number argument within bounds (a whole number when `integer`), or a `ValidationError`
 * naming it. Cheap enough for the kopeck fast paths.
 */
export function checkNumber(
  value: unknown,
  name: string,
  bounds: { readonly min?: number; readonly max?: number; readonly integer?: boolean },
): number {
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (!bounds.integer || Number.isInteger(value)) &&
    (bounds.min === undefined || value >= bounds.min) &&
    (bounds.max === undefined || value <= bounds.max);
  if (ok) return value;
  const kind: LocalizedText = bounds.integer
    ? { ru: 'целое число', en: 'a whole number' }
    : { ru: 'число', en: 'a number' };
  const range: LocalizedText =
    bounds.min !== undefined && bounds.max !== undefined
      ? {
          ru: ` от ${String(bounds.min)} до ${String(bounds.max)}`,
          en: ` from ${String(bounds.min)} to ${String(bounds.max)}`,
        }
      : bounds.min !== undefined
        ? { ru: ` не меньше ${String(bounds.min)}`, en: ` of at least ${String(bounds.min)}` }
        : bounds.max !== undefined
          ? { ru: ` не больше ${String(bounds.max)}`, en: ` of at most ${String(bounds.max)}` }
          : { ru: '', en: '' };
  const got = typeof value === 'number' ? String(value) : typeof value;
  return invalid([name], 'invalid_number', {
    ru: `Ожидается ${kind.ru}${range.ru}, получено ${got}`,
    en: `Expected ${kind.en}${range.en}, got ${got}`,
  });
}
