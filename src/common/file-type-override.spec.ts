import { describe, it, expect } from '@jest/globals';
import { FileTypeValidator } from '@nestjs/common';
import type { IFile } from '@nestjs/common/pipes/file/interfaces/index.js';

/**
 * package.json overrides @nestjs/common's file-type 22 (Node ≥ 22) with 21.x
 * (Node ≥ 20) so `npm ci` is quiet on Node 20; Nest's FileTypeValidator is the
 * code that loads it, so it must still detect types from content with 21.x.
 */
describe('FileTypeValidator with the overridden file-type', () => {
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
  const upload = (buffer: Buffer, mimetype: string) => ({ buffer, mimetype, size: buffer.length }) satisfies IFile;

  it('accepts a PNG by its bytes', async () => {
    await expect(new FileTypeValidator({ fileType: 'image/png' }).isValid(upload(png, 'image/png'))).resolves.toBe(true);
  });

  it('accepts a PDF by its bytes', async () => {
    await expect(new FileTypeValidator({ fileType: 'application/pdf' }).isValid(upload(pdf, 'application/pdf'))).resolves.toBe(true);
  });

  it('rejects a PDF that claims to be a PNG and names the detected type', async () => {
    const validator = new FileTypeValidator({ fileType: 'image/png' });
    const file = upload(pdf, 'image/png');
    await expect(validator.isValid(file)).resolves.toBe(false);
    expect(validator.buildErrorMessage(file)).toContain('application/pdf');
  });
});
