import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface StoredRequest {
  requestHash: string;
  responseStatus: number | null;
  /** The response body exactly as first sent (JSON text). */
  responseText: string | null;
}

@Injectable()
export class IdempotencyRepository {
  /**
   * Inserts the key unless it exists; true when this transaction now owns it.
   * While another transaction holds an uncommitted row for the same key,
   * PostgreSQL makes this statement wait for that transaction to end.
   */
  async claimKey(tx: EntityManager, scope: string, key: string, requestHash: string): Promise<boolean> {
    const inserted: unknown[] = await tx.query(
      `INSERT INTO idempotency_key (scope, key, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT (scope, key) DO NOTHING RETURNING key`,
      [scope, key, requestHash],
    );
    return inserted.length === 1;
  }

  async find(tx: EntityManager, scope: string, key: string): Promise<StoredRequest> {
    const [row]: { request_hash: string; response_status: number | null; response_text: string | null }[] = await tx.query(
      `SELECT request_hash, response_status, response_body #>> '{}' AS response_text
         FROM idempotency_key WHERE scope = $1 AND key = $2`,
      [scope, key],
    );
    return { requestHash: row.request_hash, responseStatus: row.response_status, responseText: row.response_text };
  }

  /**
   * Stores the body as a JSON string scalar rather than as a jsonb object,
   * because jsonb reorders keys: a replay must send the very same bytes.
   */
  async storeResponse(tx: EntityManager, scope: string, key: string, status: number, responseText: string): Promise<void> {
    await tx.query(
      'UPDATE idempotency_key SET response_status = $3, response_body = to_jsonb($4::text) WHERE scope = $1 AND key = $2',
      [scope, key, status, responseText],
    );
  }

  /** Bounds how long a request waits behind another one holding the same key. */
  async waitAtMost(tx: EntityManager, milliseconds: number): Promise<void> {
    await tx.query(`SELECT set_config('lock_timeout', $1, true)`, [`${milliseconds}ms`]);
  }

  async stopWaitLimit(tx: EntityManager): Promise<void> {
    await tx.query('SET LOCAL lock_timeout TO DEFAULT');
  }
}
