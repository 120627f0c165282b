import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { Auth, Authenticated } from '../auth/authenticated.decorator.js';
import { ApiError } from '../common/openapi.js';
import { LoginDto, LoginResponse } from './dto/sign-in.dto.js';
import { toUserResponse, UserResponse } from './dto/user.response.js';
import { SignInService } from './sign-in.service.js';

@ApiTags('auth')
@Controller()
export class SignInController {
  constructor(private readonly signIn: SignInService) {}

  @Post('auth/login')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponse })
  @ApiError(401, 'Wrong username or password, or an inactive account.')
  @ApiError(429, 'Too many failed logins in a minute for this account (LOGIN_RATE_LIMIT) or from this address (LOGIN_ADDRESS_RATE_LIMIT).')
  @ApiOperation({ summary: 'Log in and get an access token' })
  login(@Body() dto: LoginDto, @Ip() address: string): Promise<LoginResponse> {
    return this.signIn.login(dto, address);
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
