import { Column, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { fenColumn } from '../../common/money.js';
import type { ClaimStatus } from '../claim-status.js';

export type ClaimSource = 'filed' | 'ledger';

/** `status` and `returnedFrom` are written only by ClaimWorkflow. */
@Entity('claim')
export class Claim {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'claim_no', type: 'varchar', length: 20 }) claimNo: string;
  @Column({ name: 'district_code', type: 'varchar', length: 6 }) districtCode: string;
  @Column({ type: 'integer' }) year: number;
  @Column({ type: 'integer' }) seq: number;
  @Column({ name: 'street_code', type: 'varchar', length: 9 }) streetCode: string;
  @Column({ name: 'policy_id', type: 'uuid' }) policyId: string;
  @Column({ name: 'insurer_id', type: 'uuid' }) insurerId: string;
  @Column({ name: 'coverage_id', type: 'uuid' }) coverageId: string;
  @Column({ name: 'event_type', type: 'varchar', length: 50 }) eventType: string;
  @Column({ name: 'resident_id', type: 'uuid' }) residentId: string;
  @Column({ name: 'incident_date', type: 'date' }) incidentDate: string;
  @Column({ name: 'incident_place', type: 'varchar', length: 300 }) incidentPlace: string;
  @Column({ type: 'text' }) description: string;
  @Column({ name: 'police_report_no', type: 'varchar', length: 64, nullable: true }) policeReportNo: string | null;
  @Column({ name: 'claimed_amount', type: 'bigint', transformer: fenColumn }) claimedAmount: bigint;
  @Column({ name: 'payee_account_name', type: 'varchar', length: 100, nullable: true }) payeeAccountName: string | null;
  @Column({ name: 'payee_bank_name', type: 'varchar', length: 100, nullable: true }) payeeBankName: string | null;
  @Column({ name: 'payee_account_cipher', type: 'text', nullable: true }) payeeAccountCipher: string | null;
  @Column({ name: 'payee_account_index', type: 'char', length: 64, nullable: true }) payeeAccountIndex: string | null;
  @Column({ name: 'payee_account_masked', type: 'varchar', length: 40, nullable: true }) payeeAccountMasked: string | null;
  @Column({ type: 'varchar', length: 12 }) status: ClaimStatus;
  @Column({ name: 'returned_from', type: 'varchar', length: 12, nullable: true }) returnedFrom: ClaimStatus | null;
  @Column({ name: 'verified_loss', type: 'bigint', nullable: true, transformer: fenColumn }) verifiedLoss: bigint | null;
  @Column({ name: 'assessed_amount', type: 'bigint', nullable: true, transformer: fenColumn }) assessedAmount: bigint | null;
  @Column({ name: 'approved_amount', type: 'bigint', nullable: true, transformer: fenColumn }) approvedAmount: bigint | null;
  @Column({ name: 'paid_amount', type: 'bigint', nullable: true, transformer: fenColumn }) paidAmount: bigint | null;
  @Column({ name: 'reported_by', type: 'uuid' }) reportedBy: string;
  @Column({ name: 'reported_at', type: 'timestamptz' }) reportedAt: Date;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  @Column({ name: 'paid_at', type: 'timestamptz', nullable: true }) paidAt: Date | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
  /** 'ledger' for claims imported from a historical Excel ledger, which name no payee account. */
  @Column({ type: 'varchar', length: 6 }) source: ClaimSource;
  @Column({ name: 'ledger_import_id', type: 'uuid', nullable: true }) ledgerImportId: string | null;
  /** The Excel row of the ledger the claim was imported from. */
  @Column({ name: 'ledger_row', type: 'integer', nullable: true }) ledgerRow: number | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
