import { Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { resolve } from 'node:path';
import { AppConfig } from '../config/config.js';

/**
 * Serves the built web console at `/`: its files as they are, and index.html
 * for any other path so the console's own router can take it. The API, the
 * OpenAPI pages and the health routes are left to Nest, so their 404s stay JSON.
 */
export const CONSOLE_EXCLUDED_PATHS = ['/api/{*path}', '/docs{*path}', '/health{*path}'];

@Module({
  imports: [
    ServeStaticModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => [{
        rootPath: resolve(config.CONSOLE_DIR),
        exclude: CONSOLE_EXCLUDED_PATHS,
        serveStaticOptions: { index: false, fallthrough: true },
      }],
    }),
  ],
})
export class ConsoleModule {}
