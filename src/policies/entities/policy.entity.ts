import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { fenColumn } from '../../common/money.js';
import { Insurer } from '../../insurers/entities/insurer.entity.js';
import { District } from '../../regions/entities/district.entity.js';
import { Coverage } from './coverage.entity.js';

export type PolicyStatus = 'draft' | 'active' | 'expired';

@Entity('policy')
export class Policy {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'policy_no', type: 'varchar', length: 64 }) policyNo: string;
  @Column({ name: 'district_code', type: 'varchar', length: 6 }) districtCode: string;
  @ManyToOne(() => District) @JoinColumn({ name: 'district_code' }) district?: District;
  @Column({ name: 'insurer_id', type: 'uuid' }) insurerId: string;
  @ManyToOne(() => Insurer) @JoinColumn({ name: 'insurer_id' }) insurer?: Insurer;
  @Column({ type: 'integer' }) year: number;
  @Column({ name: 'period_start', type: 'date' }) periodStart: string;
  @Column({ name: 'period_end', type: 'date' }) periodEnd: string;
  @Column({ type: 'bigint', transformer: fenColumn }) premium: bigint;
  @Column({ name: 'aggregate_limit', type: 'bigint', transformer: fenColumn }) aggregateLimit: bigint;
  @Column({ name: 'four_eyes_threshold', type: 'bigint', transformer: fenColumn }) fourEyesThreshold: bigint;
  @Column({ name: 'verify_working_days', type: 'integer' }) verifyWorkingDays: number;
  @Column({ name: 'assess_working_days', type: 'integer' }) assessWorkingDays: number;
  @Column({ name: 'decide_days', type: 'integer' }) decideDays: number;
  @Column({ name: 'pay_working_days', type: 'integer' }) payWorkingDays: number;
  @Column({ name: 'denial_notice_days', type: 'integer' }) denialNoticeDays: number;
  @Column({ type: 'varchar', length: 10 }) status: PolicyStatus;
  @Column({ name: 'activated_at', type: 'timestamptz', nullable: true }) activatedAt: Date | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @OneToMany(() => Coverage, (coverage) => coverage.policy) coverages: Coverage[];
}
