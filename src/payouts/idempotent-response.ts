import type { Response } from 'express';
import type { IdempotentResponse } from './idempotency.service.js';

/** Sends a stored response exactly as first sent, marking a replay the way common payment APIs do. */
export function sendIdempotent<T>(res: Response, response: IdempotentResponse<T>): T {
  res.status(response.status);
  if (response.replayed) res.setHeader('Idempotent-Replayed', 'true');
  return response.body;
}
