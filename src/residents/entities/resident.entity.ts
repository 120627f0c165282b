import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const COVER_BASES = ['registered', 'resident', 'worker', 'student'] as const;
export type CoverBasis = (typeof COVER_BASES)[number];

/** ID number and phone are stored only encrypted, with a blind index for exact lookup. */
@Entity('resident')
export class Resident {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 100 }) name: string;
  @Column({ name: 'id_number_cipher', type: 'text' }) idNumberCipher: string;
  @Column({ name: 'id_number_index', type: 'char', length: 64 }) idNumberIndex: string;
  @Column({ name: 'id_number_masked', type: 'varchar', length: 18 }) idNumberMasked: string;
  @Column({ name: 'phone_cipher', type: 'text' }) phoneCipher: string;
  @Column({ name: 'phone_index', type: 'char', length: 64 }) phoneIndex: string;
  @Column({ name: 'phone_masked', type: 'varchar', length: 20 }) phoneMasked: string;
  @Column({ name: 'key_id', type: 'varchar', length: 32 }) keyId: string;
  @Column({ name: 'district_code', type: 'varchar', length: 6 }) districtCode: string;
  @Column({ name: 'street_code', type: 'varchar', length: 9 }) streetCode: string;
  @Column({ type: 'varchar', length: 300 }) address: string;
  @Column({ name: 'cover_basis', type: 'varchar', length: 12 }) coverBasis: CoverBasis;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
