import { Global, Module } from '@nestjs/common';
import { AppConfig, validateConfig } from './config.js';

@Global()
@Module({
  providers: [{ provide: AppConfig, useFactory: () => validateConfig(process.env) }],
  exports: [AppConfig],
})
export class ConfigModule {}
