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
  @ApiProperty({ example: '350205', description: "the event's chain: its district's code, or `system`" }) chain: string;
  @ApiProperty({ example: '17', description: 'its place in that chain' }) chainSeq: string;
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

export class ChainVerification {
  @ApiProperty({ example: '350205', description: "a district's code, or `system` for system-wide events" }) chain: string;
  @ApiProperty() ok: boolean;
  @ApiProperty({ description: 'events whose link held, in chain order' }) checked: number;
  @ApiProperty({ nullable: true, type: String, example: null, description: "seq of the chain's first broken event (of a chain cut short at its end: its last remaining one)" }) firstBrokenSeq: string | null;
}

export class AuditVerifyResponse {
  @ApiProperty({ description: 'every chain holds' }) ok: boolean;
  @ApiProperty({ description: 'events checked, over all chains' }) checked: number;
  @ApiProperty({ nullable: true, type: String, example: null, description: 'the lowest seq among the chains\' first broken events' }) firstBrokenSeq: string | null;
  @ApiProperty({ type: [ChainVerification], description: 'one entry per chain the caller may see: all for an admin, their district\'s for an officer' })
  chains: ChainVerification[];
}

export const toAuditEventResponse = (e: AuditEvent): AuditEventResponse => ({
  seq: e.seq, chain: e.chain, chainSeq: e.chainSeq, at: e.at.toISOString(), actorId: e.actorId, action: e.action, entity: e.entity,
  entityId: e.entityId, districtCode: e.districtCode, data: e.data, prevHash: e.prevHash, hash: e.hash,
});
