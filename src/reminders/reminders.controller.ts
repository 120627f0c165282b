import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { Auth, Authenticated } from '../auth/authenticated.decorator.js';
import { ApiError } from '../common/openapi.js';
import { PageQuery } from '../common/pagination.js';
import { ReminderInboxResponse } from './dto/reminder.response.js';
import { RemindersService } from './reminders.service.js';

@ApiTags('work queues')
@Controller('me/notifications')
export class RemindersController {
  constructor(private readonly reminders: RemindersService) {}

  @Get()
  @Authenticated()
  @ApiOkResponse({ type: ReminderInboxResponse })
  @ApiOperation({ summary: 'The caller\'s deadline reminders (due soon, overdue), newest first, with the unread count' })
  inbox(@Auth() caller: AuthUser, @Query() query: PageQuery): Promise<ReminderInboxResponse> {
    return this.reminders.inbox(caller, query);
  }

  @Post(':id/read')
  @HttpCode(204)
  @Authenticated()
  @ApiNoContentResponse({ description: 'read (again: no change)' })
  @ApiError(404, 'No such reminder of the caller.')
  @ApiOperation({ summary: 'Marks one of the caller\'s reminders read' })
  markRead(@Auth() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.reminders.markRead(caller, id);
  }
}
