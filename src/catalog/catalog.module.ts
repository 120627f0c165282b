import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogController } from './catalog.controller.js';
import { CatalogRepository } from './catalog.repository.js';
import { CatalogService } from './catalog.service.js';
import { DenialReasonsController } from './denial-reasons.controller.js';
import { DenialReasonsRepository } from './denial-reasons.repository.js';
import { DenialReason } from './entities/denial-reason.entity.js';
import { EventType } from './entities/event-type.entity.js';

/** The event catalogue and the denial reason catalogue: reference data every claim refers to. */
@Module({
  imports: [TypeOrmModule.forFeature([EventType, DenialReason])],
  controllers: [CatalogController, DenialReasonsController],
  providers: [CatalogRepository, DenialReasonsRepository, CatalogService],
  exports: [CatalogRepository, DenialReasonsRepository],
})
export class CatalogModule {}
