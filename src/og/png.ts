/**
 * Writes a palette PNG (8-bit indices, opaque). sharp writes palette PNGs only
 * through libimagequant, which took 18 ms a card; a card we composed already
 * has fewer than 256 colours, so it needs no quantising, only this.
 */
import zlib from 'node:zlib';
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(zlib.crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

export interface IndexedImage {
  width: number;
  height: number;
  /** Colours as 0xRRGGBB, at most 256. */
  palette: readonly number[];
  /** `height` rows of 1 + `width` bytes: a filter byte (0, none: indices do not predict well) and the row's palette indices. */
  rows: Uint8Array;
}

/**
 * The PNG of an indexed image. Run-length matching suits these flat images:
 * on one card, 1.4 ms and 36 KB, against 2.0 ms and 37 KB at level 3, 5.1 ms and
 * 32 KB at level 6 (the site's cards are 14–39 KB: BENCHMARKS.md). Deflate runs on
 * the calling thread (the build draws in a child process of its own,
 * src/integrations/share-images/draw-process.ts): the asynchronous form cost
 * 0.4 ms a card more, in passing chunks.
 */
export function indexedPng({ width, height, palette, rows }: IndexedImage): Buffer {
  if (palette.length === 0 || palette.length > 256) throw new RangeError(`a palette PNG has 1 to 256 colours, not ${palette.length}`);
  if (rows.length !== (width + 1) * height) throw new RangeError(`rows must be ${height} × (1 + ${width}) bytes`);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 3, 0, 0, 0], 8); // 8 bits, palette, deflate, no filtering method variants, no interlace
  const colours = Buffer.alloc(palette.length * 3);
  palette.forEach((rgb, i) => colours.writeUIntBE(rgb, i * 3, 3));
  const data = zlib.deflateSync(rows, { level: 6, strategy: zlib.constants.Z_RLE });
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('PLTE', colours), chunk('IDAT', data), chunk('IEND', Buffer.alloc(0))]);
}
