import { describe, it, expect } from '@jest/globals';
import { cleanOriginalFileName, documentFileName, sniffDocumentType } from './document-content.js';

describe('sniffDocumentType', () => {
  it.each([
    ['a PDF', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'application/pdf'],
    ['a JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]), 'image/jpeg'],
    ['a PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]), 'image/png'],
  ])('recognises %s', (_name, content, mimeType) => {
    expect(sniffDocumentType(content)).toBe(mimeType);
  });

  it.each([
    ['plain text', Buffer.from('这不是PDF, just text pretending to be one')],
    ['the word PDF not at the start', Buffer.from(' %PDF-1.7')],
    ['a lower-case pdf marker', Buffer.from('%pdf-1.7')],
    ['a GIF', Buffer.from('GIF89a\x01\x00\x01\x00')],
    ['a ZIP (docx, xlsx)', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00])],
    ['a PNG signature cut short', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a])],
    ['only the magic bytes', Buffer.from('%PDF-')],
    ['an empty file', Buffer.alloc(0)],
  ])('rejects %s', (_name, content) => {
    expect(sniffDocumentType(content)).toBeNull();
  });
});

describe('documentFileName', () => {
  it.each([
    ['a PDF', 'fire_certificate', 1, 'application/pdf', '350205-2026-000123-fire_certificate-01.pdf'],
    ['a JPEG', 'photo', 2, 'image/jpeg', '350205-2026-000123-photo-02.jpg'],
    ['the hundredth PNG', 'photo', 100, 'image/png', '350205-2026-000123-photo-100.png'],
  ] as const)('names %s from the claim number, type, sequence and detected type', (_name, type, seq, mimeType, fileName) => {
    expect(documentFileName('350205-2026-000123', type, seq, mimeType)).toBe(fileName);
  });
});

describe('cleanOriginalFileName', () => {
  it.each([
    ['a Chinese name', '火灾事故认定书.pdf', '火灾事故认定书.pdf'],
    ['a Windows path', 'C:\\Users\\chen\\报警回执.jpg', '报警回执.jpg'],
    ['a path traversal', '../../etc/passwd', 'passwd'],
    ['control characters', 'a\u0000b\nc.png', 'abc.png'],
    ['an empty name', '', null],
    ['only dots', '..', null],
  ])('cleans %s', (_name, original, cleaned) => {
    expect(cleanOriginalFileName(original)).toBe(cleaned);
  });

  it('keeps at most 255 characters, counting a character outside the BMP as one', () => {
    expect([...(cleanOriginalFileName('𠮷'.repeat(300)) ?? '')]).toHaveLength(255);
  });
});
