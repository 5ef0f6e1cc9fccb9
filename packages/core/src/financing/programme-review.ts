import {
  ConflictError,
  Money,
  parse,
  ValidationError,
  type LocalizedText,
} from '../common/index.js';
import { isoDateSchema } from '../common/iso-date.js';
import { requestTextSchema } from '../common/wire.js';
import { z } from '../common/zod.js';
import { instantSchema, type Instant } from '../schedule/instant.js';
import { nonNegativeMoneySchema } from './amounts.js';
import {
  directionLabels,
  directionSchema,
  fundingKindLabels,
  fundingKindSchema,
  lessonTimeSchema,
  programmeSchema,
  type CertificationStatus,
  type Programme,
  type ProgrammeGroup,
  type ProgrammeModule,
} from './programme.js';

/**
 * The states of a programme's review (сертификация программы): a provider's `draft`,
 * `submitted` to the operator, `approved` (the version families see in the navigator) or
 * `returned` to the provider with remarks.
 *
 * ```
 * draft ──submit──▶ submitted ──approve──▶ approved ──edit──▶ draft (the approved version stays public)
 *   ▲                 │  │
 *   └──withdraw───────┘  └──return (remarks)──▶ returned ──edit / submit──▶ …
 * ```
 *
 * @example
 * ```ts
 * import { programmeReviewStates } from '@eduset/core/financing';
 * programmeReviewStates; // ['draft', 'submitted', 'approved', 'returned']
 * ```
 */
export const programmeReviewStates = ['draft', 'submitted', 'approved', 'returned'] as const;

/**
 * Schema of a {@link ProgrammeReviewState}.
 *
 * @example
 * ```ts
 * import { programmeReviewStateSchema } from '@eduset/core/financing';
 * programmeReviewStateSchema.parse('submitted');
 * ```
 */
export const programmeReviewStateSchema = z.enum(programmeReviewStates);

/** A review state. @example `const state: ProgrammeReviewState = 'returned';` */
export type ProgrammeReviewState = z.infer<typeof programmeReviewStateSchema>;

/**
 * Names of the review states in Russian and English, as people read them.
 *
 * @example
 * ```ts
 * import { programmeReviewStateLabels } from '@eduset/core/financing';
 * programmeReviewStateLabels.submitted.ru; // 'на проверке у оператора'
 * ```
 */
export const programmeReviewStateLabels: Readonly<Record<ProgrammeReviewState, LocalizedText>> = {
  draft: { ru: 'черновик', en: 'draft' },
  submitted: { ru: 'на проверке у оператора', en: 'under review by the operator' },
  approved: { ru: 'одобрена', en: 'approved' },
  returned: { ru: 'возвращена на доработку', en: 'returned for changes' },
};

/**
 * What can happen to a programme in review: the provider creates, edits, submits or
 * withdraws it; the operator approves it or returns it with remarks.
 *
 * @example
 * ```ts
 * import { programmeReviewActions } from '@eduset/core/financing';
 * programmeReviewActions.includes('approve'); // true
 * ```
 */
export const programmeReviewActions = [
  'create',
  'edit',
  'submit',
  'withdraw',
  'approve',
  'return',
] as const;

/**
 * Schema of a {@link ProgrammeReviewAction}.
 *
 * @example
 * ```ts
 * import { programmeReviewActionSchema } from '@eduset/core/financing';
 * programmeReviewActionSchema.parse('return');
 * ```
 */
export const programmeReviewActionSchema = z.enum(programmeReviewActions);

/** A review action. @example `const action: ProgrammeReviewAction = 'submit';` */
export type ProgrammeReviewAction = z.infer<typeof programmeReviewActionSchema>;

/**
 * Names of the review actions in Russian and English, for the history.
 *
 * @example
 * ```ts
 * import { programmeReviewActionLabels } from '@eduset/core/financing';
 * programmeReviewActionLabels.return.ru; // 'возвращена на доработку'
 * ```
 */
export const programmeReviewActionLabels: Readonly<Record<ProgrammeReviewAction, LocalizedText>> = {
  create: { ru: 'создана', en: 'created' },
  edit: { ru: 'изменена', en: 'edited' },
  submit: { ru: 'отправлена на проверку', en: 'submitted for review' },
  withdraw: { ru: 'отозвана с проверки', en: 'withdrawn from review' },
  approve: { ru: 'одобрена', en: 'approved' },
  return: { ru: 'возвращена на доработку', en: 'returned for changes' },
};

/**
 * Schema of who did a review step: the staff account and the name shown in the history.
 *
 * @example
 * ```ts
 * import { reviewerSchema } from '@eduset/core/financing';
 * reviewerSchema.parse({ accountId: 'acc-1', name: 'Оператор УМИЦ' });
 * ```
 */
export const reviewerSchema = z.object({
  accountId: z.string().min(1).max(200).optional(),
  name: z.string().min(1).max(200),
});

/** Who did a review step. @example `const by: Reviewer = { name: 'Оператор' };` */
export type Reviewer = z.infer<typeof reviewerSchema>;

/**
 * Schema of one step of a programme's review history: the revision it made, the action, the
 * states before and after, who and when, and the operator's remarks on a return.
 *
 * @example
 * ```ts
 * import { programmeReviewEventSchema } from '@eduset/core/financing';
 * programmeReviewEventSchema.parse({
 *   revision: 3, action: 'return', from: 'submitted', to: 'returned',
 *   by: { name: 'Оператор' }, at: '2026-09-01T09:00:00.000Z', remarks: 'Укажите время занятий',
 * });
 * ```
 */
