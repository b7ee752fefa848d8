/**
 * QR size of a token. Kept out of `index.ts` because `qrcode` is CommonJS and only tools and benchmarks need
 * it; the kiosk verifies tokens without it.
 */
import QRCode from 'qrcode';

/** Highest QR version a token may need at level M: beyond it, cheap scanners and small badges misread. */
export const MAX_QR_VERSION = 15;

/** The QR version (1–40) that encodes `token` at error-correction level M. */
export function qrVersion(token: string): number {
  return QRCode.create(token, { errorCorrectionLevel: 'M' }).version;
}
