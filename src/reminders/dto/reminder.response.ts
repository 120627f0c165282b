import { ApiProperty } from '@nestjs/swagger';
import { fill, readTemplate } from '../../common/templates.js';
import { DEADLINE_STAGES } from '../../deadlines/deadline-rules.js';
import { REMINDER_KINDS, type ReminderKind } from '../../tasks/responsible-staff.js';
import type { ReminderRow } from '../reminders.repository.js';

/** Shape of templates/notifications.zh.json's staff part: the reminder texts and the stages' names. */
interface StaffText {
  staff: Record<string, string>;
  stages: Record<string, string>;
}

export class ReminderResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) claimId: string;
  @ApiProperty({ example: '350205-2026-000123' }) claimNo: string;
  @ApiProperty({ enum: DEADLINE_STAGES }) stage: string;
  @ApiProperty({ enum: REMINDER_KINDS, description: 'due_soon: due by the next working day; overdue: past the due date' })
  kind: ReminderKind;

  @ApiProperty({ example: '2026-12-04' }) dueDate: string;
  @ApiProperty({ example: '理赔编号 350205-2026-000123：核实将于 2026-12-04 到期，请及时处理。', description: 'from templates/notifications.zh.json' })
  text: string;

  @ApiProperty() read: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class ReminderInboxResponse {
  @ApiProperty({ type: [ReminderResponse], description: 'newest first' }) items: ReminderResponse[];
  @ApiProperty({ example: 1 }) total: number;
  @ApiProperty({ example: 1 }) page: number;
  @ApiProperty({ example: 50 }) pageSize: number;
  @ApiProperty({ example: 1, description: 'the caller\'s unread reminders, over all pages' }) unread: number;
}

/** The reminder with its text, worded from templates/. */
export function toReminderResponse(row: ReminderRow): ReminderResponse {
  const text = readTemplate<StaffText>('notifications.zh.json');
  return {
    id: row.id, claimId: row.claimId, claimNo: row.claimNo, stage: row.stage, kind: row.kind, dueDate: row.dueDate, read: row.read,
    text: fill(text.staff[`reminder_${row.kind}`], { claimNo: row.claimNo, stageZh: text.stages[row.stage], dueDate: row.dueDate }),
    createdAt: row.createdAt.toISOString(),
  };
}
