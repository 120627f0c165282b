import { describe, expect, it } from '@jest/globals';
import { pino } from 'pino';
import { Writable } from 'node:stream';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PinoNestLogger, requestLogger } from './logging.js';

function nestLoggerAt(level: string): { logger: PinoNestLogger; messages: () => string[] } {
  const lines: string[] = [];
  const sink = new Writable({ write(chunk, _encoding, done) { lines.push(String(chunk)); done(); } });
  return { logger: new PinoNestLogger(pino({ level }, sink)), messages: () => lines.map((l) => (JSON.parse(l) as { msg: string }).msg) };
}

describe('PinoNestLogger at start-up', () => {
  const startup = (logger: PinoNestLogger) => {
    logger.log('HealthController {/api/v1/health}:', 'RoutesResolver');
    logger.log('Mapped {/health, GET} route', 'RouterExplorer');
    logger.log('Nest application successfully started', 'NestApplication');
  };

  it('keeps the route mapping out of the info log', () => {
    const { logger, messages } = nestLoggerAt('info');
    startup(logger);
    expect(messages()).toEqual(['Nest application successfully started']);
  });

  it('logs the routes at debug, without the controller lines that misprint excluded paths', () => {
    const { logger, messages } = nestLoggerAt('debug');
    startup(logger);
    expect(messages()).toEqual(['Mapped {/health, GET} route', 'Nest application successfully started']);
  });
});

describe('requestLogger', () => {
  /** A server answering `status` behind the access log, and the lines the log wrote. */
  async function serve(status: number, options: pino.LoggerOptions = { level: 'info' }): Promise<{ server: Server; url: string; lines: () => Record<string, unknown>[] }> {
    const lines: string[] = [];
    const sink = new Writable({ write(chunk, _encoding, done) { lines.push(String(chunk)); done(); } });
    const log = requestLogger(pino(options, sink));
    const server = createServer((req, res) => log(req, res, () => { res.statusCode = status; res.end('{}'); }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, lines: () => lines.map((l) => JSON.parse(l)) };
  }
  const settled = () => new Promise((resolve) => setTimeout(resolve, 20));

  it('logs one line a response: id, method, path without its query, status, time; keeps a sane X-Request-Id', async () => {
    const { server, url, lines } = await serve(200);
    try {
      const res = await fetch(`${url}/api/v1/claims?q=secret`, { headers: { 'x-request-id': 'trace-1' } });
      expect(res.headers.get('x-request-id')).toBe('trace-1');
      const odd = await fetch(`${url}/api/v1/me`, { headers: { 'x-request-id': 'no spaces allowed' } });
      expect(odd.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      await fetch(`${url}/health/ready`);
      await settled();
      expect(lines()).toEqual([
        expect.objectContaining({ msg: 'request completed', req: { id: 'trace-1', method: 'GET', url: '/api/v1/claims' }, res: { statusCode: 200 }, responseTime: expect.any(Number) }),
        expect.objectContaining({ msg: 'request completed', req: expect.objectContaining({ url: '/api/v1/me' }) }),
      ]);
    } finally {
      server.close();
    }
  });

  it('writes the line the app logger would, its base fields first, though it skips the redaction', async () => {
    const { server, url, lines } = await serve(200, { level: 'info', base: { service: 'zongzhi-claims' }, redact: ['req.headers.authorization'] });
    try {
      await fetch(`${url}/api/v1/me`, { headers: { authorization: 'Bearer secret', 'x-request-id': 'trace-2' } });
      await settled();
      expect(lines().map((line) => Object.keys(line))).toEqual([['level', 'time', 'service', 'req', 'res', 'responseTime', 'msg']]);
      expect(lines()[0]).toMatchObject({ level: 30, service: 'zongzhi-claims', req: { id: 'trace-2', method: 'GET', url: '/api/v1/me' } });
    } finally {
      server.close();
    }
  });

  it('says a 5xx errored, with an err', async () => {
    const { server, url, lines } = await serve(503);
    try {
      await fetch(`${url}/api/v1/me`);
      await settled();
      expect(lines()).toEqual([expect.objectContaining({ msg: 'request errored', res: { statusCode: 503 }, err: expect.objectContaining({ message: 'failed with status code 503' }) })]);
    } finally {
      server.close();
    }
  });
});
