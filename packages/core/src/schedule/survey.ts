import { localizedTextSchema } from '../common/labels.js';
import { schoolYearSchema } from '../common/school-year.js';
import { requestIdSchema, requestTextSchema } from '../common/wire.js';
import { z } from '../common/zod-mini.js';
import { instantSchema } from './instant.js';

// The parents' survey after a consultation (issue 14 §4): what a parent answers, the wire
// contracts of the public survey routes, and the link the e-mail carries. An answer holds no
// contact and no booking id: only what the figures need travels with it (see the storage's
// migration 0018 and docs/*/parent-service.md).

/**
 * The longest comment a parent may leave with a survey answer, in characters.
 *
 * @example
 * ```ts
 * import { surveyCommentMaxLength } from '@eduset/core/schedule';
 * surveyCommentMaxLength; // 1000
 * ```
 */
export const surveyCommentMaxLength = 1000;

/**
 * The scores of the survey, worst to best.
 *
 * @example
 * ```ts
 * import { surveyScores } from '@eduset/core/schedule';
 * surveyScores.at(-1); // 5
 * ```
 */
export const surveyScores = [1, 2, 3, 4, 5] as const;

const blankToUndefined = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const answerFields = {
  /** Whether the parent is satisfied with the consultation (the figure «parents satisfied»). */
  satisfied: z.boolean(),
  /** A score from 1 (bad) to 5 (very good). */
  score: z.int().check(z.gte(1), z.lte(5)),
  /** An optional comment, plain text (trimmed; blank is no comment), at most 1000 characters. */
  comment: z.pipe(
    z.transform(blankToUndefined),
    z.optional(requestTextSchema(surveyCommentMaxLength)),
  ),
};

/**
 * Schema of a parent's answer to the survey after a consultation: satisfied or not, a score
 * from 1 to 5 and an optional plain-text comment (at most {@link surveyCommentMaxLength}
 * characters; a blank comment is none). No contact: an answer never names its author.
 *
 * @example
 * ```ts
 * import { surveyAnswerSchema } from '@eduset/core/schedule';
 * surveyAnswerSchema.parse({ satisfied: true, score: 5, comment: '  Спасибо!  ' }).comment; // 'Спасибо!'
 * ```
 */
export const surveyAnswerSchema = z.strictObject(answerFields);

/**
 * A parent's answer to the survey (see {@link surveyAnswerSchema}).
 *
 * @example
 * ```ts
 * import type { SurveyAnswer } from '@eduset/core/schedule';
 * const answer: SurveyAnswer = { satisfied: false, score: 2, comment: 'Долго ждали' };
 * ```
 */
export type SurveyAnswer = z.output<typeof surveyAnswerSchema>;

/**
 * Schema of the path of `POST /api/surveys/:bookingId` and `POST /api/surveys/:bookingId/view`.
 *
 * @example
 * ```ts
 * import { surveyParamsSchema } from '@eduset/core/schedule';
 * surveyParamsSchema.parse({ bookingId: 'b-1' });
 * ```
 */
export const surveyParamsSchema = z.object({ bookingId: requestIdSchema });

/**
 * Schema of the body of `POST /api/surveys/:bookingId/view`: the token of the parent's survey
 * link (and the network, when several are stored). The token travels in the body, never in
 * an address that logs and proxies keep.
 *
 * @example
 * ```ts
 * import { surveyViewRequestSchema } from '@eduset/core/schedule';
 * surveyViewRequestSchema.parse({ token: 'q1w2e3…' });
 * ```
 */
export const surveyViewRequestSchema = z.strictObject({
  network: z.optional(requestIdSchema),
  token: requestTextSchema(256),
});

/**
 * The body of `POST /api/surveys/:bookingId/view`.
 *
 * @example
 * ```ts
 * import type { SurveyViewRequest } from '@eduset/core/schedule';
 * const body: SurveyViewRequest = { token: 'q1w2e3…' };
 * ```
 */
export type SurveyViewRequest = z.input<typeof surveyViewRequestSchema>;

/**
 * Schema of the body of `POST /api/surveys/:bookingId`: the link's token and the answer
 * ({@link surveyAnswerSchema}). Unknown fields are reported.
 *
 * @example
 * ```ts
 * import { surveyAnswerRequestSchema } from '@eduset/core/schedule';
 * surveyAnswerRequestSchema.parse({ token: 'q1w2e3…', satisfied: true, score: 4 });
 * ```
 */
