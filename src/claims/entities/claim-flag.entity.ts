import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const FLAG_CODES = ['DUPLICATE_EVENT', 'POLICE_REPORT_REUSED', 'BANK_ACCOUNT_SHARED', 'LATE_REPORT', 'HIGH_AMOUNT', 'LOSS_ABOVE_CLAIM'] as const;
export type FlagCode = (typeof FLAG_CODES)[number];

@Entity('claim_flag')
export class ClaimFlag {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'claim_id', type: 'uuid' }) claimId: string;
  @Column({ type: 'varchar', length: 30 }) code: FlagCode;
  @Column({ name: 'related_claim_id', type: 'uuid', nullable: true }) relatedClaimId: string | null;
  @Column({ type: 'varchar', length: 300 }) detail: string;
  @Column({ name: 'raised_at', type: 'timestamptz' }) raisedAt: Date;
}
