import { Column, Entity, PrimaryColumn } from 'typeorm';
import { fenColumn } from '../../common/money.js';

@Entity('claim_verification')
export class ClaimVerification {
  @PrimaryColumn({ name: 'claim_id', type: 'uuid' }) claimId: string;
  @Column({ name: 'started_by', type: 'uuid' }) startedBy: string;
  @Column({ name: 'started_at', type: 'timestamptz' }) startedAt: Date;
  @Column({ name: 'verifier_id', type: 'uuid', nullable: true }) verifierId: string | null;
  @Column({ name: 'visited_at', type: 'timestamptz', nullable: true }) visitedAt: Date | null;
  @Column({ type: 'text', array: true, nullable: true }) participants: string[] | null;
  @Column({ type: 'text', nullable: true }) findings: string | null;
  @Column({ name: 'verified_loss', type: 'bigint', nullable: true, transformer: fenColumn }) verifiedLoss: bigint | null;
  @Column({ type: 'varchar', length: 4, nullable: true }) recommendation: 'pay' | 'deny' | null;
  @Column({ name: 'loss_above_claim_reason', type: 'text', nullable: true }) lossAboveClaimReason: string | null;
  @Column({ name: 'recorded_at', type: 'timestamptz', nullable: true }) recordedAt: Date | null;
}
