import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '../catalog/catalog.module.js';
import { CryptoModule } from '../common/crypto.module.js';
import { PoliciesModule } from '../policies/policies.module.js';
import { ResidentsModule } from '../residents/residents.module.js';
import { ClaimDocumentsService } from './claim-documents.service.js';
import { ClaimFlagsService } from './claim-flags.service.js';
import { ClaimWorkflow } from './claim-workflow.js';
import { ClaimListRepository } from './claim-list.repository.js';
import { ClaimsRepository } from './claims.repository.js';
import { ClaimsService } from './claims.service.js';
import { DocumentStorage } from './document-storage.js';
import { ClaimCounter } from './entities/claim-counter.entity.js';
import { ClaimDocument } from './entities/claim-document.entity.js';
import { ClaimFlag } from './entities/claim-flag.entity.js';
import { ClaimStatusChange } from './entities/claim-status-change.entity.js';
import { Claim } from './entities/claim.entity.js';

/**
 * The claim itself: intake, numbers, documents, flags, listing and the one
 * workflow that changes its status. The stages (verification, payouts) build
 * on what it exports; claim-lifecycle assembles the whole claim and serves it.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Claim, ClaimCounter, ClaimDocument, ClaimFlag, ClaimStatusChange]), CryptoModule, ResidentsModule, CatalogModule, PoliciesModule],
  providers: [ClaimWorkflow, ClaimsRepository, ClaimListRepository, ClaimsService, ClaimFlagsService, ClaimDocumentsService, DocumentStorage],
  exports: [ClaimWorkflow, ClaimsRepository, ClaimListRepository, ClaimsService, ClaimFlagsService, ClaimDocumentsService],
})
export class ClaimsModule {}
