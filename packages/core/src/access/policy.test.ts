import { describe, expect, it } from 'vitest';
import { safeParse } from '../common/index.js';
import {
  actionLabels,
  actions,
  actorSchema,
  anonymousActor,
  can,
  canAnywhere,
  explainDecision,
  grantReaches,
  grantSchema,
  grantsFor,
  permissions,
  roleLabels,
  roles,
  type Action,
  type Actor,
  type Grant,
  type Resource,
} from './index.js';

// A small Udomlya-like network: two kindergartens hosting sites, a school, and a neighbouring
// town's network that nobody here may reach.
const udomlya = 'udomlya';
const teremok = { networkId: udomlya, organizationId: 'ds-teremok', siteId: 'kp-teremok' };
const solnyshko = { networkId: udomlya, organizationId: 'ds-solnyshko', siteId: 'sr-solnyshko' };

const bookings = {
  ivanovaAtTeremok: { ...teremok, specialistId: 'psy-ivanova', personal: true },
  ivanovaAtSolnyshko: { ...solnyshko, specialistId: 'psy-ivanova', personal: true },
  petrovaAtTeremok: { ...teremok, specialistId: 'logo-petrova', personal: true },
  elsewhere: {
    networkId: 'ostashkov',
    organizationId: 'ds-teremok',
    siteId: 'kp-teremok',
    specialistId: 'psy-ivanova',
    personal: true,
  },
} satisfies Record<string, Resource>;

function staff(displayName: string, ...grants: Grant[]): Actor {
  return { kind: 'staff', accountId: `acc-${displayName}`, displayName, grants };
}

const ivanova = staff('Иванова А. А.', {
  role: 'specialist',
  networkId: udomlya,
  specialistId: 'psy-ivanova',
});
const teremokHead = staff('Петрова Н. В.', {
  role: 'organization-admin',
  networkId: udomlya,
  organizationId: 'ds-teremok',
});
const coordinator = staff('Смирнова О. И.', { role: 'coordinator', networkId: udomlya });
const payer = staff('МАОУ СОШ № 5', { role: 'payer', networkId: udomlya });
const auditor = staff('Кузнецова Т. С.', { role: 'auditor', networkId: udomlya });

/** Which of the fixture bookings an actor may do the action to. */
function reachable(actor: Actor, action: Action): string[] {
  return Object.entries(bookings)
    .filter(([, booking]) => can(actor, action, booking))
    .map(([name]) => name);
}

