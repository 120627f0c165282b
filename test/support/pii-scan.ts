/**
 * The PII scan: every response the in-process test app sends (createTestApp)
 * is read for an unmasked ID number, mobile phone or bank account number, and
 * the test file fails at `close()` naming each request that leaked one. Only
 * `POST /residents/:id/reveal` may answer with the plaintext, and the OpenAPI
 * document under /docs has made-up examples of each. Binary bodies
 * (PDF, XLSX, images) are compressed or not text, so only JSON and text are read.
 */
import type { NextFunction, Request, Response } from 'express';
import { idNumberCheckCharacter } from '../../src/common/id-number.js';

export type PiiKind = 'ID number' | 'phone number' | 'account number';

export interface PiiFinding {
  kind: PiiKind;
  value: string;
}

// A run of digits not part of a longer word: hashes, UUIDs and codes such as J350205… are letters and digits together.
const DIGIT_RUN = /(?<![0-9A-Za-z])\d{11,19}[Xx]?(?![0-9A-Za-z])/g;
const MOBILE = /^1[3-9]\d{9}$/;
const ID_NUMBER = /^\d{17}[\dXx]$/;
const ACCOUNT = /^\d{16,19}$/;

/** Unmasked PII in a text: 18-character ID numbers with a valid check character, mainland mobile numbers, 16–19 digit account numbers. */
export function findUnmaskedPii(text: string): PiiFinding[] {
  const findings: PiiFinding[] = [];
  for (const [value] of text.matchAll(DIGIT_RUN)) {
    if (ID_NUMBER.test(value) && idNumberCheckCharacter(value.slice(0, 17)) === value[17].toUpperCase()) {
      findings.push({ kind: 'ID number', value });
    } else if (MOBILE.test(value)) {
      findings.push({ kind: 'phone number', value });
    } else if (ACCOUNT.test(value)) {
      findings.push({ kind: 'account number', value });
    }
  }
  return findings;
}

const REVEAL = /^\/api\/v1\/residents\/[^/]+\/reveal\/?$/;
const DOCS = /^\/docs([-/]|$)/;
/** The console's built bundle (code, e.g. pdf.js's number constants, never data). */
const ASSETS = /^\/assets\//;
const TEXT_BODY = /^(application\/(json|problem\+json)|text\/)/;

export interface PiiLeak {
  request: string;
  findings: PiiFinding[];
}

/** Express middleware that records the leaks of every response; read `leaks` when the app is done. */
export function piiRecorder(): { middleware: (req: Request, res: Response, next: NextFunction) => void; leaks: PiiLeak[] } {
  const leaks: PiiLeak[] = [];
  const middleware = (req: Request, res: Response, next: NextFunction): void => {
    const chunks: Buffer[] = [];
    const collect = (chunk: unknown, encoding?: unknown) => {
      if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') {
        chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, typeof encoding === 'string' ? encoding as BufferEncoding : 'utf8'));
      }
    };
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    res.write = ((...args: unknown[]) => { collect(args[0], args[1]); return write(...args); }) as Response['write'];
    res.end = ((...args: unknown[]) => {
      collect(args[0], args[1]);
      const path = req.originalUrl.split('?')[0];
      const type = String(res.getHeader('content-type') ?? '');
      if (!(req.method === 'POST' && REVEAL.test(path)) && !DOCS.test(path) && !ASSETS.test(path) && TEXT_BODY.test(type)) {
        const findings = findUnmaskedPii(Buffer.concat(chunks).toString('utf8'));
        if (findings.length > 0) leaks.push({ request: `${req.method} ${req.originalUrl} → ${res.statusCode}`, findings });
      }
      return end(...args);
    }) as Response['end'];
    next();
  };
  return { middleware, leaks };
}

/** The error a test file fails with when its app leaked PII. */
export function piiLeakError(leaks: readonly PiiLeak[]): Error {
  const lines = leaks.map((leak) => `  ${leak.request}: ${leak.findings.map((f) => `${f.kind} ${f.value}`).join(', ')}`);
  return new Error(`Unmasked PII in ${leaks.length} response(s) outside /reveal:\n${lines.join('\n')}`);
}
