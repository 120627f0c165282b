import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('district')
export class District {
  @PrimaryColumn({ type: 'varchar', length: 6 }) code: string;
  @Column({ type: 'varchar', length: 100 }) name: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
