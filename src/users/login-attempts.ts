import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { RateLimitRepository } from '../auth/rate-limit.repository.js';
import { DomainError } from '../common/domain-error.js';
import { AppConfig } from '../config/config.js';
import { Database } from '../database/database.js';

const WINDOW_SECONDS = 60;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The counters one login attempt is charged to. */
export interface LoginAttempt {
  keys: string[];
}

/**
 * Failed logins per minute, per account across all addresses (many
 * addresses guessing one password) and per address across all usernames
 * (one address spraying many). Every attempt is charged before the password
 * is checked, so a burst of parallel attempts gets no more tries than the
 * limit, and a successful one is taken back: only failures count.
 */
@Injectable()
export class LoginAttempts {
  constructor(
    private readonly counters: RateLimitRepository,
    private readonly db: Database,
    private readonly config: AppConfig,
  ) {}

  /** `username` in its normal form, `address` as Express resolved it (TRUST_PROXY). */
  async charge(username: string, address: string): Promise<LoginAttempt> {
    const keys = [sha256(`login-account|${username}`), sha256(`login-address|${address.replace(/^::ffff:/, '')}`)];
    const [accountFailures, addressFailures] = await this.counters.hitEach(this.db.manager, keys, WINDOW_SECONDS);
    if (accountFailures > this.config.LOGIN_RATE_LIMIT || addressFailures > this.config.LOGIN_ADDRESS_RATE_LIMIT) {
      throw new DomainError('RATE_LIMITED', 'Too many failed logins; try again in a minute');
    }
    return { keys };
  }

  async succeeded(attempt: LoginAttempt): Promise<void> {
    await this.counters.takeBack(this.db.manager, attempt.keys, WINDOW_SECONDS);
  }
}
