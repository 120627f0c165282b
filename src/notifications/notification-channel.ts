import { Logger } from '@nestjs/common';
import { maskPhone } from '../common/masking.js';

/** One message to one phone; the key stays the same on every attempt, so a provider that honours it sends it once. */
export interface OutgoingMessage {
  idempotencyKey: string;
  to: string;
  text: string;
}

/** Where messages go: an SMS provider, or the log in development. */
export interface NotificationChannel {
  readonly name: 'sms' | 'log';
  send(message: OutgoingMessage): Promise<void>;
}

export const NOTIFICATION_CHANNEL = Symbol('NotificationChannel');

/** Development: each message to the log, the phone masked. */
export class LogChannel implements NotificationChannel {
  readonly name = 'log';
  private readonly logger = new Logger('Notifications');

  async send(message: OutgoingMessage): Promise<void> {
    this.logger.log(`SMS to ${maskPhone(message.to)} [${message.idempotencyKey}]: ${message.text}`);
  }
}

const SEND_TIMEOUT_MS = 10_000;

/**
 * An SMS gateway over HTTP: POST {to, text} as JSON with the key in an
 * Idempotency-Key header and the account key as a bearer token. Anything but
 * a 2xx (or no answer in ten seconds) is a failed attempt, retried later.
 */
export class HttpSmsChannel implements NotificationChannel {
  readonly name = 'sms';

  constructor(private readonly url: string, private readonly apiKey: string) {}

  async send(message: OutgoingMessage): Promise<void> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.apiKey}`, 'idempotency-key': message.idempotencyKey },
      body: JSON.stringify({ to: message.to, text: message.text }),
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`SMS provider answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
  }
}