export const programmeReviewEventSchema = z.object({
  revision: z.number().int().min(1),
  action: programmeReviewActionSchema,
  from: programmeReviewStateSchema.optional(),
  to: programmeReviewStateSchema,
  by: reviewerSchema,
  at: instantSchema,
  remarks: z.string().min(1).max(4000).optional(),
});

/** A step of a review history. @example `declare const event: ProgrammeReviewEvent; event.at;` */
export type ProgrammeReviewEvent = z.infer<typeof programmeReviewEventSchema>;

/**
 * Schema of a programme's review: its state and revision (every step makes a new one), the
 * working version (`draft`: what the provider edits and the operator reviews), the version
 * families see (`published`, the last approved one, absent until the first approval) and
 * the history of every step.
 *
 * @example
 * ```ts
 * import { programmeReviewSchema } from '@eduset/core/financing';
 * declare const json: unknown;
 * programmeReviewSchema.parse(json).state;
 * ```
 */
export const programmeReviewSchema = z.object({
  programmeId: z.string().min(1).max(120),
  providerId: z.string().min(1).max(120),
  state: programmeReviewStateSchema,
  revision: z.number().int().min(1),
  draft: programmeSchema,
  published: programmeSchema.optional(),
  history: z.array(programmeReviewEventSchema),
});

/** A programme's review. @example `declare const review: ProgrammeReview; review.state;` */
export type ProgrammeReview = z.infer<typeof programmeReviewSchema>;

/**
 * Why a review step was refused:
 * - `under-review` — the provider edits a programme the operator is reviewing (withdraw it first);
 * - `already-submitted` — it is submitted already;
 * - `nothing-to-submit` — the approved version has no changes to submit;
 * - `not-submitted` — the operator approves or returns a programme that is not submitted;
 * - `not-withdrawable` — only a submitted programme can be withdrawn;
 * - `revision-moved` — someone else changed the programme since it was read;
 * - `places-below-taken` — a group's places would go below the places already taken;
 * - `group-in-use` — a group (or a module) with children enrolled would disappear.
 *
 * @example
 * ```ts
 * import type { ProgrammeReviewRefusal } from '@eduset/core/financing';
 * const refusal: ProgrammeReviewRefusal = 'under-review';
 * ```
 */
export type ProgrammeReviewRefusal =
  | 'under-review'
  | 'already-submitted'
  | 'nothing-to-submit'
  | 'not-submitted'
  | 'not-withdrawable'
  | 'revision-moved'
  | 'places-below-taken'
  | 'group-in-use';

/**
 * The Russian and English message of each {@link ProgrammeReviewRefusal}.
 *
 * @example
 * ```ts
 * import { programmeReviewRefusalMessages } from '@eduset/core/financing';
 * programmeReviewRefusalMessages['not-submitted'].en;
 * ```
 */
export const programmeReviewRefusalMessages: Readonly<
  Record<ProgrammeReviewRefusal, LocalizedText>
> = {
  'under-review': {
    ru: 'Программа на проверке у оператора: изменить её можно после его решения или отозвав её с проверки',
    en: 'The programme is under review by the operator: change it after the decision, or withdraw it first',
  },
  'already-submitted': {
    ru: 'Программа уже отправлена на проверку',
    en: 'The programme is already submitted for review',
  },
  'nothing-to-submit': {
    ru: 'Программа уже одобрена и не менялась: отправлять на проверку нечего',
    en: 'The programme is approved and unchanged: there is nothing to submit',
  },
  'not-submitted': {
    ru: 'Одобрить или вернуть можно только программу, отправленную на проверку',
    en: 'Only a programme submitted for review can be approved or returned',
  },
  'not-withdrawable': {
    ru: 'Отозвать можно только программу, отправленную на проверку',
    en: 'Only a programme submitted for review can be withdrawn',
  },
  'revision-moved': {
    ru: 'Программу уже изменили: обновите страницу и посмотрите новую версию',
    en: 'The programme has changed meanwhile: reload and look at the new version',
  },
  'places-below-taken': {
    ru: 'Мест в группе не может быть меньше, чем уже занято',
    en: 'A group cannot have fewer places than are already taken',
  },
  'group-in-use': {
    ru: 'В группе есть записанные дети: её нельзя убрать из программы',
    en: 'Children are enrolled in the group: it cannot be removed',
  },
};

/**
 * A refused review step: a {@link ConflictError} (409 on the server) whose `refusal` says
 * which rule refused, with a Russian and English message naming the programme's state.
 *
 * @example
 * ```ts
 * import { ProgrammeReviewError } from '@eduset/core/financing';
 * const error = new ProgrammeReviewError('not-submitted');
 * error.reason; // 'not-submitted'
 * ```
 */
export class ProgrammeReviewError extends ConflictError {
  /** Which rule refused. */
  readonly refusal: ProgrammeReviewRefusal;

  constructor(refusal: ProgrammeReviewRefusal, detail?: LocalizedText) {
    const base = programmeReviewRefusalMessages[refusal];
    super(
      refusal,
      detail ? { ru: `${base.ru}: ${detail.ru}`, en: `${base.en}: ${detail.en}` } : base,
    );
    this.name = 'ProgrammeReviewError';
    this.refusal = refusal;
  }
}

