import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { AppConfig } from '../config/config.js';
import { AuthGuard } from './auth.guard.js';
import { CallerCache } from './caller-cache.js';
import { CallerRepository } from './caller.repository.js';
import { RateLimitRepository } from './rate-limit.repository.js';
import { VerifiedTokens } from './verified-tokens.js';

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
        // A key object, made once: given the string, jsonwebtoken tries it as a public key (and throws) and
        // then makes a secret key from it on every sign and verify, which was 5% of the app's CPU under load.
        secret: createSecretKey(Buffer.from(config.JWT_SECRET, 'utf8')),
        signOptions: { expiresIn: config.JWT_TTL_SECONDS, algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  providers: [AuthGuard, CallerCache, CallerRepository, RateLimitRepository, VerifiedTokens],
  exports: [JwtModule, AuthGuard, CallerCache, CallerRepository, RateLimitRepository, VerifiedTokens],
})
export class AuthModule {}
