import { Global, Module } from '@nestjs/common';
import { CLAIM_CLOCKS } from '../claims/claim-clocks.js';
import { CalendarCache } from './calendar-cache.js';
import { CalendarController } from './calendar.controller.js';
import { CalendarRepository } from './calendar.repository.js';
import { CalendarService } from './calendar.service.js';
import { DeadlinesController } from './deadlines.controller.js';
import { DeadlinesRepository } from './deadlines.repository.js';
import { DeadlinesService } from './deadlines.service.js';

/** The working-day calendar and the claims' stage clocks. Global: the claim workflow reaches the clocks as CLAIM_CLOCKS. */
@Global()
@Module({
  controllers: [CalendarController, DeadlinesController],
  providers: [CalendarCache, CalendarRepository, CalendarService, DeadlinesRepository, DeadlinesService, { provide: CLAIM_CLOCKS, useExisting: DeadlinesService }],
  exports: [DeadlinesService, DeadlinesRepository, CalendarRepository, CLAIM_CLOCKS],
})
export class DeadlinesModule {}
