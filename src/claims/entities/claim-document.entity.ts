import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('claim_document')
export class ClaimDocument {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'claim_id', type: 'uuid' }) claimId: string;
  @Column({ type: 'varchar', length: 40 }) type: string;
  /** Sequence among the claim's documents of this type, part of the file name. */
  @Column({ type: 'integer' }) seq: number;
  /** Derived by the server (documentFileName); what the uploader sent is originalFileName. */
  @Column({ name: 'file_name', type: 'varchar', length: 255 }) fileName: string;
  @Column({ name: 'original_file_name', type: 'varchar', length: 255, nullable: true }) originalFileName: string | null;
  @Column({ name: 'mime_type', type: 'varchar', length: 50 }) mimeType: string;
  @Column({ type: 'bigint' }) size: string;
  @Column({ type: 'char', length: 64 }) sha256: string;
  @Column({ name: 'uploaded_by', type: 'uuid' }) uploadedBy: string;
  @Column({ name: 'uploaded_at', type: 'timestamptz' }) uploadedAt: Date;
}
