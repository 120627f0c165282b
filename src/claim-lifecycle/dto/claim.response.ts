import { ApiProperty } from '@nestjs/swagger';
import { CLAIM_STATUSES, type ClaimStatus } from '../../claims/claim-status.js';
import {
  ClaimDocumentResponse, ClaimFlagResponse, ClaimResidentResponse, PayeeResponse, StatusChangeResponse,
  toClaimDocumentResponse, toStatusChangeResponse,
} from '../../claims/dto/claim.response.js';
import type { ClaimDocument } from '../../claims/entities/claim-document.entity.js';
import type { ClaimStatusChange } from '../../claims/entities/claim-status-change.entity.js';
import type { Claim, ClaimSource } from '../../claims/entities/claim.entity.js';
import { formatMoney, formatOptionalMoney } from '../../common/money.js';
import { DeadlineResponse } from '../../deadlines/dto/deadline.dto.js';
import { isoOrNull } from '../../common/timestamp.js';
import {
  ApprovalResponse, AssessmentResponse, PaymentResponse, toApprovalResponse, toAssessmentResponse, toPaymentResponse,
} from '../../payouts/dto/payout.responses.js';
import type { PayoutRecords } from '../../payouts/payouts.repository.js';
import { toVerificationResponse, VerificationResponse } from '../../verification/dto/verification.response.js';
import type { ClaimVerification } from '../../verification/entities/claim-verification.entity.js';

/** The one claim shape every claim endpoint answers with: the claim and each stage's record of it. */
export class ClaimResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '350205-2026-000001' }) claimNo: string;
  @ApiProperty({ enum: CLAIM_STATUSES }) status: ClaimStatus;
  @ApiProperty({ enum: CLAIM_STATUSES, nullable: true, description: 'while needs_info: the state it resubmits to' }) returnedFrom: ClaimStatus | null;
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
  @ApiProperty({ type: String, nullable: true }) policeReportNo: string | null;
  @ApiProperty({ example: '8000.00' }) claimedAmount: string;
  @ApiProperty({ type: String, nullable: true, example: '8000.00' }) verifiedLoss: string | null;
  @ApiProperty({ type: String, nullable: true, example: '7500.00' }) assessedAmount: string | null;
  @ApiProperty({ type: String, nullable: true, example: '7500.00' }) approvedAmount: string | null;
  @ApiProperty({ type: String, nullable: true, example: '7500.00' }) paidAmount: string | null;
  @ApiProperty({ type: PayeeResponse, nullable: true, description: 'null for a claim imported from a ledger' }) payee: PayeeResponse | null;
  @ApiProperty({ enum: ['filed', 'ledger'], description: 'ledger: imported from a historical Excel ledger (POST /imports/claims)' }) source: ClaimSource;
  @ApiProperty() reportedAt: string;
  @ApiProperty({ format: 'uuid' }) reportedBy: string;
  @ApiProperty({ type: String, nullable: true }) decidedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) paidAt: string | null;
  @ApiProperty({ type: String, nullable: true }) closedAt: string | null;
  @ApiProperty({ type: [ClaimDocumentResponse] }) documents: ClaimDocumentResponse[];
  @ApiProperty({ example: ['police_report', 'bank_card'], description: 'required documents of the event not uploaded yet' }) missingDocuments: string[];
  @ApiProperty({ type: VerificationResponse, nullable: true }) verification: VerificationResponse | null;
  @ApiProperty({ type: AssessmentResponse, nullable: true }) assessment: AssessmentResponse | null;
  @ApiProperty({ type: ApprovalResponse, nullable: true, description: 'the decision, approve or deny' }) approval: ApprovalResponse | null;
  @ApiProperty({ type: PaymentResponse, nullable: true }) payment: PaymentResponse | null;
  @ApiProperty({ type: [ClaimFlagResponse] }) flags: ClaimFlagResponse[];
  @ApiProperty({ type: [StatusChangeResponse] }) history: StatusChangeResponse[];
  @ApiProperty({ type: DeadlineResponse, nullable: true, description: 'null once no deadline runs (terminal states, a denial whose notice is issued)' })
  deadline: DeadlineResponse | null;
}

/** Everything a claim response is built from, loaded by ClaimDetailsService in a fixed number of queries. */
export interface ClaimDetails extends PayoutRecords {
  claim: Claim;
  policyNo: string;
  eventTypeNameZh: string;
  resident: ClaimResidentResponse;
  requiredDocuments: string[];
  documents: ClaimDocument[];
  flags: ClaimFlagResponse[];
  history: ClaimStatusChange[];
  verification: ClaimVerification | null;
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
    verifiedLoss: formatOptionalMoney(claim.verifiedLoss),
    assessedAmount: formatOptionalMoney(claim.assessedAmount),
    approvedAmount: formatOptionalMoney(claim.approvedAmount),
    paidAmount: formatOptionalMoney(claim.paidAmount),
    payee: claim.payeeAccountMasked === null ? null
      : { accountName: claim.payeeAccountName!, bankName: claim.payeeBankName!, accountNoMasked: claim.payeeAccountMasked },
    source: claim.source,
    reportedAt: claim.reportedAt.toISOString(),
    reportedBy: claim.reportedBy,
    decidedAt: isoOrNull(claim.decidedAt),
    paidAt: isoOrNull(claim.paidAt),
    closedAt: isoOrNull(claim.closedAt),
    documents: details.documents.map(toClaimDocumentResponse),
    missingDocuments: details.requiredDocuments.filter((type) => !uploaded.has(type)),
    verification: v && toVerificationResponse(v),
    assessment: a && toAssessmentResponse(a),
    approval: d && toApprovalResponse(d),
    payment: p && toPaymentResponse(p),
    flags: details.flags,
    history: details.history.map(toStatusChangeResponse),
    deadline,
  };
}
