import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  actions,
  can,
  canAnywhere,
  explainDecision,
  grantsFor,
  permissions,
  requiredScopeFields,
  roles,
  scopeFields,
  type Action,
  type Actor,
  type Grant,
  type Resource,
  type ScopeField,
} from './index.js';

// Small pools of ids, so that grants and records often meet.
const networkIds = ['udomlya', 'ostashkov'];
const fieldValues: Readonly<Record<ScopeField, readonly string[]>> = {
  organizationId: ['ds-teremok', 'ds-solnyshko', 'sosh-1'],
  siteId: ['kp-teremok', 'sr-solnyshko', 'lekoteka-1'],
  specialistId: ['psy-ivanova', 'logo-petrova'],
  teacherId: ['t-orlova', 't-belov'],
};

/** An optional value for each narrowing field; absent fields are left out, not `undefined`. */
const placeArbitrary = fc
  .record({
    organizationId: fc.option(fc.constantFrom(...fieldValues.organizationId), {
      nil: undefined,
      freq: 2,
    }),
    siteId: fc.option(fc.constantFrom(...fieldValues.siteId), { nil: undefined, freq: 2 }),
    specialistId: fc.option(fc.constantFrom(...fieldValues.specialistId), {
      nil: undefined,
      freq: 2,
    }),
    teacherId: fc.option(fc.constantFrom(...fieldValues.teacherId), { nil: undefined, freq: 2 }),
  })
  .map((place) =>
    Object.fromEntries(Object.entries(place).filter(([, value]) => value !== undefined)),
  ) as fc.Arbitrary<Partial<Record<ScopeField, string>>>;

/** Grants as `grantSchema` accepts them: every field its role needs is there. */
const grantArbitrary: fc.Arbitrary<Grant> = fc
  .record({
    role: fc.constantFrom(...roles),
    networkId: fc.constantFrom(...networkIds),
    place: placeArbitrary,
    fill: fc.constantFrom(0, 1, 2),
  })
  .map(({ role, networkId, place, fill }) => {
    const grant: Record<string, string> = { role, networkId, ...place };
    for (const field of requiredScopeFields[role]) {
      grant[field] ??= fieldValues[field][fill % fieldValues[field].length] ?? 'x';
    }
    return grant as unknown as Grant;
  });

/** Grants as they might arrive unvalidated: a needed field may be missing. */
const looseGrantArbitrary: fc.Arbitrary<Grant> = fc
  .record({
    role: fc.constantFrom(...roles),
    networkId: fc.constantFrom(...networkIds),
    place: placeArbitrary,
  })
  .map(({ role, networkId, place }) => ({ role, networkId, ...place }) as Grant);

const staffArbitrary = (grant: fc.Arbitrary<Grant>): fc.Arbitrary<Actor> =>
  fc.array(grant, { maxLength: 4 }).map((grants) => ({
    kind: 'staff' as const,
    accountId: 'acc-1',
    displayName: 'Сотрудник',
    grants,
  }));

const actorArbitrary = fc.oneof(
  staffArbitrary(grantArbitrary),
  staffArbitrary(looseGrantArbitrary),
  fc.constant<Actor>({ kind: 'anonymous' }),
);

const resourceArbitrary: fc.Arbitrary<Resource> = fc
  .record({
    networkId: fc.constantFrom(...networkIds),
    place: placeArbitrary,
    personal: fc.option(fc.boolean(), { nil: undefined }),
  })
  .map(({ networkId, place, personal }) => ({
    networkId,
    ...place,
    ...(personal === undefined ? {} : { personal }),
  }));

const actionArbitrary = fc.constantFrom(...actions);
/** Known actions and a few that are not on the list. */
const anyActionArbitrary = fc.oneof(
  actionArbitrary,
  fc.constantFrom('booking.delete', 'constructor', '__proto__', '').map((a) => a as Action),
);

