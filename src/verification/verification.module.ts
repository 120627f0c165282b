import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClaimsModule } from '../claims/claims.module.js';
import { ClaimVerification } from './entities/claim-verification.entity.js';
import { VerificationRepository } from './verification.repository.js';
import { VerificationService } from './verification.service.js';

/** The street's stage (街镇核查) and the needs-information loop; owns claim_verification. */
@Module({
  imports: [TypeOrmModule.forFeature([ClaimVerification]), ClaimsModule],
  providers: [VerificationRepository, VerificationService],
  exports: [VerificationRepository, VerificationService],
})
export class VerificationModule {}
