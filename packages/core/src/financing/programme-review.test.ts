import { describe, expect, it } from 'vitest';
import { ConflictError, Money, ValidationError } from '../common/index.js';
import { instant } from '../schedule/instant.js';
import {
  buildProgrammeDraft,
  checkPlacesTaken,
  draftInputOf,
  fullCertificateCoPayment,
  latestRemarks,
  programmeChanges,
  programmeReviewSchema,
  ProgrammeReviewError,
  reviewOfPublished,
  reviewProgramme,
  startProgrammeReview,
  type Programme,
  type ProgrammeDraftInput,
  type ProgrammeReview,
  type ProgrammeReviewCommand,
} from './index.js';
import { fundedProgramme } from '../../test/financing-fixtures.js';

const provider = { accountId: 'acc-cdt', name: 'ЦДТ' };
const operator = { accountId: 'acc-op', name: 'Оператор УМИЦ' };
const at = (day: number) => instant(`2026-08-${String(day).padStart(2, '0')}T09:00:00Z`);

function counter(): () => string {
  let n = 0;
  return () => String((n += 1));
}

const input: ProgrammeDraftInput = {
  name: 'Юные конструкторы',
  description: 'Конструирование и программирование роботов',
  fundingKind: 'funded',
  direction: 'technical',
  ageFrom: 7,
  ageTo: 12,
  hours: 144,
  hoursPerWeek: 4,
  groupSize: { min: 6, max: 12 },
  modules: [
    {
      name: 'Основной модуль',
      hours: 144,
      price: '12000',
      groups: [
        {
          name: 'Группа 1',
          start: '2026-09-01',
          end: '2027-05-31',
          capacity: 12,
          weekdays: [4, 2, 2],
          time: { from: '15:00', to: '16:30' },
        },
      ],
    },
  ],
};

function newDraft(): Programme {
  return buildProgrammeDraft(input, {
    programmeId: 'cdt-new',
    providerId: 'cdt',
    district: 'Центр',
    newId: counter(),
  });
}

/** The bilingual messages of the ValidationError a call throws. */
function issuesOf(call: () => unknown): string[] {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues.map(
      (found) => `${found.message.ru} / ${found.message.en}`,
    );
  }
  throw new Error('expected a ValidationError');
}

function step(review: ProgrammeReview, command: ProgrammeReviewCommand, day = 2) {
  const by = command.action === 'approve' || command.action === 'return' ? operator : provider;
  return reviewProgramme(review, command, { by, at: at(day) });
}

