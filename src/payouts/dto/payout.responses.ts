import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { formatMoney, formatOptionalMoney } from '../../common/money.js';
import type { ClaimAssessment } from '../entities/claim-assessment.entity.js';
import type { ClaimDecision } from '../entities/claim-decision.entity.js';
import type { Payment } from '../entities/payment.entity.js';

/** The insurer's records of a claim, as the claim shows them. */
export class AssessmentResponse {
  @ApiProperty({ format: 'uuid' }) assessorId: string;
  @ApiProperty({ example: '8000.00' }) quotedAmount: string;
  @ApiProperty({ example: '7500.00' }) amount: string;
  @ApiPropertyOptional({ nullable: true }) reason: string | null;
  @ApiProperty({ type: Object, description: 'the payout quote the amount was assessed from' }) quote: ClaimAssessment['quote'];
  @ApiProperty() assessedAt: string;
}

export class ApprovalResponse {
  @ApiProperty({ enum: ['approve', 'deny'] }) decision: 'approve' | 'deny';
  @ApiProperty({ format: 'uuid' }) approverId: string;
  @ApiPropertyOptional({ example: '7500.00', nullable: true }) amount: string | null;
  @ApiPropertyOptional({ nullable: true }) reasonCode: string | null;
  @ApiPropertyOptional({ nullable: true }) note: string | null;
  @ApiProperty() decidedAt: string;
}

export class PaymentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '7500.00' }) amount: string;
  @ApiProperty() paidAt: string;
  @ApiProperty({ example: 'ICBC-20261125-0001' }) bankReference: string;
  @ApiProperty({ format: 'uuid' }) recordedBy: string;
}

export function toAssessmentResponse(a: ClaimAssessment): AssessmentResponse {
  return {
    assessorId: a.assessorId, quotedAmount: formatMoney(a.quotedAmount), amount: formatMoney(a.amount), reason: a.reason,
    quote: a.quote, assessedAt: a.assessedAt.toISOString(),
  };
}

export function toApprovalResponse(d: ClaimDecision): ApprovalResponse {
  return {
    decision: d.decision, approverId: d.approverId, amount: formatOptionalMoney(d.amount), reasonCode: d.reasonCode, note: d.note,
    decidedAt: d.decidedAt.toISOString(),
  };
}

export function toPaymentResponse(p: Payment): PaymentResponse {
  return { id: p.id, amount: formatMoney(p.amount), paidAt: p.paidAt.toISOString(), bankReference: p.bankReference, recordedBy: p.recordedBy };
}
