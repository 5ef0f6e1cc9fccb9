import { Money, pluralRu, type Lang } from '../common/index.js';
import { z } from '../common/zod.js';
import { splitPayment } from './contract-amounts.js';
import {
  directionSchema,
  fundingKindSchema,
  type Direction,
  type FundingKind,
  type Programme,
  type ProgrammeModule,
  type Provider,
} from './programme.js';
import { checkArgs, checkMoney, checkNumber } from './validation.js';

const filterArgs = z.object({
  filter: z.object({
    text: z.string().max(2000).optional(),
    directions: z.array(directionSchema).optional(),
    age: z.number().int().min(0).max(25).optional(),
    districts: z.array(z.string()).optional(),
    siteIds: z.array(z.string()).optional(),
    providerIds: z.array(z.string()).optional(),
    fundingKinds: z.array(fundingKindSchema).optional(),
    weekdays: z.array(z.number().int().min(1).max(7)).optional(),
  }),
});

/**
 * What families filter the programme navigator by; every field is optional and fields
 * combine with AND (several values of one field combine with OR).
 *
 * @example
 * ```ts
 * import type { ProgrammeFilter } from '@eduset/core/financing';
 * const filter: ProgrammeFilter = { text: 'робот', age: 9, fundingKinds: ['funded'] };
 * ```
 */
export interface ProgrammeFilter {
  /** Words to find in the name, description or provider's name (case-insensitive). */
  readonly text?: string;
  readonly directions?: readonly Direction[];
  /** The child's age: programmes whose age range includes it. */
  readonly age?: number;
  readonly districts?: readonly string[];
  readonly siteIds?: readonly string[];
  readonly providerIds?: readonly string[];
  readonly fundingKinds?: readonly FundingKind[];
  /** ISO weekdays (1 Monday … 7 Sunday): programmes with a group meeting on any of them. */
  readonly weekdays?: readonly number[];
}

/**
 * A programme prepared for fast repeated filtering: its lower-case search text and the
 * weekdays its groups meet, computed once.
 *
 * @example
 * ```ts
 * import type { IndexedProgramme } from '@eduset/core/financing';
 * declare const item: IndexedProgramme;
 * item.programme.name;
 * ```
 */
export interface IndexedProgramme {
  readonly programme: Programme;
  readonly searchText: string;
  readonly weekdayMask: number;
}

/**
 * Prepares programmes for {@link filterProgrammes}: 5 000 programmes index in a few
 * milliseconds and then filter without a visible pause.
 *
 * @example
 * ```ts
 * import { indexProgrammes, type Programme } from '@eduset/core/financing';
 * declare const programmes: readonly Programme[];
 * const index = indexProgrammes(programmes);
 * ```
 */
export function indexProgrammes(
  programmes: readonly Programme[],
  providers: readonly Provider[] = [],
): IndexedProgramme[] {
  const providerNames = new Map(providers.map((provider) => [provider.id, provider.name]));
  return programmes.map((programme) => {
    let weekdayMask = 0;
    for (const module of programme.modules) {
      for (const group of module.groups) for (const day of group.weekdays) weekdayMask |= 1 << day;
    }
    const searchText = [
      programme.name,
      programme.description ?? '',
      providerNames.get(programme.providerId) ?? '',
    ]
      .join(' ')
      .toLocaleLowerCase('ru')
      .replaceAll('ё', 'е');
    return { programme, searchText, weekdayMask };
  });
}

/**
 * Filters indexed programmes by a {@link ProgrammeFilter}, keeping their order.
 *
 * @example
 * ```ts
 * import { filterProgrammes, indexProgrammes, type Programme } from '@eduset/core/financing';
 * declare const programmes: readonly Programme[];
 * filterProgrammes(indexProgrammes(programmes), { age: 9, directions: ['technical'] });
 * ```
 */
