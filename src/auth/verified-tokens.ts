import { Injectable } from '@nestjs/common';

/**
 * Tokens whose signature has been checked, with the user id they name, until
 * they expire: the same token comes with every request of a session, and
 * checking its HMAC each time was about 5% of a claim read's CPU. Keyed by the
 * whole token string, so only a byte-identical token is answered from here; a
 * token is good until its `exp` second, as jsonwebtoken's own check says
 * (no clock tolerance). This says only who the token names: the guard still
 * looks the caller up every request, so a disabled account is refused at once.
 */
@Injectable()
export class VerifiedTokens {
  private readonly entries = new Map<string, { userId: string; expiresAtMs: number }>();
  /** One instance for the process (AuthModule's), whichever module's routes the guard runs for. */
  maxEntries = 10_000;

  /** The user id of a verified token that has not expired by `nowMs`, else undefined. */
  userIdOf(token: string, nowMs = Date.now()): string | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (nowMs < entry.expiresAtMs) return entry.userId;
    this.entries.delete(token);
    return undefined;
  }

  /** After the signature and the claims were checked; `exp` in seconds, as in the token. */
  remember(token: string, userId: string, exp: number): void {
    if (this.entries.size >= this.maxEntries) {
      // The oldest remembered token goes first (a Map keeps insertion order).
      this.entries.delete(this.entries.keys().next().value!);
    }
    this.entries.set(token, { userId, expiresAtMs: exp * 1000 });
  }
}
