import { Module } from '@nestjs/common';
import { PoliciesModule } from '../policies/policies.module.js';
import { RegionsModule } from '../regions/regions.module.js';
import { ClaimNoticesRepository } from './claim-notices.repository.js';
import { ClaimNoticesService } from './claim-notices.service.js';
import { ReportsController } from './reports.controller.js';
import { ReportsRepository } from './reports.repository.js';
import { ReportsService } from './reports.service.js';

/** Annual and multi-year reports, and the letters to residents; exports ClaimNoticesService for the notices served under /claims. */
@Module({
  imports: [RegionsModule, PoliciesModule],
  controllers: [ReportsController],
  providers: [ReportsRepository, ReportsService, ClaimNoticesRepository, ClaimNoticesService],
  exports: [ClaimNoticesService],
})
export class ReportsModule {}
