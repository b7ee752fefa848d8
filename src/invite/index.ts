/**
 * Signed invitation, pass and badge tokens: compact JWS with ES256, verified offline with WebCrypto.
 * Isomorphic (browser and Node). `qrVersion` lives in `./qr.js` (it needs the CommonJS `qrcode`).
 */
export { CLOCK_SKEW_SECONDS, signBadge, signInvitation, signPass, verifyToken } from './tokens.js';
export type { BadgeInput, InvitationInput, PassInput, VerifyErrorCode, VerifyOptions, VerifyResult } from './tokens.js';
export { ImportedKeySet, KID_LENGTH, generateSigningKey, importKeySet, jwkThumbprint, publicKeySet } from './keys.js';
export type { GeneratedKey, SigningKey, TrustedKey } from './keys.js';
export { MemoryUseRecorder } from './uses.js';
export type { UseRecorder } from './uses.js';
export { MAX_TOKEN_LENGTH, SIGNATURE_LENGTH } from './jws.js';
export { TOKEN_TYPES, type BadgeClaims, type InvitationClaims, type KeySet, type PassClaims, type TokenKind } from '../schemas/invite.js';
