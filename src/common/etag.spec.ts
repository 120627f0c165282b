import { describe, expect, it } from '@jest/globals';
// @ts-expect-error express ships no types for its internals; its weak ETag is what ours must equal
import expressUtils from 'express/lib/utils.js';
import { weakEtag } from './etag.js';

const expressWeakEtag = (expressUtils as { wetag(body: Buffer | string, encoding?: string): string }).wetag;

describe('weakEtag', () => {
  it('is the ETag Express would send, for empty, ASCII, Chinese and long bodies, as Buffer or string', () => {
    const bodies = ['', '{}', '{"status":"filed","name":"压测居民"}', JSON.stringify({ items: Array.from({ length: 500 }, (_, i) => ({ i, s: '街道'.repeat(i % 7) })) })];
    for (const body of bodies) {
      expect(weakEtag(body, 'utf8')).toBe(expressWeakEtag(body, 'utf8'));
      expect(weakEtag(Buffer.from(body))).toBe(expressWeakEtag(Buffer.from(body)));
    }
  });
});
