import { randomBytes } from 'node:crypto';
import type { Storage, StoredProgrammeReview } from '@eduset/adapters';
import {
  buildProgrammeDraft,
  can,
  canAnywhere,
  grantsFor,
  isEdusetError,
  programmeChanges,
  type Action,
  type Actor,
  type Instant,
  type ProgrammeApprove,
  type ProgrammeCreate,
  type ProgrammeReturn,
  type ProgrammeReviewDetail,
  type ProgrammeReviewList,
  type ProgrammeReviewState,
  type ProgrammeUpdate,
  type ProviderProgrammeList,
  type Reviewer,
  type RoomSuggestionList,
  type RoomSuggestionQuery,
} from '@eduset/core';
import { HttpError } from '../../errors.js';
import { forbidden } from '../../plugins/access.js';
import type { AccessPolicy } from '../staff/service.js';

/**
 * What the programme desks' use cases need: the storage, the clock, the network the
 * financing records lie in, the access policy (core's by default) and a source of random id
 * parts for new programmes, modules and groups.
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import type { ProgrammeServiceOptions } from '@eduset/server';
 * declare const storage: import('@eduset/adapters').Storage;
 * const options: ProgrammeServiceOptions = {
 *   storage, now: () => instant(new Date()), networkId: 'michurinsk',
 * };
 * ```
 */
export interface ProgrammeServiceOptions {
  readonly storage: Storage;
  readonly now: () => Instant;
  /** The network of every financing record (`michurinsk` by default on the server). */
  readonly networkId: string;
  readonly policy?: AccessPolicy;
  /** A fresh random id part (8 hex digits by default). */
  readonly newId?: () => string;
}

/**
 * The programme desks' use cases: the provider's own programmes (list, read, create, edit,
 * submit, withdraw) and the operator's review (queue, read, approve, return). Every record
 * is asked of core's policy with `{ networkId, organizationId: <provider id> }`; a programme
 * outside the asker's scope answers the same 404 as one that does not exist.
 *
 * @example
 * ```ts
 * import type { ProgrammeService } from '@eduset/server';
 * declare const service: ProgrammeService;
 * declare const actor: import('@eduset/core').Actor;
 * const mine = await service.listOwn(actor);
 * ```
 */
export interface ProgrammeService {
  listOwn(actor: Actor): Promise<ProviderProgrammeList>;
  read(actor: Actor, action: ProgrammeAction, programmeId: string): Promise<ProgrammeReviewDetail>;
  create(actor: Actor, body: ProgrammeCreate): Promise<ProgrammeReviewDetail>;
  update(actor: Actor, programmeId: string, body: ProgrammeUpdate): Promise<ProgrammeReviewDetail>;
  submit(actor: Actor, programmeId: string, revision: number): Promise<ProgrammeReviewDetail>;
  withdraw(actor: Actor, programmeId: string, revision: number): Promise<ProgrammeReviewDetail>;
  queue(actor: Actor, states: readonly ProgrammeReviewState[]): Promise<ProgrammeReviewList>;
  approve(
    actor: Actor,
    programmeId: string,
    body: ProgrammeApprove,
  ): Promise<ProgrammeReviewDetail>;
  returnWithRemarks(
    actor: Actor,
    programmeId: string,
    body: ProgrammeReturn,
  ): Promise<ProgrammeReviewDetail>;
  /**
   * The inventory rooms that fit a group (weekdays, time, places), the provider's own
   * organization's first; `programmeId` (one of the asker's) lets its own bookings not count.
   */
  roomSuggestions(actor: Actor, query: RoomSuggestionQuery): Promise<RoomSuggestionList>;
}

/**
 * The two actions of the programme desks: the provider's and the operator's.
 *
 * @example
 * ```ts
 * import type { ProgrammeAction } from '@eduset/server';
 * const action: ProgrammeAction = 'financing.programme.review';
 * ```
 */
export type ProgrammeAction = Extract<
  Action,
  'financing.programme.write' | 'financing.programme.review'
>;

const notFound = (): HttpError =>
  new HttpError(404, 'not_found', {
    ru: 'Программа не найдена среди доступных вам',
    en: 'No such programme among those you may work on',
  });

/**
 * Creates the programme desks' use cases (see {@link ProgrammeService}).
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import { openStorage } from '@eduset/adapters';
 * import { programmeService } from '@eduset/server';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * const service = programmeService({ storage, now: () => instant(new Date()), networkId: 'michurinsk' });
 * ```
 */
