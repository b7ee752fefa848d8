/**
 * Compact JWS (RFC 7515) reduced to what we use: one algorithm, ES256, with the raw 64-byte `r‖s` signature
 * WebCrypto produces. Low-level: `signCompact` signs whatever header and payload text it is given, so tests
 * can build hostile tokens with a real key; applications use `signInvitation` & co. in `tokens.ts`.
 */
import { encodeBase64url, encodeBase64urlText } from './base64url.js';
import { subtle } from './keys.js';

/** Longest token accepted, in characters: a pass is about 400; anything over 1 KB is refused unread. */
export const MAX_TOKEN_LENGTH = 1024;
/** ES256 signature length: two 32-byte integers. A DER-encoded signature (70–72 bytes) is refused. */
export const SIGNATURE_LENGTH = 64;

export const ECDSA_SHA256 = { name: 'ECDSA', hash: 'SHA-256' } as const;

/** The ASCII bytes that are signed: `BASE64URL(header) '.' BASE64URL(payload)`. */
export const signingInput = (encodedHeader: string, encodedPayload: string): Uint8Array<ArrayBuffer> =>
  new TextEncoder().encode(`${encodedHeader}.${encodedPayload}`);

/** Signs `headerJson` and `payloadJson` as they are (no checks) with a P-256 private key. */
export async function signCompact(headerJson: string, payloadJson: string, privateKey: CryptoKey): Promise<string> {
  const header = encodeBase64urlText(headerJson);
  const payload = encodeBase64urlText(payloadJson);
  const signature = await subtle().sign(ECDSA_SHA256, privateKey, signingInput(header, payload));
  return `${header}.${payload}.${encodeBase64url(new Uint8Array(signature))}`;
}
