import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CryptoModule } from '../common/crypto.module.js';
import { RegionsModule } from '../regions/regions.module.js';
import { Resident } from './entities/resident.entity.js';
import { ResidentsController } from './residents.controller.js';
import { ResidentsRepository } from './residents.repository.js';
import { ResidentsService } from './residents.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Resident]), CryptoModule, RegionsModule],
  controllers: [ResidentsController],
  providers: [ResidentsRepository, ResidentsService],
  exports: [ResidentsRepository],
})
export class ResidentsModule {}