/** The record that lies exactly at a grant's place: the witness that it gives something. */
function witness(grant: Grant): Resource {
  const resource: { networkId: string } & Partial<Record<ScopeField, string>> = {
    networkId: grant.networkId,
  };
  for (const field of scopeFields) {
    const value = grant[field];
    if (value !== undefined) resource[field] = value;
  }
  return resource;
}

/**
 * A record near one of the actor's grants: at its place, somewhere below it, or one field
 * away from it. Random records alone would seldom meet a grant, and the laws would be
 * checked mostly on refusals.
 */
function nearbyResource(actor: Actor): fc.Arbitrary<Resource> {
  if (actor.kind !== 'staff' || actor.grants.length === 0) return resourceArbitrary;
  return fc
    .record({
      grant: fc.constantFrom(...actor.grants),
      below: placeArbitrary,
      moved: fc.oneof(
        { arbitrary: fc.constant(undefined), weight: 3 },
        { arbitrary: fc.constantFrom(...scopeFields), weight: 1 },
      ),
      pick: fc.nat(),
    })
    .map(({ grant, below, moved, pick }) => {
      const resource = { ...below, ...witness(grant) };
      if (moved !== undefined) {
        const values = fieldValues[moved];
        resource[moved] = values[pick % values.length] ?? 'x';
      }
      return resource;
    });
}

/** An action the actor's roles hold, or any action. */
function likelyAction(actor: Actor): fc.Arbitrary<Action> {
  const held = actor.kind === 'staff' ? actor.grants.flatMap((g) => permissions[g.role]) : [];
  return held.length === 0
    ? anyActionArbitrary
    : fc.oneof({ arbitrary: fc.constantFrom(...held), weight: 3 }, anyActionArbitrary);
}

/** An actor, an action and a record, often ones that meet. */
const caseArbitrary: fc.Arbitrary<[Actor, Action, Resource]> = actorArbitrary.chain((actor) =>
  fc.tuple(
    fc.constant(actor),
    likelyAction(actor),
    fc.oneof({ arbitrary: nearbyResource(actor), weight: 3 }, resourceArbitrary),
  ),
);

const holding = (...grants: Grant[]): Actor => ({
  kind: 'staff',
  accountId: 'acc-1',
  displayName: 'Сотрудник',
  grants,
});

const withGrant = (actor: Actor, grant: Grant): Actor =>
  actor.kind === 'staff' ? { ...actor, grants: [...actor.grants, grant] } : actor;

// Checking a decision takes microseconds: more runs than fast-check's default of 100.
const runs = { numRuns: 1000 };

