import { Module } from '@nestjs/common';
import { CryptoModule } from '../common/crypto.module.js';
import { RegionsModule } from '../regions/regions.module.js';
import { ResidentsController } from './residents.controller.js';
import { ResidentsRepository } from './residents.repository.js';
import { ResidentsService } from './residents.service.js';

@Module({
  imports: [CryptoModule, RegionsModule],
  controllers: [ResidentsController],
  providers: [ResidentsRepository, ResidentsService],
  exports: [ResidentsRepository],
})
export class ResidentsModule {}