describe('worked cases of operations.md', () => {
  it('1. a specialist at two kindergartens sees her own consultations at both, with contacts, and no one else’s', () => {
    for (const action of ['booking.list', 'booking.contact.read', 'booking.write'] as const) {
      expect(reachable(ivanova, action)).toEqual(['ivanovaAtTeremok', 'ivanovaAtSolnyshko']);
    }
    expect(can(ivanova, 'schedule.write', bookings.ivanovaAtSolnyshko)).toBe(true);
    expect(can(ivanova, 'schedule.write', bookings.petrovaAtTeremok)).toBe(false);
  });

  it('2. an organization admin sees the bookings at its own sites only; the coordinator the whole network', () => {
    expect(reachable(teremokHead, 'booking.contact.read')).toEqual([
      'ivanovaAtTeremok',
      'petrovaAtTeremok',
    ]);
    expect(reachable(coordinator, 'booking.contact.read')).toEqual([
      'ivanovaAtTeremok',
      'ivanovaAtSolnyshko',
      'petrovaAtTeremok',
    ]);
    expect(grantsFor(teremokHead, 'booking.list')).toEqual([
      { role: 'organization-admin', networkId: udomlya, organizationId: 'ds-teremok' },
    ]);
  });

  it('3. anonymous is refused before any record is looked at (401); a specialist outside her scope is refused the record (403)', () => {
    for (const action of actions) {
      expect(canAnywhere(anonymousActor, action)).toBe(false);
      expect(grantsFor(anonymousActor, action)).toEqual([]);
      for (const booking of Object.values(bookings)) {
        expect(can(anonymousActor, action, booking)).toBe(false);
      }
    }
    expect(canAnywhere(ivanova, 'booking.list')).toBe(true);
    expect(can(ivanova, 'booking.list', bookings.petrovaAtTeremok)).toBe(false);
  });

  it('5. the payer sees every provider’s invoices but never a parent’s contacts; a provider only its own contracts', () => {
    expect(canAnywhere(payer, 'booking.contact.read')).toBe(false);
    expect(reachable(payer, 'booking.contact.read')).toEqual([]);
    for (const provider of ['cdt', 'syun', 'dialog']) {
      expect(
        can(payer, 'financing.billing.read', { networkId: udomlya, organizationId: provider }),
      ).toBe(true);
    }
    const cdt = staff('ЦДТ', { role: 'provider', networkId: udomlya, organizationId: 'cdt' });
    expect(can(cdt, 'financing.contract.read', { networkId: udomlya, organizationId: 'cdt' })).toBe(
      true,
    );
    expect(
      can(cdt, 'financing.contract.read', { networkId: udomlya, organizationId: 'syun' }),
    ).toBe(false);
    // The provider's desk: accept, decline, attendance and termination of its own contracts only.
    expect(
      can(cdt, 'financing.contract.write', { networkId: udomlya, organizationId: 'cdt' }),
    ).toBe(true);
    expect(
      can(cdt, 'financing.contract.write', { networkId: udomlya, organizationId: 'syun' }),
    ).toBe(false);
    expect(canAnywhere(payer, 'financing.contract.write')).toBe(false);
    expect(can(cdt, 'booking.contact.read', bookings.ivanovaAtTeremok)).toBe(false);
  });

  it('the auditor reads the audit log and nothing else', () => {
    const allowed = actions.filter((action) => canAnywhere(auditor, action));
    expect(allowed).toEqual(['staff.me.read', 'audit.read']);
    expect(can(auditor, 'audit.read', { networkId: udomlya })).toBe(true);
    expect(can(auditor, 'audit.read', { networkId: 'ostashkov' })).toBe(false);
  });

  it('nobody in this network reaches another network', () => {
    for (const actor of [ivanova, teremokHead, coordinator, payer, auditor]) {
      for (const action of actions) expect(can(actor, action, bookings.elsewhere)).toBe(false);
    }
  });
});

describe('scopes', () => {
  it('a grant narrowed to an organization never reaches a record without one', () => {
    expect(can(teremokHead, 'booking.list', { networkId: udomlya })).toBe(false);
    expect(can(teremokHead, 'booking.list', { networkId: udomlya, siteId: 'kp-teremok' })).toBe(
      false,
    );
  });

  it('a teacher reads her own groups’ timetable only', () => {
    const teacher = staff('Орлова', { role: 'teacher', networkId: udomlya, teacherId: 't-orlova' });
    const group = { networkId: udomlya, organizationId: 'rc-school-1' };
    expect(can(teacher, 'courses.timetable.read', { ...group, teacherId: 't-orlova' })).toBe(true);
    expect(can(teacher, 'courses.timetable.read', { ...group, teacherId: 't-belov' })).toBe(false);
    expect(can(teacher, 'courses.timetable.read', group)).toBe(false);
  });

  it('school staff hand out timetable links and enter data for their own school only', () => {
    const deputy = staff('Завуч', {
      role: 'school-staff',
      networkId: udomlya,
      organizationId: 'sosh-1',
    });
    const own = { networkId: udomlya, organizationId: 'sosh-1', personal: true };
    const other = { networkId: udomlya, organizationId: 'sosh-2', personal: true };
    for (const action of [
      'courses.link.issue',
      'schools.data.write',
      'indicators.entry.write',
    ] as const) {
      expect(can(deputy, action, own)).toBe(true);
      expect(can(deputy, action, other)).toBe(false);
    }
    // Published indicator values come from approved reports: a school cannot upload them.
    expect(can(deputy, 'indicators.values.write', own)).toBe(false);
    expect(canAnywhere(deputy, 'courses.timetable.read')).toBe(false);
  });

  it('several roles add up, each at its own place', () => {
    const both = staff(
      'Иванова А. А.',
      { role: 'specialist', networkId: udomlya, specialistId: 'psy-ivanova' },
      { role: 'organization-admin', networkId: udomlya, organizationId: 'ds-solnyshko' },
    );
    expect(reachable(both, 'booking.list')).toEqual(['ivanovaAtTeremok', 'ivanovaAtSolnyshko']);
    const petrovaAtSolnyshko = { ...solnyshko, specialistId: 'logo-petrova' };
    expect(can(both, 'booking.list', petrovaAtSolnyshko)).toBe(true);
    expect(grantsFor(both, 'booking.list')).toHaveLength(2);
    expect(grantsFor(both, 'person.erase')).toEqual([]);
  });

  it('only the coordinator reviews and approves the organizations’ reports', () => {
    expect(roles.filter((role) => permissions[role].includes('indicators.entry.review'))).toEqual([
      'coordinator',
    ]);
  });

  it('only the coordinator handles 152-ФЗ requests and staff accounts', () => {
    for (const action of ['person.export', 'person.erase', 'account.manage'] as const) {
      const holders = roles.filter((role) => permissions[role].includes(action));
      expect(holders).toEqual(['coordinator']);
    }
  });
});