/**
 * What a review step asks for:
 * - `edit` with the new working version (built with {@link buildProgrammeDraft});
 * - `submit`, `withdraw` (the provider);
 * - `approve`, optionally with the normative cost of modules (module id → amount);
 * - `return` with the operator's remarks (required).
 *
 * @example
 * ```ts
 * import type { ProgrammeReviewCommand } from '@eduset/core/financing';
 * const command: ProgrammeReviewCommand = { action: 'return', remarks: 'Укажите время занятий' };
 * ```
 */
export type ProgrammeReviewCommand =
  | { readonly action: 'edit'; readonly draft: Programme }
  | { readonly action: 'submit' }
  | { readonly action: 'withdraw' }
  | { readonly action: 'approve'; readonly normativeCosts?: Readonly<Record<string, Money>> }
  | { readonly action: 'return'; readonly remarks: string };

/**
 * The result of a review step: the review after it, the history event it appended, and — on
 * approval — the programme to publish (what families see from now on).
 *
 * @example
 * ```ts
 * import type { ProgrammeReviewStep } from '@eduset/core/financing';
 * declare const step: ProgrammeReviewStep;
 * step.publish?.id;
 * ```
 */
export interface ProgrammeReviewStep {
  readonly review: ProgrammeReview;
  readonly event: ProgrammeReviewEvent;
  readonly publish?: Programme;
}

/**
 * Who takes a review step, and when (the server's clock).
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import type { ProgrammeReviewStepContext } from '@eduset/core/financing';
 * const context: ProgrammeReviewStepContext = {
 *   by: { accountId: 'acc-op', name: 'Оператор УМИЦ' }, at: instant('2026-08-21T09:00:00Z'),
 * };
 * ```
 */
export interface ProgrammeReviewStepContext {
  readonly by: Reviewer;
  readonly at: Instant;
}

function stateWords(state: ProgrammeReviewState): LocalizedText {
  const label = programmeReviewStateLabels[state];
  return { ru: `сейчас она «${label.ru}»`, en: `it is now "${label.en}"` };
}

/** The certification a version carries while it is not the approved one. */
function unapprovedCertification(review: Pick<ProgrammeReview, 'published'>): CertificationStatus {
  return review.published?.certification ?? 'not-certified';
}

function withCertification(programme: Programme, certification: CertificationStatus): Programme {
  return programme.certification === certification ? programme : { ...programme, certification };
}

/**
 * Starts the review of a new programme: a `draft` at revision 1 with its `create` step.
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import { startProgrammeReview, type Programme } from '@eduset/core/financing';
 * declare const draft: Programme;
 * const review = startProgrammeReview(draft, {
 *   by: { name: 'ЦДТ' }, at: instant('2026-08-20T09:00:00Z'),
 * });
 * review.state; // 'draft'
 * ```
 */
export function startProgrammeReview(
  draft: Programme,
  context: ProgrammeReviewStepContext,
): ProgrammeReview {
  const programme = withCertification(draft, 'not-certified');
  return {
    programmeId: programme.id,
    providerId: programme.providerId,
    state: 'draft',
    revision: 1,
    draft: programme,
    history: [
      {
        revision: 1,
        action: 'create',
        to: 'draft',
        by: context.by,
        at: context.at,
      },
    ],
  };
}

/**
 * The review of a programme already in the public registry that never went through eduset's
 * review (the demo registry, an operator's import): approved at revision 1, with no history.
 *
 * @example
 * ```ts
 * import { reviewOfPublished, type Programme } from '@eduset/core/financing';
 * declare const programme: Programme;
 * reviewOfPublished(programme).state; // 'approved'
 * ```
 */
export function reviewOfPublished(programme: Programme): ProgrammeReview {
  return {
    programmeId: programme.id,
    providerId: programme.providerId,
    state: 'approved',
    revision: 1,
    draft: programme,
    published: programme,
    history: [],
  };
}

function refuse(refusal: ProgrammeReviewRefusal, state: ProgrammeReviewState): never {
  throw new ProgrammeReviewError(refusal, stateWords(state));
}

const remarksSchema = requestTextSchema(4000);

/**
 * One step of the review state machine, pure: checks that the step is allowed from the
 * current state (a {@link ProgrammeReviewError} names the rule and the state otherwise) and
 * returns the review after it, one revision later, with the step appended to the history.
 *
 * | from \ action | edit | submit | withdraw | approve | return |
 * |---|---|---|---|---|---|
 * | draft | draft | submitted | — | — | — |
 * | submitted | — (`under-review`) | — | draft | approved | returned |
 * | returned | returned | submitted | — | — | — |
 * | approved | draft (the approved version stays public) | — (`nothing-to-submit`) | — | — | — |
 *
 * While submitted, a funded programme's working version is `pending` certification; on
 * approval a funded programme becomes `certified` (it may then be paid from certificates)
 * and the working version is published; otherwise the working version carries the
 * published version's certification. Returning needs remarks (a `ValidationError` without).
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import { reviewProgramme, type ProgrammeReview } from '@eduset/core/financing';
 * declare const review: ProgrammeReview; // submitted
 * const step = reviewProgramme(review, { action: 'approve' }, {
 *   by: { name: 'Оператор' }, at: instant('2026-08-21T09:00:00Z'),
 * });
 * step.review.state; // 'approved'
 * step.publish?.id === review.programmeId; // true
 * ```
 */
