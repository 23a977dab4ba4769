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
