// Exact money: eduset's Money (decimal.js behind a calculator interface, immutable values)
// against decimal.js used directly, summing and allocating roubles with kopecks.
import Decimal from 'decimal.js';
import { Money } from '@eduset/core/common';
import { compare, report } from './measure.js';

const count = 100_000;
const amounts = Array.from(
  { length: count },
  (_, index) => `${(index * 37) % 100_000}.${index % 100}`,
);
const moneys = amounts.map((amount) => Money.of(amount));
const decimals = amounts.map((amount) => new Decimal(amount));

report([
  await compare(
    `Money.sum, ${count.toLocaleString('ru')} amounts`,
    'decimal.js reduce',
    () => Money.sum(moneys),
    () => decimals.reduce((total, value) => total.plus(value), new Decimal(0)),
  ),
  await compare(
    'Money.allocate 1 000 000.00 into 1 000 parts',
    'decimal.js largest remainder',
    () => Money.of('1000000').allocate(Array.from({ length: 1000 }, (_, i) => i + 1)),
    () => {
      const weights = Array.from({ length: 1000 }, (_, i) => i + 1);
      const total = weights.reduce((sum, w) => sum + w, 0);
      const kopecks = new Decimal(100_000_000);
      const exact = weights.map((w) => kopecks.times(w).dividedBy(total));
      const floors = exact.map((value) => value.floor());
      let rest = kopecks.minus(floors.reduce((sum, value) => sum.plus(value), new Decimal(0)));
      const order = exact.map((value, index) => ({ index, f: value.minus(value.floor()) }));
      order.sort((a, b) => b.f.comparedTo(a.f) || a.index - b.index);
      for (const { index } of order) {
        if (rest.lte(0)) break;
        floors[index] = (floors[index] as Decimal).plus(1);
        rest = rest.minus(1);
      }
      return floors;
    },
  ),
]);
