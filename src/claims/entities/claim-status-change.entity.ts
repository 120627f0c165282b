import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ClaimStatus } from '../claim-status.js';

@Entity('claim_status_change')
export class ClaimStatusChange {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' }) id: string;
  @Column({ name: 'claim_id', type: 'uuid' }) claimId: string;
  @Column({ name: 'from_status', type: 'varchar', length: 12, nullable: true }) fromStatus: ClaimStatus | null;
  @Column({ name: 'to_status', type: 'varchar', length: 12 }) toStatus: ClaimStatus;
  @Column({ name: 'actor_id', type: 'uuid' }) actorId: string;
  @Column({ type: 'timestamptz' }) at: Date;
  @Column({ type: 'text', nullable: true }) reason: string | null;
}
