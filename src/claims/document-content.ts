/**
 * What an uploaded document really is, judged by its first bytes and never by
 * its name or the client's Content-Type, and how its name goes back out.
 */
export const DOCUMENT_MIME_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type DocumentMimeType = (typeof DOCUMENT_MIME_TYPES)[number];

const SIGNATURES: [DocumentMimeType, Buffer][] = [
  ['application/pdf', Buffer.from('%PDF-', 'ascii')],
  ['image/jpeg', Buffer.from([0xff, 0xd8, 0xff])],
  ['image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
];

/** The MIME type from the magic bytes, or null for anything but PDF, JPEG and PNG. */
export function sniffDocumentType(content: Buffer): DocumentMimeType | null {
  for (const [mimeType, signature] of SIGNATURES) {
    if (content.length > signature.length && content.subarray(0, signature.length).equals(signature)) return mimeType;
  }
  return null;
}

const EXTENSION: Record<DocumentMimeType, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };
const MAX_FILE_NAME = 255;

/**
 * The name to keep: without any directory part or control characters, at most
 * 255 characters; a name that is empty afterwards becomes "document.pdf" etc.
 */
export function cleanFileName(original: string, mimeType: DocumentMimeType): string {
  const base = original.split(/[/\\]/).pop() ?? '';
  const cleaned = [...base.replace(/[\u0000-\u001f\u007f]/g, '').trim()].slice(0, MAX_FILE_NAME).join('');
  return cleaned && cleaned !== '.' && cleaned !== '..' ? cleaned : `document.${EXTENSION[mimeType]}`;
}

/**
 * An attachment header every browser reads: an ASCII fallback `filename` and
 * the exact UTF-8 name in RFC 5987 `filename*` (for names such as 火灾认定书.pdf).
 */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
