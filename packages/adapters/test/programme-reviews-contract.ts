// What the programme review storage must do (migration 0022), run against PGlite and a
// PostgreSQL server alike: a programme reaches the public registry (the navigator and
// enrolment) only when approved; an edit of an approved programme is reviewed while the
// approved version stays public; the history keeps who, when and the remarks; a step taken
// on a revision that moved is refused, also when several are taken at once; and a group's
// places never go below the places taken, also while enrolments run at the same moment.
import {
  activateCertificate,
  buildProgrammeDraft,
  certificateGroupSchema,
  draftInputOf,
  instant,
  issueCertificate,
  NotFoundError,
  programmeSchema,
  ProgrammeReviewError,
  type Certificate,
  type Programme,
  type ProgrammeDraftInput,
} from '@eduset/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../src/storage/database.js';
import type { FinancingStore } from '../src/storage/financing.js';
import type { ProgrammeReviewStore } from '../src/storage/programme-reviews.js';

/** What a run needs: the stores over one database, and a second pair (another process). */
export interface ProgrammeReviewTestBed {
  readonly financing: FinancingStore;
  readonly reviews: ProgrammeReviewStore;
  readonly otherFinancing: FinancingStore;
  readonly otherReviews: ProgrammeReviewStore;
  readonly database: Database;
  close(): Promise<void>;
}

const provider = { accountId: 'acc-cdt', name: 'ЦДТ, методист' };
const operator = { accountId: 'acc-op', name: 'Оператор УМИЦ' };
let clock = Date.parse('2026-08-20T09:00:00Z');
const tick = () => instant(new Date((clock += 60_000)));

/** A budget programme of «cdt» already in the public registry: one group of 10 places. */
function seeded(): Programme {
  return programmeSchema.parse({
    id: 'cdt-chess',
    name: 'Шахматы',
    providerId: 'cdt',
    fundingKind: 'budget',
    direction: 'physical-sport',
    ageFrom: 5,
    ageTo: 17,
    hours: 72,
    groupSize: { min: 5, max: 10 },
    certification: 'not-certified',
    modules: [
      {
        id: 'cdt-chess-m1',
        name: 'Основной модуль',
        hours: 72,
        groups: [
          {
            id: 'cdt-chess-g1',
            name: 'Группа 1',
            start: '2026-09-01',
            end: '2027-05-31',
            capacity: 10,
            weekdays: [3],
          },
        ],
      },
    ],
  });
}

const newInput: ProgrammeDraftInput = {
  name: 'Юные конструкторы',
  fundingKind: 'budget',
  direction: 'technical',
  ageFrom: 7,
  ageTo: 14,
  hours: 144,
  hoursPerWeek: 4,
  groupSize: { min: 4, max: 8 },
  modules: [
    {
      name: 'Основной модуль',
      hours: 144,
      groups: [
        {
          name: 'Группа 1',
          start: '2026-09-01',
          end: '2027-05-31',
          capacity: 8,
          weekdays: [2, 4],
          time: { from: '15:00', to: '16:30' },
        },
      ],
    },
  ],
};

let ids = 0;
const newId = () => String((ids += 1));

function certificate(i: number): Certificate {
  const issued = issueCertificate(
    {
      id: `rc${String(i)}`,
      number: String(6810000000 + i),
      birthDate: '2015-03-15',
      groupId: 'children',
    },
    '2026-08-01',
  );
  return activateCertificate(issued, '2026-08-02');
}

/** The first element of a list the test knows is there. */
function one<T>(items: readonly T[]): T {
  const [first] = items;
  if (first === undefined) throw new Error('expected an element');
  return first;
}

