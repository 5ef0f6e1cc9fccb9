import type { LocalizedText } from '../common/index.js';
import { actionLabels, actions, type Action } from './actions.js';
import type { Actor } from './actor.js';
import { requiredScopeFields, scopeFields, type Grant, type ScopeField } from './grant.js';
import type { Resource } from './resource.js';
import { roleLabels, roles, type Role } from './roles.js';

const list = (...granted: Action[]): readonly Action[] => Object.freeze(granted);

/**
 * What each role may do, as data (like CASL abilities). Where it may do it is the grant's
 * place in the tree: a role's actions reach only the records inside its grant's scope.
 * Everything not listed is denied. Every staff role may read its own account
 * (`staff.me.read`, asked with {@link canAnywhere}).
 *
 * | role | actions |
 * |---|---|
 * | coordinator | bookings with parents' contacts, private consultation notes, schedules, 152-ФЗ export and erasure, staff accounts, students' timetables, indicator and school data, review and approval of the organizations' reports, financing coverage reports, the inventory of rooms and staff — in the whole network |
 * | organization-admin | bookings with contacts and schedules at its own organization's sites |
 * | specialist | own consultations with parents' contacts and her private notes on them, own schedule, at every site she serves |
 * | operator | certificate registry and holders, families' applications for a certificate, programme review (approve or return with remarks), normative-cost parameters and direction limits |
 * | payer | billing: invoices and payments, coverage reports, normative-cost parameters and direction limits (read) — never contacts |
 * | provider | own programmes and groups (submitted for review), their applications and contracts (accept, decline, attendance, termination), own invoices and acts |
 * | school-staff | own school's data, indicator values and report (draft, submit), timetable links for its students |
 * | teacher | own groups' timetable |
 * | auditor | the audit log |
 *
 * @example
 * ```ts
 * import { permissions } from '@eduset/core/access';
 * permissions.payer.includes('booking.contact.read'); // false
 * ```
 */
export const permissions: Readonly<Record<Role, readonly Action[]>> = Object.freeze({
  coordinator: list(
    'staff.me.read',
    'booking.list',
    'booking.contact.read',
    'booking.write',
    'consultation.note.read',
    'consultation.note.write',
    'schedule.write',
    'person.export',
    'person.erase',
    'account.manage',
    'courses.timetable.read',
    'courses.plan.write',
    'indicators.values.write',
    'indicators.entry.write',
    'indicators.entry.review',
    'indicators.entry.remind',
    'schools.data.write',
    'schools.identification.run',
    'support.programme.read',
    'support.programme.write',
    'support.overdue.remind',
    'financing.reports.read',
    'inventory.read',
    'inventory.write',
  ),
  'organization-admin': list(
    'staff.me.read',
    'booking.list',
    'booking.contact.read',
    'booking.write',
    'schedule.write',
  ),
  specialist: list(
    'staff.me.read',
    'booking.list',
    'booking.contact.read',
    'booking.write',
    'consultation.note.read',
    'consultation.note.write',
    'schedule.write',
  ),
  operator: list(
    'staff.me.read',
    'financing.registry.write',
    'financing.programme.review',
    'certificate.holder.read',
    'financing.certificates.read',
    'financing.parameters.read',
    'financing.parameters.write',
    'financing.certificate-application.read',
    'financing.certificate-application.write',
  ),
  payer: list(
    'staff.me.read',
    'financing.billing.read',
    'financing.billing.write',
    'financing.reports.read',
    'financing.parameters.read',
  ),
  provider: list(
    'staff.me.read',
    'financing.contract.read',
    'financing.contract.write',
    'financing.billing.read',
    'financing.programme.write',
  ),
  'school-staff': list(
    'staff.me.read',
    'schools.data.write',
    // Not `indicators.values.write`: a school's figures reach the published values only
    // through its report and the coordinator's approval (`indicators.entry.write`).
    'indicators.entry.write',
    'courses.link.issue',
    'support.programme.read',
    'support.progress.write',
  ),
  teacher: list('staff.me.read', 'courses.timetable.read'),
  auditor: list('staff.me.read', 'audit.read'),
});

// Looked up through a Map, never by indexing an object with outside strings: a role such as
// `constructor` or `__proto__` that slipped past validation finds nothing.
const allowedByRole: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  roles.map((role) => [role, new Set<string>(permissions[role])]),
);
const requiredByRole: ReadonlyMap<string, readonly ScopeField[]> = new Map(
  roles.map((role) => [role, requiredScopeFields[role]]),
);
const knownActions: ReadonlySet<string> = new Set(actions);