export function filterProgrammes(
  index: readonly IndexedProgramme[],
  filter: ProgrammeFilter,
): Programme[] {
  checkArgs(filterArgs, { filter });
  const words = (filter.text ?? '')
    .toLocaleLowerCase('ru')
    .replaceAll('ё', 'е')
    .split(/\s+/)
    .filter((word) => word.length > 0);
  const directions = filter.directions?.length ? new Set(filter.directions) : undefined;
  const kinds = filter.fundingKinds?.length ? new Set(filter.fundingKinds) : undefined;
  const districts = filter.districts?.length ? new Set(filter.districts) : undefined;
  const sites = filter.siteIds?.length ? new Set(filter.siteIds) : undefined;
  const providers = filter.providerIds?.length ? new Set(filter.providerIds) : undefined;
  let mask = 0;
  for (const day of filter.weekdays ?? []) mask |= 1 << day;
  const result: Programme[] = [];
  for (const item of index) {
    const programme = item.programme;
    if (directions && !directions.has(programme.direction)) continue;
    if (kinds && !kinds.has(programme.fundingKind)) continue;
    if (districts && !(programme.district !== undefined && districts.has(programme.district)))
      continue;
    if (sites && !(programme.siteId !== undefined && sites.has(programme.siteId))) continue;
    if (providers && !providers.has(programme.providerId)) continue;
    if (
      filter.age !== undefined &&
      (filter.age < programme.ageFrom || filter.age > programme.ageTo)
    )
      continue;
    if (mask !== 0 && (item.weekdayMask & mask) === 0) continue;
    if (words.length > 0 && !words.every((word) => item.searchText.includes(word))) continue;
    result.push(programme);
  }
  return result;
}

/**
 * What a family would pay for a module over a whole group period: the price, the
 * normative cost, what the certificate pays and what the family pays. Budget programmes
 * are free; paid programmes are paid by the family in full; funded programmes split by
 * `min(price, normative cost, available)`.
 *
 * @example
 * ```ts
 * import { previewCoPayment, type Programme } from '@eduset/core/financing';
 * import { Money } from '@eduset/core/common';
 * declare const programme: Programme;
 * const preview = previewCoPayment(programme, Money.of(5000));
 * preview.family.toString();
 * ```
 */
export function previewCoPayment(
  programme: Programme,
  available: Money,
  moduleId?: string,
): {
  readonly fundingKind: FundingKind;
  readonly module: ProgrammeModule | undefined;
  readonly price: Money;
  readonly normativeCost: Money;
  readonly certificate: Money;
  readonly family: Money;
} {
  checkMoney(available, 'available', true);
  const module =
    moduleId === undefined
      ? programme.modules[0]
      : programme.modules.find((m) => m.id === moduleId);
  const price = module?.price ?? Money.zero();
  const normativeCost = module?.normativeCost ?? price;
  if (programme.fundingKind === 'budget') {
    return {
      fundingKind: 'budget',
      module,
      price: Money.zero(),
      normativeCost,
      certificate: Money.zero(),
      family: Money.zero(),
    };
  }
  if (programme.fundingKind === 'paid') {
    return {
      fundingKind: 'paid',
      module,
      price,
      normativeCost,
      certificate: Money.zero(),
      family: price,
    };
  }
  const split = splitPayment({ all: price, normative: normativeCost, available });
  return { fundingKind: 'funded', module, price, normativeCost, ...split };
}

/**
 * "N programmes" with the right plural: `1 программа`, `2 программы`, `5 программ`,
 * `21 программа`; `1 programme`, `5 programmes` in English.
 *
 * @example
 * ```ts
 * import { formatProgrammeCount } from '@eduset/core/financing';
 * formatProgrammeCount(2, 'ru'); // '2 программы'
 * formatProgrammeCount(11, 'ru'); // '11 программ'
 * ```
 */
export function formatProgrammeCount(count: number, lang: Lang = 'ru'): string {
  checkNumber(count, 'count', { min: 0, integer: true });
  if (lang === 'en') return `${String(count)} ${count === 1 ? 'programme' : 'programmes'}`;
  return `${String(count)} ${pluralRu(count, { one: 'программа', few: 'программы', many: 'программ' })}`;
}
