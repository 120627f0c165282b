import { describe, it, expect } from '@jest/globals';
import { evaluateFlags, type CoverageTerms, type FlaggedClaim, type OtherClaim } from './claim-flags.js';

const TERMS: CoverageTerms = { perClaimLimit: 1_000_000n, reportWindowDays: 30 };

const CLAIM: FlaggedClaim = {
  id: 'claim-new',
  residentId: 'resident-a',
  eventType: 'burglary',
  incidentDate: '2026-11-20',
  reportDate: '2026-11-22',
  year: 2026,
  policeReportNo: 'J3502052026112000001',
  payeeAccountIndex: 'account-a',
  claimedAmount: 500_000n,
  verifiedLoss: null,
};

/** A claim that shares nothing with CLAIM until a test says so. */
function other(overrides: Partial<OtherClaim>): OtherClaim {
  return {
    id: 'claim-other', claimNo: '350205-2026-000007', residentId: 'resident-b', eventType: 'fire',
    incidentDate: '2026-06-01', year: 2026, policeReportNo: null, payeeAccountIndex: 'account-b', status: 'reported',
    ...overrides,
  };
}

const codes = (claim: FlaggedClaim, others: OtherClaim[] = [], terms = TERMS) => evaluateFlags(claim, terms, others).map((f) => f.code);

