import { Module } from '@nestjs/common';
import { ClaimsModule } from '../claims/claims.module.js';
import { PoliciesModule } from '../policies/policies.module.js';
import { IdempotencyRepository } from './idempotency.repository.js';
import { IdempotencyService } from './idempotency.service.js';
import { PaymentsService } from './payments.service.js';
import { PayoutsRepository } from './payouts.repository.js';
import { PayoutsService } from './payouts.service.js';

/** The insurer's stages: quote, assessment (核定), decision, payment and closing; owns their tables and the idempotency keys. */
@Module({
  imports: [ClaimsModule, PoliciesModule],
  providers: [PayoutsRepository, PayoutsService, IdempotencyRepository, IdempotencyService, PaymentsService],
  exports: [PayoutsRepository, PayoutsService, PaymentsService, IdempotencyService],
})
export class PayoutsModule {}
