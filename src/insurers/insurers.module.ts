import { Module } from '@nestjs/common';
import { InsurersController } from './insurers.controller.js';
import { InsurersRepository } from './insurers.repository.js';
import { InsurersService } from './insurers.service.js';

@Module({
  controllers: [InsurersController],
  providers: [InsurersRepository, InsurersService],
  exports: [InsurersRepository],
})
export class InsurersModule {}
