import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { formatOptionalMoney } from '../../common/money.js';
import { isoOrNull } from '../../common/timestamp.js';
import type { ClaimVerification } from '../entities/claim-verification.entity.js';

/** The street's site verification, as the claim shows it. */
export class VerificationResponse {
  @ApiProperty({ format: 'uuid' }) startedBy: string;
  @ApiProperty() startedAt: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) verifierId: string | null;
  @ApiPropertyOptional({ nullable: true }) visitedAt: string | null;
  @ApiPropertyOptional({ type: [String], nullable: true }) participants: string[] | null;
  @ApiPropertyOptional({ nullable: true }) findings: string | null;
  @ApiPropertyOptional({ example: '8000.00', nullable: true }) verifiedLoss: string | null;
  @ApiPropertyOptional({ enum: ['pay', 'deny'], nullable: true }) recommendation: 'pay' | 'deny' | null;
  @ApiPropertyOptional({ nullable: true, description: 'Why the verified loss is above the claimed amount' }) lossAboveClaimReason: string | null;
  @ApiPropertyOptional({ nullable: true }) recordedAt: string | null;
}

export function toVerificationResponse(v: ClaimVerification): VerificationResponse {
  return {
    startedBy: v.startedBy, startedAt: v.startedAt.toISOString(), verifierId: v.verifierId, visitedAt: isoOrNull(v.visitedAt),
    participants: v.participants, findings: v.findings, verifiedLoss: formatOptionalMoney(v.verifiedLoss), recommendation: v.recommendation,
    lossAboveClaimReason: v.lossAboveClaimReason, recordedAt: isoOrNull(v.recordedAt),
  };
}