export function programmeService(options: ProgrammeServiceOptions): ProgrammeService {
  const { storage, now, networkId } = options;
  const policy = options.policy ?? { can, canAnywhere, grantsFor };
  const newId = options.newId ?? (() => randomBytes(4).toString('hex'));
  const reviews = storage.programmeReviews;

  const reviewer = (actor: Actor): Reviewer =>
    actor.kind === 'staff'
      ? { accountId: actor.accountId, name: actor.displayName }
      : { name: 'аноним / anonymous' };

  /** The providers the actor may act for, or `undefined` for every provider. */
  function scopeOf(actor: Actor, action: ProgrammeAction): readonly string[] | undefined {
    const grants = policy.grantsFor(actor, action).filter((grant) => grant.networkId === networkId);
    if (grants.some((grant) => grant.organizationId === undefined)) return undefined;
    return [
      ...new Set(grants.flatMap((grant) => (grant.organizationId ? [grant.organizationId] : []))),
    ];
  }

  const allows = (actor: Actor, action: ProgrammeAction, providerId: string): boolean =>
    policy.can(actor, action, { networkId, organizationId: providerId });

  async function load(
    actor: Actor,
    action: ProgrammeAction,
    programmeId: string,
  ): Promise<StoredProgrammeReview> {
    let stored: StoredProgrammeReview;
    try {
      stored = await reviews.get(programmeId);
    } catch (error) {
      if (isEdusetError(error) && error._tag === 'NotFoundError') throw notFound();
      throw error;
    }
    // Out of scope answers as if it did not exist: an answer never tells which ids are real.
    if (!allows(actor, action, stored.review.providerId)) throw notFound();
    return stored;
  }

  async function detailOf(stored: StoredProgrammeReview): Promise<ProgrammeReviewDetail> {
    const [provider] = await reviews.providers([stored.review.providerId]);
    if (provider === undefined) throw notFound();
    const roomIds = [stored.review.draft, stored.review.published].flatMap((version) =>
      (version?.modules ?? []).flatMap((module) =>
        module.groups.flatMap((group) => (group.roomId === undefined ? [] : [group.roomId])),
      ),
    );
    const rooms = await storage.roomBookings.rooms(networkId, [...new Set(roomIds)]);
    return {
      review: stored.review,
      provider,
      taken: Object.fromEntries(stored.taken),
      changes: programmeChanges(
        stored.review.published,
        stored.review.draft,
        new Map(rooms.map((room) => [room.id, room.name])),
      ),
      ...(rooms.length === 0
        ? {}
        : {
            rooms: Object.fromEntries(
              rooms.map((room) => [
                room.id,
                { name: room.name, address: room.address, organizationName: room.organizationName },
              ]),
            ),
          }),
    };
  }

  /** Rooms are judged and booked in the financing network's inventory. */
  const inNetwork = { networkId };

  async function step(
    actor: Actor,
    action: ProgrammeAction,
    programmeId: string,
    revision: number,
    command: Parameters<typeof reviews.step>[2],
  ): Promise<ProgrammeReviewDetail> {
    await load(actor, action, programmeId);
    return detailOf(
      await reviews.step(programmeId, revision, command, reviewer(actor), now(), inNetwork),
    );
  }

  return {
    async listOwn(actor) {
      const scope = scopeOf(actor, 'financing.programme.write');
      if (scope !== undefined && scope.length === 0) return { programmes: [], providers: [] };
      const [programmes, providers] = await Promise.all([
        reviews.list(scope === undefined ? {} : { providerIds: scope }),
        reviews.providers(scope),
      ]);
      const byName = [...programmes].sort(
        (a, b) => a.name.localeCompare(b.name, 'ru') || a.programmeId.localeCompare(b.programmeId),
      );
      return { programmes: byName, providers };
    },

    async read(actor, action, programmeId) {
      return detailOf(await load(actor, action, programmeId));
    },

    async create(actor, body) {
      const scope = scopeOf(actor, 'financing.programme.write') ?? [];
      const providerId = body.providerId ?? (scope.length === 1 ? scope[0] : undefined);
      if (providerId === undefined) {
        throw new HttpError(400, 'provider_required', {
          ru: 'Укажите, от какой организации программа',
          en: 'Say which organization offers the programme',
        });
      }
      if (!allows(actor, 'financing.programme.write', providerId)) throw forbidden();
      const [provider] = await reviews.providers([providerId]);
      if (provider === undefined) throw forbidden();
      const programmeId = `${providerId}-${newId()}`;
      const draft = buildProgrammeDraft(body.programme, {
        programmeId,
        providerId,
        ...(provider.district === undefined ? {} : { district: provider.district }),
        newId,
      });
      await reviews.create(draft, reviewer(actor), now(), inNetwork);
      return detailOf(await reviews.get(programmeId));
    },

    async update(actor, programmeId, body) {
      const { review } = await load(actor, 'financing.programme.write', programmeId);
      const draft = buildProgrammeDraft(body.programme, {
        programmeId,
        providerId: review.providerId,
        current: review.draft,
        ...(review.published === undefined ? {} : { published: review.published }),
        newId,
      });
      return detailOf(
        await reviews.step(
          programmeId,
          body.revision,
          { action: 'edit', draft },
          reviewer(actor),
          now(),
          inNetwork,
        ),
      );
    },

    submit(actor, programmeId, revision) {
      return step(actor, 'financing.programme.write', programmeId, revision, { action: 'submit' });
    },

    withdraw(actor, programmeId, revision) {
      return step(actor, 'financing.programme.write', programmeId, revision, {
        action: 'withdraw',
      });
    },

    async queue(actor, states) {
      const scope = scopeOf(actor, 'financing.programme.review');
      if (scope !== undefined && scope.length === 0) return { reviews: [] };
      return {
        reviews: await reviews.list({
          states,
          ...(scope === undefined ? {} : { providerIds: scope }),
        }),
      };
    },

    approve(actor, programmeId, body) {
      return step(actor, 'financing.programme.review', programmeId, body.revision, {
        action: 'approve',
        ...(body.normativeCosts === undefined ? {} : { normativeCosts: body.normativeCosts }),
      });
    },

    async roomSuggestions(actor, query) {
      if (query.programmeId !== undefined) {
        await load(actor, 'financing.programme.write', query.programmeId);
      }
      const scope = scopeOf(actor, 'financing.programme.write');
      const own = query.organizationId ?? (scope?.length === 1 ? scope[0] : undefined);
      return {
        rooms: await storage.roomBookings.suggest(networkId, {
          ...query,
          ...(own === undefined ? {} : { organizationId: own }),
        }),
      };
    },

    returnWithRemarks(actor, programmeId, body) {
      return step(actor, 'financing.programme.review', programmeId, body.revision, {
        action: 'return',
        remarks: body.remarks,
      });
    },
  };
}
