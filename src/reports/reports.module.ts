import { Module } from '@nestjs/common';
import { RegionsModule } from '../regions/regions.module.js';
import { PayoutNoticeController, ReportsController } from './reports.controller.js';
import { ReportsRepository } from './reports.repository.js';
import { ReportsService } from './reports.service.js';

@Module({
  imports: [RegionsModule],
  controllers: [ReportsController, PayoutNoticeController],
  providers: [ReportsRepository, ReportsService],
})
export class ReportsModule {}
