import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '../catalog/catalog.module.js';
import { ClaimsModule } from '../claims/claims.module.js';
import { PoliciesModule } from '../policies/policies.module.js';
import { ClaimAssessment } from './entities/claim-assessment.entity.js';
import { ClaimDecision } from './entities/claim-decision.entity.js';
import { IdempotencyKey } from './entities/idempotency-key.entity.js';
import { Payment } from './entities/payment.entity.js';
import { IdempotencyRepository } from './idempotency.repository.js';
import { IdempotencyService } from './idempotency.service.js';
import { PaymentsService } from './payments.service.js';
import { PayoutsRepository } from './payouts.repository.js';
import { PayoutsService } from './payouts.service.js';

/** The insurer's stages: quote, assessment (核定), decision, payment and closing; owns their tables and the idempotency keys. */
@Module({
  imports: [TypeOrmModule.forFeature([ClaimAssessment, ClaimDecision, IdempotencyKey, Payment]), CatalogModule, ClaimsModule, PoliciesModule],
  providers: [PayoutsRepository, PayoutsService, IdempotencyRepository, IdempotencyService, PaymentsService],
  exports: [PayoutsRepository, PayoutsService, PaymentsService, IdempotencyService],
})
export class PayoutsModule {}
