import { INestApplication, RequestMethod } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { json, urlencoded } from 'express';
import helmet from 'helmet';
import { AppConfig } from './config/config.js';
import { createLogger, PinoNestLogger, requestLogger } from './common/logging.js';
import { refuseUnstorableText, verifyJsonDepth } from './common/input-screen.js';
import { createOpenApiDocument } from './common/openapi.js';
import { createValidationPipe } from './common/validation.js';

export const API_PREFIX = 'api/v1';

/** Everything main.ts and the e2e tests both need, so tests exercise the real HTTP stack. */
export function configureApp(app: NestExpressApplication): INestApplication {
  const config = app.get(AppConfig);
  const logger = createLogger(config.LOG_LEVEL);
  app.useLogger(new PinoNestLogger(logger));
  app.use(requestLogger(logger));
  app.set('trust proxy', config.TRUST_PROXY);
  // Both parsers Nest would add, registered here so that the screen below sees every parsed body.
  app.use(json({ limit: '1mb', verify: verifyJsonDepth }), urlencoded({ extended: false, limit: '1mb' }));
  app.use(refuseUnstorableText);
  app.use(helmet());
  if (config.CORS_ORIGINS) {
    app.enableCors({ origin: config.CORS_ORIGINS.split(',').map((o) => o.trim()) });
  }
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [{ path: 'health', method: RequestMethod.GET }, { path: 'health/ready', method: RequestMethod.GET }],
  });
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  SwaggerModule.setup('docs', app, () => createOpenApiDocument(app), { jsonDocumentUrl: 'docs-json' });
  return app;
}
