import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '../config/config.js';
import { DomainError } from '../common/domain-error.js';
import { Database } from '../database/database.js';
import { PasswordHasher } from '../users/password-hasher.js';
import { toUserResponse } from '../users/dto/user.response.js';
import { UsersRepository } from '../users/users.repository.js';
import type { LoginDto, LoginResponse } from './dto/login.dto.js';

@Injectable()
export class AuthService {
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
