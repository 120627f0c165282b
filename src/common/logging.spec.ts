import { describe, expect, it } from '@jest/globals';
import { pino } from 'pino';
import { Writable } from 'node:stream';
import { PinoNestLogger } from './logging.js';

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
