// Small real image files for the tests, made here so the tests need no image tools.
import { deflateSync } from "node:zlib";

/** An 80x60 JPEG (a gradient), as a camera would write it, minus the EXIF. */
export const JPEG = Buffer.from(
  "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAUDBAQEAwUEBAQFBQUGBwwIBwcHBw8LCwkMEQ8SEhEPERETFhwXExQaFRERGCEYGh0dHx8fExciJCIeJBweHx7/2wBDAQUFBQcGBw4ICA4eFBEUHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh7/wAARCAA8AFADASIAAhEBAxEB/8QAFwABAQEBAAAAAAAAAAAAAAAAAAYFCP/EABsQAAICAwEAAAAAAAAAAAAAAAAUUWEBAmIT/8QAFwEBAQEBAAAAAAAAAAAAAAAAAAcFAv/EABoRAQADAAMAAAAAAAAAAAAAAAAUFWEBAhP/2gAMAwEAAhEDEQA/AOWUswEswUSdBOii2muIydSzASzBRJ0E6FppGTqWYCWYKJOgnQtNIydSzASzBRJ0E6FppGTqWYCWYKJOgnQtNIyiToJ0UafIT5Jzaa3oycToJ0UafIT5FppGTidBOijT5CfItNIycToJ0UafIT5FppGTidBOijT5CfItNIyiSxASxBRJ0E6Jzaa3oydSxASxBRJ0E6FppGTqWICWIKJOgnQtNIydSxASxBRJ0E6FppGTqWICWIKJOgnQtNIyjS5CXJu+WkDy0gnlh2bvhwwkuQlybvlpA8tIFh2PDhhJchLk3fLSB5aQLDseHDCS5CXJu+WkDy0gWHY8OGElyEuTd8tIHlpAsOx4cP/Z",
  "base64",
);

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A width x height RGB PNG with a pattern that depends on `seed`. */
export function png(width, height, seed) {
  const rows = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) row.set([(x * 3 + seed) & 255, (y * 4) & 255, (x + y + seed * 7) & 255], 1 + x * 3);
    rows.push(row);
  }
  return pngFile(width, height, deflateSync(Buffer.concat(rows)));
}

/**
 * A `side` x `side` RGB PNG of noise (a seeded generator), stored without compression (zlib
 * level 0): about 3 bytes a pixel, so a size near a limit is easy to reach and nothing shrinks it.
 */
export function noisePng(side) {
  const row = side * 3 + 1;
  const raw = Buffer.alloc(row * side);
  let seed = 12345;
  for (let i = 0; i < raw.length; i++) {
    if (i % row === 0) continue; // each row's filter byte: none
    seed = (seed * 1103515245 + 12345) >>> 0;
    raw[i] = seed >>> 24;
  }
  return pngFile(side, side, deflateSync(raw, { level: 0 }));
}

/** A PNG whose header declares width x height but carries almost no data: a decompression bomb. */
export function pngBomb(width, height) {
  return pngFile(width, height, deflateSync(Buffer.alloc(1024)));
}

/** Signature, an 8-bit RGB header of width x height, the given compressed data, and the end. */
function pngFile(width, height, idat) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", idat),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/**
 * A `width` x `height` X-ray as a scanner exports it: an uncompressed 16-bit grayscale TIFF
 * (little-endian) of a 12-bit detector, levels 400 (dense) to 3,600 (empty) across, with a dense
 * bar down the middle.
 */
export function xrayTiff(width, height) {
  const pixels = Buffer.alloc(width * height * 2);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const bar = x >= (width * 2) / 5 && x < (width * 3) / 5;
      pixels.writeUInt16LE(bar ? 450 : 400 + Math.floor((x * 3200) / width), (y * width + x) * 2);
    }
  }
  // ImageWidth, ImageLength, BitsPerSample, Compression (none), Photometric (black is zero),
  // StripOffsets, SamplesPerPixel, RowsPerStrip, StripByteCounts.
  const entries = [
    [256, 4, width],
    [257, 4, height],
    [258, 3, 16],
    [259, 3, 1],
    [262, 3, 1],
    [273, 4, 0],
    [277, 3, 1],
    [278, 4, height],
    [279, 4, pixels.length],
  ];
  const ifdAt = 8;
  const ifdLength = 2 + entries.length * 12 + 4;
  const dataAt = ifdAt + ifdLength;
  const head = Buffer.alloc(dataAt);
  head.write("II*\0", 0, "binary");
  head.writeUInt32LE(ifdAt, 4);
  head.writeUInt16LE(entries.length, ifdAt);
  entries.forEach(([tag, type, value], i) => {
    const at = ifdAt + 2 + i * 12;
    head.writeUInt16LE(tag, at);
    head.writeUInt16LE(type, at + 2);
    head.writeUInt32LE(1, at + 4);
    const v = tag === 273 ? dataAt : value;
    if (type === 3) head.writeUInt16LE(v, at + 8);
    else head.writeUInt32LE(v, at + 8);
  });
  head.writeUInt32LE(0, ifdAt + 2 + entries.length * 12);
  return Buffer.concat([head, pixels]);
}
