import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { EventType } from '../../catalog/entities/event-type.entity.js';
import { fenColumn } from '../../common/money.js';
import { Policy } from './policy.entity.js';

@Entity('coverage')
export class Coverage {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'policy_id', type: 'uuid' }) policyId: string;
  @ManyToOne(() => Policy, (policy) => policy.coverages, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'policy_id' })
  policy: Policy;
  @Column({ name: 'event_type', type: 'varchar', length: 50 }) eventType: string;
  @ManyToOne(() => EventType) @JoinColumn({ name: 'event_type' }) event?: EventType;
  @Column({ name: 'per_claim_limit', type: 'bigint', transformer: fenColumn }) perClaimLimit: bigint;
  @Column({ name: 'per_person_annual_limit', type: 'bigint', transformer: fenColumn }) perPersonAnnualLimit: bigint;
  @Column({ type: 'bigint', transformer: fenColumn }) deductible: bigint;
  @Column({ name: 'payout_ratio_bp', type: 'integer' }) payoutRatioBp: number;
  @Column({ name: 'report_window_days', type: 'integer' }) reportWindowDays: number;
  @Column({ name: 'required_documents', type: 'text', array: true }) requiredDocuments: string[];
}
