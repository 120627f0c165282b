import { Module } from '@nestjs/common';
import { ClaimWorkflow } from './claim-workflow.js';
import { ClaimsRepository } from './claims.repository.js';

@Module({
  providers: [ClaimWorkflow, ClaimsRepository],
  exports: [ClaimWorkflow, ClaimsRepository],
})
export class ClaimsModule {}
