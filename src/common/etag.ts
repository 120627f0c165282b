import { hash } from 'node:crypto';

/**
 * Express's weak ETag, byte for byte (`W/"<length in hex>-<sha1, base64, 27
 * characters>"`, the etag package's), with one-shot hashing instead of a Hash
 * object a response: Express hashes every JSON body it sends, so this is on
 * every read. Installed as the app's `etag` function (app.setup.ts).
 */
export function weakEtag(body: Buffer | string, encoding?: BufferEncoding): string {
  const bytes = typeof body === 'string' ? Buffer.from(body, encoding) : body;
  if (bytes.length === 0) return 'W/"0-2jmj7l5rSw0yVb/vlWAYkK/YBwk"';
  return `W/"${bytes.length.toString(16)}-${hash('sha1', bytes, 'base64').slice(0, 27)}"`;
}
