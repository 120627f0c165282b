import { Column, Entity, PrimaryColumn } from 'typeorm';
import { fenColumn } from '../../common/money.js';

@Entity('claim_decision')
export class ClaimDecision {
  @PrimaryColumn({ name: 'claim_id', type: 'uuid' }) claimId: string;
  @Column({ type: 'varchar', length: 7 }) decision: 'approve' | 'deny';
  @Column({ name: 'approver_id', type: 'uuid' }) approverId: string;
  @Column({ type: 'bigint', nullable: true, transformer: fenColumn }) amount: bigint | null;
  /** A code of the denial reason catalogue (denial_reason). */
  @Column({ name: 'reason_code', type: 'varchar', length: 30, nullable: true }) reasonCode: string | null;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ name: 'decided_at', type: 'timestamptz' }) decidedAt: Date;
}