export function reviewProgramme(
  review: ProgrammeReview,
  command: ProgrammeReviewCommand,
  context: ProgrammeReviewStepContext,
): ProgrammeReviewStep {
  const from = review.state;
  const revision = review.revision + 1;
  let to: ProgrammeReviewState;
  let draft = review.draft;
  let publish: Programme | undefined;
  let remarks: string | undefined;
  switch (command.action) {
    case 'edit': {
      if (from === 'submitted') refuse('under-review', from);
      if (
        command.draft.id !== review.programmeId ||
        command.draft.providerId !== review.providerId
      ) {
        throw new ValidationError([
          {
            path: ['id'],
            code: 'custom',
            message: {
              ru: 'Новая версия относится к другой программе или другому поставщику',
              en: 'The new version belongs to another programme or provider',
            },
          },
        ]);
      }
      to = from === 'approved' ? 'draft' : from;
      draft = withCertification(command.draft, unapprovedCertification(review));
      break;
    }
    case 'submit': {
      if (from === 'submitted') refuse('already-submitted', from);
      if (from === 'approved') refuse('nothing-to-submit', from);
      to = 'submitted';
      draft =
        draft.fundingKind === 'funded'
          ? withCertification(draft, 'pending')
          : withCertification(draft, unapprovedCertification(review));
      break;
    }
    case 'withdraw': {
      if (from !== 'submitted') refuse('not-withdrawable', from);
      to = 'draft';
      draft = withCertification(draft, unapprovedCertification(review));
      break;
    }
    case 'approve': {
      if (from !== 'submitted') refuse('not-submitted', from);
      to = 'approved';
      draft = withNormativeCosts(draft, command.normativeCosts ?? {});
      draft = withCertification(
        draft,
        draft.fundingKind === 'funded' ? 'certified' : unapprovedCertification(review),
      );
      publish = draft;
      break;
    }
    case 'return': {
      if (from !== 'submitted') refuse('not-submitted', from);
      const checked = remarksSchema.safeParse(command.remarks);
      if (!checked.success) {
        throw new ValidationError([
          {
            path: ['remarks'],
            code: 'custom',
            message: {
              ru: 'Напишите замечания: что поставщику исправить (до 4000 знаков)',
              en: 'Write the remarks: what the provider should change (up to 4000 characters)',
            },
          },
        ]);
      }
      remarks = checked.data;
      to = 'returned';
      draft = withCertification(draft, unapprovedCertification(review));
      break;
    }
  }
  const event: ProgrammeReviewEvent = {
    revision,
    action: command.action,
    from,
    to,
    by: context.by,
    at: context.at,
    ...(remarks === undefined ? {} : { remarks }),
  };
  return {
    review: {
      ...review,
      state: to,
      revision,
      draft,
      ...(publish === undefined ? {} : { published: publish }),
      history: [...review.history, event],
    },
    event,
    ...(publish === undefined ? {} : { publish }),
  };
}

function withNormativeCosts(
  programme: Programme,
  costs: Readonly<Record<string, Money>>,
): Programme {
  const known = new Set(programme.modules.map((module) => module.id));
  const unknown = Object.keys(costs).filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new ValidationError(
      unknown.map((id) => ({
        path: ['normativeCosts', id],
        code: 'custom',
        message: {
          ru: `В программе нет модуля «${id}»`,
          en: `The programme has no module "${id}"`,
        },
      })),
    );
  }
  if (Object.keys(costs).length === 0) return programme;
  return {
    ...programme,
    modules: programme.modules.map((module) => {
      const cost = Object.hasOwn(costs, module.id) ? costs[module.id] : undefined;
      return cost === undefined ? module : { ...module, normativeCost: cost };
    }),
  };
}

/**
 * The latest remarks of the operator, while the programme is returned.
 *
 * @example
 * ```ts
 * import { latestRemarks, type ProgrammeReview } from '@eduset/core/financing';
 * declare const review: ProgrammeReview;
 * latestRemarks(review); // 'Укажите время занятий' or undefined
 * ```
 */
export function latestRemarks(
  review: Pick<ProgrammeReview, 'state' | 'history'>,
): string | undefined {
  if (review.state !== 'returned') return undefined;
  for (let index = review.history.length - 1; index >= 0; index -= 1) {
    const event = review.history[index];
    if (event?.action === 'return') return event.remarks;
  }
  return undefined;
}

const countSchema = (min: number, max: number) => z.number().int().min(min).max(max);

/**
 * Schema of a group as the provider enters it: `id` of a group the programme already has
 * (absent for a new one), the name, dates, places, weekdays and lesson time.
 *
 * @example
 * ```ts
 * import { programmeGroupInputSchema } from '@eduset/core/financing';
 * programmeGroupInputSchema.parse({
 *   name: 'Группа 1', start: '2026-09-01', end: '2027-05-31', capacity: 12, weekdays: [2, 4],
 *   time: { from: '15:00', to: '16:30' },
 * });
 * ```
 */
