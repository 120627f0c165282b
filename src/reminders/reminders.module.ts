import { Module } from '@nestjs/common';
import { RemindersController } from './reminders.controller.js';
import { RemindersRepository } from './reminders.repository.js';
import { RemindersService } from './reminders.service.js';

/** Deadline reminders to the staff who must act (the rule of tasks/), swept on pg-boss's cron into each one's inbox. */
@Module({
  controllers: [RemindersController],
  providers: [RemindersRepository, RemindersService],
})
export class RemindersModule {}
