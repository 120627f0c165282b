import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQuery } from '../../common/pagination.js';
import type { AuditEvent } from '../entities/audit-event.entity.js';

export class ListAuditQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'claim' })
  @IsOptional() @Matches(/^[a-z_]{1,40}$/, { message: 'entity must be a lower_snake_case name' })
  entity?: string;

  @ApiPropertyOptional()
  @IsOptional() @IsString() @MaxLength(100)
  entityId?: string;
}

export class AuditEventResponse {
  @ApiProperty({ example: '42' }) seq: string;
  @ApiProperty() at: string;
  @ApiProperty({ type: String, nullable: true }) actorId: string | null;
  @ApiProperty({ example: 'claim.approve' }) action: string;
  @ApiProperty({ example: 'claim' }) entity: string;
  @ApiProperty({ type: String, nullable: true }) entityId: string | null;
  @ApiProperty({ type: String, nullable: true }) districtCode: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'what changed, as recorded in the hash chain' }) data: Record<string, unknown>;
  @ApiProperty() prevHash: string;
  @ApiProperty() hash: string;
}

export class AuditVerifyResponse {
  @ApiProperty() ok: boolean;
  @ApiProperty() checked: number;
  @ApiProperty({ nullable: true, type: String, example: null }) firstBrokenSeq: string | null;
}

export const toAuditEventResponse = (e: AuditEvent): AuditEventResponse => ({
  seq: e.seq, at: e.at.toISOString(), actorId: e.actorId, action: e.action, entity: e.entity,
  entityId: e.entityId, districtCode: e.districtCode, data: e.data, prevHash: e.prevHash, hash: e.hash,
});