export const programmeGroupInputSchema = z.strictObject({
  id: z.optional(requestTextSchema(120)),
  name: requestTextSchema(200),
  start: isoDateSchema,
  end: isoDateSchema,
  capacity: countSchema(1, 1000),
  weekdays: z.array(countSchema(1, 7)).max(7).default([]),
  time: lessonTimeSchema.optional(),
  /** The inventory room the group meets in (checked by `judgeProgrammeRooms`). */
  roomId: z.optional(requestTextSchema(120)),
});

/** A group as the provider enters it. @example `declare const group: ProgrammeGroupInput; group.capacity;` */
export type ProgrammeGroupInput = z.input<typeof programmeGroupInputSchema>;

/**
 * Schema of a module as the provider enters it: `id` of an existing module (absent for a new
 * one), name, hours, the price for a whole group period and its groups. The normative cost
 * is the operator's and is not entered here.
 *
 * @example
 * ```ts
 * import { programmeModuleInputSchema } from '@eduset/core/financing';
 * programmeModuleInputSchema.parse({ name: 'Основной модуль', hours: 144, price: '12000', groups: [] });
 * ```
 */
export const programmeModuleInputSchema = z.strictObject({
  id: z.optional(requestTextSchema(120)),
  name: requestTextSchema(200),
  hours: z.number().positive().max(10000),
  price: nonNegativeMoneySchema.optional(),
  groups: z.array(programmeGroupInputSchema).max(50),
});

/** A module as the provider enters it. @example `declare const module: ProgrammeModuleInput; module.hours;` */
export type ProgrammeModuleInput = z.input<typeof programmeModuleInputSchema>;

/**
 * Schema of a programme as the provider enters it in its desk: everything a family sees
 * (name, description, direction, kind, ages, hours, district, group size) and its modules
 * with groups. Ids of the programme and the provider, the certification, the normative cost
 * and the enrolment limit are not the provider's to set.
 *
 * @example
 * ```ts
 * import { programmeDraftInputSchema } from '@eduset/core/financing';
 * programmeDraftInputSchema.parse({
 *   name: 'Робототехника', fundingKind: 'funded', direction: 'technical', ageFrom: 7, ageTo: 12,
 *   hours: 144, hoursPerWeek: 4, groupSize: { min: 8, max: 12 },
 *   modules: [{ name: 'Основной модуль', hours: 144, price: '12000', groups: [] }],
 * });
 * ```
 */
export const programmeDraftInputSchema = z.strictObject({
  name: requestTextSchema(200),
  description: z.optional(requestTextSchema(4000, 0)),
  fundingKind: fundingKindSchema,
  direction: directionSchema,
  district: z.optional(requestTextSchema(100)),
  ageFrom: countSchema(0, 25),
  ageTo: countSchema(0, 25),
  hours: z.number().positive().max(10000),
  hoursPerWeek: z.number().positive().max(60).optional(),
  groupSize: z.strictObject({ min: countSchema(1, 1000), max: countSchema(1, 1000) }),
  modules: z.array(programmeModuleInputSchema).min(1).max(20),
});

/** A programme as the provider enters it. @example `declare const input: ProgrammeDraftInput; input.name;` */
export type ProgrammeDraftInput = z.input<typeof programmeDraftInputSchema>;

/**
 * What {@link buildProgrammeDraft} needs besides the input: the programme's and provider's
 * ids, the current working version and the published version (absent for a new
 * programme), and a source of fresh id parts for new modules and groups (the server's
 * random ids; core itself has no randomness).
 *
 * @example
 * ```ts
 * import type { ProgrammeDraftContext } from '@eduset/core/financing';
 * let n = 0;
 * const context: ProgrammeDraftContext = {
 *   programmeId: 'cdt-robot', providerId: 'cdt', newId: () => String((n += 1)),
 * };
 * ```
 */
export interface ProgrammeDraftContext {
  readonly programmeId: string;
  readonly providerId: string;
  readonly current?: Programme;
  readonly published?: Programme;
  readonly district?: string;
  readonly newId: () => string;
}

function issue(path: (string | number)[], message: LocalizedText) {
  return { path, code: 'custom', message };
}

/**
 * Builds the working version of a programme from what the provider entered: new modules and
 * groups get fresh ids (`{programmeId}-m…`, `{programmeId}-g…`); an id the input names must
 * be one the programme already has, in the same module (a group never moves between
 * modules, nor between programmes); what is not the provider's to set (normative cost,
 * enrolment limit, place, certification) is carried over from the current version. The
 * result passes core's `programmeSchema` (ages, group dates, group size) or a
 * `ValidationError` lists every problem with its path in the input.
 *
 * @example
 * ```ts
 * import { buildProgrammeDraft } from '@eduset/core/financing';
 * let n = 0;
 * const draft = buildProgrammeDraft(
 *   {
 *     name: 'Робототехника', fundingKind: 'funded', direction: 'technical', ageFrom: 7, ageTo: 12,
 *     hours: 144, groupSize: { min: 8, max: 12 },
 *     modules: [{ name: 'Основной модуль', hours: 144, price: '12000', groups: [] }],
 *   },
 *   { programmeId: 'cdt-robot', providerId: 'cdt', newId: () => String((n += 1)) },
 * );
 * draft.modules[0]?.id; // 'cdt-robot-m1'
 * ```
 */
