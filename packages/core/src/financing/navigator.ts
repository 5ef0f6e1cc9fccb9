import { Money } from '../common/index.js';
import { splitPayment } from './contract-amounts.js';
import type { FundingKind, Programme, ProgrammeModule } from './programme.js';
import { checkMoney } from './validation.js';

export {
  filterProgrammes,
  formatProgrammeCount,
  indexProgrammes,
  type FilterableProgramme,
  type IndexedProgramme,
  type ProgrammeFilter,
} from './navigator-filter.js';

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
