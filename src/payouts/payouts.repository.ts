import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
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
  async recordsOf(tx: EntityManager, claimId: string): Promise<PayoutRecords> {
    return {
      assessment: await this.findAssessment(tx, claimId),
      decision: await tx.getRepository(ClaimDecision).findOneBy({ claimId }),
      payment: await tx.getRepository(Payment).findOneBy({ claimId }),
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