export function buildProgrammeDraft(input: unknown, context: ProgrammeDraftContext): Programme {
  // Through JSON: an input parsed once already (its prices are `Money`) reads the same again.
  const entered = parse(
    programmeDraftInputSchema,
    input === undefined ? input : (JSON.parse(JSON.stringify(input)) as unknown),
  );
  const previous = [context.current, context.published].filter(
    (version): version is Programme => version !== undefined,
  );
  const knownModules = new Map<string, ProgrammeModule>();
  const knownGroups = new Map<
    string,
    { readonly moduleId: string; readonly group: ProgrammeGroup }
  >();
  for (const version of previous) {
    for (const module of version.modules) {
      if (!knownModules.has(module.id)) knownModules.set(module.id, module);
      for (const group of module.groups) {
        if (!knownGroups.has(group.id)) knownGroups.set(group.id, { moduleId: module.id, group });
      }
    }
  }
  const problems: ReturnType<typeof issue>[] = [];
  const usedIds = new Set<string>();
  const fresh = (kind: 'm' | 'g'): string => {
    for (;;) {
      const id = `${context.programmeId}-${kind}${context.newId()}`;
      if (!usedIds.has(id) && !knownModules.has(id) && !knownGroups.has(id)) {
        usedIds.add(id);
        return id;
      }
    }
  };
  const claim = (id: string, path: (string | number)[]): void => {
    if (usedIds.has(id)) {
      problems.push(
        issue(path, {
          ru: `Код «${id}» встречается в программе дважды`,
          en: `The id "${id}" appears twice in the programme`,
        }),
      );
    }
    usedIds.add(id);
  };
  const modules = entered.modules.map((module, moduleIndex) => {
    let moduleId: string;
    if (module.id === undefined) moduleId = fresh('m');
    else {
      moduleId = module.id;
      claim(moduleId, ['modules', moduleIndex, 'id']);
      if (!knownModules.has(moduleId)) {
        problems.push(
          issue(['modules', moduleIndex, 'id'], {
            ru: `В программе нет модуля «${moduleId}»`,
            en: `The programme has no module "${moduleId}"`,
          }),
        );
      }
    }
    const before = knownModules.get(moduleId);
    const groups = module.groups.map((group, groupIndex) => {
      let groupId: string;
      if (group.id === undefined) groupId = fresh('g');
      else {
        groupId = group.id;
        claim(groupId, ['modules', moduleIndex, 'groups', groupIndex, 'id']);
        const known = knownGroups.get(groupId);
        if (known?.moduleId !== moduleId) {
          problems.push(
            issue(['modules', moduleIndex, 'groups', groupIndex, 'id'], {
              ru: `В этом модуле нет группы «${groupId}»`,
              en: `This module has no group "${groupId}"`,
            }),
          );
        }
      }
      const siteId = knownGroups.get(groupId)?.group.siteId;
      return {
        id: groupId,
        name: group.name,
        start: group.start,
        end: group.end,
        capacity: group.capacity,
        weekdays: [...new Set(group.weekdays)].sort((a, b) => a - b),
        ...(group.time === undefined ? {} : { time: group.time }),
        ...(siteId === undefined ? {} : { siteId }),
        ...(group.roomId === undefined ? {} : { roomId: group.roomId }),
      };
    });
    return {
      id: moduleId,
      name: module.name,
      hours: module.hours,
      ...(module.price === undefined ? {} : { price: module.price.toString() }),
      ...(before?.normativeCost === undefined
        ? {}
        : { normativeCost: before.normativeCost.toString() }),
      groups,
    };
  });
  if (problems.length > 0) throw new ValidationError(problems);
  const base = context.current ?? context.published;
  const district = entered.district ?? base?.district ?? context.district;
  return parse(programmeSchema, {
    id: context.programmeId,
    name: entered.name,
    ...(entered.description === undefined || entered.description === ''
      ? {}
      : { description: entered.description }),
    providerId: context.providerId,
    ...(base?.siteId === undefined ? {} : { siteId: base.siteId }),
    ...(district === undefined ? {} : { district }),
    fundingKind: entered.fundingKind,
    direction: entered.direction,
    ageFrom: entered.ageFrom,
    ageTo: entered.ageTo,
    hours: entered.hours,
    ...(entered.hoursPerWeek === undefined ? {} : { hoursPerWeek: entered.hoursPerWeek }),
    groupSize: entered.groupSize,
    certification: base?.certification ?? 'not-certified',
    ...(base?.maxEnrolments === undefined ? {} : { maxEnrolments: base.maxEnrolments }),
    modules,
  });
}

/**
 * The working version as the provider's form holds it ({@link ProgrammeDraftInput}): the
 * inverse of {@link buildProgrammeDraft} for the fields the provider enters.
 *
 * @example
 * ```ts
 * import { draftInputOf, type Programme } from '@eduset/core/financing';
 * declare const programme: Programme;
 * draftInputOf(programme).modules.length;
 * ```
 */
