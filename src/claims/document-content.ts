import sharp from 'sharp';

/**
 * What an uploaded document really is, judged by its content and never by its
 * name or the client's Content-Type, and the name the server gives it.
 */
export const DOCUMENT_MIME_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type DocumentMimeType = (typeof DOCUMENT_MIME_TYPES)[number];

const SIGNATURES: [DocumentMimeType, Buffer][] = [
  ['application/pdf', Buffer.from('%PDF-', 'ascii')],
  ['image/jpeg', Buffer.from([0xff, 0xd8, 0xff])],
  ['image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
];

/** The MIME type the magic bytes announce, or null for anything but PDF, JPEG and PNG. */
export function sniffDocumentType(content: Buffer): DocumentMimeType | null {
  for (const [mimeType, signature] of SIGNATURES) {
    if (content.length > signature.length && content.subarray(0, signature.length).equals(signature)) return mimeType;
  }
  return null;
}

/** 100 megapixels: above any phone photo, below what a small PNG can inflate to. */
const MAX_IMAGE_PIXELS = 100_000_000;

/**
 * The document's type when the file is whole: the magic bytes pick the
 * format, and the file must then decode as one — every pixel of an image, the
 * page tree and each page of a PDF — so a PNG header in front of a script, or
 * a truncated photo, is refused.
 */
export async function identifyDocument(content: Buffer): Promise<DocumentMimeType | null> {
  const announced = sniffDocumentType(content);
  if (announced === null) return null;
  const whole = announced === 'application/pdf' ? await decodesAsPdf(content) : await decodesAsImage(content, announced);
  return whole ? announced : null;
}

async function decodesAsImage(content: Buffer, mimeType: 'image/jpeg' | 'image/png'): Promise<boolean> {
  try {
    const image = sharp(content, { failOn: 'warning', limitInputPixels: MAX_IMAGE_PIXELS });
    const { format } = await image.metadata();
    if (`image/${format}` !== mimeType) return false;
    await image.stats();
    return true;
  } catch {
    return false;
  }
}

/**
 * pdfjs, and the canvas module it loads in Node, once the first PDF is checked:
 * the app need not hold them (about 50 MB of resident memory) to serve
 * anything else.
 */
let pdfjs: Promise<typeof import('pdfjs-dist/legacy/build/pdf.mjs')> | undefined;

async function decodesAsPdf(content: Buffer): Promise<boolean> {
  const { getDocument, VerbosityLevel } = await (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));
  // pdfjs takes ownership of the array it is given, hence the copy.
  const loading = getDocument({
    data: new Uint8Array(content), isEvalSupported: false, useSystemFonts: false, stopAtErrors: true, verbosity: VerbosityLevel.ERRORS,
  });
  try {
    const document = await loading.promise;
    if (document.numPages < 1) return false;
    for (let page = 1; page <= document.numPages; page++) await document.getPage(page);
    return true;
  } catch {
    return false;
  } finally {
    await loading.destroy();
  }
}

const EXTENSION: Record<DocumentMimeType, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };

/**
 * The name a document is stored and served under, e.g.
 * `350205-2026-000123-fire_certificate-01.pdf`: only the claim number, the
 * document type code, the sequence within that type and the extension of the
 * detected type, so nothing the uploader sent ends up in a file name.
 */
export function documentFileName(claimNo: string, type: string, seq: number, mimeType: DocumentMimeType): string {
  return `${claimNo}-${type}-${String(seq).padStart(2, '0')}.${EXTENSION[mimeType]}`;
}

const MAX_FILE_NAME = 255;

/**
 * The name the uploader sent, kept as metadata only: without any directory
 * part or control characters, at most 255 characters; null when nothing is left.
 */
export function cleanOriginalFileName(original: string): string | null {
  const base = original.split(/[/\\]/).pop() ?? '';
  const cleaned = [...base.replace(/[\u0000-\u001f\u007f]/g, '').trim()].slice(0, MAX_FILE_NAME).join('');
  return cleaned && cleaned !== '.' && cleaned !== '..' ? cleaned : null;
}
