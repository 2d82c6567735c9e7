import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The brand icon sizes a browser tab or bookmark asks for. */
const FAVICON_SIZES = [16, 32, 64] as const;

/**
 * An ICO file holding PNG images (allowed since Windows Vista and read by every current browser):
 * a 6-byte header, one 16-byte directory entry per image, then the PNG bytes as they are.
 */
function icoFromPngs(images: readonly { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0); // width (0 means 256)
    entry.writeUInt8(size >= 256 ? 0 : size, 1); // height
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

/** `/favicon.ico` from the brand icons in `shared/assets` (icon-16/32/64.png). */
export function faviconFrom(assetsDir: string): Buffer {
  return icoFromPngs(
    FAVICON_SIZES.map((size) => ({ size, png: readFileSync(join(assetsDir, `icon-${size}.png`)) })),
  );
}
