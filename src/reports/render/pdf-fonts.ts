import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';

const NPM_FONT_FILES = {
  regular: '@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff',
  bold: '@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-700-normal.woff',
};

// Full CJK fonts from Debian packages, used for the odd character (often in a person's name) that the npm subset lacks.
const SYSTEM_FALLBACK_FONTS = [
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', family: 'WenQuanYiMicroHei' },
];

export interface CjkFonts {
  regular: Buffer;
  bold: Buffer;
  /** A system font collection (.ttc) and the family to use from it, read on first use. */
  fallback: { bytes: () => Buffer; family: string } | null;
}

let cached: CjkFonts | undefined;

/** Font bytes, loaded once per process. */
export function cjkFonts(): CjkFonts {
  if (!cached) {
    const require = createRequire(import.meta.url);
    const system = SYSTEM_FALLBACK_FONTS.find((font) => existsSync(font.path));
    let systemBytes: Buffer | undefined;
    cached = {
      regular: woffToSfnt(readFileSync(require.resolve(NPM_FONT_FILES.regular))),
      bold: woffToSfnt(readFileSync(require.resolve(NPM_FONT_FILES.bold))),
      fallback: system ? { bytes: () => (systemBytes ??= readFileSync(system.path)), family: system.family } : null,
    };
  }
  return cached;
}

/**
 * Unpacks a WOFF 1.0 font into the plain TrueType/OpenType file it wraps.
 * fontkit (inside pdfkit) re-inflates a WOFF table on every access, which made
 * one annual report take about five seconds; the unpacked font takes milliseconds.
 */
function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('Not a WOFF 1.0 font');
  const numTables = woff.readUInt16BE(12);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const entry = 44 + i * 20;
    const offset = woff.readUInt32BE(entry + 4);
    const compressedLength = woff.readUInt32BE(entry + 8);
    const length = woff.readUInt32BE(entry + 12);
    const stored = woff.subarray(offset, offset + compressedLength);
    return {
      tag: woff.toString('latin1', entry, entry + 4),
      checksum: woff.readUInt32BE(entry + 16),
      data: compressedLength < length ? inflateSync(stored) : stored,
    };
  });

  const padded = (n: number) => (n + 3) & ~3;
  const directoryLength = 12 + 16 * numTables;
  const sfnt = Buffer.alloc(directoryLength + tables.reduce((sum, t) => sum + padded(t.data.length), 0));
  const searchRange = 2 ** Math.floor(Math.log2(numTables)) * 16;
  sfnt.writeUInt32BE(woff.readUInt32BE(4), 0); // flavor: TrueType or CFF
  sfnt.writeUInt16BE(numTables, 4);
  sfnt.writeUInt16BE(searchRange, 6);
  sfnt.writeUInt16BE(Math.log2(searchRange / 16), 8);
  sfnt.writeUInt16BE(numTables * 16 - searchRange, 10);
  let offset = directoryLength;
  tables.forEach((table, i) => {
    const record = 12 + i * 16;
    sfnt.write(table.tag, record, 'latin1');
    sfnt.writeUInt32BE(table.checksum, record + 4);
    sfnt.writeUInt32BE(offset, record + 8);
    sfnt.writeUInt32BE(table.data.length, record + 12);
    table.data.copy(sfnt, offset);
    offset += padded(table.data.length);
  });
  return sfnt;
}
