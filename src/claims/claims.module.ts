import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { CatalogModule } from '../catalog/catalog.module.js';
import { CryptoModule } from '../common/crypto.module.js';
import { AppConfig } from '../config/config.js';
import { DeadlinesModule } from '../deadlines/deadlines.module.js';
import { ResidentsModule } from '../residents/residents.module.js';
import { ClaimDetailsService } from './claim-details.service.js';
import { ClaimDocumentsService } from './claim-documents.service.js';
import { ClaimFlagsService } from './claim-flags.service.js';
import { ClaimWorkflow } from './claim-workflow.js';
import { ClaimsController } from './claims.controller.js';
import { ClaimsRepository } from './claims.repository.js';
import { ClaimsExportService } from './claims-export.service.js';
import { ClaimsService } from './claims.service.js';
import { DocumentStorage } from './document-storage.js';

/**
 * Intake, listing, documents and the workflow. Exports what the later stages
 * build on: the workflow, the repository's scoped claim lookups, the flag
 * re-check and the full claim response.
 */
@Module({
  imports: [
    CryptoModule,
    ResidentsModule,
    CatalogModule,
    DeadlinesModule,
    // Uploads are held in memory (no storage engine given) up to the configured cap; multer's "File too large" becomes a 413.
    MulterModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ limits: { fileSize: config.UPLOAD_MAX_BYTES, files: 1, fields: 5 }, defParamCharset: 'utf8' }),
    }),
  ],
  controllers: [ClaimsController],
  providers: [ClaimWorkflow, ClaimsRepository, ClaimsService, ClaimsExportService, ClaimFlagsService, ClaimDetailsService, ClaimDocumentsService, DocumentStorage],
  exports: [ClaimWorkflow, ClaimsRepository, ClaimFlagsService, ClaimDetailsService],
})
export class ClaimsModule {}
