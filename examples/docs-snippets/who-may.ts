import { can, explainDecision, type Actor } from '@eduset/core/access';

const ivanova: Actor = {
  kind: 'staff',
  accountId: 'acc-1',
  displayName: 'Иванова А. А.',
  grants: [{ role: 'specialist', networkId: 'udomlya', specialistId: 'psy-ivanova' }],
};
const booking = { networkId: 'udomlya', organizationId: 'ds-teremok', siteId: 'kp-teremok' };
console.log(can(ivanova, 'booking.contact.read', { ...booking, specialistId: 'psy-ivanova' })); // → true
console.log(can(ivanova, 'booking.contact.read', { ...booking, specialistId: 'logo-petrova' })); // → false
console.log(explainDecision(ivanova, 'booking.list', { networkId: 'udomlya' }).reason.ru);
