import { ApiProperty } from '@nestjs/swagger';
import type { NotificationRow } from '../notifications.repository.js';

export class NotificationResponse {
  @ApiProperty({ format: 'uuid', description: 'also the idempotency key given to the provider' }) id: string;
  @ApiProperty({ enum: ['sms', 'log'] }) channel: string;
  @ApiProperty({ example: 'claim_approved', description: 'the template of templates/notifications.zh.json' }) template: string;
  @ApiProperty({ enum: ['queued', 'sent', 'failed'] }) status: 'queued' | 'sent' | 'failed';
  @ApiProperty({ example: 1 }) attempts: number;
  @ApiProperty({ type: String, nullable: true }) lastError: string | null;
  @ApiProperty({ example: '138****5678', description: 'the resident\'s phone, masked' }) recipient: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: String, nullable: true }) sentAt: string | null;
}

export function toNotificationResponse(row: NotificationRow): NotificationResponse {
  return {
    id: row.id, channel: row.channel, template: row.template, status: row.status, attempts: row.attempts, lastError: row.lastError,
    recipient: row.recipientMasked, createdAt: row.createdAt.toISOString(), sentAt: row.sentAt?.toISOString() ?? null,
  };
}
