import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/config.js';
import { dataSourceOptions } from './data-source-options.js';
import { ChangeFeed } from './change-feed.js';
import { Database } from './database.js';

/**
 * The app always runs the migrations at start-up; schema is never synchronised. Global: every service reaches PostgreSQL
 * through Database, and the caches of rows follow the ChangeFeed.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        if (!config.DATABASE_URL) throw new Error('DATABASE_URL is not set (main.ts sets it when it starts the embedded server)');
        return { ...dataSourceOptions(config.DATABASE_URL), autoLoadEntities: true, migrationsRun: true, retryAttempts: 3, retryDelay: 1000 };
      },
    }),
  ],
  providers: [Database, ChangeFeed],
  exports: [Database, ChangeFeed],
})
export class DatabaseModule {}
