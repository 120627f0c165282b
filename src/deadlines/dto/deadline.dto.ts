import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { CLAIM_STATUSES, type ClaimStatus } from '../../claims/claim-status.js';
import { PageQuery } from '../../common/pagination.js';
import { DEADLINE_STAGES, type DeadlineStage } from '../deadline-rules.js';

/** A policy's service deadlines (0–365 days each); each omitted one takes its default. */
export class PolicyDeadlinesDto {
  @ApiPropertyOptional({ example: 1, minimum: 0, maximum: 365, description: 'report → verified, working days; default 1' })
  @IsOptional() @IsInt() @Min(0) @Max(365)
  verifyWorkingDays?: number;

  @ApiPropertyOptional({ example: 3, minimum: 0, maximum: 365, description: 'verified → assessed, working days; default 3' })
  @IsOptional() @IsInt() @Min(0) @Max(365)
  assessWorkingDays?: number;

  @ApiPropertyOptional({ example: 30, minimum: 0, maximum: 365, description: 'report → approved or denied, calendar days (保险法 art. 23); default 30' })
  @IsOptional() @IsInt() @Min(0) @Max(365)
  decideDays?: number;

  @ApiPropertyOptional({ example: 10, minimum: 0, maximum: 365, description: 'approved → paid, working days; default 10' })
  @IsOptional() @IsInt() @Min(0) @Max(365)
  payWorkingDays?: number;

  @ApiPropertyOptional({ example: 3, minimum: 0, maximum: 365, description: 'denied → refusal notice issued, calendar days (保险法 art. 24); default 3' })
  @IsOptional() @IsInt() @Min(0) @Max(365)
  denialNoticeDays?: number;
}

export class PolicyDeadlinesResponse {
  @ApiProperty({ example: 1 }) verifyWorkingDays: number;
  @ApiProperty({ example: 3 }) assessWorkingDays: number;
  @ApiProperty({ example: 30 }) decideDays: number;
  @ApiProperty({ example: 10 }) payWorkingDays: number;
  @ApiProperty({ example: 3 }) denialNoticeDays: number;
}

export class DeadlineResponse {
  @ApiProperty({ enum: DEADLINE_STAGES, description: 'the running clock due first' }) stage: DeadlineStage;
  @ApiProperty({ example: '2026-10-09', description: 'while paused (needs_info): the due date if resubmitted today' }) dueDate: string;
  @ApiProperty() overdue: boolean;
  @ApiProperty({ example: 1, description: 'days left (working days for working-day stages), negative once overdue, frozen while paused' }) daysLeft: number;
  @ApiProperty({ description: 'true while the claim is in needs_info: the clock stands still' }) paused: boolean;
}

export class ListOverdueQuery extends PageQuery {
  @ApiPropertyOptional({ enum: DEADLINE_STAGES })
  @IsOptional() @IsIn(DEADLINE_STAGES)
  stage?: DeadlineStage;
}

export class OverdueClaimResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '350205-2026-000001' }) claimNo: string;
  @ApiProperty({ enum: CLAIM_STATUSES }) status: ClaimStatus;
  @ApiProperty({ enum: DEADLINE_STAGES }) stage: DeadlineStage;
  @ApiProperty({ example: '2026-10-09' }) dueDate: string;
  @ApiProperty({ example: 2, description: 'working days for working-day stages, calendar days otherwise' }) daysOverdue: number;
  @ApiProperty({ example: '350205001' }) streetCode: string;
}
