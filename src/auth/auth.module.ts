import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '../config/config.js';
import { AuthGuard } from './auth.guard.js';
import { CallerRepository } from './caller.repository.js';
import { RateLimitRepository } from './rate-limit.repository.js';

/**
 * Who is calling: the token, the guard behind @Authenticated and the rate
 * limits. Global so that every module's routes can use @Authenticated without
 * importing anything. Signing in lives with the accounts, in users/.
 */
@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: config.JWT_SECRET,
        signOptions: { expiresIn: config.JWT_TTL_SECONDS, algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  providers: [AuthGuard, CallerRepository, RateLimitRepository],
  exports: [JwtModule, AuthGuard, CallerRepository, RateLimitRepository],
})
export class AuthModule {}
