import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { AppConfig } from '../config/config.js';
import { DomainError } from '../common/domain-error.js';

interface LimitedRequest {
  method: string;
  path: string;
  ip?: string;
  body?: { username?: unknown };
  headers: Record<string, string | undefined>;
}

const WINDOW_MS = 60_000;

/**
 * Fixed one-minute windows: login attempts per address and username, writes
 * per caller. Counters live in this process; behind several instances each
 * enforces its own share, which is enough to stop password guessing.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly hits = new Map<string, { windowStart: number; count: number }>();

  constructor(private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<LimitedRequest>();
    if (request.method === 'GET' || request.method === 'HEAD') return true;
    const isLogin = request.path.endsWith('/auth/login');
    const key = isLogin
      ? `login|${request.ip}|${typeof request.body?.username === 'string' ? request.body.username.toLowerCase() : ''}`
      : `write|${request.ip}|${createHash('sha256').update(request.headers.authorization ?? '').digest('hex').slice(0, 16)}`;
    const limit = isLogin ? this.config.LOGIN_RATE_LIMIT : this.config.WRITE_RATE_LIMIT;
    if (this.hit(key, Date.now()) > limit) {
      throw new DomainError('RATE_LIMITED', 'Too many requests; try again in a minute');
    }
    return true;
  }

  private hit(key: string, now: number): number {
    if (this.hits.size > 100_000) this.evictExpired(now);
    const entry = this.hits.get(key);
    if (!entry || now - entry.windowStart >= WINDOW_MS) {
      this.hits.set(key, { windowStart: now, count: 1 });
      return 1;
    }
    entry.count += 1;
    return entry.count;
  }

  private evictExpired(now: number): void {
    for (const [key, entry] of this.hits) {
      if (now - entry.windowStart >= WINDOW_MS) this.hits.delete(key);
    }
  }
}
