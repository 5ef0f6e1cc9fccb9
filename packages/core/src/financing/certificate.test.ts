import { describe, expect, it } from 'vitest';
import { Money } from '../common/index.js';
import {
  activateCertificate,
  assignFundedPlaces,
  closeAgedOut,
  closeCertificate,
  FinancingLimitError,
  hoursBalance,
  issueCertificate,
  makeFunded,
  resumeCertificate,
  scaledNominal,
  suspendCertificate,
} from './index.js';
import { group2017 } from '../../test/financing-fixtures.js';

const input = { id: 'c1', number: '6800000001', birthDate: '2010-05-17', groupId: group2017.id };

describe('certificates', () => {
  it('issue → activate → suspend → resume → close, without mutating the input', () => {
    const issued = issueCertificate(input, '2018-09-01');
    expect([issued.kind, issued.status]).toEqual(['record', 'issued']);
    const active = activateCertificate(issued, '2018-09-03');
    expect(issued.status).toBe('issued');
    const suspended = suspendCertificate(active);
    expect(resumeCertificate(suspended).status).toBe('active');
    const closed = closeCertificate(active, '2019-01-01', 'moved-away');
    expect([closed.status, closed.closeReason]).toEqual(['closed', 'moved-away']);
    expect(() => activateCertificate(closed, '2019-01-02')).toThrow(FinancingLimitError);
  });

  it('is issued to children 5–17 only and closes at 18', () => {
    expect(() => issueCertificate({ ...input, birthDate: '2014-01-01' }, '2018-09-01')).toThrow(
      FinancingLimitError,
    );
    const certificate = activateCertificate(issueCertificate(input, '2018-09-01'), '2018-09-01');
    expect(closeAgedOut([certificate], '2028-05-16')[0]?.status).toBe('active');
    const [aged] = closeAgedOut([certificate], '2028-05-17');
    expect([aged?.status, aged?.closeReason]).toEqual(['closed', 'age-out']);
  });

  it('becomes funded while funded places last, then children queue', () => {
    const active = activateCertificate(issueCertificate(input, '2018-09-01'), '2018-09-01');
    expect(makeFunded(active, group2017, 1).kind).toBe('funded');
    expect(() => makeFunded(active, group2017, 2)).toThrow(FinancingLimitError);
    expect(assignFundedPlaces(['a', 'b', 'c'], 1)).toEqual({ funded: ['a'], queue: ['b', 'c'] });
  });

  it('scales the nominal by the days left in the period', () => {
    const period = {
      id: '2017',
      start: '2017-01-01',
      end: '2017-12-31',
    } as typeof group2017.period;
    expect(scaledNominal(Money.of(15000), period, '2017-01-01').toString()).toBe('15000.00');
    // 2017-09-01 … 2017-12-31 is 122 of 365 days: 15000 · 122 / 365 = 5013.698… → 5013.69
    expect(scaledNominal(Money.of(15000), period, '2017-09-01').toString()).toBe('5013.69');
    expect(scaledNominal(Money.of(15000), period, '2018-01-01').toString()).toBe('0.00');
  });

  it('states a balance in weekly hours where a region counts hours', () => {
    expect(hoursBalance(6, [2, 1.5])).toEqual({ cap: 6, used: 3.5, available: 2.5 });
    expect(hoursBalance(6, [4, 4]).available).toBe(0);
  });
});
