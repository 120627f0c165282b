import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { Auth, Authenticated } from '../auth/authenticated.decorator.js';
import { TasksResponse } from './dto/task.response.js';
import { TasksService } from './tasks.service.js';

@ApiTags('work queues')
@Controller('me')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Get('tasks')
  @Authenticated()
  @ApiOkResponse({ type: TasksResponse })
  @ApiOperation({ summary: 'The claims waiting for the caller\'s action, most urgent first' })
  mine(@Auth() caller: AuthUser): Promise<TasksResponse> {
    return this.tasks.mine(caller);
  }
}
