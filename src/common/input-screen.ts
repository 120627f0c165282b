import type { NextFunction, Request, Response } from 'express';
import { DomainError } from './domain-error.js';

/** Deeper JSON than any request of the API needs; far below what would stall the validator. */
export const MAX_JSON_DEPTH = 32;

const OPEN_OBJECT = 0x7b, OPEN_ARRAY = 0x5b, CLOSE_OBJECT = 0x7d, CLOSE_ARRAY = 0x5d, QUOTE = 0x22, BACKSLASH = 0x5c;

/**
 * Whether raw JSON nests deeper than `max`, found in one pass over the bytes
 * before anything is parsed. UTF-8 never uses these ASCII bytes inside a
 * multi-byte character, so a byte scan is exact.
 */
export function jsonNestsDeeperThan(raw: Uint8Array, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < raw.length; i++) {
    const byte = raw[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      if (++depth > max) return true;
    } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
      depth--;
    }
  }
  return false;
}

/** body-parser `verify` hook: refuses over-deep JSON with 400 before it is parsed. */
export function verifyJsonDepth(_req: unknown, _res: unknown, raw: Buffer): void {
  if (jsonNestsDeeperThan(raw, MAX_JSON_DEPTH)) {
    throw Object.assign(new Error(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`), { status: 400, type: 'entity.too.deep' });
  }
}

// NUL and unpaired UTF-16 surrogates: PostgreSQL text cannot hold them.
const UNSTORABLE_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The path (`payee.accountName`, `coverages.0.eventType`) of the first string PostgreSQL could not store, if any. */
export function unstorableTextField(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return UNSTORABLE_TEXT.test(value) ? path || 'body' : null;
  if (typeof value !== 'object' || value === null) return null;
  for (const [key, child] of Object.entries(value)) {
    const found = unstorableTextField(child, path ? `${path}.${key}` : key);
    if (found) return found;
  }
  return null;
}

/**
 * Express middleware, after the body parser: a NUL or a lone surrogate
 * anywhere in the path, the query or the body is a 400 naming the field,
 * whichever route and DTO the request is for. Only what the request has is
 * looked at: a URL without `%` carries neither (Node refuses a raw NUL in it
 * and reads its other bytes as Latin-1), and Express parses the query anew on
 * every `req.query`.
 */
export function refuseUnstorableText(req: Request, _res: Response, next: NextFunction): void {
  const url = req.url;
  const field = (url.includes('%') ? unstorableTextField(safeDecode(req.path), 'path') : null)
    ?? (url.includes('?') ? unstorableTextField(req.query) : null)
    ?? unstorableTextField(req.body);
  next(field ? DomainError.validation(field, 'must not contain NUL characters or unpaired surrogates') : undefined);
}

type Middleware = (req: Request, res: Response, next: NextFunction) => void;

/**
 * A body parser only for a request with a body it could parse, as
 * body-parser itself decides it (a content type, and a transfer encoding or a
 * content length), so a GET passes by without its bookkeeping. The gate keeps
 * the parser's name: by it Nest sees that a parser is installed and adds none
 * of its own.
 */
export function whenBodied(parser: Middleware): Middleware {
  const gate: Middleware = (req, res, next) => {
    const { 'content-type': type, 'transfer-encoding': chunked, 'content-length': length } = req.headers;
    if (type === undefined || (chunked === undefined && Number.isNaN(Number(length)))) next();
    else parser(req, res, next);
  };
  return Object.defineProperty(gate, 'name', { value: parser.name });
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
