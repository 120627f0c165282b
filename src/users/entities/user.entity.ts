import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { fenColumn } from '../../common/money.js';
import type { Role } from '../../auth/role.js';

@Entity('app_user')
export class User {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 64 }) username: string;
  @Column({ name: 'password_hash', type: 'text' }) passwordHash: string;
  @Column({ name: 'display_name', type: 'varchar', length: 100 }) displayName: string;
  @Column({ type: 'varchar', length: 20 }) role: Role;
  @Column({ name: 'district_code', type: 'varchar', length: 6, nullable: true }) districtCode: string | null;
  @Column({ name: 'street_code', type: 'varchar', length: 9, nullable: true }) streetCode: string | null;
  @Column({ name: 'insurer_id', type: 'uuid', nullable: true }) insurerId: string | null;
  @Column({ name: 'approval_limit', type: 'bigint', nullable: true, transformer: fenColumn }) approvalLimit: bigint | null;
  @Column({ type: 'boolean', default: true }) active: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
