/**
 * Bearer tokens and pairing codes: random, shown once, stored only as SHA-256. A leaked database therefore
 * holds no usable token; 256 random bits make hashing without salt safe (nothing to guess), unlike PINs.
 */
import { createHash, randomBytes } from 'node:crypto';

/** Random bytes of a bearer token: 256 bits, 43 base64url characters (BEARER_PATTERN in src/schemas/sync.ts). */
const TOKEN_BYTES = 32;
/** Random bytes of a pairing code: 128 bits, 22 characters (PAIR_CODE_PATTERN). */
const PAIR_CODE_BYTES = 16;

export type TokenKind = 'device' | 'staff';

const PREFIX: Record<TokenKind, string> = { device: 'vkd_', staff: 'vks_' };

export const newToken = (kind: TokenKind): string => PREFIX[kind] + randomBytes(TOKEN_BYTES).toString('base64url');
export const newPairCode = (): string => randomBytes(PAIR_CODE_BYTES).toString('base64url');
/** What the database keeps of a token or code. */
export const secretHash = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');
/** The kind a bearer token's prefix names, or undefined for anything else. */
export const tokenKind = (token: string): TokenKind | undefined => (token.startsWith('vkd_') ? 'device' : token.startsWith('vks_') ? 'staff' : undefined);
