import { defineConfig } from '@hey-api/openapi-ts';

/**
 * How the console's client is generated from the app's OpenAPI document
 * (npm run openapi). test/console-client.e2e-spec.ts generates it again from
 * the served document with this same configuration and fails when the
 * committed web/openapi.json or web/src/api/ differ.
 */
export default defineConfig({
  input: './web/openapi.json',
  output: { path: './web/src/api', postProcess: [] },
  plugins: ['@hey-api/client-fetch', '@hey-api/typescript', '@hey-api/sdk', '@tanstack/react-query'],
  logs: { level: 'silent' },
});
