import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { fenColumn } from '../../common/money.js';

@Entity('payment')
export class Payment {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'claim_id', type: 'uuid' }) claimId: string;
  @Column({ type: 'bigint', transformer: fenColumn }) amount: bigint;
  @Column({ name: 'paid_at', type: 'timestamptz' }) paidAt: Date;
  @Column({ name: 'bank_reference', type: 'varchar', length: 100 }) bankReference: string;
  @Column({ name: 'recorded_by', type: 'uuid' }) recordedBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
