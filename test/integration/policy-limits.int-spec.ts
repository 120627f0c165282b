import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ClaimLifecycleService } from '../../src/claim-lifecycle/claim-lifecycle.service.js';
import { formatMoney, parseMoney } from '../../src/common/money.js';
import { PayoutsService } from '../../src/payouts/payouts.service.js';
import { PoliciesService } from '../../src/policies/policies.service.js';
import type { AnnualReportResponse } from '../../src/reports/dto/report.response.js';
import { ReportsService } from '../../src/reports/reports.service.js';
import { approve, assess, asUser, pay, verifiedFire } from '../support/domain-steps.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * What is used of a policy is one query (PoliciesRepository.limitsUsed) and
 * what is left one computation (leftOf): the policy response, the payout
 * quote and the annual report must agree with each other, and with the
 * amounts this test approved, at every step.
 */
describe('what is used of a policy, as the quote, the policy and the report show it', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(() => t.close());

  it('agree after every approval, payment and denial, and the quote leaves the quoted claim out', async () => {
    const officer = await asUser(t, 'hc.officer');
    const adjuster = await asUser(t, 'picc.adjuster');
    const policies = t.app.get(PoliciesService);
    const payouts = t.app.get(PayoutsService);
    const reports = t.app.get(ReportsService);

    const quoted = await verifiedFire(t, '4000.00');
    const residentId = quoted.resident.id;
    const policy = await policies.get(officer, quoted.policyId);
    const aggregateLimit = parseMoney(policy.aggregateLimit);
    const personLimit = parseMoney(policy.coverages.find((c) => c.eventType === 'fire')!.perPersonAnnualLimit);
    const year = policy.year;

    /** `others` is what the quoted claim's limits are reduced by; `total` what the policy has used in all. */
    const expectUsed = async (others: bigint, total: bigint, personOthers: bigint) => {
      const shown = await policies.get(officer, policy.id);
      const quote = await payouts.quote(adjuster, quoted.id);
      const report = await reports.annual(officer, { districtCode: '350205', year, format: 'json' }) as AnnualReportResponse;
      expect({
        policyUsed: shown.aggregateUsed, policyLeft: shown.aggregateLeft, reportUsed: report.policy?.aggregateUsed,
        quoteAggregateLeft: quote.aggregateLeft, quotePersonLeft: quote.perPersonAnnualLeft,
      }).toEqual({
        policyUsed: formatMoney(total), policyLeft: formatMoney(aggregateLimit - total), reportUsed: formatMoney(total),
        quoteAggregateLeft: formatMoney(aggregateLimit - others), quotePersonLeft: formatMoney(personLimit - personOthers),
      });
    };

    await expectUsed(0n, 0n, 0n);

    const sameResident = await verifiedFire(t, '1200.00', residentId);
    await assess(t, sameResident.id);
    await expectUsed(0n, 0n, 0n);
    await approve(t, sameResident.id);
    await expectUsed(120_000n, 120_000n, 120_000n);
    await pay(t, sameResident.id);
    await expectUsed(120_000n, 120_000n, 120_000n);

    const otherResident = await verifiedFire(t, '3000.00');
    await assess(t, otherResident.id);
    await approve(t, otherResident.id);
    await expectUsed(420_000n, 420_000n, 120_000n);

    const denied = await verifiedFire(t, '2500.00', residentId);
    await assess(t, denied.id);
    await t.app.get(ClaimLifecycleService).decide(await asUser(t, 'picc.manager'), denied.id, { decision: 'deny', reasonCode: 'insufficient_evidence' });
    await expectUsed(420_000n, 420_000n, 120_000n);

    // Once approved itself, the quoted claim counts for the policy but its own quote still leaves it out.
    await assess(t, quoted.id);
    await approve(t, quoted.id);
    await expectUsed(420_000n, 820_000n, 120_000n);
  });
});
