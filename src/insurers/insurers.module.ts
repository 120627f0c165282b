import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Insurer } from './entities/insurer.entity.js';
import { InsurersController } from './insurers.controller.js';
import { InsurersRepository } from './insurers.repository.js';
import { InsurersService } from './insurers.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Insurer])],
  controllers: [InsurersController],
  providers: [InsurersRepository, InsurersService],
  exports: [InsurersRepository],
})
export class InsurersModule {}
