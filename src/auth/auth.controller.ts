import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { toUserResponse, UserResponse } from '../users/dto/user.response.js';
import type { AuthUser } from './auth-user.js';
import { AuthService } from './auth.service.js';
import { Auth, Authenticated } from './authenticated.decorator.js';
import { LoginDto, LoginResponse } from './dto/login.dto.js';
import { ApiError } from '../common/openapi.js';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('auth/login')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponse })
  @ApiError(401, 'Wrong username or password, or an inactive account.')
  @ApiError(429, 'Repeated failed attempts per address and username.')
  @ApiOperation({ summary: 'Log in and get an access token' })
  login(@Body() dto: LoginDto): Promise<LoginResponse> {
    return this.auth.login(dto);
  }

  @Get('me')
  @Authenticated()
  @ApiOkResponse({ type: UserResponse })
  @ApiOperation({ summary: 'The signed-in user' })
  me(@Auth() user: AuthUser): UserResponse {
    // Only active users get past the guard.
    return toUserResponse({ ...user, active: true });
  }
}