const isId = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/** The actor's grants, or none: an anonymous or malformed actor holds nothing. */
function grantsOf(actor: Actor): readonly Grant[] {
  if (actor?.kind !== 'staff' || !Array.isArray(actor.grants)) return [];
  return actor.grants;
}

/**
 * Whether a grant gives the action somewhere: its role lists the action, it names a network
 * and carries every narrowing field its role needs.
 */
function grantAllows(grant: Grant, action: Action): boolean {
  if (typeof grant !== 'object' || grant === null) return false;
  if (!(allowedByRole.get(grant.role)?.has(action) ?? false)) return false;
  if (!isId(grant.networkId)) return false;
  const required = requiredByRole.get(grant.role) ?? [];
  return required.every((field) => isId(grant[field]));
}

/**
 * Whether a record lies inside a grant's place in the tree: the same network, and each
 * narrowing field the grant carries equal to the record's. A field the record lacks never
 * matches.
 *
 * @example
 * ```ts
 * import { grantReaches } from '@eduset/core/access';
 * const head = { role: 'organization-admin', networkId: 'n', organizationId: 'ds-1' } as const;
 * grantReaches(head, { networkId: 'n', organizationId: 'ds-1', siteId: 'kp-1' }); // true
 * grantReaches(head, { networkId: 'n' }); // false
 * ```
 */
export function grantReaches(grant: Grant, resource: Resource): boolean {
  if (typeof resource !== 'object' || resource === null) return false;
  if (!isId(grant.networkId) || resource.networkId !== grant.networkId) return false;
  for (const field of scopeFields) {
    const wanted = grant[field];
    if (wanted === undefined) continue;
    const actual = resource[field];
    if (!isId(actual) || actual !== wanted) return false;
  }
  return true;
}

/**
 * The one access question: may this actor do this action to this record? Deny by default:
 * nobody signed in may do nothing; an action not in the list is denied; a grant counts only
 * when its role lists the action and the record lies inside the grant's place
 * ({@link grantReaches}). Pure: the inputs are not changed.
 *
 * @example
 * ```ts
 * import { can, type Actor } from '@eduset/core/access';
 * const ivanova: Actor = {
 *   kind: 'staff', accountId: 'acc-1', displayName: 'Иванова А. А.',
 *   grants: [{ role: 'specialist', networkId: 'udomlya', specialistId: 'psy-ivanova' }],
 * };
 * const booking = { networkId: 'udomlya', organizationId: 'ds-teremok', siteId: 'kp-teremok' };
 * can(ivanova, 'booking.contact.read', { ...booking, specialistId: 'psy-ivanova' }); // true
 * can(ivanova, 'booking.contact.read', { ...booking, specialistId: 'logo-petrova' }); // false
 * ```
 */
export function can(actor: Actor, action: Action, resource: Resource): boolean {
  if (!knownActions.has(action)) return false;
  return grantsOf(actor).some(
    (grant) => grantAllows(grant, action) && grantReaches(grant, resource),
  );
}

/**
 * Whether the actor may do the action anywhere at all. The server asks it before it loads a
 * record: anonymous → 401; signed in but never allowed → 403; otherwise it loads the record
 * and asks {@link can}. Also the check for actions on oneself, such as `staff.me.read`.
 *
 * @example
 * ```ts
 * import { canAnywhere, anonymousActor, type Actor } from '@eduset/core/access';
 * const payer: Actor = {
 *   kind: 'staff', accountId: 'acc-3', displayName: 'МАОУ СОШ № 5',
 *   grants: [{ role: 'payer', networkId: 'michurinsk' }],
 * };
 * canAnywhere(payer, 'financing.billing.write'); // true
 * canAnywhere(payer, 'booking.contact.read'); // false
 * canAnywhere(anonymousActor, 'staff.me.read'); // false
 * ```
 */
export function canAnywhere(actor: Actor, action: Action): boolean {
  if (!knownActions.has(action)) return false;
  return grantsOf(actor).some((grant) => grantAllows(grant, action));
}

/**
 * The grants under which the actor may do the action: the places where it is allowed. The
 * server turns them into a list's filter (every booking whose site's organization is one of
 * these, or whose specialist is this one). Empty when the action is allowed nowhere.
 *
 * @example
 * ```ts
 * import { grantsFor, type Actor } from '@eduset/core/access';
 * const actor: Actor = {
 *   kind: 'staff', accountId: 'acc-4', displayName: 'Сидорова Е. П.',
 *   grants: [
 *     { role: 'organization-admin', networkId: 'udomlya', organizationId: 'ds-teremok' },
 *     { role: 'auditor', networkId: 'udomlya' },
 *   ],
 * };
 * grantsFor(actor, 'booking.list'); // [{ role: 'organization-admin', networkId: 'udomlya', organizationId: 'ds-teremok' }]
 * ```
 */
