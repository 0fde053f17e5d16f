import { hash, randomBytes } from 'node:crypto';

/** Prefix of keys the gateway generates; bootstrap keys may look different. */
const KEY_PREFIX = 'pgk_';

/** A new random API key (256 bits), shown once to its owner and stored only hashed. */
export function generateApiKey(): string {
  return KEY_PREFIX + randomBytes(32).toString('base64url');
}

/**
 * SHA-256 of the key, hex. Keys carry 256 bits of randomness, so a fast hash is safe here
 * (password hashing exists to slow guessing of low-entropy secrets).
 */
export function hashApiKey(key: string): string {
  // One-shot: a Hash object per request cost a visible share of a cached tracking read.
  return hash('sha256', key, 'hex');
}

/** The visible start of a key, to recognise it in listings and logs. */
export function apiKeyPrefix(key: string): string {
  return key.slice(0, 10);
}

/** Reads the key from `Authorization: Bearer <key>`; undefined when absent or malformed. */
export function readBearerKey(authorization: string | undefined): string | undefined {
  const match =
    authorization === undefined ? null : /^Bearer\s+(\S{16,256})\s*$/i.exec(authorization);
  return match?.[1];
}
