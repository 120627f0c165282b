import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { toUserResponse, UserResponse } from '../users/dto/user.response.js';
import type { AuthUser } from './auth-user.js';
import { AuthService } from './auth.service.js';
import { Auth, Authenticated } from './authenticated.decorator.js';
import { LoginDto, LoginResponse } from './dto/login.dto.js';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('auth/login')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponse })
  @ApiTooManyRequestsResponse({ description: 'RATE_LIMITED after repeated attempts' })
  login(@Body() dto: LoginDto): Promise<LoginResponse> {
    return this.auth.login(dto);
  }

  @Get('me')
  @Authenticated()
  @ApiOkResponse({ type: UserResponse })
  me(@Auth() user: AuthUser): UserResponse {
    // Only active users get past the guard.
    return toUserResponse({ ...user, active: true });
  }
}
