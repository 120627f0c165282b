import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { formatMoney } from '../../common/money.js';
import { DeadlineResponse } from '../../deadlines/dto/deadline.dto.js';
import type { ClaimAssessment } from '../../payouts/entities/claim-assessment.entity.js';
import type { ClaimDecision } from '../../payouts/entities/claim-decision.entity.js';
import type { Payment } from '../../payouts/entities/payment.entity.js';
import type { ClaimVerification } from '../../verification/entities/claim-verification.entity.js';
import { CLAIM_STATUSES, type ClaimStatus } from '../claim-status.js';
import type { ClaimDocument } from '../entities/claim-document.entity.js';
import { FLAG_CODES, type FlagCode } from '../entities/claim-flag.entity.js';
import type { ClaimStatusChange } from '../entities/claim-status-change.entity.js';
import type { Claim, ClaimSource } from '../entities/claim.entity.js';

const money = (fen: bigint | null): string | null => (fen === null ? null : formatMoney(fen));
const iso = (at: Date | null): string | null => (at === null ? null : at.toISOString());

export class ClaimResidentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '陈美玲' }) name: string;
  @ApiProperty({ example: '350205********100X' }) idNumberMasked: string;
}

export class PayeeResponse {
  @ApiProperty({ example: '陈美玲' }) accountName: string;
  @ApiProperty({ example: '中国工商银行厦门海沧支行' }) bankName: string;
  @ApiProperty({ example: '6222 **** **** 0123' }) accountNoMasked: string;
}

export class ClaimDocumentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'police_report' }) type: string;
  @ApiProperty({ example: '报警回执.pdf' }) fileName: string;
  @ApiProperty({ example: 'application/pdf' }) mimeType: string;
  @ApiProperty({ example: 183204 }) size: number;
  @ApiProperty({ example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' }) sha256: string;
  @ApiProperty({ format: 'uuid' }) uploadedBy: string;
  @ApiProperty() uploadedAt: string;
}

export class ClaimFlagResponse {
  @ApiProperty({ enum: FLAG_CODES }) code: FlagCode;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) relatedClaimId: string | null;
  @ApiPropertyOptional({ example: '350205-2026-000007', nullable: true }) relatedClaimNo: string | null;
  @ApiProperty({ example: 'Police report also on claim 350205-2026-000007' }) detail: string;
}

export class StatusChangeResponse {
  @ApiPropertyOptional({ enum: CLAIM_STATUSES, nullable: true }) from: ClaimStatus | null;
  @ApiProperty({ enum: CLAIM_STATUSES }) to: ClaimStatus;
  @ApiProperty() at: string;
  @ApiProperty({ format: 'uuid' }) actorId: string;
  @ApiPropertyOptional({ nullable: true }) reason: string | null;
}

export class VerificationResponse {
  @ApiProperty({ format: 'uuid' }) startedBy: string;
  @ApiProperty() startedAt: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) verifierId: string | null;
  @ApiPropertyOptional({ nullable: true }) visitedAt: string | null;
  @ApiPropertyOptional({ type: [String], nullable: true }) participants: string[] | null;
  @ApiPropertyOptional({ nullable: true }) findings: string | null;
  @ApiPropertyOptional({ example: '8000.00', nullable: true }) verifiedLoss: string | null;
  @ApiPropertyOptional({ enum: ['pay', 'deny'], nullable: true }) recommendation: 'pay' | 'deny' | null;
  @ApiPropertyOptional({ nullable: true, description: 'Why the verified loss is above the claimed amount' }) lossAboveClaimReason: string | null;
  @ApiPropertyOptional({ nullable: true }) recordedAt: string | null;
}

export class AssessmentResponse {
  @ApiProperty({ format: 'uuid' }) assessorId: string;
  @ApiProperty({ example: '8000.00' }) quotedAmount: string;
  @ApiProperty({ example: '7500.00' }) amount: string;
  @ApiPropertyOptional({ nullable: true }) reason: string | null;
  @ApiProperty({ type: Object, description: 'the payout quote the amount was assessed from' }) quote: ClaimAssessment['quote'];
  @ApiProperty() assessedAt: string;
}

export class ApprovalResponse {
  @ApiProperty({ enum: ['approve', 'deny'] }) decision: 'approve' | 'deny';
  @ApiProperty({ format: 'uuid' }) approverId: string;
  @ApiPropertyOptional({ example: '7500.00', nullable: true }) amount: string | null;
  @ApiPropertyOptional({ nullable: true }) reasonCode: string | null;
  @ApiPropertyOptional({ nullable: true }) note: string | null;
  @ApiProperty() decidedAt: string;
}

export class PaymentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '7500.00' }) amount: string;
  @ApiProperty() paidAt: string;
  @ApiProperty({ example: 'ICBC-20261125-0001' }) bankReference: string;
  @ApiProperty({ format: 'uuid' }) recordedBy: string;
}

