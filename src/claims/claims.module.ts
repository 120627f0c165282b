import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module.js';
import { CryptoModule } from '../common/crypto.module.js';
import { PoliciesModule } from '../policies/policies.module.js';
import { ResidentsModule } from '../residents/residents.module.js';
import { ClaimDocumentsService } from './claim-documents.service.js';
import { ClaimFlagsService } from './claim-flags.service.js';
import { ClaimWorkflow } from './claim-workflow.js';
import { ClaimsRepository } from './claims.repository.js';
import { ClaimsService } from './claims.service.js';
import { DocumentStorage } from './document-storage.js';

/**
 * The claim itself: intake, numbers, documents, flags, listing and the one
 * workflow that changes its status. The stages (verification, payouts) build
 * on what it exports; claim-lifecycle assembles the whole claim and serves it.
 */
@Module({
  imports: [CryptoModule, ResidentsModule, CatalogModule, PoliciesModule],
  providers: [ClaimWorkflow, ClaimsRepository, ClaimsService, ClaimFlagsService, ClaimDocumentsService, DocumentStorage],
  exports: [ClaimWorkflow, ClaimsRepository, ClaimsService, ClaimFlagsService, ClaimDocumentsService],
})
export class ClaimsModule {}
