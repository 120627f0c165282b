import { describe, it, expect } from '@jest/globals';
import { attachmentDisposition, cleanFileName, sniffDocumentType } from './document-content.js';

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

describe('cleanFileName', () => {
  it.each([
    ['a Chinese name', '火灾事故认定书.pdf', '火灾事故认定书.pdf'],
    ['a Windows path', 'C:\\Users\\chen\\报警回执.jpg', '报警回执.jpg'],
    ['a path traversal', '../../etc/passwd', 'passwd'],
    ['control characters', 'a\u0000b\nc.png', 'abc.png'],
    ['an empty name', '', 'document.pdf'],
    ['only dots', '..', 'document.pdf'],
  ])('cleans %s', (_name, original, cleaned) => {
    expect(cleanFileName(original, 'application/pdf')).toBe(cleaned);
  });

  it('keeps at most 255 characters, counting a character outside the BMP as one', () => {
    expect([...cleanFileName('𠮷'.repeat(300), 'image/png')]).toHaveLength(255);
  });
});

describe('attachmentDisposition', () => {
  it('gives an ASCII fallback and the UTF-8 name per RFC 5987', () => {
    expect(attachmentDisposition('火灾认定书.pdf')).toBe(
      "attachment; filename=\"_____.pdf\"; filename*=UTF-8''%E7%81%AB%E7%81%BE%E8%AE%A4%E5%AE%9A%E4%B9%A6.pdf",
    );
  });

  it('escapes quotes and the characters RFC 5987 reserves', () => {
    expect(attachmentDisposition("it's \"a\" (copy)*.png")).toBe(
      "attachment; filename=\"it's _a_ (copy)*.png\"; filename*=UTF-8''it%27s%20%22a%22%20%28copy%29%2A.png",
    );
  });
});
