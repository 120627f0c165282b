import { Module } from '@nestjs/common';
import { PoliciesModule } from '../policies/policies.module.js';
import { RegionsModule } from '../regions/regions.module.js';
import { PayoutNoticeController, ReportsController } from './reports.controller.js';
import { ReportsRepository } from './reports.repository.js';
import { ReportsService } from './reports.service.js';

@Module({
  imports: [RegionsModule, PoliciesModule],
  controllers: [ReportsController, PayoutNoticeController],
  providers: [ReportsRepository, ReportsService],
})
export class ReportsModule {}
