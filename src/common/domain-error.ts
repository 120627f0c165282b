export type ErrorCode =
  | 'VALIDATION_FAILED' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND'
  | 'INVALID_TRANSITION' | 'CONFLICT' | 'IDEMPOTENCY_CONFLICT' | 'RULE_VIOLATION'
  | 'PAYLOAD_TOO_LARGE' | 'RATE_LIMITED' | 'INTERNAL_ERROR' | 'SERVICE_UNAVAILABLE';

export interface ErrorDetail {
  field: string;
  message: string;
  [extra: string]: unknown;
}

/** What services throw; the global filter turns it into the API.md error body. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }

  static notFound(what: string): DomainError {
    return new DomainError('NOT_FOUND', `${what} not found`);
  }

  static validation(field: string, message: string): DomainError {
    return new DomainError('VALIDATION_FAILED', 'Validation failed', [{ field, message }]);
  }

  static conflict(message: string, details: ErrorDetail[] = []): DomainError {
    return new DomainError('CONFLICT', message, details);
  }

  /** A business rule said no; the rule's name goes in details[0].field. */
  static rule(rule: string, message: string, extra: Record<string, unknown> = {}): DomainError {
    return new DomainError('RULE_VIOLATION', message, [{ field: rule, message, ...extra }]);
  }

  /** The claim's state does not allow what was asked (409, with the current state in details). */
  static invalidTransition(currentStatus: string, message: string): DomainError {
    return new DomainError('INVALID_TRANSITION', message, [
      { field: 'status', message: `current state is ${currentStatus}`, currentStatus },
    ]);
  }

  static forbidden(message = 'Your role may not do this'): DomainError {
    return new DomainError('FORBIDDEN', message);
  }
}

export const HTTP_STATUS_OF: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_TRANSITION: 409,
  CONFLICT: 409,
  IDEMPOTENCY_CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RULE_VIOLATION: 422,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
};