export function draftInputOf(programme: Programme): ProgrammeDraftInput {
  return {
    name: programme.name,
    ...(programme.description === undefined ? {} : { description: programme.description }),
    fundingKind: programme.fundingKind,
    direction: programme.direction,
    ...(programme.district === undefined ? {} : { district: programme.district }),
    ageFrom: programme.ageFrom,
    ageTo: programme.ageTo,
    hours: programme.hours,
    ...(programme.hoursPerWeek === undefined ? {} : { hoursPerWeek: programme.hoursPerWeek }),
    groupSize: { ...programme.groupSize },
    modules: programme.modules.map((module) => ({
      id: module.id,
      name: module.name,
      hours: module.hours,
      ...(module.price === undefined ? {} : { price: module.price.toString() }),
      groups: module.groups.map((group) => ({
        id: group.id,
        name: group.name,
        start: group.start,
        end: group.end,
        capacity: group.capacity,
        weekdays: [...group.weekdays],
        ...(group.time === undefined ? {} : { time: { ...group.time } }),
        ...(group.roomId === undefined ? {} : { roomId: group.roomId }),
      })),
    })),
  };
}

/**
 * Checks a new version against the places already taken in the published one (group id →
 * places taken, as the database counts them): a group with children enrolled must stay in
 * the programme, and no group may have fewer places than are taken. Throws a
 * {@link ProgrammeReviewError} (`group-in-use` or `places-below-taken`) naming the group.
 * The database keeps the same rule on publication (`taken <= capacity`), whatever runs at
 * the same moment.
 *
 * @example
 * ```ts
 * import { checkPlacesTaken, type Programme } from '@eduset/core/financing';
 * declare const draft: Programme;
 * declare const published: Programme;
 * checkPlacesTaken(draft, published, new Map([['g1', 3]]));
 * ```
 */
export function checkPlacesTaken(
  draft: Programme,
  published: Programme | undefined,
  taken: ReadonlyMap<string, number>,
): void {
  const groups = new Map(
    draft.modules.flatMap((module) =>
      module.groups.map((group) => [group.id, { module, group }] as const),
    ),
  );
  const before = new Map(
    (published?.modules ?? []).flatMap((module) =>
      module.groups.map((group) => [group.id, { module, group }] as const),
    ),
  );
  for (const [groupId, count] of taken) {
    if (count <= 0) continue;
    const now = groups.get(groupId);
    const was = before.get(groupId);
    if (now === undefined) {
      const name = was?.group.name ?? groupId;
      throw new ProgrammeReviewError('group-in-use', {
        ru: `«${name}», занято мест: ${String(count)}`,
        en: `"${name}", places taken: ${String(count)}`,
      });
    }
    if (now.group.capacity < count) {
      throw new ProgrammeReviewError('places-below-taken', {
        ru: `«${now.group.name}»: занято ${String(count)}, указано мест ${String(now.group.capacity)}`,
        en: `"${now.group.name}": ${String(count)} taken, ${String(now.group.capacity)} places given`,
      });
    }
  }
}

/**
 * Schema of one difference between two versions of a programme: what changed, in words, and
 * the value before and after (absent for something added or removed).
 *
 * @example
 * ```ts
 * import { programmeChangeSchema } from '@eduset/core/financing';
 * programmeChangeSchema.parse({
 *   what: { ru: 'Название', en: 'Name' },
 *   before: { ru: 'Робот', en: 'Робот' }, after: { ru: 'Роботы', en: 'Роботы' },
 * });
 * ```
 */
export const programmeChangeSchema = z.object({
  what: z.object({ ru: z.string(), en: z.string() }),
  before: z.object({ ru: z.string(), en: z.string() }).optional(),
  after: z.object({ ru: z.string(), en: z.string() }).optional(),
});

/** A difference between two versions. @example `declare const change: ProgrammeChange; change.what.ru;` */
export type ProgrammeChange = z.infer<typeof programmeChangeSchema>;

const same = (text: string): LocalizedText => ({ ru: text, en: text });

function groupWords(group: ProgrammeGroup, roomNames?: ReadonlyMap<string, string>): LocalizedText {
  const days = group.weekdays;
  const ruDays = ['пн', 'вт', 'ср', 'чт', 'пт', 'сб', 'вс'];
  const enDays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  const time = group.time ? ` ${group.time.from}–${group.time.to}` : '';
  const roomName = group.roomId === undefined ? undefined : roomNames?.get(group.roomId);
  const room =
    group.roomId === undefined
      ? { ru: '', en: '' }
      : roomName === undefined
        ? { ru: ', помещение из инвентаризации', en: ', a room of the inventory' }
        : { ru: `, «${roomName}»`, en: `, "${roomName}"` };
  return {
    ru: `${group.start} – ${group.end}, мест ${String(group.capacity)}, ${days.map((d) => ruDays[d - 1]).join(', ') || 'дни не указаны'}${time}${room.ru}`,
    en: `${group.start} – ${group.end}, ${String(group.capacity)} places, ${days.map((d) => enDays[d - 1]).join(', ') || 'no days given'}${time}${room.en}`,
  };
}

function moduleWords(module: ProgrammeModule): LocalizedText {
  const price = module.price === undefined ? undefined : module.price;
  return {
    ru: `${String(module.hours)} ч${price ? `, стоимость ${price.format('ru')}` : ''}${module.normativeCost ? `, норматив ${module.normativeCost.format('ru')}` : ''}`,
    en: `${String(module.hours)} h${price ? `, price ${price.format('en')}` : ''}${module.normativeCost ? `, normative cost ${module.normativeCost.format('en')}` : ''}`,
  };
}

