import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '../catalog/catalog.module.js';
import { InsurersModule } from '../insurers/insurers.module.js';
import { RegionsModule } from '../regions/regions.module.js';
import { Coverage } from './entities/coverage.entity.js';
import { Policy } from './entities/policy.entity.js';
import { PoliciesController } from './policies.controller.js';
import { PoliciesRepository } from './policies.repository.js';
import { PoliciesService } from './policies.service.js';

/** Exports the repository: payouts lock the policy row and sum what its claims have used. */
@Module({
  imports: [TypeOrmModule.forFeature([Policy, Coverage]), CatalogModule, RegionsModule, InsurersModule],
  controllers: [PoliciesController],
  providers: [PoliciesRepository, PoliciesService],
  exports: [PoliciesRepository],
})
export class PoliciesModule {}
