import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { Auth, Authenticated } from '../auth/authenticated.decorator.js';
import { Role } from '../auth/role.js';
import { YearPipe } from '../common/codes.js';
import { CalendarService } from './calendar.service.js';
import { CalendarYearDto, CalendarYearResponse } from './dto/calendar.dto.js';

@ApiTags('calendar')
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get(':year')
  @Authenticated()
  @ApiOkResponse({ type: CalendarYearResponse, description: 'the exceptions to Monday–Friday: holidays and make-up working days' })
  get(@Param('year', YearPipe) year: number): Promise<CalendarYearResponse> {
    return this.calendar.get(year);
  }

  @Put(':year')
  @Authenticated({ roles: [Role.Admin] })
  @ApiOkResponse({ type: CalendarYearResponse, description: 'the year as stored; open claims\' due dates follow it' })
  replace(@Auth() caller: AuthUser, @Param('year', YearPipe) year: number, @Body() dto: CalendarYearDto): Promise<CalendarYearResponse> {
    return this.calendar.replace(caller, year, dto);
  }
}