describe('deny when in doubt', () => {
  const cast = (grant: unknown): Actor => staff('X', grant as Grant);

  it('a grant missing the place its role needs reaches nothing, even unvalidated', () => {
    const loose = cast({ role: 'specialist', networkId: udomlya });
    for (const action of actions) {
      expect(canAnywhere(loose, action)).toBe(false);
      expect(can(loose, action, bookings.ivanovaAtTeremok)).toBe(false);
    }
    const head = cast({ role: 'organization-admin', networkId: udomlya });
    expect(can(head, 'booking.list', bookings.ivanovaAtTeremok)).toBe(false);
  });

  it('unknown roles, unknown actions, empty ids and odd actors are denied without throwing', () => {
    for (const role of ['admin', '__proto__', 'constructor', 'toString']) {
      expect(can(cast({ role, networkId: udomlya }), 'booking.list', teremok)).toBe(false);
    }
    expect(can(coordinator, 'booking.delete' as Action, teremok)).toBe(false);
    expect(can(coordinator, 'constructor' as Action, teremok)).toBe(false);
    expect(canAnywhere(coordinator, 'hasOwnProperty' as Action)).toBe(false);
    expect(
      can(cast({ role: 'coordinator', networkId: '' }), 'booking.list', { networkId: '' }),
    ).toBe(false);
    const head = cast({ role: 'organization-admin', networkId: udomlya, organizationId: '' });
    expect(can(head, 'booking.list', { networkId: udomlya, organizationId: '' })).toBe(false);
    expect(can({ kind: 'robot' } as unknown as Actor, 'booking.list', teremok)).toBe(false);
    expect(can({ kind: 'staff', grants: null } as unknown as Actor, 'booking.list', teremok)).toBe(
      false,
    );
  });

  it('grantReaches compares every narrowing field the grant carries', () => {
    const grant: Grant = {
      role: 'organization-admin',
      networkId: udomlya,
      organizationId: 'ds-teremok',
      siteId: 'kp-teremok',
    };
    expect(grantReaches(grant, teremok)).toBe(true);
    expect(grantReaches(grant, { ...teremok, siteId: 'lekoteka-teremok' })).toBe(false);
  });
});

describe('grantSchema and actorSchema', () => {
  it('a specialist grant must name the specialist, in Russian and English', () => {
    expect(safeParse(grantSchema, { role: 'specialist', networkId: udomlya })).toEqual({
      ok: false,
      issues: [
        {
          path: ['specialistId'],
          code: 'custom',
          message: {
            ru: 'Для роли «Специалист» нужно указать специалиста (specialistId)',
            en: 'The role "Specialist" must name the specialist (specialistId)',
          },
        },
      ],
    });
  });

  it('an organization administrator, a provider and school staff must name the organization', () => {
    for (const role of ['organization-admin', 'provider', 'school-staff'] as const) {
      const result = safeParse(grantSchema, { role, networkId: udomlya });
      expect(result.ok).toBe(false);
      if (!result.ok)
        expect(result.issues.map((issue) => issue.path)).toEqual([['organizationId']]);
    }
    for (const role of ['coordinator', 'operator', 'payer', 'auditor'] as const) {
      expect(grantSchema.safeParse({ role, networkId: udomlya }).success).toBe(true);
    }
  });

  it('refuses unknown fields, so a misspelt narrowing never widens a grant', () => {
    const result = safeParse(grantSchema, {
      role: 'coordinator',
      networkId: udomlya,
      organisationId: 'ds-teremok',
    });
    expect(result.ok).toBe(false);
  });

  it('lists every problem at once', () => {
    const result = safeParse(grantSchema, { role: 'specialist', networkId: '' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues.map((issue) => issue.path)).toEqual([['networkId'], ['specialistId']]);
    }
  });

  it('parses actors', () => {
    expect(actorSchema.parse({ kind: 'anonymous' })).toEqual(anonymousActor);
    const parsed: Actor = actorSchema.parse(ivanova);
    expect(parsed).toEqual(ivanova);
    expect(
      actorSchema.safeParse({ kind: 'staff', accountId: 'a', displayName: 'A', grants: [{}] })
        .success,
    ).toBe(false);
  });
});

