import QRCode from 'qrcode';

/** The modules of a QR code for `text` (medium error correction: survives a compressed chat image). */
export function qrModules(text: string): boolean[][] {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return Array.from({ length: modules.size }, (_, y) => Array.from({ length: modules.size }, (_, x) => Boolean(modules.get(x, y))));
}
