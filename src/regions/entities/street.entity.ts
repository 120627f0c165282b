import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('street')
export class Street {
  @PrimaryColumn({ type: 'varchar', length: 9 }) code: string;
  @Column({ name: 'district_code', type: 'varchar', length: 6 }) districtCode: string;
  @Column({ type: 'varchar', length: 100 }) name: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
