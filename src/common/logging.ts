import type { LoggerService } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pino, type Logger } from 'pino';

/**
 * Through process.stdout, which Node writes synchronously to files and (on Linux)
 * pipes: the lines stay in order with the start-up banner printed after them.
 */
export function createLogger(level: string): Logger {
  return pino(
    { level, base: { service: 'zongzhi-claims' }, redact: ['req.headers.authorization', 'req.headers.cookie'] },
    process.stdout,
  );
}

/** What Express adds to a request that the access log reads. */
type LoggedRequest = IncomingMessage & { id?: string };

/**
 * JSON access log with a request id (taken from X-Request-Id when sane, else
 * new), one line a response when it closes: `req` (id, method, path without
 * the query), `res` (status), `responseTime`; a 5xx as "request errored" with
 * an `err`. Bodies are never logged: they carry PII. The line pino-http wrote,
 * without its two child loggers a request (nobody here logs through `req.log`).
 */
export function requestLogger(logger: Logger) {
  // The line holds no headers, so the redaction of the authorization and cookie headers has nothing to do
  // in it, yet it cloned every line's \`req\` to look (1-1.6% of a read's CPU): the same logger, without it.
  const access = logger.child({}, { redact: [] });
  return (req: LoggedRequest, res: ServerResponse, next: () => void): void => {
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && /^[\w-]{1,100}$/.test(incoming) ? incoming : randomUUID();
    req.id = id;
    res.setHeader('x-request-id', id);
    const url = req.url ?? '';
    if (url.startsWith('/health') || !logger.isLevelEnabled('info')) return next();
    const startedAt = Date.now();
    // 'close' comes once for every response: after it is sent, or when the client went away first.
    res.once('close', () => {
      const entry = {
        req: { id, method: req.method, url: url.split('?')[0] },
        res: { statusCode: res.statusCode },
        responseTime: Date.now() - startedAt,
      };
      if (res.statusCode >= 500) access.info({ ...entry, err: new Error(`failed with status code ${res.statusCode}`) }, 'request errored');
      else access.info(entry, 'request completed');
    });
    next();
  };
}

/**
 * Routes Nest's own log lines (start-up, errors) through the same pino logger.
 * Route mapping is debug detail: start-up ends with the banner instead. Nest's
 * per-controller lines are dropped, as they print the global prefix even for
 * the routes excluded from it (/health); the per-route lines are right.
 */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string) {
    if (context === 'RoutesResolver') return;
    if (context === 'RouterExplorer') this.logger.debug({ context }, String(message));
    else this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    if (message instanceof Error) this.logger.error({ context, err: message }, message.message);
    // Structured entries (the error filter's) keep their fields instead of becoming "[object Object]".
    else if (typeof message === 'object' && message !== null) this.logger.error({ context, trace, ...message });
    else this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) { this.logger.warn({ context }, String(message)); }
  debug(message: unknown, context?: string) { this.logger.debug({ context }, String(message)); }
  verbose(message: unknown, context?: string) { this.logger.trace({ context }, String(message)); }
}