export function programmeReviewContract(
  engine: string,
  open: () => Promise<ProgrammeReviewTestBed>,
): void {
  describe(`programme review storage on ${engine}`, () => {
    let bed: ProgrammeReviewTestBed;
    beforeAll(async () => {
      bed = await open();
      await bed.financing.saveRegistry({
        providers: [
          {
            id: 'cdt',
            name: 'МБОУ ДО «Центр детского творчества»',
            kind: 'municipal',
            district: 'Центр',
          },
          { id: 'dialog', name: 'АНО «Диалог»', kind: 'private' },
        ],
        programmes: [seeded()],
      });
      await bed.financing.saveCertificateGroup(
        certificateGroupSchema.parse({
          id: 'children',
          name: 'Дети 5–18 лет',
          period: { id: '2026-2027', start: '2026-09-01', end: '2027-08-31' },
          nominal: '15000',
          fundedPlaces: 100,
        }),
      );
      await bed.financing.saveCertificates(Array.from({ length: 40 }, (_, i) => certificate(i)));
    });
    afterAll(async () => {
      await bed?.close();
    });

    async function enrol(
      certificateIndex: number,
      programmeId: string,
      groupId: string,
      moduleId: string,
    ) {
      return bed.financing.requestEnrolment({
        contractId: `k-${programmeId}-${String(certificateIndex)}`,
        certificateId: `rc${String(certificateIndex)}`,
        programmeId,
        moduleId,
        groupId,
        requestedOn: '2026-08-25',
      });
    }

    test('a programme of the public registry is approved at revision 1, with its places', async () => {
      const { review, taken } = await bed.reviews.get('cdt-chess');
      expect(review).toMatchObject({ state: 'approved', revision: 1, history: [] });
      expect(review.published?.name).toBe('Шахматы');
      expect(taken.get('cdt-chess-g1')).toBe(0);
      const listed = await bed.reviews.list({ providerIds: ['cdt'] });
      expect(listed).toEqual([
        expect.objectContaining({
          programmeId: 'cdt-chess',
          providerName: 'МБОУ ДО «Центр детского творчества»',
          state: 'approved',
          published: true,
        }),
      ]);
      expect(await bed.reviews.list({ providerIds: ['dialog'] })).toEqual([]);
      expect(await bed.reviews.list({ states: ['submitted'] })).toEqual([]);
      await expect(bed.reviews.get('nothing')).rejects.toBeInstanceOf(NotFoundError);
      expect((await bed.reviews.providers(['dialog', 'nobody'])).map((p) => p.name)).toEqual([
        'АНО «Диалог»',
      ]);
      expect((await bed.reviews.providers()).map((p) => p.id)).toEqual(['cdt', 'dialog']);
    });

    test('a new programme is invisible to families until approved; returned with remarks, edited, resubmitted, approved', async () => {
      const draft = buildProgrammeDraft(newInput, {
        programmeId: 'cdt-new',
        providerId: 'cdt',
        district: 'Центр',
        newId,
      });
      const created = await bed.reviews.create(draft, provider, tick());
      expect(created).toMatchObject({ state: 'draft', revision: 1 });
      await expect(bed.reviews.create(draft, provider, tick())).rejects.toMatchObject({
        reason: 'programme-exists',
      });
      await expect(
        bed.reviews.create({ ...draft, id: 'cdt-chess' }, provider, tick()),
      ).rejects.toMatchObject({ reason: 'programme-exists' });
      const groupId = one(one(draft.modules).groups).id;
      const moduleId = one(draft.modules).id;

      const isPublic = async () =>
        (await bed.financing.listProgrammes()).programmes.some((p) => p.id === 'cdt-new');
      expect(await isPublic()).toBe(false);
      await expect(enrol(0, 'cdt-new', groupId, moduleId)).rejects.toBeInstanceOf(NotFoundError);

      let stored = await bed.reviews.step('cdt-new', 1, { action: 'submit' }, provider, tick());
      expect(stored.review.state).toBe('submitted');
      expect(await bed.reviews.list({ states: ['submitted'] })).toEqual([
        expect.objectContaining({ programmeId: 'cdt-new', state: 'submitted', published: false }),
      ]);
      expect(await isPublic()).toBe(false);
      stored = await bed.reviews.step(
        'cdt-new',
        2,
        { action: 'return', remarks: 'Укажите, сколько часов в неделю во второй год' },
        operator,
        tick(),
      );
      expect(stored.review.state).toBe('returned');
      const [returned] = await bed.reviews.list({ providerIds: ['cdt'], states: ['returned'] });
      expect(returned?.remarks).toBe('Укажите, сколько часов в неделю во второй год');
      expect(await isPublic()).toBe(false);

      const edited = buildProgrammeDraft(
        { ...draftInputOf(stored.review.draft), hoursPerWeek: 2 },
        { programmeId: 'cdt-new', providerId: 'cdt', current: stored.review.draft, newId },
      );
      stored = await bed.reviews.step(
        'cdt-new',
        3,
        { action: 'edit', draft: edited },
        provider,
        tick(),
      );
      stored = await bed.reviews.step('cdt-new', 4, { action: 'submit' }, provider, tick());
      stored = await bed.reviews.step('cdt-new', 5, { action: 'approve' }, operator, tick());
      expect(stored.review.state).toBe('approved');
      expect(stored.taken.get(groupId)).toBe(0);
      expect(await isPublic()).toBe(true);
      const published = (await bed.financing.listProgrammes()).programmes.find(
        (p) => p.id === 'cdt-new',
      );
      expect(published?.hoursPerWeek).toBe(2);
      expect(published?.modules[0]?.groups[0]?.time).toEqual({ from: '15:00', to: '16:30' });
      expect((await bed.reviews.placesLeft([groupId, 'cdt-chess-g1', 'nope'])).get(groupId)).toBe(
        8,
      );

      const { review } = await bed.reviews.get('cdt-new');
      expect(
        review.history.map((event) => [event.revision, event.action, event.by.name, event.remarks]),
      ).toEqual([
        [1, 'create', 'ЦДТ, методист', undefined],
        [2, 'submit', 'ЦДТ, методист', undefined],
        [3, 'return', 'Оператор УМИЦ', 'Укажите, сколько часов в неделю во второй год'],
        [4, 'edit', 'ЦДТ, методист', undefined],
        [5, 'submit', 'ЦДТ, методист', undefined],
        [6, 'approve', 'Оператор УМИЦ', undefined],
      ]);
      expect(review.history[0]?.by.accountId).toBe('acc-cdt');
      const times = review.history.map((event) => event.at);
      expect([...times].sort()).toEqual(times);

      const contract = await enrol(0, 'cdt-new', groupId, moduleId);
      expect(contract.status).toBe('requested');
      expect((await bed.reviews.placesLeft([groupId])).get(groupId)).toBe(7);
    });

    test('an edit of an approved programme is reviewed while the approved version stays public', async () => {
      const { review } = await bed.reviews.get('cdt-chess');
      const renamed = buildProgrammeDraft(
        { ...draftInputOf(review.draft), name: 'Шахматы для всех' },
        {
          programmeId: 'cdt-chess',
          providerId: 'cdt',
          current: review.draft,
          published: review.published,
          newId,
        },
      );
      let stored = await bed.reviews.step(
        'cdt-chess',
        1,
        { action: 'edit', draft: renamed },
        provider,
        tick(),
      );
      expect(stored.review).toMatchObject({ state: 'draft', revision: 2 });
      const publicName = async () =>
        (await bed.financing.listProgrammes()).programmes.find((p) => p.id === 'cdt-chess')?.name;
      expect(await publicName()).toBe('Шахматы');
      stored = await bed.reviews.step('cdt-chess', 2, { action: 'submit' }, provider, tick());
      expect(await publicName()).toBe('Шахматы');
      // Someone acting on an old revision is refused.
      await expect(
        bed.reviews.step('cdt-chess', 2, { action: 'approve' }, operator, tick()),
      ).rejects.toMatchObject({ refusal: 'revision-moved' });
      stored = await bed.reviews.step('cdt-chess', 3, { action: 'approve' }, operator, tick());
      expect(await publicName()).toBe('Шахматы для всех');
      expect(stored.review.published?.name).toBe('Шахматы для всех');
    });

    test('places never go below the places taken: at the edit, and at the approval whatever happened meanwhile', async () => {
      // Three children in «Шахматы», group of 10.
      for (const i of [1, 2, 3]) await enrol(i, 'cdt-chess', 'cdt-chess-g1', 'cdt-chess-m1');
      const { review } = await bed.reviews.get('cdt-chess');
      const withPlaces = (capacity: number, current = review.draft) =>
        buildProgrammeDraft(
          {
            ...draftInputOf(current),
            modules: [
              {
                ...one(draftInputOf(current).modules),
                groups: [{ ...one(one(draftInputOf(current).modules).groups), capacity }],
              },
            ],
          },
          {
            programmeId: 'cdt-chess',
            providerId: 'cdt',
            current,
            published: review.published,
            newId,
          },
        );
      await expect(
        bed.reviews.step(
          'cdt-chess',
          review.revision,
          { action: 'edit', draft: withPlaces(2) },
          provider,
          tick(),
        ),
      ).rejects.toMatchObject({ refusal: 'places-below-taken' });
      const withoutGroup = buildProgrammeDraft(
        {
          ...draftInputOf(review.draft),
          modules: [{ ...one(draftInputOf(review.draft).modules), groups: [] }],
        },
        {
          programmeId: 'cdt-chess',
          providerId: 'cdt',
          current: review.draft,
          published: review.published,
          newId,
        },
      );
      await expect(
        bed.reviews.step(
          'cdt-chess',
          review.revision,
          { action: 'edit', draft: withoutGroup },
          provider,
          tick(),
        ),
      ).rejects.toMatchObject({ refusal: 'group-in-use' });
      // 4 places is allowed now (3 taken); submitted; then two more children enrol.
      let stored = await bed.reviews.step(
        'cdt-chess',
        review.revision,
        { action: 'edit', draft: withPlaces(4) },
        provider,
        tick(),
      );
      stored = await bed.reviews.step(
        'cdt-chess',
        stored.review.revision,
        { action: 'submit' },
        provider,
        tick(),
      );
      for (const i of [4, 5]) await enrol(i, 'cdt-chess', 'cdt-chess-g1', 'cdt-chess-m1');
      const refused = await bed.reviews
        .step('cdt-chess', stored.review.revision, { action: 'approve' }, operator, tick())
        .catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(ProgrammeReviewError);
      expect((refused as ProgrammeReviewError).text.ru).toContain('занято 5, указано мест 4');
      const after = await bed.reviews.get('cdt-chess');
      expect(after.review.state).toBe('submitted');
      expect(after.review.published?.modules[0]?.groups[0]?.capacity).toBe(10);
      expect(after.taken.get('cdt-chess-g1')).toBe(5);
      // Returned and fixed to 6: approved; the database now holds 6 places, 5 taken.
      stored = await bed.reviews.step(
        'cdt-chess',
        after.review.revision,
        { action: 'return', remarks: 'Мест меньше, чем детей' },
        operator,
        tick(),
      );
      stored = await bed.reviews.step(
        'cdt-chess',
        stored.review.revision,
        { action: 'edit', draft: withPlaces(6, stored.review.draft) },
        provider,
        tick(),
      );
      stored = await bed.reviews.step(
        'cdt-chess',
        stored.review.revision,
        { action: 'submit' },
        provider,
        tick(),
      );
      stored = await bed.reviews.step(
        'cdt-chess',
        stored.review.revision,
        { action: 'approve' },
        operator,
        tick(),
      );
      const [row] = await bed.database.query<{ capacity: number; taken: number }>(
        "SELECT capacity, taken FROM financing_groups WHERE id = 'cdt-chess-g1'",
      );
      expect([Number(row?.capacity), Number(row?.taken)]).toEqual([6, 5]);
      // The database itself refuses fewer places than taken, whoever writes.
      await expect(
        bed.database.query("UPDATE financing_groups SET capacity = 4 WHERE id = 'cdt-chess-g1'"),
      ).rejects.toMatchObject({ code: '23514' });
    });

    test('two people acting on one revision at once: exactly one step is taken', async () => {
      const draft = buildProgrammeDraft(
        { ...newInput, name: 'Гонка решений' },
        { programmeId: 'cdt-race', providerId: 'cdt', newId },
      );
      await bed.reviews.create(draft, provider, tick());
      await bed.reviews.step('cdt-race', 1, { action: 'submit' }, provider, tick());
      const at = tick();
      const attempts = Array.from({ length: 10 }, (_, i) => {
        const store = i % 2 === 0 ? bed.reviews : bed.otherReviews;
        return i % 3 === 0
          ? store.step('cdt-race', 2, { action: 'approve' }, operator, at)
          : store.step(
              'cdt-race',
              2,
              { action: 'return', remarks: `Замечание ${String(i)}` },
              operator,
              at,
            );
      });
      const results = await Promise.allSettled(attempts);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const result of results) {
        if (result.status === 'rejected') {
          expect(result.reason).toBeInstanceOf(ProgrammeReviewError);
          expect(['revision-moved', 'not-submitted']).toContain(
            (result.reason as ProgrammeReviewError).refusal,
          );
        }
      }
      const { review } = await bed.reviews.get('cdt-race');
      expect(review.revision).toBe(3);
      expect(review.history).toHaveLength(3);
    });

    test('an approval lowering places while families enrol: the database never holds more taken than places', async () => {
      const draft = buildProgrammeDraft(
        {
          ...newInput,
          name: 'Гонка мест',
          modules: [
            {
              ...one(newInput.modules),
              groups: [{ ...one(one(newInput.modules).groups), capacity: 20 }],
            },
          ],
        },
        { programmeId: 'cdt-places', providerId: 'cdt', newId },
      );
      await bed.reviews.create(draft, provider, tick());
      await bed.reviews.step('cdt-places', 1, { action: 'submit' }, provider, tick());
      let stored = await bed.reviews.step('cdt-places', 2, { action: 'approve' }, operator, tick());
      const group = one(one(stored.review.draft.modules).groups);
      const moduleId = one(stored.review.draft.modules).id;
      // The provider asks for 6 places (nobody enrolled yet), the operator approves while
      // 12 families apply.
      const six = buildProgrammeDraft(
        {
          ...draftInputOf(stored.review.draft),
          modules: [
            {
              ...one(draftInputOf(stored.review.draft).modules),
              groups: [
                { ...one(one(draftInputOf(stored.review.draft).modules).groups), capacity: 6 },
              ],
            },
          ],
        },
        {
          programmeId: 'cdt-places',
          providerId: 'cdt',
          current: stored.review.draft,
          published: stored.review.published,
          newId,
        },
      );
      stored = await bed.reviews.step(
        'cdt-places',
        3,
        { action: 'edit', draft: six },
        provider,
        tick(),
      );
      stored = await bed.reviews.step('cdt-places', 4, { action: 'submit' }, provider, tick());
      const approval = bed.otherReviews.step(
        'cdt-places',
        5,
        { action: 'approve' },
        operator,
        tick(),
      );
      const enrolments = Array.from({ length: 12 }, (_, i) =>
        (i % 2 === 0 ? bed.financing : bed.otherFinancing).requestEnrolment({
          contractId: `k-places-${String(i)}`,
          certificateId: `rc${String(10 + i)}`,
          programmeId: 'cdt-places',
          moduleId,
          groupId: group.id,
          requestedOn: '2026-08-25',
        }),
      );
      const [approved, ...enrolled] = await Promise.allSettled([approval, ...enrolments]);
      const [row] = await bed.database.query<{ capacity: number; taken: number }>(
        'SELECT capacity, taken FROM financing_groups WHERE id = $1',
        [group.id],
      );
      const capacity = Number(row?.capacity);
      const taken = Number(row?.taken);
      const won = enrolled.filter((r) => r.status === 'fulfilled').length;
      expect(taken).toBe(won);
      expect(taken).toBeLessThanOrEqual(capacity);
      if (approved?.status === 'fulfilled') {
        expect(capacity).toBe(6);
      } else {
        expect(approved?.reason).toMatchObject({ refusal: 'places-below-taken' });
        expect(capacity).toBe(20);
        expect(taken).toBeGreaterThan(6);
      }
      for (const result of enrolled) {
        if (result.status === 'rejected')
          expect(result.reason).toMatchObject({ limit: 'group-full' });
      }
    });
  });
}
