import { computeContractAmounts } from '@eduset/core/financing';

const amounts = computeContractAmounts({
  start: '2026-10-15', // ребёнок пришёл в середине года / the child joins mid-year
  end: '2027-05-31',
  groupStart: '2026-09-01',
  groupEnd: '2027-05-31',
  price: '11000',
  normativeCost: '9507',
  available: '15000', // остаток сертификата / the certificate's balance
});
console.log(amounts.certificate.toString(), amounts.family.toString()); // → 7974.74 1252.37
const october = amounts.schedule.family[0];
console.log(october?.month, october?.amount.toString()); // → 2026-10 93.03
