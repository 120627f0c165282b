import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { Auth, Authenticated } from '../auth/authenticated.decorator.js';
import { ApiPage, type Page } from '../common/pagination.js';
import { DeadlinesService } from './deadlines.service.js';
import { ListOverdueQuery, OverdueClaimResponse } from './dto/deadline.dto.js';

@ApiTags('claims')
@Controller('claims')
export class DeadlinesController {
  constructor(private readonly deadlines: DeadlinesService) {}

  /** Registered before ClaimsController, so `overdue` is not taken for a claim id. */
  @Get('overdue')
  @Authenticated()
  @ApiPage(OverdueClaimResponse)
  overdue(@Auth() caller: AuthUser, @Query() query: ListOverdueQuery): Promise<Page<OverdueClaimResponse>> {
    return this.deadlines.overdue(caller, query);
  }
}
