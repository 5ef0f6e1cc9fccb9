import { Money } from '@eduset/core/common';

const monthly = Money.of('12500').divide(3).round('half-up');
console.log(monthly.toString()); // → 4166.67
console.log(monthly.multiply(3).toString()); // → 12500.01
