import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { ApiError, ApiErrors } from '../common/openapi.js';
import type { AuthUser } from './auth-user.js';
import { AuthGuard } from './auth.guard.js';
import type { Role } from './role.js';

export const ROLES_KEY = 'zz:roles';

/** Requires a valid token; with `roles`, only those roles may call the route (others get 403). */
export function Authenticated(options: { roles?: readonly Role[] } = {}) {
  return applyDecorators(
    SetMetadata(ROLES_KEY, options.roles ?? null),
    UseGuards(AuthGuard),
    ApiBearerAuth(),
    ApiErrors(401),
    ...(options.roles ? [ApiError(403, `Only for ${options.roles.join(', ')}.`)] : []),
  );
}

export const Auth = createParamDecorator((_: unknown, context: ExecutionContext): AuthUser => {
  return context.switchToHttp().getRequest<{ user: AuthUser }>().user;
});
