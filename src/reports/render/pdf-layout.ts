import PDFDocument from 'pdfkit';
import { cjkFonts, type CjkFonts } from './pdf-fonts.js';
import { fill } from '../../common/templates.js';
import type { ReportText } from './report-text.js';

// A4 in points. All text is placed at explicit coordinates and wrapped here, never by pdfkit's
// line wrapper, so pdfkit never adds pages on its own and the page breaks below are the only ones.
const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { top: 48, bottom: 56, left: 50, right: 50 };
const FOOTER_Y = PAGE.height - 40;
const SIZE = { title: 17, heading: 12, body: 9.5, table: 9, small: 8, chart: 8.5 };
// Noto Sans SC: ascent + descent is 1.448 em.
const LINE_HEIGHT = 1.45;
const CELL_PADDING = { x: 4, y: 3 };
const COLOR = { text: '#1a1a1a', muted: '#5c5c5c', rule: '#b8b8b8', lightRule: '#dddddd', headerFill: '#e9eef5', bar: '#3f6fb0' };

// Line breaks fall between runs of printable ASCII (numbers, codes, amounts) and around any other character, as
// Chinese text allows; closing punctuation never starts a line and opening punctuation never ends one.
const TOKENS = /[\x21-\x7e]+|\s+|\S/gu;
const NO_LINE_START = /^[，。、；：？！）》」』”’%,.;:?!)]/u;
const NO_LINE_END = /[（《「『“‘(]+$/u;

type Align = 'left' | 'center' | 'right';

export interface TableColumn {
  header: string;
  /** share of the content width */
  width: number;
  align?: Align;
}

interface TableRow {
  cells: string[];
  bold?: boolean;
}

interface Bar {
  label: string;
  value: bigint;
  valueLabel: string;
}

interface TextStyle {
  size: number;
  bold?: boolean;
  color?: string;
}

interface PreparedCell {
  font: string;
  lines: string[];
}

interface PreparedRow {
  cells: PreparedCell[];
  style: TextStyle;
  height: number;
}

/** Flowing layout of one PDF document: headings, paragraphs, tables and bar charts with page breaks. */
export class PdfLayout {
  private readonly doc: PDFKit.PDFDocument;
  private readonly bytes: Promise<Buffer>;
  private readonly fallbackFont: CjkFonts['fallback'];
  private fallbackRegistered = false;
  private y = MARGIN.top;
  private sectionCount = 0;

  constructor(
    private readonly text: ReportText,
    meta: { title: string; createdAt: string },
  ) {
    const fonts = cjkFonts();
    const created = new Date(meta.createdAt);
    this.doc = new PDFDocument({
      size: 'A4',
      margins: MARGIN,
      bufferPages: true,
      lang: 'zh-CN',
      info: {
        Title: meta.title,
        Creator: text.common.creator,
        ...(Number.isNaN(created.getTime()) ? {} : { CreationDate: created }),
      },
    });
    this.doc.registerFont('regular', fonts.regular);
    this.doc.registerFont('bold', fonts.bold);
    this.fallbackFont = fonts.fallback;

    const chunks: Buffer[] = [];
    this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    this.bytes = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
    });
  }

  private get left(): number {
    return MARGIN.left;
  }

  private get width(): number {
    return PAGE.width - MARGIN.left - MARGIN.right;
  }

  private get bottom(): number {
    return PAGE.height - MARGIN.bottom;
  }

  title(text: string): void {
    this.block(text, { size: SIZE.title, bold: true }, 'center');
    this.y += 4;
  }

  subtitle(text: string): void {
    this.block(text, { size: SIZE.small, color: COLOR.muted }, 'center');
    this.y += 10;
  }

  /** Numbered section heading ("一、汇总"), kept on the same page as the start of its content. */
  heading(title: string): void {
    const numeral = this.text.common.numerals[this.sectionCount] ?? String(this.sectionCount + 1);
    this.sectionCount++;
    this.y += 6;
    this.ensureSpace(lineHeight(SIZE.heading) + 60);
    this.block(fill(this.text.common.sectionHeading, { numeral, title }), { size: SIZE.heading, bold: true });
    this.y += 4;
  }

  paragraph(text: string, align: Align = 'left'): void {
    this.block(text, { size: SIZE.body }, align);
    this.y += 4;
  }

  /** Label/value pairs in a grid of `columns` pairs per row; labels take `labelShare` of each pair's width. */
  keyValues(pairs: [label: string, value: string][], columns = 2, labelShare = 0.5): void {
    const pairWidth = this.width / columns;
    const labelWidth = Math.min(pairWidth * labelShare, this.width / 4);
    const labelStyle = { size: SIZE.table, color: COLOR.muted };
    const valueStyle = { size: SIZE.table };
    const labelTextWidth = labelWidth - 2 * CELL_PADDING.x;
    const valueTextWidth = pairWidth - labelWidth - 2 * CELL_PADDING.x;
    for (let i = 0; i < pairs.length; i += columns) {
      const row = pairs.slice(i, i + columns).map(([label, value]) => ({
        label: this.prepare(label, labelTextWidth, labelStyle),
        value: this.prepare(value, valueTextWidth, valueStyle),
      }));
      const lines = Math.max(1, ...row.flatMap((pair) => [pair.label.lines.length, pair.value.lines.length]));
      const height = lines * lineHeight(SIZE.table) + 2 * CELL_PADDING.y;
      this.ensureSpace(height);
      const textY = this.y + CELL_PADDING.y;
      row.forEach((pair, j) => {
        const x = this.left + j * pairWidth + CELL_PADDING.x;
        this.drawLines(pair.label, x, textY, labelTextWidth, 'left', labelStyle);
        this.drawLines(pair.value, x + labelWidth, textY, valueTextWidth, 'left', valueStyle);
      });
      this.rule(this.y + height, COLOR.lightRule);
      this.y += height;
    }
    this.y += 6;
  }

  /** A table whose header repeats on every page it runs onto. Rows grow to fit wrapped cells. */
  table(columns: TableColumn[], rows: TableRow[]): void {
    const widths = columns.map((c) => c.width * this.width);
    const aligns = columns.map((c) => c.align ?? 'left');
    const header = this.prepareRow(
      columns.map((c) => c.header),
      widths,
      { size: SIZE.table, bold: true },
    );
    const prepared = rows.map((row) => this.prepareRow(row.cells, widths, { size: SIZE.table, bold: row.bold }));

    this.ensureSpace(header.height + (prepared[0]?.height ?? 0));
    this.rule(this.y, COLOR.rule);
    this.drawRow(header, widths, aligns, COLOR.headerFill);
    prepared.forEach((row, i) => {
      // The last row (a total, as a rule) never stands alone under a repeated header: the row before it goes along.
      const lastTwo = i === prepared.length - 2 ? row.height + prepared[i + 1].height : row.height;
      if (this.y + lastTwo > this.bottom) {
        this.newPage();
        this.rule(this.y, COLOR.rule);
        this.drawRow(header, widths, aligns, COLOR.headerFill);
      }
      this.drawRow(row, widths, aligns);
    });
    this.y += 8;
  }

  /** One bar per row, label on the left and value at the bar's end; long charts continue on the next page. */
  horizontalBars(title: string, bars: Bar[]): void {
    if (bars.length === 0) return;
    const style = { size: SIZE.chart };
    const rowHeight = 16;
    const barHeight = 10;
    this.chartTitle(title, rowHeight * Math.min(bars.length, 3));

    const labels = bars.map((bar) => this.prepareLine(bar.label, style));
    const values = bars.map((bar) => this.prepareLine(bar.valueLabel, style));
    const labelWidth = Math.min(Math.max(...labels.map((l) => l.width)), this.width * 0.3);
    const valueWidth = Math.max(...values.map((v) => v.width));
    const plotX = this.left + labelWidth + 6;
    const plotWidth = this.width - labelWidth - 6 - valueWidth - 8;
    const max = maxOf(bars);

    bars.forEach((bar, i) => {
      this.ensureSpace(rowHeight);
      const textY = this.y + (rowHeight - lineHeight(style.size)) / 2;
      const label = this.truncate(labels[i], labelWidth, style);
      this.drawText(label.text, this.left, textY, labelWidth, 'right', label.font, style);
      const length = max > 0n ? (plotWidth * Number(bar.value)) / Number(max) : 0;
      if (length > 0) {
        this.doc.rect(plotX, this.y + (rowHeight - barHeight) / 2, length, barHeight).fill(COLOR.bar);
      }
      this.drawText(values[i].text, plotX + length + 4, textY, valueWidth, 'left', values[i].font, style);
      this.doc.moveTo(plotX, this.y).lineTo(plotX, this.y + rowHeight).lineWidth(0.6).strokeColor(COLOR.muted).stroke();
      this.y += rowHeight;
    });
    this.y += 10;
  }

  /** Columns over a baseline, value above each bar and label below. */
  verticalBars(title: string, bars: Bar[]): void {
    if (bars.length === 0) return;
    const style = { size: SIZE.chart };
    const lh = lineHeight(style.size);
    const plotHeight = 140;
    this.chartTitle(title, lh + plotHeight + lh + 4);

    const slot = this.width / bars.length;
    const barWidth = Math.min(slot * 0.6, 40);
    const top = this.y + lh + 2;
    const base = top + plotHeight;
    const max = maxOf(bars);
    bars.forEach((bar, i) => {
      const slotX = this.left + i * slot;
      const height = max > 0n ? (plotHeight * Number(bar.value)) / Number(max) : 0;
      if (height > 0) this.doc.rect(slotX + (slot - barWidth) / 2, base - height, barWidth, height).fill(COLOR.bar);
      const value = this.prepareLine(bar.valueLabel, style);
      if (value.width <= slot) this.drawText(value.text, slotX, base - height - lh - 1, slot, 'center', value.font, style);
      const label = this.truncate(this.prepareLine(bar.label, style), slot, style);
      this.drawText(label.text, slotX, base + 3, slot, 'center', label.font, style);
    });
    this.doc.moveTo(this.left, base).lineTo(this.left + this.width, base).lineWidth(0.6).strokeColor(COLOR.muted).stroke();
    this.y = base + 3 + lh + 10;
  }

  /** Whether every text fits on one line of a table column `width` (share of the content width) wide. */
  fitsTableColumn(texts: string[], width: number): boolean {
    const style = { size: SIZE.table };
    const textWidth = width * this.width - 2 * CELL_PADDING.x;
    return texts.every((text) => this.prepareLine(text, style).width <= textWidth);
  }

  /**
   * Side-by-side blocks for who issues a document: a bold name with the seal mark beside it, room for the seal,
   * a signature label with a rule to sign on, and the date line to fill in by hand.
   */
  signatureBlocks(blocks: { name: string; seal: string; signature: string; date: string }[]): void {
    const gap = 24;
    const sealRoom = 36;
    const style = { size: SIZE.body };
    const bold = { size: SIZE.body, bold: true };
    const muted = { size: SIZE.body, color: COLOR.muted };
    const lh = lineHeight(SIZE.body);
    const blockWidth = (this.width - gap * (blocks.length - 1)) / blocks.length;
    const prepared = blocks.map((block) => ({
      name: this.prepare(block.name, blockWidth, bold),
      seal: this.prepareLine(block.seal, muted),
      signature: this.prepareLine(block.signature, style),
      date: this.prepareLine(block.date, style),
    }));
    const nameLines = Math.max(...prepared.map((p) => p.name.lines.length));
    const dateGap = 8;
    const height = (nameLines + 1) * lh + sealRoom + 2 * lh + dateGap;
    this.y += 2;
    this.ensureSpace(height);
    const top = this.y;
    prepared.forEach((block, i) => {
      const x = this.left + i * (blockWidth + gap);
      this.drawLines(block.name, x, top, blockWidth, 'left', bold);
      const sealY = top + nameLines * lh;
      this.drawText(block.seal.text, x, sealY, blockWidth, 'right', block.seal.font, muted);
      const signatureY = sealY + lh + sealRoom;
      this.drawText(block.signature.text, x, signatureY, blockWidth, 'left', block.signature.font, style);
      const ruleY = signatureY + lh - 1;
      this.doc.moveTo(x + block.signature.width + 2, ruleY).lineTo(x + blockWidth, ruleY).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
      this.drawText(block.date.text, x, signatureY + lh + dateGap, blockWidth, 'left', block.date.font, style);
    });
    this.y = top + height;
  }

  /** Writes the footer on every page and returns the finished file. */
  async finish(generatedAt: string): Promise<Buffer> {
    const { start, count } = this.doc.bufferedPageRange();
    const style = { size: SIZE.small, color: COLOR.muted };
    for (let i = 0; i < count; i++) {
      this.doc.switchToPage(start + i);
      this.rule(FOOTER_Y - 6, COLOR.rule);
      const left = this.prepareLine(fill(this.text.common.footerGeneratedAt, { time: generatedAt }), style);
      const right = this.prepareLine(fill(this.text.common.footerPage, { page: i + 1, pages: count }), style);
      this.drawText(left.text, this.left, FOOTER_Y, this.width, 'left', left.font, style);
      this.drawText(right.text, this.left, FOOTER_Y, this.width, 'right', right.font, style);
    }
    this.doc.end();
    return this.bytes;
  }

  private chartTitle(title: string, minimumBody: number): void {
    const style = { size: SIZE.table, bold: true };
    this.ensureSpace(lineHeight(style.size) + 4 + minimumBody);
    this.block(title, style, 'center');
    this.y += 4;
  }

  private block(text: string, style: TextStyle, align: Align = 'left'): void {
    const cell = this.prepare(text, this.width, style);
    const lh = lineHeight(style.size);
    for (const line of cell.lines) {
      this.ensureSpace(lh);
      this.drawText(line, this.left, this.y, this.width, align, cell.font, style);
      this.y += lh;
    }
  }

  private prepareRow(cells: string[], widths: number[], style: TextStyle): PreparedRow {
    const prepared = cells.map((cell, i) => this.prepare(cell, widths[i] - 2 * CELL_PADDING.x, style));
    const lines = Math.max(1, ...prepared.map((p) => p.lines.length));
    return { cells: prepared, style, height: lines * lineHeight(style.size) + 2 * CELL_PADDING.y };
  }

  private drawRow(row: PreparedRow, widths: number[], aligns: Align[], background?: string): void {
    if (background) this.doc.rect(this.left, this.y, this.width, row.height).fill(background);
    let x = this.left;
    row.cells.forEach((cell, i) => {
      this.drawLines(cell, x + CELL_PADDING.x, this.y + CELL_PADDING.y, widths[i] - 2 * CELL_PADDING.x, aligns[i], row.style);
      x += widths[i];
    });
    this.rule(this.y + row.height, COLOR.rule);
    this.y += row.height;
  }

  private drawLines(cell: PreparedCell, x: number, y: number, width: number, align: Align, style: TextStyle): void {
    const lh = lineHeight(style.size);
    cell.lines.forEach((line, i) => this.drawText(line, x, y + i * lh, width, align, cell.font, style));
  }

  private drawText(text: string, x: number, y: number, width: number, align: Align, font: string, style: TextStyle): void {
    if (!text) return;
    this.useFont(font, style);
    const free = width - this.doc.widthOfString(text);
    const dx = align === 'right' ? free : align === 'center' ? free / 2 : 0;
    this.doc.text(text, x + dx, y, { lineBreak: false });
  }

  private prepare(text: string, width: number, style: TextStyle): PreparedCell {
    const font = this.fontFor(text, style.bold);
    this.useFont(font, style);
    return { font, lines: this.wrap(text, width) };
  }

  private prepareLine(text: string, style: TextStyle): { text: string; font: string; width: number } {
    const font = this.fontFor(text, style.bold);
    this.useFont(font, style);
    return { text, font, width: this.doc.widthOfString(text) };
  }

  private truncate(line: { text: string; font: string; width: number }, width: number, style: TextStyle) {
    if (line.width <= width) return line;
    this.useFont(line.font, style);
    const chars = [...line.text];
    while (chars.length > 1 && this.doc.widthOfString(`${chars.join('')}…`) > width) chars.pop();
    return { ...line, text: `${chars.join('')}…` };
  }

  /** Splits text into lines no wider than `width` in the current font. */
  private wrap(text: string, width: number): string[] {
    const lines: string[] = [];
    for (const paragraph of text.split('\n')) {
      let line = '';
      for (const token of this.tokens(paragraph, width)) {
        const candidate = line + token;
        if (!line || NO_LINE_START.test(token) || this.doc.widthOfString(candidate) <= width) {
          line = candidate;
        } else {
          const carried = NO_LINE_END.exec(line)?.[0] ?? '';
          const kept = line.slice(0, line.length - carried.length).trimEnd();
          lines.push(kept || line.trimEnd());
          line = (kept ? carried : '') + token.trimStart();
        }
      }
      lines.push(line.trimEnd());
    }
    return lines;
  }

  private tokens(paragraph: string, width: number): string[] {
    return (paragraph.match(TOKENS) ?? []).flatMap((token) =>
      token.length > 1 && this.doc.widthOfString(token) > width ? [...token] : [token],
    );
  }

  private useFont(font: string, style: TextStyle): void {
    this.doc.font(font).fontSize(style.size).fillColor(style.color ?? COLOR.text);
  }

  /**
   * The npm font is a subset; text with a character it lacks is set in the system CJK font
   * when there is one and it has more of the missing characters.
   */
  private fontFor(text: string, bold = false): string {
    const primary = bold ? 'bold' : 'regular';
    if (!this.fallbackFont) return primary;
    this.doc.font(primary);
    const missing = missingGlyphs(this.doc, text);
    if (missing.length === 0) return primary;
    if (!this.fallbackRegistered) {
      this.doc.registerFont('fallback', this.fallbackFont.bytes(), this.fallbackFont.family);
      this.fallbackRegistered = true;
    }
    this.doc.font('fallback');
    return missingGlyphs(this.doc, missing.join('')).length < missing.length ? 'fallback' : primary;
  }

  private rule(y: number, color: string): void {
    this.doc.moveTo(this.left, y).lineTo(this.left + this.width, y).lineWidth(0.5).strokeColor(color).stroke();
  }

  private ensureSpace(height: number): void {
    if (this.y + height > this.bottom) this.newPage();
  }

  private newPage(): void {
    this.doc.addPage();
    this.y = MARGIN.top;
  }
}

/** Characters of `text` that the document's current font has no glyph for. */
export function missingGlyphs(doc: PDFKit.PDFDocument, text: string): string[] {
  // pdfkit has no public glyph lookup; its current font wraps a fontkit font that has one.
  const font = (doc as unknown as { _font: { font: { hasGlyphForCodePoint(codePoint: number): boolean } } })._font.font;
  return [...text].filter((ch) => !/\s/u.test(ch) && !font.hasGlyphForCodePoint(ch.codePointAt(0)!));
}

function lineHeight(size: number): number {
  return size * LINE_HEIGHT;
}

function maxOf(bars: Bar[]): bigint {
  return bars.reduce((max, bar) => (bar.value > max ? bar.value : max), 0n);
}
