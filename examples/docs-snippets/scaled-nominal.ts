import { Money } from '@eduset/core/common';
import { financingPeriodSchema, scaledNominal } from '@eduset/core/financing';

const period = financingPeriodSchema.parse({
  id: '2026-2027',
  start: '2026-09-01',
  end: '2027-08-31',
});
// Ребёнок получил сертификат 10 января: 234 дня из 365 / joined on 10 January: 234 of 365 days
console.log(scaledNominal(Money.of(15000), period, '2027-01-10').toString()); // → 9616.43
