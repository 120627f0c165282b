import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Why an insurer may refuse a claim: the code a decision records, the text and clause its refusal notice prints. */
@Entity('denial_reason')
export class DenialReason {
  @PrimaryColumn({ type: 'varchar', length: 30 }) code: string;
  @Column({ name: 'name_zh', type: 'varchar', length: 200 }) nameZh: string;
  @Column({ name: 'policy_clause', type: 'text' }) policyClause: string;
  @Column({ name: 'sort_order', type: 'integer' }) sortOrder: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
