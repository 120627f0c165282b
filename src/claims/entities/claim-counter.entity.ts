import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('claim_counter')
export class ClaimCounter {
  @PrimaryColumn({ name: 'district_code', type: 'varchar', length: 6 }) districtCode: string;
  @PrimaryColumn({ type: 'integer' }) year: number;
  @Column({ name: 'last_seq', type: 'integer' }) lastSeq: number;
}
