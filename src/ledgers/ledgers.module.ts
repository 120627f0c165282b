import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { CatalogModule } from '../catalog/catalog.module.js';
import { ClaimsModule } from '../claims/claims.module.js';
import { CryptoModule } from '../common/crypto.module.js';
import { AppConfig } from '../config/config.js';
import { PoliciesModule } from '../policies/policies.module.js';
import { RegionsModule } from '../regions/regions.module.js';
import { ResidentsModule } from '../residents/residents.module.js';
import { LedgerExportService } from './ledger-export.service.js';
import { LedgerImportService } from './ledger-import.service.js';
import { LedgersController } from './ledgers.controller.js';
import { LedgersRepository } from './ledgers.repository.js';

/** Historical Excel ledgers (台账) imported whole or not at all, and claims exported in the same columns (the route is with the other /claims routes). */
@Module({
  imports: [
    CryptoModule, RegionsModule, CatalogModule, PoliciesModule, ResidentsModule, ClaimsModule,
    // The ledger is held in memory (it is read as a stream from there) up to its own cap; above it multer's error becomes a 413.
    MulterModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ limits: { fileSize: config.LEDGER_MAX_BYTES, files: 1, fields: 5 }, defParamCharset: 'utf8' }),
    }),
  ],
  controllers: [LedgersController],
  providers: [LedgerImportService, LedgerExportService, LedgersRepository],
  exports: [LedgerExportService],
})
export class LedgersModule {}
