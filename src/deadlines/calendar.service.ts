import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { DomainError } from '../common/domain-error.js';
import { Database } from '../database/database.js';
import { CalendarCache } from './calendar-cache.js';
import { CalendarRepository } from './calendar.repository.js';
import { DeadlinesService } from './deadlines.service.js';
import type { CalendarYearDto, CalendarYearResponse } from './dto/calendar.dto.js';

@Injectable()
export class CalendarService {
  constructor(
    private readonly db: Database,
    private readonly calendar: CalendarRepository,
    private readonly audit: AuditService,
    private readonly deadlines: DeadlinesService,
    private readonly calendars: CalendarCache,
  ) {}

  async get(year: number): Promise<CalendarYearResponse> {
    return { year, ...(await this.calendar.findYear(this.db.manager, year)) };
  }

  /** Replaces the year's holidays and make-up working days; open claims' working-day due dates follow. */
  async replace(caller: AuthUser, year: number, dto: CalendarYearDto): Promise<CalendarYearResponse> {
    const holidays = [...new Set(dto.holidays)].sort();
    const workdays = [...new Set(dto.workdays)].sort();
    for (const [field, days] of [['holidays', holidays], ['workdays', workdays]] as const) {
      const outside = days.find((day) => !day.startsWith(`${year}-`));
      if (outside) throw DomainError.validation(field, `${outside} is not in ${year}`);
    }
    const both = holidays.find((day) => workdays.includes(day));
    if (both) throw DomainError.validation('workdays', `${both} cannot be both a holiday and a working day`);
    const weekday = workdays.find((day) => ![0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay()));
    if (weekday) throw DomainError.validation('workdays', `${weekday} is a weekday; make-up working days are weekend days`);
    const replaced = await this.db.transaction(async (tx) => {
      await this.calendar.replaceYear(tx, year, { holidays, workdays }, caller.id);
      await this.deadlines.followCalendar(tx);
      await this.audit.record(tx, {
        actor: caller, action: 'calendar.replace', entity: 'calendar', entityId: String(year), data: { holidays, workdays },
      });
      return { year, holidays, workdays };
    });
    // Committed: this instance's next read counts in the new calendar (the others hear the change feed).
    this.calendars.clear();
    return replaced;
  }
}
