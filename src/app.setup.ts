import { INestApplication, RequestMethod } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { json, urlencoded } from 'express';
import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppConfig } from './config/config.js';
import { weakEtag } from './common/etag.js';
import { createLogger, PinoNestLogger, requestLogger } from './common/logging.js';
import { refuseUnstorableText, verifyJsonDepth, whenBodied } from './common/input-screen.js';
import { createOpenApiDocument } from './common/openapi.js';
import { createValidationPipe } from './common/validation.js';

export const API_PREFIX = 'api/v1';

/**
 * Helmet's default policy plus what the console needs: previews of documents
 * fetched with the bearer token are blob: URLs (images, and PDFs in an iframe).
 * Outside production the console is also opened over plain http on a LAN
 * address, where upgrading its requests to https would break every asset.
 */
function consoleContentSecurity(config: AppConfig) {
  return {
    'img-src': ["'self'", 'data:', 'blob:'],
    'frame-src': ["'self'", 'blob:'],
    'upgrade-insecure-requests': config.NODE_ENV === 'production' ? [] : null,
  };
}

type Middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

/**
 * Helmet's headers depend on nothing in the request with the options above, so
 * they are taken from it once and then set by one function, not by a chain of
 * a dozen middlewares on every request.
 */
function sameHeadersEveryTime(middleware: Middleware): Middleware {
  const set: [string, string | number | readonly string[]][] = [];
  const removed: string[] = [];
  let called = false;
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => { set.push([name, value]); },
    removeHeader: (name: string) => { removed.push(name); },
  };
  middleware({ headers: {} } as IncomingMessage, recorder as unknown as ServerResponse, (error) => {
    if (error) throw error;
    called = true;
  });
  if (!called) throw new Error('helmet did not answer at once: its headers cannot be set ahead');
  return (_req, res, next) => {
    for (const name of removed) res.removeHeader(name);
    for (const [name, value] of set) res.setHeader(name, value);
    next();
  };
}

/** Everything main.ts and the e2e tests both need, so tests exercise the real HTTP stack. */
export function configureApp(app: NestExpressApplication): INestApplication {
  const config = app.get(AppConfig);
  const logger = createLogger(config.LOG_LEVEL);
  app.useLogger(new PinoNestLogger(logger));
  app.use(requestLogger(logger));
  app.set('trust proxy', config.TRUST_PROXY);
  app.set('etag', weakEtag);
  // Both parsers Nest would add, registered here so that the screen below sees every parsed body.
  app.use(whenBodied(json({ limit: '1mb', verify: verifyJsonDepth })), whenBodied(urlencoded({ extended: false, limit: '1mb' })));
  app.use(refuseUnstorableText);
  app.use(sameHeadersEveryTime(helmet({ contentSecurityPolicy: { directives: consoleContentSecurity(config) } })));
  if (config.CORS_ORIGINS) {
    app.enableCors({ origin: config.CORS_ORIGINS.split(',').map((o) => o.trim()) });
  }
  setRoutePrefix(app);
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  SwaggerModule.setup('docs', app, () => createOpenApiDocument(app), { jsonDocumentUrl: 'docs-json' });
  return app;
}

/** `/api/v1` in front of every route but the health checks; also used when the OpenAPI document is written without a server. */
export function setRoutePrefix(app: INestApplication): void {
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [{ path: 'health', method: RequestMethod.GET }, { path: 'health/ready', method: RequestMethod.GET }],
  });
}