/**
 * What changed from one version of a programme to another, in people's words: every field
 * a family sees, and modules and groups added, removed or changed. With no earlier version
 * (a new programme) the list is empty. For the operator reviewing an edit of an approved
 * programme. A group's room is named from `roomNames` (room id → name) when given.
 *
 * @example
 * ```ts
 * import { programmeChanges, type Programme } from '@eduset/core/financing';
 * declare const published: Programme;
 * declare const draft: Programme;
 * programmeChanges(published, draft).map((change) => change.what.ru);
 * ```
 */
export function programmeChanges(
  before: Programme | undefined,
  after: Programme,
  roomNames?: ReadonlyMap<string, string>,
): ProgrammeChange[] {
  if (before === undefined) return [];
  const changes: ProgrammeChange[] = [];
  const field = (
    what: LocalizedText,
    a: LocalizedText | undefined,
    b: LocalizedText | undefined,
  ) => {
    if (a?.ru === b?.ru && a?.en === b?.en) return;
    changes.push({
      what,
      ...(a === undefined ? {} : { before: a }),
      ...(b === undefined ? {} : { after: b }),
    });
  };
  const text = (value: string | undefined) => (value === undefined ? undefined : same(value));
  field({ ru: 'Название', en: 'Name' }, same(before.name), same(after.name));
  field({ ru: 'Описание', en: 'Description' }, text(before.description), text(after.description));
  field(
    { ru: 'Вид программы', en: 'Kind of programme' },
    fundingKindLabels[before.fundingKind],
    fundingKindLabels[after.fundingKind],
  );
  field(
    { ru: 'Направленность', en: 'Direction' },
    directionLabels[before.direction],
    directionLabels[after.direction],
  );
  field({ ru: 'Район', en: 'District' }, text(before.district), text(after.district));
  field(
    { ru: 'Возраст', en: 'Ages' },
    same(`${String(before.ageFrom)}–${String(before.ageTo)}`),
    same(`${String(after.ageFrom)}–${String(after.ageTo)}`),
  );
  field(
    { ru: 'Часов всего', en: 'Hours in all' },
    same(String(before.hours)),
    same(String(after.hours)),
  );
  field(
    { ru: 'Часов в неделю', en: 'Hours a week' },
    text(before.hoursPerWeek === undefined ? undefined : String(before.hoursPerWeek)),
    text(after.hoursPerWeek === undefined ? undefined : String(after.hoursPerWeek)),
  );
  field(
    { ru: 'Размер группы', en: 'Group size' },
    same(`${String(before.groupSize.min)}–${String(before.groupSize.max)}`),
    same(`${String(after.groupSize.min)}–${String(after.groupSize.max)}`),
  );
  const beforeModules = new Map(before.modules.map((module) => [module.id, module]));
  for (const module of after.modules) {
    const was = beforeModules.get(module.id);
    const label: LocalizedText = { ru: `Модуль «${module.name}»`, en: `Module "${module.name}"` };
    if (was === undefined) {
      field(label, undefined, moduleWords(module));
    } else {
      field(label, same(was.name), same(module.name));
      field(label, moduleWords(was), moduleWords(module));
    }
    const beforeGroups = new Map((was?.groups ?? []).map((group) => [group.id, group]));
    for (const group of module.groups) {
      const wasGroup = beforeGroups.get(group.id);
      const groupLabel: LocalizedText = {
        ru: `Группа «${group.name}» (${module.name})`,
        en: `Group "${group.name}" (${module.name})`,
      };
      field(
        groupLabel,
        wasGroup === undefined ? undefined : groupWords(wasGroup, roomNames),
        groupWords(group, roomNames),
      );
      if (wasGroup !== undefined) field(groupLabel, same(wasGroup.name), same(group.name));
    }
    for (const [id, group] of beforeGroups) {
      if (!module.groups.some((candidate) => candidate.id === id)) {
        field(
          {
            ru: `Группа «${group.name}» (${module.name})`,
            en: `Group "${group.name}" (${module.name})`,
          },
          groupWords(group, roomNames),
          undefined,
        );
      }
    }
  }
  for (const [id, module] of beforeModules) {
    if (!after.modules.some((candidate) => candidate.id === id)) {
      field(
        { ru: `Модуль «${module.name}»`, en: `Module "${module.name}"` },
        moduleWords(module),
        undefined,
      );
    }
  }
  return changes;
}

/**
 * What a family pays for a module over a whole group period when its certificate covers as
 * much as it can (the co-payment, доплата семьи): nothing for a budget programme, the whole
 * price for a paid one, and for a funded one the part of the price above the normative cost
 * (`max(0, price − normative cost)`; with no normative cost set, contracts take the price
 * as the normative cost, so nothing).
 * A smaller balance on the certificate raises it (core's `previewCoPayment` says by how much).
 *
 * @example
 * ```ts
 * import { Money } from '@eduset/core/common';
 * import { fullCertificateCoPayment, type Programme } from '@eduset/core/financing';
 * declare const programme: Programme;
 * fullCertificateCoPayment(programme, programme.modules[0]!).toString();
 * ```
 */
export function fullCertificateCoPayment(
  programme: Pick<Programme, 'fundingKind'>,
  module: Pick<ProgrammeModule, 'price' | 'normativeCost'>,
): Money {
  const price = module.price ?? Money.zero();
  if (programme.fundingKind === 'budget') return Money.zero();
  if (programme.fundingKind === 'paid') return price;
  const normative = module.normativeCost ?? price;
  const above = price.subtract(normative);
  return above.isNegative() ? Money.zero() : above;
}
