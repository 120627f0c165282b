import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { conflictOf, unavailableOf } from './database-errors.js';
import { DomainError, ErrorCode, ErrorDetail, HTTP_STATUS_OF } from './domain-error.js';

interface ErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  details: ErrorDetail[];
}

const CODE_OF_STATUS: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED', 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND',
  409: 'CONFLICT', 413: 'PAYLOAD_TOO_LARGE', 422: 'RULE_VIOLATION', 429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

/** The one place where errors become HTTP responses: the API.md body, never a stack trace. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) this.logCause(exception, http.getRequest<Request & { id?: unknown }>(), body.statusCode);
    if (response.headersSent) return;
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    // Express hands body-parser errors over as HttpExceptions with the original as the cause.
    const parserError = isBodyParserError(exception) ? exception : exception instanceof Error && isBodyParserError(exception.cause) ? exception.cause : null;
    if (parserError) {
      if (parserError.type === 'entity.too.large') {
        return { statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: 'Request body is too large', details: [] };
      }
      const problem = parserError.type === 'entity.too.deep' ? parserError.message : 'malformed JSON';
      return { statusCode: 400, code: 'VALIDATION_FAILED', message: 'Request body is not valid JSON', details: [{ field: 'body', message: problem }] };
    }
    // The router could not percent-decode a path segment (`%zz`, a cut UTF-8 sequence).
    if (exception instanceof URIError || (exception instanceof Error && exception.cause instanceof URIError)) {
      return { statusCode: 400, code: 'VALIDATION_FAILED', message: 'Validation failed', details: [{ field: 'path', message: 'path is not valid percent-encoded UTF-8' }] };
    }
    const domainError = exception instanceof DomainError ? exception : conflictOf(exception) ?? unavailableOf(exception);
    if (domainError) {
      return { statusCode: HTTP_STATUS_OF[domainError.code], code: domainError.code, message: domainError.message, details: domainError.details };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const payload = exception.getResponse();
      const fromPayload = typeof payload === 'object' && payload !== null ? (payload as Partial<ErrorBody>) : {};
      const message = typeof fromPayload.message === 'string' ? fromPayload.message : exception.message;
      return {
        statusCode: status,
        code: fromPayload.code ?? CODE_OF_STATUS[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'VALIDATION_FAILED'),
        message,
        details: Array.isArray(fromPayload.details) ? fromPayload.details : status === 400 ? [{ field: fieldOf(exception.cause), message }] : [],
      };
    }
    return { statusCode: 500, code: 'INTERNAL_ERROR', message: 'Internal server error', details: [] };
  }

  /** What an operator needs to find the cause: message, stack and request id. Never the body: it carries PII. */
  private logCause(exception: unknown, request: Request & { id?: unknown }, statusCode: number): void {
    const error = exception instanceof Error ? exception : new Error(String(exception));
    this.logger.error({
      msg: `${request.method} ${request.path} failed: ${error.message}`,
      requestId: request.id,
      statusCode,
      err: { name: error.name, message: error.message, stack: error.stack },
    });
  }
}

/** A 400 from the HTTP stack names what it refused: the form field multer names, else the body. */
function fieldOf(cause: unknown): string {
  const field = (cause as { field?: unknown } | undefined)?.field;
  return typeof field === 'string' && field ? field : 'body';
}

function isBodyParserError(e: unknown): e is { type: string; status: number; message: string } {
  return typeof e === 'object' && e !== null && typeof (e as { type?: unknown }).type === 'string'
    && typeof (e as { status?: unknown }).status === 'number';
}