describe('explainDecision', () => {
  it('names the grant that allowed the action, in words', () => {
    const decision = explainDecision(ivanova, 'booking.contact.read', bookings.ivanovaAtTeremok);
    expect(decision).toEqual({
      allowed: true,
      grant: ivanova.kind === 'staff' ? ivanova.grants[0] : undefined,
      reason: {
        ru: 'Разрешено: «Специалист» — в своих консультациях и своём графике',
        en: 'Allowed: "Specialist" — in their own consultations and schedule',
      },
    });
  });

  it('says where a network-wide grant reaches', () => {
    expect(explainDecision(coordinator, 'booking.list', { networkId: udomlya }).reason).toEqual({
      ru: 'Разрешено: «Координатор службы» — во всей сети',
      en: 'Allowed: "Service coordinator" — across the whole network',
    });
  });

  it('says why it was denied, without ids', () => {
    expect(explainDecision(anonymousActor, 'booking.list', teremok).reason.en).toBe(
      'You need to sign in',
    );
    expect(explainDecision(payer, 'booking.contact.read', teremok).reason).toEqual({
      ru: 'Ни одна из ваших ролей не позволяет: «Видеть имена и контакты родителей в записях»',
      en: 'None of your roles allows: "See parents\' names and contacts in bookings"',
    });
    const outside = explainDecision(teremokHead, 'booking.list', bookings.ivanovaAtSolnyshko);
    expect(outside.allowed).toBe(false);
    expect(outside.reason.ru).toBe(
      'Запись вне ваших полномочий. «Видеть записи на консультации» вам разрешено только так: «Администратор организации» — в своей организации',
    );
    expect(outside.reason.ru).not.toContain('ds-');
  });
});

describe('labels and the table', () => {
  it('every role and action has a Russian and an English name', () => {
    for (const role of roles) {
      expect(roleLabels[role].ru).not.toBe('');
      expect(roleLabels[role].en).not.toBe('');
    }
    expect(Object.keys(actionLabels).sort()).toEqual([...actions].sort());
    expect(Object.keys(permissions).sort()).toEqual([...roles].sort());
  });

  it('every staff role may read its own account; every action belongs to some role', () => {
    for (const role of roles) expect(permissions[role]).toContain('staff.me.read');
    for (const action of actions) {
      expect(roles.some((role) => permissions[role].includes(action))).toBe(true);
    }
  });

  it('the table cannot be changed at run time', () => {
    expect(Object.isFrozen(permissions)).toBe(true);
    for (const role of roles) expect(Object.isFrozen(permissions[role])).toBe(true);
  });
});

describe('private consultation notes', () => {
  it('the specialist of the consultation and the coordinator only; never an organization admin, the payer or the auditor', () => {
    for (const action of ['consultation.note.read', 'consultation.note.write'] as const) {
      expect(reachable(ivanova, action)).toEqual(['ivanovaAtTeremok', 'ivanovaAtSolnyshko']);
      expect(reachable(coordinator, action)).toEqual([
        'ivanovaAtTeremok',
        'ivanovaAtSolnyshko',
        'petrovaAtTeremok',
      ]);
      for (const other of [teremokHead, payer, auditor]) {
        expect(canAnywhere(other, action)).toBe(false);
        expect(reachable(other, action)).toEqual([]);
      }
    }
  });
});
