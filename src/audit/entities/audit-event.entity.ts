import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('audit_event')
export class AuditEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' }) seq: string;
  @Column({ type: 'varchar', length: 12 }) chain: string;
  @Column({ name: 'chain_seq', type: 'bigint' }) chainSeq: string;
  @Column({ type: 'timestamptz' }) at: Date;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ type: 'varchar', length: 60 }) action: string;
  @Column({ type: 'varchar', length: 40 }) entity: string;
  @Column({ name: 'entity_id', type: 'varchar', length: 100, nullable: true }) entityId: string | null;
  @Column({ name: 'district_code', type: 'varchar', length: 6, nullable: true }) districtCode: string | null;
  @Column({ type: 'jsonb' }) data: Record<string, unknown>;
  @Column({ name: 'prev_hash', type: 'char', length: 64 }) prevHash: string;
  @Column({ type: 'char', length: 64 }) hash: string;
}
