import { ApiProperty } from '@nestjs/swagger';
import { REMINDER_KINDS, TASK_ACTIONS, type ReminderKind, type TaskAction } from '../responsible-staff.js';
import type { TaskRow } from '../tasks.repository.js';

export class TaskResponse {
  @ApiProperty({ format: 'uuid' }) claimId: string;
  @ApiProperty({ example: '350205-2026-000123' }) claimNo: string;
  @ApiProperty({
    enum: TASK_ACTIONS,
    description: 'verify (street cadre: another cadre\'s claim), resubmit (returned to its filer for information), assess, approve, pay, '
      + 'follow_up (district officer: a clock past due)',
  })
  action: TaskAction;

  @ApiProperty({ type: String, nullable: true, example: '2026-12-04', description: 'when the step is due; null while the clock is stopped (needs_info)' })
  dueDate: string | null;

  @ApiProperty() overdue: boolean;

  @ApiProperty({
    example: ['DUE_SOON', 'LATE_REPORT'],
    description: 'the claim\'s flags, and DUE_SOON when the step is due today or on the next working day',
  })
  flags: string[];

  @ApiProperty({
    enum: REMINDER_KINDS, nullable: true, type: String,
    description: 'the deadline reminder the caller got for this step (GET /me/notifications): overdue, due_soon, or null',
  })
  reminder: ReminderKind | null;
}

export class TasksResponse {
  @ApiProperty({ type: [TaskResponse], description: 'most urgent first: overdue, then by due date, then the oldest report' })
  items: TaskResponse[];
}

export function toTaskResponse(row: TaskRow): TaskResponse {
  return {
    claimId: row.claimId, claimNo: row.claimNo, action: row.action, dueDate: row.dueDate, overdue: row.overdue, reminder: row.reminder,
    flags: row.dueSoon ? ['DUE_SOON', ...row.flags] : row.flags,
  };
}
