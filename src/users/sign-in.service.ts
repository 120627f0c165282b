import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '../config/config.js';
import { DomainError } from '../common/domain-error.js';
import { Database } from '../database/database.js';
import type { LoginDto, LoginResponse } from './dto/sign-in.dto.js';
import { toUserResponse } from './dto/user.response.js';
import { PasswordHasher } from './password-hasher.js';
import { UsersRepository } from './users.repository.js';

@Injectable()
/** Signing in: the password check and the token, where the accounts and their passwords live. */
export class SignInService {
  constructor(
    private readonly db: Database,
    private readonly users: UsersRepository,
    private readonly passwords: PasswordHasher,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  async login(dto: LoginDto): Promise<LoginResponse> {
    const user = await this.users.findByUsername(this.db.manager, dto.username);
    // Verify against a dummy hash for unknown users so timing does not reveal which usernames exist.
    const valid = await this.passwords.verify(user?.passwordHash, dto.password);
    if (!user || !valid || !user.active) {
      throw new DomainError('UNAUTHENTICATED', 'Wrong username or password');
    }
    const accessToken = await this.jwt.signAsync({ sub: user.id, role: user.role });
    return { accessToken, expiresIn: this.config.JWT_TTL_SECONDS, user: toUserResponse(user) };
  }
}
