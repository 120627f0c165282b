import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ClaimAssessment } from './entities/claim-assessment.entity.js';
import { ClaimDecision } from './entities/claim-decision.entity.js';
import { Payment } from './entities/payment.entity.js';

@Injectable()
export class PayoutsRepository {
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