describe('access policy laws', () => {
  it('(a) deny by default: anonymous and grant-less actors are denied everything', () => {
    const nobody: Actor[] = [
      { kind: 'anonymous' },
      { kind: 'staff', accountId: 'acc-0', displayName: 'Новый сотрудник', grants: [] },
    ];
    fc.assert(
      fc.property(anyActionArbitrary, resourceArbitrary, (action, resource) => {
        for (const actor of nobody) {
          expect(can(actor, action, resource)).toBe(false);
          expect(canAnywhere(actor, action)).toBe(false);
          expect(grantsFor(actor, action)).toEqual([]);
        }
      }),
      runs,
    );
  });

  it('the generated cases allow often enough for the laws to mean something', () => {
    const samples = fc.sample(caseArbitrary, { numRuns: 1000, seed: 42 });
    const allowed = samples.filter(([actor, action, resource]) => can(actor, action, resource));
    expect(allowed.length).toBeGreaterThan(150);
  });

  it('(b) nobody reaches outside their scope', () => {
    fc.assert(
      fc.property(caseArbitrary, ([actor, action, resource]) => {
        if (!can(actor, action, resource)) return;
        expect(actor.kind).toBe('staff');
        if (actor.kind !== 'staff') return;
        const justifying = actor.grants.filter(
          (grant) =>
            permissions[grant.role].includes(action) &&
            grant.networkId === resource.networkId &&
            requiredScopeFields[grant.role].every((field) => grant[field] !== undefined) &&
            scopeFields.every(
              (field) => grant[field] === undefined || grant[field] === resource[field],
            ),
        );
        expect(justifying.length).toBeGreaterThan(0);
      }),
      runs,
    );
  });

  it('(c) monotonicity: adding a grant never turns an allowed action into a denied one', () => {
    fc.assert(
      fc.property(
        caseArbitrary,
        fc.oneof(grantArbitrary, looseGrantArbitrary),
        ([actor, action, resource], grant) => {
          const more = withGrant(actor, grant);
          if (can(actor, action, resource)) expect(can(more, action, resource)).toBe(true);
          if (canAnywhere(actor, action)) expect(canAnywhere(more, action)).toBe(true);
        },
      ),
      runs,
    );
  });

  it('narrowing a grant never widens it', () => {
    fc.assert(
      fc.property(
        grantArbitrary.chain((grant) =>
          fc.tuple(
            fc.constant(grant),
            fc.constantFrom(...scopeFields),
            fc.nat(),
            likelyAction(holding(grant)),
            nearbyResource(holding(grant)),
          ),
        ),
        ([grant, field, pick, action, resource]) => {
          if (grant[field] !== undefined) return;
          const values = fieldValues[field];
          const narrower = { ...grant, [field]: values[pick % values.length] } as Grant;
          if (can(holding(narrower), action, resource)) {
            expect(can(holding(grant), action, resource)).toBe(true);
          }
        },
      ),
      runs,
    );
  });

  it('(d) canAnywhere is true exactly when some record makes can true', () => {
    fc.assert(
      fc.property(caseArbitrary, ([actor, action, resource]) => {
        const anywhere = canAnywhere(actor, action);
        // ⇐: any record that is allowed proves it.
        if (can(actor, action, resource)) expect(anywhere).toBe(true);
        // ⇒: the place of every grant grantsFor returns is such a record.
        const grants = grantsFor(actor, action);
        expect(grants.length > 0).toBe(anywhere);
        for (const grant of grants) expect(can(actor, action, witness(grant))).toBe(true);
      }),
      runs,
    );
  });

  it('(d) without a usable grant no record is allowed', () => {
    fc.assert(
      fc.property(
        actorArbitrary,
        actionArbitrary,
        fc.array(resourceArbitrary, { maxLength: 8 }),
        (actor, action, resources) => {
          if (canAnywhere(actor, action)) return;
          const candidates =
            actor.kind === 'staff' ? [...resources, ...actor.grants.map(witness)] : resources;
          for (const resource of candidates) expect(can(actor, action, resource)).toBe(false);
        },
      ),
      runs,
    );
  });

  it('(e) the policy does not change its inputs', () => {
    fc.assert(
      fc.property(caseArbitrary, ([actor, action, resource]) => {
        const actorBefore = structuredClone(actor);
        const resourceBefore = structuredClone(resource);
        can(actor, action, resource);
        canAnywhere(actor, action);
        grantsFor(actor, action);
        explainDecision(actor, action, resource);
        expect(actor).toEqual(actorBefore);
        expect(resource).toEqual(resourceBefore);
      }),
      runs,
    );
  });

  it('explainDecision agrees with can, and its allowing grant reaches the record', () => {
    fc.assert(
      fc.property(caseArbitrary, ([actor, action, resource]) => {
        const decision = explainDecision(actor, action, resource);
        expect(decision.allowed).toBe(can(actor, action, resource));
        expect(decision.reason.ru.length).toBeGreaterThan(0);
        expect(decision.reason.en.length).toBeGreaterThan(0);
        if (decision.allowed) {
          expect(can(holding(decision.grant), action, resource)).toBe(true);
        }
      }),
      runs,
    );
  });

  it('grantsFor returns the actor’s own grants whose role lists the action', () => {
    fc.assert(
      fc.property(actorArbitrary, actionArbitrary, (actor, action) => {
        const granted = grantsFor(actor, action);
        for (const grant of granted) {
          expect(actor.kind === 'staff' && actor.grants.includes(grant)).toBe(true);
          expect(permissions[grant.role]).toContain(action);
        }
      }),
      runs,
    );
  });
});
