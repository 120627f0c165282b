import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Claim } from '../claims/entities/claim.entity.js';
import { ClaimAssessment } from './entities/claim-assessment.entity.js';
import { ClaimDecision } from './entities/claim-decision.entity.js';
import { Payment } from './entities/payment.entity.js';
import type { PayoutInput } from './payout-calculator.js';

export type PayoutTerms = Omit<PayoutInput, 'verifiedLoss'>;

type ClaimKeys = Pick<Claim, 'id' | 'coverageId' | 'residentId'>;

@Injectable()
export class PayoutsRepository {
  /**
   * The coverage terms and what is already used of the limits, leaving this
   * claim out. `approved_amount` is set only by approval, so summing it counts
   * exactly the approved, paid and closed-after-payment claims.
   */
  async payoutTerms(tx: EntityManager, claim: ClaimKeys): Promise<PayoutTerms> {
    const [row]: {
      deductible: string; payout_ratio_bp: number; per_claim_limit: string; per_person_annual_limit: string;
      aggregate_limit: string; person_used: string; aggregate_used: string;
    }[] = await tx.query(
      `SELECT cv.deductible, cv.payout_ratio_bp, cv.per_claim_limit, cv.per_person_annual_limit, p.aggregate_limit,
              (SELECT coalesce(sum(o.approved_amount), 0) FROM claim o
                WHERE o.resident_id = $3 AND o.coverage_id = cv.id AND o.id <> $1) AS person_used,
              (SELECT coalesce(sum(o.approved_amount), 0) FROM claim o
                WHERE o.policy_id = p.id AND o.id <> $1) AS aggregate_used
         FROM coverage cv JOIN policy p ON p.id = cv.policy_id
        WHERE cv.id = $2`,
      [claim.id, claim.coverageId, claim.residentId],
    );
    return {
      deductible: BigInt(row.deductible),
      payoutRatioBp: row.payout_ratio_bp,
      perClaimLimit: BigInt(row.per_claim_limit),
      perPersonAnnualLimit: BigInt(row.per_person_annual_limit),
      personUsed: BigInt(row.person_used),
      aggregateLimit: BigInt(row.aggregate_limit),
      aggregateUsed: BigInt(row.aggregate_used),
    };
  }

  findAssessment(tx: EntityManager, claimId: string): Promise<ClaimAssessment | null> {
    return tx.getRepository(ClaimAssessment).findOne({ where: { claimId } });
  }

  async insertAssessment(tx: EntityManager, assessment: ClaimAssessment): Promise<void> {
    await tx.getRepository(ClaimAssessment).insert(assessment);
  }

  async insertDecision(tx: EntityManager, decision: ClaimDecision): Promise<void> {
    await tx.getRepository(ClaimDecision).insert(decision);
  }

  async insertPayment(tx: EntityManager, payment: Omit<Payment, 'id' | 'createdAt'>): Promise<void> {
    await tx.getRepository(Payment).insert(payment);
  }
}