export const surveyAnswerRequestSchema = z.strictObject({
  network: z.optional(requestIdSchema),
  token: requestTextSchema(256),
  ...answerFields,
});

/**
 * The body of `POST /api/surveys/:bookingId`.
 *
 * @example
 * ```ts
 * import type { SurveyAnswerRequest } from '@eduset/core/schedule';
 * const body: SurveyAnswerRequest = { token: 'q1w2e3…', satisfied: true, score: 5 };
 * ```
 */
export type SurveyAnswerRequest = z.input<typeof surveyAnswerRequestSchema>;

/**
 * Where a survey stands: `open` (the consultation took place, no answer yet), `answered`
 * (the one answer is stored) or `not-attended` (the consultation has not taken place — not
 * yet, missed or cancelled — so there is nothing to answer).
 *
 * @example
 * ```ts
 * import { surveyStates } from '@eduset/core/schedule';
 * surveyStates.includes('open'); // true
 * ```
 */
export const surveyStates = ['open', 'answered', 'not-attended'] as const;

/**
 * Schema of the answer of `POST /api/surveys/:bookingId/view`: what the survey page shows —
 * when and where the consultation was and which service — and where the survey stands. No
 * contact, no specialist: nothing the page does not need.
 *
 * @example
 * ```ts
 * import { surveyViewSchema } from '@eduset/core/schedule';
 * surveyViewSchema.parse({
 *   bookingId: 'b-1', start: '2026-05-12T06:00:00Z', end: '2026-05-12T06:45:00Z',
 *   timeZone: 'Europe/Moscow', state: 'open',
 *   site: { id: 'kp-teremok', name: 'Консультационный пункт «Теремок»' },
 *   service: { id: 'speech', name: { ru: 'Консультация логопеда', en: 'Speech therapist consultation' } },
 * });
 * ```
 */
export const surveyViewSchema = z.object({
  bookingId: z.string().check(z.minLength(1)),
  start: instantSchema,
  end: instantSchema,
  /** The zone the consultation's date and time are shown in (the network's). */
  timeZone: z.string().check(z.minLength(1)),
  site: z.object({
    id: z.string().check(z.minLength(1)),
    name: z.string().check(z.minLength(1)),
    address: z.optional(z.string().check(z.minLength(1))),
  }),
  service: z.object({ id: z.string().check(z.minLength(1)), name: localizedTextSchema }),
  state: z.enum(surveyStates),
});

/**
 * The answer of `POST /api/surveys/:bookingId/view`.
 *
 * @example
 * ```ts
 * import type { SurveyView } from '@eduset/core/schedule';
 * declare const view: SurveyView;
 * view.state === 'open';
 * ```
 */
export type SurveyView = z.output<typeof surveyViewSchema>;

/**
 * Schema of the answer of `POST /api/surveys/:bookingId` (201): the survey is answered; the
 * school year the answer counts in is given back.
 *
 * @example
 * ```ts
 * import { surveyAnsweredSchema } from '@eduset/core/schedule';
 * surveyAnsweredSchema.parse({ state: 'answered', schoolYear: '2026-2027' });
 * ```
 */
export const surveyAnsweredSchema = z.object({
  state: z.literal('answered'),
  schoolYear: schoolYearSchema,
});

/**
 * The answer of `POST /api/surveys/:bookingId`.
 *
 * @example
 * ```ts
 * import type { SurveyAnswered } from '@eduset/core/schedule';
 * const answer: SurveyAnswered = { state: 'answered', schoolYear: '2026-2027' };
 * ```
 */
export type SurveyAnswered = z.output<typeof surveyAnsweredSchema>;

/**
 * The path of a booking's survey link, as the e-mail after the consultation carries it:
 * `/survey/#booking=<id>&token=<survey token>` (put the server's public base URL in front).
 * The id and the token are in the fragment, which browsers never send to a server.
 *
 * @example
 * ```ts
 * import { surveyLinkPath } from '@eduset/core/schedule';
 * surveyLinkPath('b-1', 'q1w2e3'); // '/survey/#booking=b-1&token=q1w2e3'
 * ```
 */
export function surveyLinkPath(bookingId: string, token: string): string {
  return `/survey/#booking=${encodeURIComponent(bookingId)}&token=${encodeURIComponent(token)}`;
}
