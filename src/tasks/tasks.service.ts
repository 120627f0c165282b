import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user.js';
import { Clock } from '../common/clock.js';
import { Database } from '../database/database.js';
import { toTaskResponse, type TasksResponse } from './dto/task.response.js';
import { TasksRepository } from './tasks.repository.js';

/** Work queues: the claims waiting for the caller's own action. */
@Injectable()
export class TasksService {
  constructor(
    private readonly db: Database,
    private readonly tasks: TasksRepository,
    private readonly clock: Clock,
  ) {}

  async mine(caller: AuthUser): Promise<TasksResponse> {
    return { items: (await this.tasks.queueOf(this.db.manager, caller, this.clock.today())).map(toTaskResponse) };
  }
}
