import { Injectable } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import { DomainError } from '../common/domain-error.js';
import { FieldCrypto } from '../common/field-crypto.js';
import { formatMoney, toFen } from '../common/money.js';
import { Database } from '../database/database.js';
import { claimStatusText } from '../claims/claim-status-text.js';
import type { ClaimStatusLookupDto, ClaimStatusResponse } from './dto/claim-status.dto.js';
import { PublicStatusRepository } from './public-status.repository.js';

/** A well-formed ID number no resident has: an unknown claim number is checked against it, so both failures cost the same. */
const NOBODY = '000000000000000000';

/**
 * The resident's own lookup (便民服务): claim number and the last six
 * characters of the insured's ID number. A wrong pair and an unknown number
 * are the same 404, reached by the same work (one read, one decryption, one
 * constant-time comparison); the guard limits attempts per address and per
 * claim number (RateLimitGuard).
 */
@Injectable()
export class PublicStatusService {
  private readonly nobodyCipher: string;

  constructor(
    private readonly db: Database,
    private readonly claims: PublicStatusRepository,
    private readonly crypto: FieldCrypto,
  ) {
    this.nobodyCipher = crypto.encrypt(NOBODY);
  }

  async lookup(dto: ClaimStatusLookupDto): Promise<ClaimStatusResponse> {
    const row = await this.claims.findByClaimNo(this.db.manager, dto.claimNo);
    const idNumber = this.crypto.decrypt(row?.idNumberCipher ?? this.nobodyCipher);
    const matches = timingSafeEqual(Buffer.from(idNumber.slice(-6).toUpperCase()), Buffer.from(dto.idNumberLast6.padEnd(6).slice(0, 6)));
    if (!row || !matches) throw DomainError.notFound('Claim');
    const { statusZh, nextStep } = claimStatusText(row.status);
    return {
      claimNo: row.claimNo,
      eventType: row.eventType,
      eventTypeZh: row.eventTypeZh,
      status: row.status,
      statusZh,
      filedAt: row.filedAt.toISOString(),
      lastChangeAt: row.lastChangeAt.toISOString(),
      nextStep,
      ...(row.paidAmount === null ? {} : { paidAmount: formatMoney(toFen(row.paidAmount)) }),
    };
  }
}
