import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { AppConfig } from '../config/config.js';
import { DomainError } from '../common/domain-error.js';

interface LimitedRequest {
  method: string;
  path: string;
  ip?: string;
  headers: Record<string, string | undefined>;
}

const WINDOW_SECONDS = 60;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Writes per caller in fixed one-minute windows, counted in this process: a
 * cheap guard against a runaway client, where each instance enforcing its
 * own share is enough. Logins are not writes: the sign-in counts failed
 * attempts itself, in PostgreSQL, per account and per address
 * (users/login-attempts.ts).
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly writes = new Map<string, { windowStart: number; count: number }>();

  constructor(private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<LimitedRequest>();
    if (request.method === 'GET' || request.method === 'HEAD' || request.path.endsWith('/auth/login')) return true;
    const hits = this.hitWrite(`${clientAddress(request)}|${sha256(request.headers.authorization ?? '')}`, Date.now());
    if (hits > this.config.WRITE_RATE_LIMIT) throw new DomainError('RATE_LIMITED', 'Too many requests; try again in a minute');
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
