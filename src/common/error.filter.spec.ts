import { describe, expect, it } from '@jest/globals';
import { Logger, type ArgumentsHost } from '@nestjs/common';
import { pino } from 'pino';
import { Writable } from 'node:stream';
import { ErrorFilter } from './error.filter.js';
import { PinoNestLogger } from './logging.js';

function capturedLogLines(): { lines: string[] } {
  const captured = { lines: [] as string[] };
  const sink = new Writable({ write(chunk, _encoding, done) { captured.lines.push(String(chunk)); done(); } });
  Logger.overrideLogger(new PinoNestLogger(pino({ level: 'info' }, sink)));
  return captured;
}

function httpHost(request: object): { host: ArgumentsHost; sent: { status?: number; body?: unknown } } {
  const sent: { status?: number; body?: unknown } = {};
  const response = {
    headersSent: false,
    status(code: number) { sent.status = code; return response; },
    json(body: unknown) { sent.body = body; return response; },
  };
  const host = { switchToHttp: () => ({ getResponse: () => response, getRequest: () => request }) } as unknown as ArgumentsHost;
  return { host, sent };
}

describe('ErrorFilter on an unexpected error', () => {
  it('answers the generic 500 body and logs message, stack and request id, never the request body', async () => {
    const captured = capturedLogLines();
    const { host, sent } = httpHost({ method: 'POST', path: '/api/v1/residents', id: 'req-42', body: { idNumber: '11010519491231002X' } });
    new ErrorFilter().catch(new TypeError('cannot read properties of undefined'), host);
    await new Promise((resolve) => setImmediate(resolve));

    expect(sent).toEqual({ status: 500, body: { statusCode: 500, code: 'INTERNAL_ERROR', message: 'Internal server error', details: [] } });
    expect(captured.lines).toHaveLength(1);
    const entry = JSON.parse(captured.lines[0]);
    expect(entry.msg).toBe('POST /api/v1/residents failed: cannot read properties of undefined');
    expect(entry.requestId).toBe('req-42');
    expect(entry.err).toMatchObject({ name: 'TypeError', message: 'cannot read properties of undefined' });
    expect(entry.err.stack).toMatch(/error\.filter\.spec/);
    expect(captured.lines[0]).not.toContain('11010519491231002X');
  });
});
