import { Module } from '@nestjs/common';
import { CryptoModule } from '../common/crypto.module.js';
import { PublicStatusController } from './public-status.controller.js';
import { PublicStatusRepository } from './public-status.repository.js';
import { PublicStatusService } from './public-status.service.js';

/** POST /public/claim-status: a resident's lookup of their claim, no sign-in. */
@Module({
  imports: [CryptoModule],
  controllers: [PublicStatusController],
  providers: [PublicStatusRepository, PublicStatusService],
})
export class PublicStatusModule {}