export function grantsFor(actor: Actor, action: Action): Grant[] {
  if (!knownActions.has(action)) return [];
  return grantsOf(actor).filter((grant) => grantAllows(grant, action));
}

/**
 * The policy's answer with its reason in people's words: the grant that allowed the action,
 * or why it was denied. For the audit log and for the staff's own screens; a refusal sent to
 * the outside world must still say no more than "forbidden".
 *
 * @example
 * ```ts
 * import type { AccessDecision } from '@eduset/core/access';
 * const denied: AccessDecision = {
 *   allowed: false,
 *   reason: { ru: 'Нужно войти в систему', en: 'You need to sign in' },
 * };
 * ```
 */
export type AccessDecision =
  | { readonly allowed: true; readonly grant: Grant; readonly reason: LocalizedText }
  | { readonly allowed: false; readonly reason: LocalizedText };

const scopeWords: Readonly<Record<ScopeField, LocalizedText>> = {
  organizationId: { ru: 'в своей организации', en: 'within its own organization' },
  siteId: { ru: 'на своей площадке', en: 'at its own site' },
  specialistId: {
    ru: 'в своих консультациях и своём графике',
    en: 'in their own consultations and schedule',
  },
  teacherId: { ru: 'в своих группах', en: 'in their own groups' },
};

/** Where a grant reaches, in words: «во всей сети», «в своей организации, на своей площадке». */
function describeGrant(grant: Grant): LocalizedText {
  const role = roleLabels[grant.role];
  const narrowing = scopeFields.filter((field) => grant[field] !== undefined);
  const place: LocalizedText =
    narrowing.length === 0
      ? { ru: 'во всей сети', en: 'across the whole network' }
      : {
          ru: narrowing.map((field) => scopeWords[field].ru).join(', '),
          en: narrowing.map((field) => scopeWords[field].en).join(', '),
        };
  return { ru: `«${role.ru}» — ${place.ru}`, en: `"${role.en}" — ${place.en}` };
}

/**
 * Like {@link can}, with the reason: which grant allowed the action, or why it was denied
 * (nobody signed in, no role allows it, or the record lies outside every place where it is
 * allowed). Its `allowed` always equals `can(actor, action, resource)`. The reason names
 * roles and places in words, never ids, and says nothing about the record.
 *
 * @example
 * ```ts
 * import { explainDecision, type Actor } from '@eduset/core/access';
 * const coordinator: Actor = {
 *   kind: 'staff', accountId: 'acc-5', displayName: 'Смирнова О. И.',
 *   grants: [{ role: 'coordinator', networkId: 'udomlya' }],
 * };
 * explainDecision(coordinator, 'booking.list', { networkId: 'udomlya' }).reason.ru;
 * // 'Разрешено: «Координатор службы» — во всей сети'
 * ```
 */
export function explainDecision(actor: Actor, action: Action, resource: Resource): AccessDecision {
  if (actor?.kind !== 'staff') {
    return { allowed: false, reason: { ru: 'Нужно войти в систему', en: 'You need to sign in' } };
  }
  if (!knownActions.has(action)) {
    return {
      allowed: false,
      reason: { ru: 'Такого действия нет в списке прав', en: 'No such action in the permissions' },
    };
  }
  const label = actionLabels[action];
  const allowing = grantsFor(actor, action);
  const grant = allowing.find((candidate) => grantReaches(candidate, resource));
  if (grant !== undefined) {
    const where = describeGrant(grant);
    return {
      allowed: true,
      grant,
      reason: { ru: `Разрешено: ${where.ru}`, en: `Allowed: ${where.en}` },
    };
  }
  if (allowing.length === 0) {
    return {
      allowed: false,
      reason: {
        ru: `Ни одна из ваших ролей не позволяет: «${label.ru}»`,
        en: `None of your roles allows: "${label.en}"`,
      },
    };
  }
  const places = allowing.map(describeGrant);
  return {
    allowed: false,
    reason: {
      ru: `Запись вне ваших полномочий. «${label.ru}» вам разрешено только так: ${places.map((p) => p.ru).join('; ')}`,
      en: `The record is outside your scope. "${label.en}" is allowed to you only as: ${places.map((p) => p.en).join('; ')}`,
    },
  };
}
