import { isEdusetError, type Actor, type Instant, type VersionAuthor } from '@eduset/core';
import { HttpError } from '../../errors.js';

/**
 * The civil date of an instant in a time zone (`2026-09-01`): the day a registry step is
 * made on, as the operator's desk sees it.
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import { operatorToday } from '@eduset/server';
 * operatorToday(instant('2026-08-31T21:30:00Z'), 'Europe/Moscow'); // '2026-09-01'
 * ```
 */
export function operatorToday(at: Instant, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(at));
}

/**
 * Who made a version, from the signed-in staff member (account id and display name).
 *
 * @example
 * ```ts
 * import { versionAuthorOf } from '@eduset/server';
 * versionAuthorOf({ kind: 'staff', accountId: 'acc-1', displayName: 'МБУ «УМИЦ»', grants: [] });
 * // { accountId: 'acc-1', name: 'МБУ «УМИЦ»' }
 * ```
 */
export function versionAuthorOf(actor: Actor): VersionAuthor {
  if (actor.kind !== 'staff') return { accountId: 'anonymous', name: 'аноним / anonymous' };
  return { accountId: actor.accountId, name: actor.displayName };
}

const notFoundTexts: Readonly<Record<string, { ru: string; en: string }>> = {
  certificate: { ru: 'Сертификат не найден', en: 'Certificate not found' },
  'certificate group': { ru: 'Группа сертификатов не найдена', en: 'Certificate group not found' },
};

/**
 * A refusal of the registry or of a financing limit as the operator's routes answer it: a
 * 409 whose code is the rule's reason (`funded-places-exhausted`, `has-reserve`,
 * `version-moved` …), a 404 naming what was not found; anything else unchanged.
 *
 * @example
 * ```ts
 * import { RegistryError } from '@eduset/core';
 * import { operatorErrorAsHttp } from '@eduset/server';
 * operatorErrorAsHttp(new RegistryError('has-reserve')); // HttpError 409 'has-reserve'
 * ```
 */
export function operatorErrorAsHttp(error: unknown): unknown {
  if (!isEdusetError(error)) return error;
  if (error._tag === 'ConflictError') {
    const reason = (error as { reason?: unknown }).reason;
    return new HttpError(409, typeof reason === 'string' ? reason : 'conflict', error.text);
  }
  if (error._tag === 'NotFoundError') {
    const entity = (error as { entity?: unknown }).entity;
    const text = typeof entity === 'string' ? notFoundTexts[entity] : undefined;
    return new HttpError(404, 'not_found', text ?? error.text);
  }
  return error;
}
