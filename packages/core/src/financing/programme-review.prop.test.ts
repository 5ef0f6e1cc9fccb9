import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EdusetError, Money } from '../common/index.js';
import { instant } from '../schedule/instant.js';
import {
  ProgrammeReviewError,
  reviewOfPublished,
  reviewProgramme,
  startProgrammeReview,
  type ProgrammeReview,
  type ProgrammeReviewCommand,
  type ProgrammeReviewState,
} from './index.js';
import { fundedProgramme } from '../../test/financing-fixtures.js';

/** The transition table: the state after each allowed action, by state. */
const table: Readonly<Record<ProgrammeReviewState, Partial<Record<string, ProgrammeReviewState>>>> =
  {
    draft: { edit: 'draft', submit: 'submitted' },
    submitted: { withdraw: 'draft', approve: 'approved', return: 'returned' },
    returned: { edit: 'returned', submit: 'submitted' },
    approved: { edit: 'draft' },
  };

const command = fc.oneof(
  fc.record({ action: fc.constant('edit' as const), name: fc.constantFrom('А', 'Б', 'В') }),
  fc.constant({ action: 'submit' as const }),
  fc.constant({ action: 'withdraw' as const }),
  fc.record({
    action: fc.constant('approve' as const),
    cost: fc.option(fc.integer({ min: 0, max: 20000 })),
  }),
  fc.record({
    action: fc.constant('return' as const),
    remarks: fc.constantFrom('Исправьте', ' ', 'Нет времени'),
  }),
);

describe('the review state machine, for any sequence of steps', () => {
  it('follows the table, refuses the rest without a change, and keeps the history and the published version', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.constantFrom<'funded' | 'budget'>('funded', 'budget'),
        fc.array(command, { maxLength: 25 }),
        (fromPublished, fundingKind, commands) => {
          const programme = fundedProgramme({ fundingKind });
          let review: ProgrammeReview = fromPublished
            ? reviewOfPublished(programme)
            : startProgrammeReview(programme, {
                by: { name: 'ЦДТ' },
                at: instant('2026-08-01T00:00:00Z'),
              });
          let day = 0;
          for (const raw of commands) {
            day += 1;
            const next: ProgrammeReviewCommand =
              raw.action === 'edit'
                ? { action: 'edit', draft: { ...review.draft, name: raw.name } }
                : raw.action === 'approve'
                  ? raw.cost === null
                    ? { action: 'approve' }
                    : { action: 'approve', normativeCosts: { m1: Money.of(raw.cost) } }
                  : raw.action === 'return'
                    ? { action: 'return', remarks: raw.remarks }
                    : { action: raw.action };
            const before = JSON.stringify(review);
            const allowed = table[review.state][next.action];
            let step;
            try {
              step = reviewProgramme(review, next, {
                by: { name: 'Кто-то' },
                at: instant(new Date(Date.UTC(2026, 7, 1) + day * 3_600_000)),
              });
            } catch (error) {
              // A refused step is typed and bilingual, and changes nothing.
              expect(error).toBeInstanceOf(EdusetError);
              expect(JSON.stringify(review)).toBe(before);
              const blankRemarks = next.action === 'return' && next.remarks.trim() === '';
              if (!(error instanceof ProgrammeReviewError)) expect(blankRemarks).toBe(true);
              else expect(allowed).toBeUndefined();
              continue;
            }
            expect(allowed).toBeDefined();
            expect(step.review.state).toBe(allowed);
            expect(step.review.revision).toBe(review.revision + 1);
            expect(step.review.history).toHaveLength(review.history.length + 1);
            expect(step.review.history.at(-1)).toEqual(step.event);
            expect(step.event).toMatchObject({
              from: review.state,
              to: allowed,
              revision: step.review.revision,
            });
            // Only an approval publishes, and it publishes the working version.
            if (next.action === 'approve') {
              expect(step.publish).toEqual(step.review.draft);
              expect(step.review.published).toEqual(step.publish);
            } else {
              expect(step.publish).toBeUndefined();
              expect(step.review.published).toEqual(review.published);
            }
            // Certification: pending only while a funded programme is submitted; certified
            // only what was approved.
            const draft = step.review.draft;
            if (step.review.state === 'submitted' && fundingKind === 'funded') {
              expect(draft.certification).toBe('pending');
            } else {
              expect(draft.certification).toBe(
                step.review.published?.certification ?? 'not-certified',
              );
            }
            review = step.review;
          }
          // Times of the history never go back.
          const times = review.history.map((event) => event.at);
          expect([...times].sort()).toEqual(times);
        },
      ),
      { numRuns: 300 },
    );
  });
});