describe('buildProgrammeDraft', () => {
  it('gives new modules and groups fresh ids in the programme and keeps what the provider entered', () => {
    const draft = newDraft();
    expect(draft.id).toBe('cdt-new');
    expect(draft.providerId).toBe('cdt');
    expect(draft.district).toBe('Центр');
    expect(draft.certification).toBe('not-certified');
    expect(draft.modules[0]?.id).toBe('cdt-new-m1');
    const group = draft.modules[0]?.groups[0];
    expect(group?.id).toBe('cdt-new-g2');
    expect(group?.weekdays).toEqual([2, 4]);
    expect(group?.time).toEqual({ from: '15:00', to: '16:30' });
    expect(draft.modules[0]?.price?.toString()).toBe('12000.00');
    expect(draftInputOf(draft).modules[0]?.groups[0]).toMatchObject({
      id: 'cdt-new-g2',
      capacity: 12,
    });
  });

  it('keeps the normative cost, enrolment limit and certification of the current version', () => {
    const published = fundedProgramme({ maxEnrolments: 40 });
    const edited = buildProgrammeDraft(
      { ...draftInputOf(published), name: 'Робототехника 2.0' },
      { programmeId: published.id, providerId: 'cdt', published, newId: counter() },
    );
    expect(edited.name).toBe('Робототехника 2.0');
    expect(edited.maxEnrolments).toBe(40);
    expect(edited.certification).toBe('certified');
    expect(edited.modules[0]?.normativeCost?.toString()).toBe('8000.00');
    expect(edited.modules.map((module) => module.id)).toEqual(['m1', 'm2']);
  });

  it('refuses ids the programme does not have, a group moved between modules and duplicates', () => {
    const published = fundedProgramme();
    const base = draftInputOf(published);
    const moved = {
      ...base,
      modules: [
        { ...base.modules[0]!, groups: [] },
        { ...base.modules[1]!, groups: [...base.modules[1]!.groups, base.modules[0]!.groups[0]!] },
      ],
    };
    const context = { programmeId: published.id, providerId: 'cdt', published, newId: counter() };
    const error = (() => {
      try {
        buildProgrammeDraft(moved, context);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]?.path).toEqual(['modules', 1, 'groups', 1, 'id']);
    expect((error as ValidationError).issues[0]?.message.ru).toContain('В этом модуле нет группы');
    expect(
      issuesOf(() =>
        buildProgrammeDraft(
          { ...base, modules: [{ ...base.modules[0]!, id: 'other-programme-m1' }] },
          context,
        ),
      ).join(),
    ).toContain('В программе нет модуля «other-programme-m1»');
    expect(
      issuesOf(() =>
        buildProgrammeDraft(
          { ...base, modules: [base.modules[0]!, { ...base.modules[1]!, id: 'm1' }] },
          context,
        ),
      ).join(),
    ).toContain('дважды');
  });

  it('refuses bad input with every problem and its path, never a raw error', () => {
    const bad = {
      ...input,
      ageFrom: 12,
      ageTo: 7,
      modules: [
        {
          ...input.modules[0]!,
          groups: [{ ...input.modules[0]!.groups[0]!, start: '2027-06-01', end: '2027-05-31' }],
        },
      ],
    };
    try {
      buildProgrammeDraft(bad, { programmeId: 'x', providerId: 'cdt', newId: counter() });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      const paths = (error as ValidationError).issues.map((found) => found.path.join('.'));
      expect(paths).toEqual(expect.arrayContaining(['ageTo', 'modules.0.groups.0.end']));
      for (const found of (error as ValidationError).issues) {
        expect(found.message.ru).not.toBe('');
        expect(found.message.en).not.toBe('');
      }
    }
    expect(() =>
      buildProgrammeDraft(
        {
          ...input,
          modules: [
            {
              ...input.modules[0]!,
              groups: [{ ...input.modules[0]!.groups[0]!, time: { from: '16:00', to: '15:00' } }],
            },
          ],
        },
        { programmeId: 'x', providerId: 'cdt', newId: counter() },
      ),
    ).toThrow(ValidationError);
    expect(() =>
      buildProgrammeDraft(
        { ...input, modules: [] },
        { programmeId: 'x', providerId: 'cdt', newId: counter() },
      ),
    ).toThrow(ValidationError);
    expect(() =>
      buildProgrammeDraft(
        { ...input, certification: 'certified' },
        { programmeId: 'x', providerId: 'cdt', newId: counter() },
      ),
    ).toThrow(ValidationError);
  });
});

describe('the review state machine', () => {
  it('draft → submitted → returned (remarks) → submitted → approved, with the history of who, when and why', () => {
    let review = startProgrammeReview(newDraft(), { by: provider, at: at(1) });
    expect(review).toMatchObject({ state: 'draft', revision: 1 });
    review = step(review, { action: 'submit' }).review;
    expect(review.state).toBe('submitted');
    expect(review.draft.certification).toBe('pending');
    review = step(
      review,
      { action: 'return', remarks: '  Укажите время занятий второй группы ' },
      3,
    ).review;
    expect(review.state).toBe('returned');
    expect(review.draft.certification).toBe('not-certified');
    expect(latestRemarks(review)).toBe('Укажите время занятий второй группы');
    review = step(
      review,
      { action: 'edit', draft: { ...review.draft, name: 'Юные инженеры' } },
      4,
    ).review;
    expect(review.state).toBe('returned');
    expect(latestRemarks(review)).toBe('Укажите время занятий второй группы');
    review = step(review, { action: 'submit' }, 5).review;
    const approved = step(
      review,
      { action: 'approve', normativeCosts: { 'cdt-new-m1': Money.of('9500') } },
      6,
    );
    expect(approved.review.state).toBe('approved');
    expect(approved.publish?.name).toBe('Юные инженеры');
    expect(approved.publish?.certification).toBe('certified');
    expect(approved.publish?.modules[0]?.normativeCost?.toString()).toBe('9500.00');
    expect(approved.review.published).toEqual(approved.publish);
    expect(latestRemarks(approved.review)).toBeUndefined();
    expect(
      approved.review.history.map((event) => [
        event.revision,
        event.action,
        event.from,
        event.to,
        event.by.name,
      ]),
    ).toEqual([
      [1, 'create', undefined, 'draft', 'ЦДТ'],
      [2, 'submit', 'draft', 'submitted', 'ЦДТ'],
      [3, 'return', 'submitted', 'returned', 'Оператор УМИЦ'],
      [4, 'edit', 'returned', 'returned', 'ЦДТ'],
      [5, 'submit', 'returned', 'submitted', 'ЦДТ'],
      [6, 'approve', 'submitted', 'approved', 'Оператор УМИЦ'],
    ]);
    expect(approved.review.history[2]?.remarks).toBe('Укажите время занятий второй группы');
    expect(approved.review.history[2]?.at).toBe('2026-08-03T09:00:00.000Z');
    expect(programmeReviewSchema.parse(JSON.parse(JSON.stringify(approved.review))).revision).toBe(
      6,
    );
  });

  it('an edit of an approved programme is a new draft; the approved version stays published', () => {
    const published = fundedProgramme();
    const review = reviewOfPublished(published);
    expect(review).toMatchObject({ state: 'approved', revision: 1, history: [] });
    const edited = step(review, {
      action: 'edit',
      draft: { ...published, name: 'Роботы', certification: 'pending' },
    });
    expect(edited.review.state).toBe('draft');
    expect(edited.review.published).toBe(published);
    expect(edited.review.draft.certification).toBe('certified');
    expect(edited.publish).toBeUndefined();
    const submitted = step(edited.review, { action: 'submit' });
    expect(submitted.review.published?.name).toBe('Робототехника');
    const withdrawn = step(submitted.review, { action: 'withdraw' });
    expect(withdrawn.review.state).toBe('draft');
    expect(withdrawn.review.draft.certification).toBe('certified');
  });

  it('refuses every step the table does not allow, with a typed bilingual error naming the state', () => {
    const draft = startProgrammeReview(newDraft(), { by: provider, at: at(1) });
    const submitted = step(draft, { action: 'submit' }).review;
    const returned = step(submitted, { action: 'return', remarks: 'Исправьте' }).review;
    const approved = step(submitted, { action: 'approve' }).review;
    const cases: [ProgrammeReview, ProgrammeReviewCommand, string][] = [
      [draft, { action: 'approve' }, 'not-submitted'],
      [draft, { action: 'return', remarks: 'x' }, 'not-submitted'],
      [draft, { action: 'withdraw' }, 'not-withdrawable'],
      [submitted, { action: 'edit', draft: submitted.draft }, 'under-review'],
      [submitted, { action: 'submit' }, 'already-submitted'],
      [returned, { action: 'approve' }, 'not-submitted'],
      [returned, { action: 'withdraw' }, 'not-withdrawable'],
      [approved, { action: 'submit' }, 'nothing-to-submit'],
      [approved, { action: 'approve' }, 'not-submitted'],
      [approved, { action: 'return', remarks: 'x' }, 'not-submitted'],
    ];
    for (const [review, command, refusal] of cases) {
      const before = JSON.stringify(review);
      try {
        step(review, command);
        expect.unreachable(`${review.state} ${command.action}`);
      } catch (error) {
        expect(error).toBeInstanceOf(ProgrammeReviewError);
        expect(error).toBeInstanceOf(ConflictError);
        expect((error as ProgrammeReviewError).refusal).toBe(refusal);
        expect((error as ProgrammeReviewError).reason).toBe(refusal);
        const text = (error as ProgrammeReviewError).text;
        expect(text.ru).toContain('сейчас она');
        expect(text.en).toContain('it is now');
      }
      expect(JSON.stringify(review)).toBe(before);
    }
  });

  it('a return needs remarks; an approval names only modules the programme has', () => {
    const submitted = step(startProgrammeReview(newDraft(), { by: provider, at: at(1) }), {
      action: 'submit',
    }).review;
    expect(() => step(submitted, { action: 'return', remarks: '   ' })).toThrow(ValidationError);
    expect(() => step(submitted, { action: 'return', remarks: 'x'.repeat(4001) })).toThrow(
      ValidationError,
    );
    expect(
      issuesOf(() => step(submitted, { action: 'approve', normativeCosts: { nope: Money.of(1) } })),
    ).toEqual(['В программе нет модуля «nope» / The programme has no module "nope"']);
    const other = { ...newDraft(), id: 'another' };
    const draft = startProgrammeReview(newDraft(), { by: provider, at: at(1) });
    expect(() => step(draft, { action: 'edit', draft: other })).toThrow(ValidationError);
  });

  it('budget and paid programmes are not certified by approval', () => {
    const paid = buildProgrammeDraft(
      { ...input, fundingKind: 'paid' },
      { programmeId: 'p', providerId: 'cdt', newId: counter() },
    );
    const submitted = step(startProgrammeReview(paid, { by: provider, at: at(1) }), {
      action: 'submit',
    }).review;
    expect(submitted.draft.certification).toBe('not-certified');
    expect(step(submitted, { action: 'approve' }).publish?.certification).toBe('not-certified');
  });
});

describe('places taken', () => {
  const published = fundedProgramme();
  it('allows places down to the places taken, and a group without children to go', () => {
    const draft = {
      ...published,
      modules: published.modules.map((module) =>
        module.id === 'm1'
          ? { ...module, groups: [{ ...module.groups[0]!, capacity: 2 }] }
          : module,
      ),
    };
    expect(() =>
      checkPlacesTaken(
        draft,
        published,
        new Map([
          ['g1', 2],
          ['g2', 0],
        ]),
      ),
    ).not.toThrow();
  });

  it('refuses fewer places than taken, and removing a group with children', () => {
    const fewer = {
      ...published,
      modules: published.modules.map((module) =>
        module.id === 'm1'
          ? { ...module, groups: module.groups.map((group) => ({ ...group, capacity: 1 })) }
          : module,
      ),
    };
    expect(() => checkPlacesTaken(fewer, published, new Map([['g1', 2]]))).toThrow(
      expect.objectContaining({
        refusal: 'places-below-taken',
        text: expect.objectContaining({ ru: expect.stringContaining('занято 2, указано мест 1') }),
      }),
    );
    const without = {
      ...published,
      modules: published.modules.map((module) =>
        module.id === 'm1' ? { ...module, groups: module.groups.slice(1) } : module,
      ),
    };
    expect(() => checkPlacesTaken(without, published, new Map([['g1', 1]]))).toThrow(
      expect.objectContaining({ refusal: 'group-in-use' }),
    );
  });
});

describe('programmeChanges', () => {
  it('lists what a family would see differently, in words', () => {
    const published = fundedProgramme();
    const draft: Programme = {
      ...published,
      name: 'Роботы',
      direction: 'artistic',
      modules: [
        {
          ...published.modules[0]!,
          price: Money.of('11000'),
          groups: [
            {
              ...published.modules[0]!.groups[0]!,
              capacity: 5,
              time: { from: '10:00', to: '11:00' },
            },
          ],
        },
      ],
    };
    const changes = programmeChanges(published, draft);
    const words = changes.map((change) => change.what.ru);
    expect(words).toEqual(
      expect.arrayContaining([
        'Название',
        'Направленность',
        'Модуль «Основы»',
        'Группа «Группа 1» (Основы)',
        'Группа «Группа 2» (Основы)',
        'Модуль «Продвинутый»',
      ]),
    );
    const direction = changes.find((change) => change.what.ru === 'Направленность');
    expect(direction).toEqual({
      what: { ru: 'Направленность', en: 'Direction' },
      before: { ru: 'техническая', en: 'technical' },
      after: { ru: 'художественная', en: 'artistic' },
    });
    const removed = changes.find((change) => change.what.ru === 'Группа «Группа 2» (Основы)');
    expect(removed?.after).toBeUndefined();
    expect(programmeChanges(published, published)).toEqual([]);
    expect(programmeChanges(undefined, draft)).toEqual([]);
  });
});

describe('fullCertificateCoPayment', () => {
  it('is nothing for budget, the price for paid, the part above the normative cost for funded', () => {
    const module = { price: Money.of('10000'), normativeCost: Money.of('8000') };
    expect(fullCertificateCoPayment({ fundingKind: 'budget' }, module).toString()).toBe('0.00');
    expect(fullCertificateCoPayment({ fundingKind: 'paid' }, module).toString()).toBe('10000.00');
    expect(fullCertificateCoPayment({ fundingKind: 'funded' }, module).toString()).toBe('2000.00');
    expect(
      fullCertificateCoPayment(
        { fundingKind: 'funded' },
        { price: Money.of('7000'), normativeCost: Money.of('8000') },
      ).toString(),
    ).toBe('0.00');
    expect(
      fullCertificateCoPayment({ fundingKind: 'funded' }, { price: Money.of('7000') }).toString(),
    ).toBe('0.00');
  });
});
