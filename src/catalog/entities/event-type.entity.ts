import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { fenColumn } from '../../common/money.js';

@Entity('event_type')
export class EventType {
  @PrimaryColumn({ type: 'varchar', length: 50 }) code: string;
  @Column({ name: 'name_zh', type: 'varchar', length: 100 }) nameZh: string;
  @Column({ name: 'name_en', type: 'varchar', length: 200 }) nameEn: string;
  @Column({ type: 'varchar', length: 20 }) category: string;
  @Column({ name: 'required_documents', type: 'text', array: true }) requiredDocuments: string[];
  @Column({ name: 'default_per_claim_limit', type: 'bigint', transformer: fenColumn }) defaultPerClaimLimit: bigint;
  @Column({ name: 'default_deductible', type: 'bigint', transformer: fenColumn }) defaultDeductible: bigint;
  @Column({ name: 'default_payout_ratio_bp', type: 'integer' }) defaultPayoutRatioBp: number;
  @Column({ name: 'default_report_window_days', type: 'integer' }) defaultReportWindowDays: number;
  @Column({ name: 'sort_order', type: 'integer' }) sortOrder: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