describe('evaluateFlags', () => {
  it('raises nothing for a claim within the rules and unrelated to others', () => {
    expect(evaluateFlags(CLAIM, TERMS, [other({})])).toEqual([]);
  });

  describe('DUPLICATE_EVENT', () => {
    it.each([
      ['the same day', '2026-11-20'],
      ['three days before', '2026-11-17'],
      ['three days after', '2026-11-23'],
    ])('flags the same resident and event type %s, naming the other claim', (_name, incidentDate) => {
      const flags = evaluateFlags(CLAIM, TERMS, [other({ residentId: 'resident-a', eventType: 'burglary', incidentDate })]);
      expect(flags).toEqual([{
        code: 'DUPLICATE_EVENT', relatedClaimId: 'claim-other',
        detail: `Claim 350205-2026-000007 of the same resident for burglary on ${incidentDate}`,
      }]);
    });

    it('counts days across a month end', () => {
      const claim = { ...CLAIM, incidentDate: '2026-03-01', reportDate: '2026-03-02' };
      expect(codes(claim, [other({ residentId: 'resident-a', eventType: 'burglary', incidentDate: '2026-02-26' })])).toEqual(['DUPLICATE_EVENT']);
      expect(codes(claim, [other({ residentId: 'resident-a', eventType: 'burglary', incidentDate: '2026-02-25' })])).toEqual([]);
    });

    it.each([
      ['four days apart', { residentId: 'resident-a', eventType: 'burglary', incidentDate: '2026-11-16' }],
      ['another event type', { residentId: 'resident-a', eventType: 'robbery', incidentDate: '2026-11-20' }],
      ['another resident', { residentId: 'resident-b', eventType: 'burglary', incidentDate: '2026-11-20' }],
      ['a withdrawn claim', { residentId: 'resident-a', eventType: 'burglary', incidentDate: '2026-11-20', status: 'withdrawn' as const }],
    ])('does not flag %s', (_name, overrides) => {
      expect(codes(CLAIM, [other(overrides)])).toEqual([]);
    });

    it('still flags against a denied claim', () => {
      expect(codes(CLAIM, [other({ residentId: 'resident-a', eventType: 'burglary', incidentDate: '2026-11-19', status: 'denied' })]))
        .toEqual(['DUPLICATE_EVENT']);
    });
  });

  describe('POLICE_REPORT_REUSED', () => {
    it('flags the same police report number on another claim, whoever it is for', () => {
      const flags = evaluateFlags(CLAIM, TERMS, [other({ policeReportNo: 'J3502052026112000001' })]);
      expect(flags).toEqual([{ code: 'POLICE_REPORT_REUSED', relatedClaimId: 'claim-other', detail: 'Police report also on claim 350205-2026-000007' }]);
    });

    it('ignores claims without a police report', () => {
      expect(codes({ ...CLAIM, policeReportNo: null }, [other({ policeReportNo: null })])).toEqual([]);
    });

    it('ignores a different number and a withdrawn claim', () => {
      expect(codes(CLAIM, [
        other({ policeReportNo: 'J3502052026112000002' }),
        other({ id: 'claim-withdrawn', policeReportNo: 'J3502052026112000001', status: 'withdrawn' }),
      ])).toEqual([]);
    });
  });

  describe('BANK_ACCOUNT_SHARED', () => {
    it('flags the payee account of another resident in the same year', () => {
      const flags = evaluateFlags(CLAIM, TERMS, [other({ payeeAccountIndex: 'account-a' })]);
      expect(flags).toEqual([{
        code: 'BANK_ACCOUNT_SHARED', relatedClaimId: 'claim-other',
        detail: 'Payee account also receives claim 350205-2026-000007 of another resident in 2026',
      }]);
    });

    it.each([
      ['the same resident', { payeeAccountIndex: 'account-a', residentId: 'resident-a' }],
      ['another year', { payeeAccountIndex: 'account-a', year: 2025 }],
      ['a withdrawn claim', { payeeAccountIndex: 'account-a', status: 'withdrawn' as const }],
    ])('does not flag %s', (_name, overrides) => {
      expect(codes(CLAIM, [other(overrides)])).toEqual([]);
    });
  });

  describe('LATE_REPORT', () => {
    it.each([
      ['on the last day of the window', '2026-10-21', []],
      ['one day after the window', '2026-10-20', ['LATE_REPORT']],
    ])('reported %s', (_name, incidentDate, expected) => {
      expect(codes({ ...CLAIM, incidentDate, reportDate: '2026-11-20' })).toEqual(expected);
    });

    it('says how late the report was', () => {
      const [flag] = evaluateFlags({ ...CLAIM, incidentDate: '2026-10-01', reportDate: '2026-11-20' }, { ...TERMS, reportWindowDays: 15 }, []);
      expect(flag).toEqual({
        code: 'LATE_REPORT', relatedClaimId: null, detail: 'Reported 50 days after the incident; the reporting window is 15 days',
      });
    });
  });

  describe('HIGH_AMOUNT', () => {
    it('does not flag a claim of exactly the per-claim limit', () => {
      expect(codes({ ...CLAIM, claimedAmount: 1_000_000n })).toEqual([]);
    });

    it('flags one fen over the per-claim limit', () => {
      expect(evaluateFlags({ ...CLAIM, claimedAmount: 1_000_001n }, TERMS, [])).toEqual([{
        code: 'HIGH_AMOUNT', relatedClaimId: null, detail: 'Claimed 10000.01 exceeds the per-claim limit of 10000.00',
      }]);
    });
  });

  describe('LOSS_ABOVE_CLAIM', () => {
    it('does not flag a claim before its verification, or verified at the claimed amount or below', () => {
      for (const verifiedLoss of [null, 500_000n, 1n]) expect(codes({ ...CLAIM, verifiedLoss })).toEqual([]);
    });

    it('flags a loss verified one fen above the claimed amount', () => {
      expect(evaluateFlags({ ...CLAIM, verifiedLoss: 500_001n }, TERMS, [])).toEqual([{
        code: 'LOSS_ABOVE_CLAIM', relatedClaimId: null, detail: 'Verified loss 5000.01 is above the claimed 5000.00',
      }]);
    });
  });

  it('raises one flag per related claim and rule, and never relates a claim to itself', () => {
    const twin = other({ id: 'claim-twin', claimNo: '350205-2026-000008', residentId: 'resident-a', eventType: 'burglary', incidentDate: '2026-11-21', policeReportNo: 'J3502052026112000001' });
    const sharedAccount = other({ id: 'claim-shared', claimNo: '350205-2026-000009', payeeAccountIndex: 'account-a' });
    const itself = other({ ...CLAIM, claimNo: '350205-2026-000010' });
    const flags = evaluateFlags({ ...CLAIM, claimedAmount: 2_000_000n, reportDate: '2026-12-31' }, TERMS, [twin, sharedAccount, itself]);
    expect(flags.map((f) => [f.code, f.relatedClaimId])).toEqual([
      ['DUPLICATE_EVENT', 'claim-twin'],
      ['POLICE_REPORT_REUSED', 'claim-twin'],
      ['BANK_ACCOUNT_SHARED', 'claim-shared'],
      ['LATE_REPORT', null],
      ['HIGH_AMOUNT', null],
    ]);
  });
});
