import QRCode from 'qrcode';

/** The modules of a QR code for `text` (medium error correction: survives a compressed chat image). */
export function qrModules(text: string): boolean[][] {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return Array.from({ length: modules.size }, (_, y) => Array.from({ length: modules.size }, (_, x) => Boolean(modules.get(x, y))));
}

/** The light margin every reader needs around the code, in modules. */
const QUIET_ZONE = 4;

/**
 * A QR code as SVG geometry: the side of its square (quiet zone included) and one path
 * with a rectangle per run of dark modules in a row, so a page can inline it in a few
 * hundred bytes and an image can rasterise it sharp at any size.
 */
export function qrGeometry(modules: boolean[][]): { side: number; path: string } {
  const runs: string[] = [];
  modules.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) {
      if (!row[x]) continue;
      const start = x;
      while (row[x + 1]) x++;
      runs.push(`M${start + QUIET_ZONE} ${y + QUIET_ZONE}h${x - start + 1}v1h-${x - start + 1}z`);
    }
  });
  return { side: modules.length + QUIET_ZONE * 2, path: runs.join('') };
}

/** A QR code as an SVG data URL `size` pixels square, for the share images. */
export function qrDataUrl(modules: boolean[][], size: number): string {
  const { side, path } = qrGeometry(modules);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges"><rect width="${side}" height="${side}" fill="#fff"/><path fill="#000" d="${path}"/></svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
