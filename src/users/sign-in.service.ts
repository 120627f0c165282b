import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '../config/config.js';
import { DomainError } from '../common/domain-error.js';
import { Database } from '../database/database.js';
import type { LoginDto, LoginResponse } from './dto/sign-in.dto.js';
import { toUserResponse } from './dto/user.response.js';
import { LoginAttempts } from './login-attempts.js';
import { PasswordHasher } from './password-hasher.js';
import { isSafeUsername, normaliseUsername } from './username.js';
import { UsersRepository } from './users.repository.js';

/** Signing in: the password check and the token, where the accounts and their passwords live. */
@Injectable()
export class SignInService {
  constructor(
    private readonly db: Database,
    private readonly users: UsersRepository,
    private readonly passwords: PasswordHasher,
    private readonly attempts: LoginAttempts,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  async login(dto: LoginDto, address: string): Promise<LoginResponse> {
    const username = normaliseUsername(dto.username);
    const attempt = await this.attempts.charge(username, address);
    // No stored username is outside the safe set, so such a name is no account.
    const user = isSafeUsername(username) ? await this.users.findByUsername(this.db.manager, username) : null;
    // Verify against a dummy hash for unknown users so timing does not reveal which usernames exist.
    const valid = await this.passwords.verify(user?.passwordHash, dto.password);
    if (!user || !valid || !user.active) {
      throw new DomainError('UNAUTHENTICATED', 'Wrong username or password');
    }
    await this.attempts.succeeded(attempt);
    const accessToken = await this.jwt.signAsync({ sub: user.id, role: user.role });
    return { accessToken, expiresIn: this.config.JWT_TTL_SECONDS, user: toUserResponse(user) };
  }
}
