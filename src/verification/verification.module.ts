import { Module } from '@nestjs/common';
import { ClaimsModule } from '../claims/claims.module.js';
import { VerificationController } from './verification.controller.js';
import { VerificationRepository } from './verification.repository.js';
import { VerificationService } from './verification.service.js';

@Module({
  imports: [ClaimsModule],
  controllers: [VerificationController],
  providers: [VerificationRepository, VerificationService],
})
export class VerificationModule {}
