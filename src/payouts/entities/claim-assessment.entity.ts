import { Column, Entity, PrimaryColumn } from 'typeorm';
import { fenColumn } from '../../common/money.js';
import type { PayoutQuoteJson } from '../payout-calculator.js';

@Entity('claim_assessment')
export class ClaimAssessment {
  @PrimaryColumn({ name: 'claim_id', type: 'uuid' }) claimId: string;
  @Column({ name: 'assessor_id', type: 'uuid' }) assessorId: string;
  @Column({ type: 'jsonb' }) quote: PayoutQuoteJson;
  @Column({ name: 'quoted_amount', type: 'bigint', transformer: fenColumn }) quotedAmount: bigint;
  @Column({ type: 'bigint', transformer: fenColumn }) amount: bigint;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ name: 'assessed_at', type: 'timestamptz' }) assessedAt: Date;
}
