import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { isUUID } from 'class-validator';
import { JwtService } from '@nestjs/jwt';
import { DomainError } from '../common/domain-error.js';
import type { AuthUser } from './auth-user.js';
import { ROLES_KEY } from './authenticated.decorator.js';
import { CallerCache } from './caller-cache.js';
import type { Role } from './role.js';
import { VerifiedTokens } from './verified-tokens.js';

interface TokenPayload { sub?: unknown; exp?: unknown }

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly jwt: JwtService,
    private readonly callers: CallerCache,
    private readonly verified: VerifiedTokens,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; user?: AuthUser }>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) {
      throw new DomainError('UNAUTHENTICATED', 'A bearer token is required');
    }
    const userId = await this.verifiedUserId(token);
    // From memory, evicted by the change feed and by UsersService, so that a disabled user or a changed scope takes effect at once.
    const user = await this.callers.findActive(userId);
    if (!user) throw new DomainError('UNAUTHENTICATED', 'The account is disabled or no longer exists');
    request.user = user;

    const roles = this.reflector.get<Role[] | null>(ROLES_KEY, context.getHandler())
      ?? this.reflector.get<Role[] | null>(ROLES_KEY, context.getClass());
    if (roles && !roles.includes(user.role)) {
      throw DomainError.forbidden(`Role ${user.role} may not call this route`);
    }
    return true;
  }

  /** A correctly signed token is still refused unless it names a user id and expires: we issue no other kind. */
  private async verifiedUserId(token: string): Promise<string> {
    const known = this.verified.userIdOf(token);
    if (known !== undefined) return known;
    let payload: TokenPayload;
    try {
      payload = await this.jwt.verifyAsync<TokenPayload>(token);
    } catch {
      throw new DomainError('UNAUTHENTICATED', 'The token is invalid or has expired');
    }
    if (typeof payload.sub !== 'string' || !isUUID(payload.sub) || typeof payload.exp !== 'number') {
      throw new DomainError('UNAUTHENTICATED', 'The token is invalid or has expired');
    }
    this.verified.remember(token, payload.sub, payload.exp);
    return payload.sub;
  }
}
