// Test-only: reads PDFs back as a person would see them. pdfjs-dist and @napi-rs/canvas (prebuilt binaries
// inside npm packages, so nothing but npm is needed) are devDependencies; never import this from application code.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Canvas, SKRSContext2D } from '@napi-rs/canvas';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

const PDFJS_ROOT = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** A run of text as drawn on the page; x and y in points from the page's top-left corner. */
export interface PdfTextItem {
  text: string;
  x: number;
  y: number;
  width: number;
  /** font size in points */
  size: number;
}

/** The text items that share a baseline, left to right. */
export interface PdfLine {
  y: number;
  items: PdfTextItem[];
  /** the items joined with single spaces */
  text: string;
}

async function openPdf<T>(pdf: Buffer, use: (document: PDFDocumentProxy) => Promise<T>): Promise<T> {
  const document = await getDocument({
    data: new Uint8Array(pdf),
    isEvalSupported: false,
    useSystemFonts: false,
    standardFontDataUrl: join(PDFJS_ROOT, 'standard_fonts/'),
  }).promise;
  try {
    return await use(document);
  } finally {
    await document.destroy();
  }
}

/** The text of each page of a PDF, text items joined in drawing order, one string per page. */
export async function extractPdfText(pdf: Buffer): Promise<string[]> {
  return (await extractPdfLines(pdf)).map((lines) => lines.map((line) => line.items.map((i) => i.text).join('')).join('\n'));
}

/** Each page's text as lines top to bottom, so a test can check what stands on one line and what does not. */
export async function extractPdfLines(pdf: Buffer): Promise<PdfLine[][]> {
  return openPdf(pdf, async (document) => {
    const pages: PdfLine[][] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const height = page.getViewport({ scale: 1 }).height;
      const content = await page.getTextContent();
      const items = content.items.flatMap((item) =>
        'str' in item && item.str.trim() !== ''
          ? [{
              text: item.str,
              x: item.transform[4],
              y: height - item.transform[5],
              width: item.width,
              size: Math.hypot(item.transform[2], item.transform[3]),
            }]
          : [],
      );
      pages.push(toLines(items));
    }
    return pages;
  });
}

/** Every page as a PNG at `dpi` (150 is sharp enough to read 7-point text). */
export async function renderPdfPages(pdf: Buffer, dpi = 150): Promise<Buffer[]> {
  return openPdf(pdf, async (document) => {
    const pngs: Buffer[] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const viewport = page.getViewport({ scale: dpi / 72 });
      // pdf.js's own Node canvas factory, which makes @napi-rs/canvas canvases; its type is not exported.
      const factory = document.canvasFactory as { create(width: number, height: number): { canvas: Canvas; context: SKRSContext2D } };
      const { canvas, context } = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      await page.render({ canvas, canvasContext: context, viewport }).promise;
      pngs.push(canvas.toBuffer('image/png'));
      page.cleanup();
    }
    return pngs;
  });
}

// Items within a third of a line of each other share a line: pdfkit sets each cell of a table row at the same y.
function toLines(items: PdfTextItem[]): PdfLine[] {
  const lines: PdfLine[] = [];
  for (const item of [...items].sort((a, b) => a.y - b.y || a.x - b.x)) {
    const line = lines.find((l) => Math.abs(l.y - item.y) < 3);
    if (line) line.items.push(item);
    else lines.push({ y: item.y, items: [item], text: '' });
  }
  for (const line of lines) {
    line.items.sort((a, b) => a.x - b.x);
    line.text = line.items.map((i) => i.text).join(' ');
  }
  return lines;
}
