import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { canonicalAroundSeq, chainHash, GENESIS_HASH } from './audit-chain.js';

describe('canonicalAroundSeq', () => {
  it('splits the canonical JSON so the hash taken around the seq is the chain hash', () => {
    const row = {
      chain: '350205', at: '2026-03-01T02:03:04.005Z', actorId: null, action: 'claim.file', entity: 'claim',
      entityId: 'c1', districtCode: '350205', data: { claimNo: '350205-2026-000001', amount: '12.50', 名: ['甲', null] },
    };
    const { before, after } = canonicalAroundSeq(row);
    for (const chainSeq of ['1', '42', '9007199254740993']) {
      const split = createHash('sha256').update(`${GENESIS_HASH}${before}${chainSeq}${after}`).digest('hex');
      expect(split).toBe(chainHash(GENESIS_HASH, { ...row, chainSeq }));
    }
  });
});
