import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { DomainError } from '../common/domain-error.js';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
const MAX_KEY_LENGTH = 200;
const VISIBLE_ASCII = /^[\x21-\x7e]+$/;

/** The request's Idempotency-Key header: required, 1–200 visible ASCII characters (a UUID fits). */
export const IdempotencyKey = createParamDecorator((_: unknown, context: ExecutionContext): string => {
  const value = context.switchToHttp().getRequest<{ headers: Record<string, string | string[] | undefined> }>()
    .headers[IDEMPOTENCY_KEY_HEADER.toLowerCase()];
  if (typeof value !== 'string' || value === '') {
    throw DomainError.validation(IDEMPOTENCY_KEY_HEADER, 'the Idempotency-Key header is required');
  }
  if (value.length > MAX_KEY_LENGTH || !VISIBLE_ASCII.test(value)) {
    throw DomainError.validation(IDEMPOTENCY_KEY_HEADER, `the Idempotency-Key header must be 1-${MAX_KEY_LENGTH} visible ASCII characters`);
  }
  return value;
});
