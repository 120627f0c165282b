import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { writeFileSync } from 'node:fs';
import { AppModule } from './app.module.js';
import { setRoutePrefix } from './app.setup.js';
import { createOpenApiDocument } from './common/openapi.js';

/**
 * Writes the OpenAPI document the app serves at /docs-json to the file named
 * by the first argument, without a database: Nest's preview mode reads the
 * controllers' metadata and instantiates nothing. The web console's client is
 * generated from this file (npm run openapi).
 */
async function main(target: string): Promise<void> {
  const app = await NestFactory.create(AppModule, { preview: true, logger: false });
  setRoutePrefix(app);
  writeFileSync(target, `${JSON.stringify(createOpenApiDocument(app), null, 2)}\n`);
  await app.close();
}

main(process.argv[2] ?? 'web/openapi.json').catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
