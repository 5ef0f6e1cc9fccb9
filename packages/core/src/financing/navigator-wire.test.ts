import { describe, expect, it } from 'vitest';
import michurinsk from '../../../../examples/data/michurinsk-financing.json';
import {
  balanceOf,
  contractViewOf,
  contractViewSchema,
  createProgrammeRegistry,
  programmeListSchema,
  programmeViewOf,
  requestEnrolment,
} from './index.js';
import {
  activeCertificate,
  fundedProgramme,
  ledgerWithNominal,
} from '../../test/financing-fixtures.js';

describe("the navigator's wire views", () => {
  it('are the JSON a Money programme writes, and read back unchanged', () => {
    const registry = createProgrammeRegistry(michurinsk.registry);
    const views = registry.programmes.map(programmeViewOf);
    expect(views).toEqual(JSON.parse(JSON.stringify(registry.programmes)));
    const list = {
      total: views.length,
      offset: 0,
      programmes: views,
      providers: registry.providers,
    };
    expect(programmeListSchema.parse(JSON.parse(JSON.stringify(list)))).toEqual(list);
  });

  it('carry a contract as the JSON it writes, amounts as text', () => {
    const ledger = ledgerWithNominal(['c1'], '2341.33');
    const contract = requestEnrolment({
      contractId: 'k1',
      certificate: activeCertificate('c1'),
      balance: balanceOf(ledger, 'c1', '2017'),
      programme: fundedProgramme(),
      moduleId: 'm1',
      groupId: 'g1',
      requestedOn: '2017-08-25',
      existing: [],
    }).contract;
    const view = contractViewOf(contract);
    expect(view).toEqual(JSON.parse(JSON.stringify(contract)));
    expect(contractViewSchema.parse(JSON.parse(JSON.stringify(view)))).toEqual(view);
    expect(view.certificate).toBe(contract.certificate.toString());
  });
});
