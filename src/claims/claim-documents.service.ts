import { Injectable, StreamableFile } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { DomainError } from '../common/domain-error.js';
import { Database } from '../database/database.js';
import { PoliciesRepository } from '../policies/policies.repository.js';
import type { ClaimStatus } from './claim-status.js';
import { ClaimsRepository } from './claims.repository.js';
import { cleanOriginalFileName, documentFileName, identifyDocument } from './document-content.js';
import { DocumentStorage } from './document-storage.js';
import type { UploadDocumentDto, UploadedDocumentFile } from './dto/claim.requests.js';
import { toClaimDocumentResponse, type ClaimDocumentResponse } from './dto/claim.response.js';

/**
 * Evidence is added until the site verification is recorded; after that a
 * reviewer returns the claim (needs_info) to ask for more.
 */
const OPEN_FOR_DOCUMENTS: readonly ClaimStatus[] = ['reported', 'verifying', 'needs_info'];
/** Accepted for every event besides its required documents. */
const ALWAYS_ACCEPTED = ['photo', 'other'];

@Injectable()
export class ClaimDocumentsService {
  constructor(
    private readonly db: Database,
    private readonly claims: ClaimsRepository,
    private readonly policies: PoliciesRepository,
    private readonly storage: DocumentStorage,
    private readonly audit: AuditService,
  ) {}

  async upload(caller: AuthUser, claimId: string, dto: UploadDocumentDto, file: UploadedDocumentFile | undefined): Promise<ClaimDocumentResponse> {
    if (!file) throw DomainError.validation('file', 'a file is required in the multipart field "file"');
    // Decoded before the claim row is locked: a large photo takes a moment.
    const mimeType = await identifyDocument(file.buffer);
    if (!mimeType) throw DomainError.validation('file', 'only whole PDF, JPEG and PNG files are accepted (judged by decoding their content)');
    return this.db.transaction(async (tx) => {
      const claim = await this.claims.lockInScope(tx, caller, claimId);
      const coverage = await this.policies.findCoverageById(tx, claim.coverageId);
      const accepted = [...new Set([...coverage.requiredDocuments, ...ALWAYS_ACCEPTED])];
      if (!accepted.includes(dto.type)) throw DomainError.validation('type', `type must be one of ${accepted.join(', ')}`);
      if (!OPEN_FOR_DOCUMENTS.includes(claim.status)) {
        throw DomainError.invalidTransition(claim.status, `Documents cannot be added to a claim that is ${claim.status}`);
      }
      const sha256 = await this.storage.put(file.buffer);
      const seq = await this.claims.nextDocumentSeq(tx, claim.id, dto.type);
      const document = await this.claims.insertDocument(tx, {
        claimId: claim.id,
        type: dto.type,
        seq,
        fileName: documentFileName(claim.claimNo, dto.type, seq, mimeType),
        originalFileName: cleanOriginalFileName(file.originalname),
        mimeType,
        size: String(file.buffer.length),
        sha256,
        uploadedBy: caller.id,
      });
      await this.audit.record(tx, {
        actor: caller, action: 'claim.document_upload', entity: 'claim', entityId: claim.id, districtCode: claim.districtCode,
        data: { claimNo: claim.claimNo, documentId: document.id, type: document.type, fileName: document.fileName, mimeType, size: file.buffer.length, sha256 },
      });
      return toClaimDocumentResponse(document);
    });
  }

  async download(caller: AuthUser, claimId: string, documentId: string): Promise<StreamableFile> {
    const document = await this.claims.findDocumentInScope(this.db.manager, caller, claimId, documentId);
    if (!document) throw DomainError.notFound('Document');
    return new StreamableFile(await this.storage.open(document.sha256), {
      type: document.mimeType,
      // The name is ours (claim number, type code, digits), so it needs no quoting or encoding.
      disposition: `attachment; filename="${document.fileName}"`,
      length: Number(document.size),
    });
  }
}
