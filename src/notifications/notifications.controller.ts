import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { Auth, Authenticated } from '../auth/authenticated.decorator.js';
import { NotificationResponse } from './dto/notification.response.js';
import { NotificationsService } from './notifications.service.js';

@ApiTags('claims')
@Controller('claims')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get(':id/notifications')
  @Authenticated()
  @ApiOkResponse({ type: [NotificationResponse] })
  @ApiOperation({ summary: 'The messages sent (or queued) to the claim\'s resident, phones masked' })
  list(@Auth() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<NotificationResponse[]> {
    return this.notifications.listForClaim(caller, id);
  }
}
