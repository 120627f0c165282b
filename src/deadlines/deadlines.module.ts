import { Module } from '@nestjs/common';
import { CalendarController } from './calendar.controller.js';
import { CalendarRepository } from './calendar.repository.js';
import { CalendarService } from './calendar.service.js';
import { DeadlinesController } from './deadlines.controller.js';
import { DeadlinesRepository } from './deadlines.repository.js';
import { DeadlinesService } from './deadlines.service.js';

/** The working-day calendar and the claims' stage clocks. */
@Module({
  controllers: [CalendarController, DeadlinesController],
  providers: [CalendarRepository, CalendarService, DeadlinesRepository, DeadlinesService],
  exports: [DeadlinesService, CalendarRepository],
})
export class DeadlinesModule {}
