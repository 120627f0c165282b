import { Module } from '@nestjs/common';
import { ClaimsModule } from '../claims/claims.module.js';
import { PoliciesModule } from '../policies/policies.module.js';
import { IdempotencyRepository } from './idempotency.repository.js';
import { IdempotencyService } from './idempotency.service.js';
import { PaymentsService } from './payments.service.js';
import { PayoutsController } from './payouts.controller.js';
import { PayoutsRepository } from './payouts.repository.js';
import { PayoutsService } from './payouts.service.js';

@Module({
  imports: [ClaimsModule, PoliciesModule],
  controllers: [PayoutsController],
  providers: [PayoutsRepository, PayoutsService, IdempotencyRepository, IdempotencyService, PaymentsService],
})
export class PayoutsModule {}
