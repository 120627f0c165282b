import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { ClaimsModule } from '../claims/claims.module.js';
import { AppConfig } from '../config/config.js';
import { DeadlinesModule } from '../deadlines/deadlines.module.js';
import { LedgersModule } from '../ledgers/ledgers.module.js';
import { PayoutsModule } from '../payouts/payouts.module.js';
import { ReportsModule } from '../reports/reports.module.js';
import { VerificationModule } from '../verification/verification.module.js';
import { ClaimDetailsRepository } from './claim-details.repository.js';
import { ClaimDetailsService } from './claim-details.service.js';
import { ClaimLifecycleService } from './claim-lifecycle.service.js';
import { ClaimsController } from './claims.controller.js';

/**
 * The claim from filing to closing, over HTTP: every /claims route, each
 * change run the one way (ClaimLifecycleService) and the whole claim
 * assembled in one place (ClaimDetailsService). It depends on the stages;
 * nothing depends on it.
 */
@Module({
  imports: [
    ClaimsModule,
    VerificationModule,
    PayoutsModule,
    ReportsModule,
    DeadlinesModule,
    LedgersModule,
    // Uploads are held in memory (no storage engine given) up to the configured cap; multer's "File too large" becomes a 413.
    MulterModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ limits: { fileSize: config.UPLOAD_MAX_BYTES, files: 1, fields: 5 }, defParamCharset: 'utf8' }),
    }),
  ],
  controllers: [ClaimsController],
  providers: [ClaimLifecycleService, ClaimDetailsService, ClaimDetailsRepository],
})
export class ClaimLifecycleModule {}