export class ClaimResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '350205-2026-000001' }) claimNo: string;
  @ApiProperty({ enum: CLAIM_STATUSES }) status: ClaimStatus;
  @ApiPropertyOptional({ enum: CLAIM_STATUSES, nullable: true, description: 'while needs_info: the state it resubmits to' }) returnedFrom: ClaimStatus | null;
  @ApiProperty({ example: '350205' }) districtCode: string;
  @ApiProperty({ example: '350205001' }) streetCode: string;
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ format: 'uuid' }) policyId: string;
  @ApiProperty({ example: 'PICC-ZZ-350205-2026' }) policyNo: string;
  @ApiProperty({ format: 'uuid' }) insurerId: string;
  @ApiProperty({ example: 'burglary' }) eventType: string;
  @ApiProperty({ example: '入室盗窃' }) eventTypeNameZh: string;
  @ApiProperty({ type: ClaimResidentResponse }) resident: ClaimResidentResponse;
  @ApiProperty({ example: '2026-11-20' }) incidentDate: string;
  @ApiProperty() incidentPlace: string;
  @ApiProperty() description: string;
  @ApiPropertyOptional({ nullable: true }) policeReportNo: string | null;
  @ApiProperty({ example: '8000.00' }) claimedAmount: string;
  @ApiPropertyOptional({ nullable: true, example: '8000.00' }) verifiedLoss: string | null;
  @ApiPropertyOptional({ nullable: true, example: '7500.00' }) assessedAmount: string | null;
  @ApiPropertyOptional({ nullable: true, example: '7500.00' }) approvedAmount: string | null;
  @ApiPropertyOptional({ nullable: true, example: '7500.00' }) paidAmount: string | null;
  @ApiProperty({ type: PayeeResponse, nullable: true, description: 'null for a claim imported from a ledger' }) payee: PayeeResponse | null;
  @ApiProperty({ enum: ['filed', 'ledger'], description: 'ledger: imported from a historical Excel ledger (POST /imports/claims)' }) source: ClaimSource;
  @ApiProperty() reportedAt: string;
  @ApiProperty({ format: 'uuid' }) reportedBy: string;
  @ApiPropertyOptional({ nullable: true }) decidedAt: string | null;
  @ApiPropertyOptional({ nullable: true }) paidAt: string | null;
  @ApiPropertyOptional({ nullable: true }) closedAt: string | null;
  @ApiProperty({ type: [ClaimDocumentResponse] }) documents: ClaimDocumentResponse[];
  @ApiProperty({ example: ['police_report', 'bank_card'], description: 'required documents of the event not uploaded yet' }) missingDocuments: string[];
  @ApiPropertyOptional({ type: VerificationResponse, nullable: true }) verification: VerificationResponse | null;
  @ApiPropertyOptional({ type: AssessmentResponse, nullable: true }) assessment: AssessmentResponse | null;
  @ApiPropertyOptional({ type: ApprovalResponse, nullable: true, description: 'the decision, approve or deny' }) approval: ApprovalResponse | null;
  @ApiPropertyOptional({ type: PaymentResponse, nullable: true }) payment: PaymentResponse | null;
  @ApiProperty({ type: [ClaimFlagResponse] }) flags: ClaimFlagResponse[];
  @ApiProperty({ type: [StatusChangeResponse] }) history: StatusChangeResponse[];
  @ApiPropertyOptional({ type: DeadlineResponse, nullable: true, description: 'null once no deadline runs (terminal states, a denial whose notice is issued)' })
  deadline: DeadlineResponse | null;
}

/** Everything a claim response is built from, loaded by ClaimsRepository.loadDetails in a fixed number of queries. */
export interface ClaimDetails {
  claim: Claim;
  policyNo: string;
  eventTypeNameZh: string;
  resident: ClaimResidentResponse;
  requiredDocuments: string[];
  documents: ClaimDocument[];
  flags: ClaimFlagResponse[];
  history: ClaimStatusChange[];
  verification: ClaimVerification | null;
  assessment: ClaimAssessment | null;
  decision: ClaimDecision | null;
  payment: Payment | null;
}

export function toClaimDocumentResponse(document: ClaimDocument): ClaimDocumentResponse {
  return {
    id: document.id,
    type: document.type,
    fileName: document.fileName,
    mimeType: document.mimeType,
    size: Number(document.size),
    sha256: document.sha256,
    uploadedBy: document.uploadedBy,
    uploadedAt: document.uploadedAt.toISOString(),
  };
}

