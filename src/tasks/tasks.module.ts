import { Module } from '@nestjs/common';
import { TasksController } from './tasks.controller.js';
import { TasksRepository } from './tasks.repository.js';
import { TasksService } from './tasks.service.js';

/** GET /me/tasks: each user's work queue, read in one query per role from the claims, their clocks and flags. */
@Module({
  controllers: [TasksController],
  providers: [TasksRepository, TasksService],
})
export class TasksModule {}
