import { ApiProperty } from '@nestjs/swagger';
import { formatMoney, formatOptionalMoney } from '../../common/money.js';
import type { ClaimListRow } from '../claim-list.repository.js';
import { CLAIM_STATUSES, type ClaimStatus } from '../claim-status.js';
import type { ClaimDocument } from '../entities/claim-document.entity.js';
import { FLAG_CODES, type FlagCode } from '../entities/claim-flag.entity.js';
import type { ClaimStatusChange } from '../entities/claim-status-change.entity.js';

/** The claim's own parts as the API shows them; the whole claim is assembled in claim-lifecycle. */

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
  @ApiProperty({ example: '350205-2022-000381-police_report-01.pdf', description: 'Given by the server: claim number, type, sequence, extension of the detected type' })
  fileName: string;

  @ApiProperty({ type: String, example: '报警回执.pdf', nullable: true, description: 'The name the uploader sent, kept as metadata only' })
  originalFileName: string | null;

  @ApiProperty({ example: 'application/pdf' }) mimeType: string;
  @ApiProperty({ example: 183204 }) size: number;
  @ApiProperty({ example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' }) sha256: string;
  @ApiProperty({ format: 'uuid' }) uploadedBy: string;
  @ApiProperty() uploadedAt: string;
}

export class ClaimFlagResponse {
  @ApiProperty({ enum: FLAG_CODES }) code: FlagCode;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) relatedClaimId: string | null;
  @ApiProperty({ type: String, example: '350205-2026-000007', nullable: true }) relatedClaimNo: string | null;
  @ApiProperty({ example: 'Police report also on claim 350205-2026-000007' }) detail: string;
}

export class StatusChangeResponse {
  @ApiProperty({ enum: CLAIM_STATUSES, nullable: true }) from: ClaimStatus | null;
  @ApiProperty({ enum: CLAIM_STATUSES }) to: ClaimStatus;
  @ApiProperty() at: string;
  @ApiProperty({ format: 'uuid' }) actorId: string;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
}


export function toStatusChangeResponse(change: ClaimStatusChange): StatusChangeResponse {
  return { from: change.fromStatus, to: change.toStatus, at: change.at.toISOString(), actorId: change.actorId, reason: change.reason };
}

export function toClaimDocumentResponse(document: ClaimDocument): ClaimDocumentResponse {
  return {
    id: document.id,
    type: document.type,
    fileName: document.fileName,
    originalFileName: document.originalFileName,
    mimeType: document.mimeType,
    size: Number(document.size),
    sha256: document.sha256,
    uploadedBy: document.uploadedBy,
    uploadedAt: document.uploadedAt.toISOString(),
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
  @ApiProperty({ type: String, nullable: true, example: '7500.00' }) approvedAmount: string | null;
  @ApiProperty() reportedAt: string;
  @ApiProperty({ enum: FLAG_CODES, isArray: true }) flags: FlagCode[];
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
    approvedAmount: formatOptionalMoney(row.approvedAmount),
    reportedAt: row.reportedAt.toISOString(),
    flags: row.flags,
  };
}
