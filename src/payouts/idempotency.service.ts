import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { canonicalJson } from '../audit/canonical-json.js';
import { DomainError } from '../common/domain-error.js';
import { IdempotencyRepository } from './idempotency.repository.js';

export interface IdempotentResponse<T> {
  status: number;
  body: T;
  /** True when this is the stored response of an earlier request with the same key. */
  replayed: boolean;
}

/** How long a request waits for an earlier one with the same key before answering "still in flight". */
const IN_FLIGHT_WAIT_MS = 10_000;
const LOCK_NOT_AVAILABLE = '55P03';

/**
 * Runs a write at most once per Idempotency-Key. The key row is inserted as
 * the first statement of the write's own transaction and its response stored
 * before the commit, so the key, the write and the response commit together
 * or not at all: a crash or an error mid-way leaves no trace, and the client
 * may simply retry. A second request with the key waits on the first one's
 * uncommitted row, then replays the stored response (or gets 409 when the
 * body differs, or when the first is still running after the wait).
 */
@Injectable()
export class IdempotencyService {
  constructor(private readonly keys: IdempotencyRepository) {}

  async once<T>(
    tx: EntityManager,
    target: { scope: string; key: string; request: unknown },
    status: number,
    work: () => Promise<T>,
  ): Promise<IdempotentResponse<T>> {
    const { scope, key } = target;
    const requestHash = createHash('sha256').update(canonicalJson(target.request)).digest('hex');
    await this.keys.waitAtMost(tx, IN_FLIGHT_WAIT_MS);
    let owned: boolean;
    try {
      owned = await this.keys.claimKey(tx, scope, key, requestHash);
    } catch (error) {
      if (postgresCode(error) === LOCK_NOT_AVAILABLE) throw conflict('A request with this Idempotency-Key is still in flight; retry later');
      throw error;
    }
    await this.keys.stopWaitLimit(tx);

    if (!owned) {
      const stored = await this.keys.find(tx, scope, key);
      if (stored.requestHash !== requestHash) throw conflict('This Idempotency-Key was already used with a different request');
      if (stored.responseStatus === null || stored.responseText === null) throw conflict('A request with this Idempotency-Key is still in flight; retry later');
      return { status: stored.responseStatus, body: JSON.parse(stored.responseText) as T, replayed: true };
    }
    const body = await work();
    // The key row is already this transaction's, so storing the response takes no new lock.
    await this.keys.storeResponse(tx, scope, key, status, JSON.stringify(body));
    return { status, body, replayed: false };
  }
}

function conflict(message: string): DomainError {
  return new DomainError('IDEMPOTENCY_CONFLICT', message, [{ field: 'Idempotency-Key', message }]);
}

function postgresCode(error: unknown): string | undefined {
  const driverError = (error as { driverError?: { code?: unknown } } | null)?.driverError;
  return typeof driverError?.code === 'string' ? driverError.code : undefined;
}
