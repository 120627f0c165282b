import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { AppConfig } from '../config/config.js';
import { DomainError } from '../common/domain-error.js';
import { Database } from '../database/database.js';
import { RateLimitRepository } from './rate-limit.repository.js';

interface LimitedRequest {
  method: string;
  path: string;
  ip?: string;
  body?: { claimNo?: unknown };
  headers: Record<string, string | undefined>;
}

const WINDOW_SECONDS = 60;
const HOUR_SECONDS = 3600;
const PUBLIC_LOOKUP = '/public/claim-status';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Fixed windows. The residents' claim lookups per address (a minute) and per
 * claim number (an hour: guessing six characters of one claim's ID number
 * then takes decades) are counted in PostgreSQL, so the limits hold across
 * app instances. Writes per caller are counted in this process: a cheap
 * guard against a runaway client, where each instance enforcing its own
 * share is enough. Logins are not writes: the sign-in counts failed attempts
 * itself, in PostgreSQL, per account and per address (users/login-attempts.ts).
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly writes = new Map<string, { windowStart: number; count: number }>();

  constructor(
    private readonly config: AppConfig,
    private readonly counters: RateLimitRepository,
    private readonly db: Database,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<LimitedRequest>();
    if (request.method === 'GET' || request.method === 'HEAD' || request.path.endsWith('/auth/login')) return true;
    if (request.path.endsWith(PUBLIC_LOOKUP)) return this.limitLookup(request);
    const hits = this.hitWrite(`${clientAddress(request)}|${sha256(request.headers.authorization ?? '')}`, Date.now());
    if (hits > this.config.WRITE_RATE_LIMIT) throw new DomainError('RATE_LIMITED', 'Too many requests; try again in a minute');
    return true;
  }

  private async limitLookup(request: LimitedRequest): Promise<boolean> {
    const byAddress = await this.counters.hit(this.db.manager, sha256(`claim-status|address|${clientAddress(request)}`), WINDOW_SECONDS);
    const claimNo = typeof request.body?.claimNo === 'string' ? request.body.claimNo.trim().toUpperCase() : '';
    const byClaim = claimNo ? await this.counters.hit(this.db.manager, sha256(`claim-status|claim|${claimNo}`), HOUR_SECONDS) : 0;
    if (byAddress > this.config.PUBLIC_LOOKUP_RATE_LIMIT || byClaim > this.config.PUBLIC_LOOKUP_CLAIM_LIMIT) {
      throw new DomainError('RATE_LIMITED', 'Too many lookups; try again later');
    }
    return true;
  }

  private hitWrite(key: string, now: number): number {
    if (this.writes.size > 100_000) this.evictExpired(now);
    const entry = this.writes.get(key);
    if (!entry || now - entry.windowStart >= WINDOW_SECONDS * 1000) {
      this.writes.set(key, { windowStart: now, count: 1 });
      return 1;
    }
    entry.count += 1;
    return entry.count;
  }

  private evictExpired(now: number): void {
    for (const [key, entry] of this.writes) {
      if (now - entry.windowStart >= WINDOW_SECONDS * 1000) this.writes.delete(key);
    }
  }
}

/** The same client over IPv4 or IPv4-mapped IPv6 (::ffff:1.2.3.4) counts once. */
function clientAddress(request: LimitedRequest): string {
  return (request.ip ?? '').replace(/^::ffff:/, '');
}