export function toClaimResponse(details: ClaimDetails, deadline: DeadlineResponse | null): ClaimResponse {
  const { claim, verification: v, assessment: a, decision: d, payment: p } = details;
  const uploaded = new Set(details.documents.map((document) => document.type));
  return {
    id: claim.id,
    claimNo: claim.claimNo,
    status: claim.status,
    returnedFrom: claim.returnedFrom,
    districtCode: claim.districtCode,
    streetCode: claim.streetCode,
    year: claim.year,
    policyId: claim.policyId,
    policyNo: details.policyNo,
    insurerId: claim.insurerId,
    eventType: claim.eventType,
    eventTypeNameZh: details.eventTypeNameZh,
    resident: details.resident,
    incidentDate: claim.incidentDate,
    incidentPlace: claim.incidentPlace,
    description: claim.description,
    policeReportNo: claim.policeReportNo,
    claimedAmount: formatMoney(claim.claimedAmount),
    verifiedLoss: money(claim.verifiedLoss),
    assessedAmount: money(claim.assessedAmount),
    approvedAmount: money(claim.approvedAmount),
    paidAmount: money(claim.paidAmount),
    payee: claim.payeeAccountMasked === null ? null
      : { accountName: claim.payeeAccountName!, bankName: claim.payeeBankName!, accountNoMasked: claim.payeeAccountMasked },
    source: claim.source,
    reportedAt: claim.reportedAt.toISOString(),
    reportedBy: claim.reportedBy,
    decidedAt: iso(claim.decidedAt),
    paidAt: iso(claim.paidAt),
    closedAt: iso(claim.closedAt),
    documents: details.documents.map(toClaimDocumentResponse),
    missingDocuments: details.requiredDocuments.filter((type) => !uploaded.has(type)),
    verification: v && {
      startedBy: v.startedBy, startedAt: v.startedAt.toISOString(), verifierId: v.verifierId, visitedAt: iso(v.visitedAt),
      participants: v.participants, findings: v.findings, verifiedLoss: money(v.verifiedLoss), recommendation: v.recommendation,
      lossAboveClaimReason: v.lossAboveClaimReason, recordedAt: iso(v.recordedAt),
    },
    assessment: a && {
      assessorId: a.assessorId, quotedAmount: formatMoney(a.quotedAmount), amount: formatMoney(a.amount), reason: a.reason,
      quote: a.quote, assessedAt: a.assessedAt.toISOString(),
    },
    approval: d && {
      decision: d.decision, approverId: d.approverId, amount: money(d.amount), reasonCode: d.reasonCode, note: d.note,
      decidedAt: d.decidedAt.toISOString(),
    },
    payment: p && {
      id: p.id, amount: formatMoney(p.amount), paidAt: p.paidAt.toISOString(), bankReference: p.bankReference, recordedBy: p.recordedBy,
    },
    flags: details.flags,
    history: details.history.map((change) => ({
      from: change.fromStatus, to: change.toStatus, at: change.at.toISOString(), actorId: change.actorId, reason: change.reason,
    })),
    deadline,
  };
}

export class ClaimListItemResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '350205-2026-000001' }) claimNo: string;
  @ApiProperty({ enum: CLAIM_STATUSES }) status: ClaimStatus;
  @ApiProperty({ example: '350205' }) districtCode: string;
  @ApiProperty({ example: '350205001' }) streetCode: string;
  @ApiProperty({ example: 'burglary' }) eventType: string;
  @ApiProperty({ example: '入室盗窃' }) eventTypeNameZh: string;
  @ApiProperty({ type: ClaimResidentResponse }) resident: ClaimResidentResponse;
  @ApiProperty({ example: '2026-11-20' }) incidentDate: string;
  @ApiProperty({ example: '8000.00' }) claimedAmount: string;
  @ApiPropertyOptional({ nullable: true, example: '7500.00' }) approvedAmount: string | null;
  @ApiProperty() reportedAt: string;
  @ApiProperty({ enum: FLAG_CODES, isArray: true }) flags: FlagCode[];
}

/** One row of the list query (ClaimsRepository.listInScope). */
export interface ClaimListRow {
  id: string;
  claimNo: string;
  status: ClaimStatus;
  districtCode: string;
  streetCode: string;
  eventType: string;
  eventTypeNameZh: string;
  residentId: string;
  residentName: string;
  residentIdNumberMasked: string;
  incidentDate: string;
  claimedAmount: string;
  approvedAmount: string | null;
  reportedAt: Date;
  flags: FlagCode[];
}

export function toClaimListItem(row: ClaimListRow): ClaimListItemResponse {
  return {
    id: row.id,
    claimNo: row.claimNo,
    status: row.status,
    districtCode: row.districtCode,
    streetCode: row.streetCode,
    eventType: row.eventType,
    eventTypeNameZh: row.eventTypeNameZh,
    resident: { id: row.residentId, name: row.residentName, idNumberMasked: row.residentIdNumberMasked },
    incidentDate: row.incidentDate,
    claimedAmount: formatMoney(row.claimedAmount),
    approvedAmount: row.approvedAmount === null ? null : formatMoney(row.approvedAmount),
    reportedAt: row.reportedAt.toISOString(),
    flags: row.flags,
  };
}
