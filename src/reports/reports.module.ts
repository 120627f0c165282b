import { Module } from '@nestjs/common';
import { PoliciesModule } from '../policies/policies.module.js';
import { RegionsModule } from '../regions/regions.module.js';
import { ReportsController } from './reports.controller.js';
import { ReportsRepository } from './reports.repository.js';
import { ReportsService } from './reports.service.js';

/** Annual and multi-year reports; exports ReportsService for the payout notice served under /claims. */
@Module({
  imports: [RegionsModule, PoliciesModule],
  controllers: [ReportsController],
  providers: [ReportsRepository, ReportsService],
  exports: [ReportsService],
})
export class ReportsModule {}
