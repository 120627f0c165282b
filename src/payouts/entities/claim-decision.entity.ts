import { Column, Entity, PrimaryColumn } from 'typeorm';
import { fenColumn } from '../../common/money.js';

export const DENIAL_REASON_CODES = ['not_covered', 'excluded_cause', 'insufficient_evidence', 'duplicate', 'fraud', 'late', 'other'] as const;
export type DenialReasonCode = (typeof DENIAL_REASON_CODES)[number];

@Entity('claim_decision')
export class ClaimDecision {
  @PrimaryColumn({ name: 'claim_id', type: 'uuid' }) claimId: string;
  @Column({ type: 'varchar', length: 7 }) decision: 'approve' | 'deny';
  @Column({ name: 'approver_id', type: 'uuid' }) approverId: string;
  @Column({ type: 'bigint', nullable: true, transformer: fenColumn }) amount: bigint | null;
  @Column({ name: 'reason_code', type: 'varchar', length: 30, nullable: true }) reasonCode: DenialReasonCode | null;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ name: 'decided_at', type: 'timestamptz' }) decidedAt: Date;
}
