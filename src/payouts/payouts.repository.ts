import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { hydrate } from '../database/hydrate.js';
import { ClaimAssessment } from './entities/claim-assessment.entity.js';
import { ClaimDecision } from './entities/claim-decision.entity.js';
import { Payment } from './entities/payment.entity.js';

/** The insurer's records of one claim, each present from its stage on. */
export interface PayoutRecords {
  assessment: ClaimAssessment | null;
  decision: ClaimDecision | null;
  payment: Payment | null;
}

/** The insurer's stages of a claim: its assessment, decision and payment rows. */
@Injectable()
export class PayoutsRepository {
  /** The assessment, decision and payment as JSON columns of a larger query on `claim` aliased `alias` (ClaimDetailsRepository). */
  payoutRecordsJson(alias: string): Record<keyof PayoutRecords, string> {
    return {
      assessment: `(SELECT to_jsonb(a) FROM claim_assessment a WHERE a.claim_id = ${alias}.id)`,
      decision: `(SELECT to_jsonb(x) FROM claim_decision x WHERE x.claim_id = ${alias}.id)`,
      payment: `(SELECT to_jsonb(pm) FROM payment pm WHERE pm.claim_id = ${alias}.id)`,
    };
  }

  readPayoutRecords(db: EntityManager, json: Record<keyof PayoutRecords, Record<string, unknown> | null>): PayoutRecords {
    return {
      assessment: json.assessment && hydrate(db, ClaimAssessment, json.assessment),
      decision: json.decision && hydrate(db, ClaimDecision, json.decision),
      payment: json.payment && hydrate(db, Payment, json.payment),
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
