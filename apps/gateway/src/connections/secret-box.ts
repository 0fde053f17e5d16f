import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** Bytes of an AES-256 key. */
export const SECRET_KEY_BYTES = 32;

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const FORMAT = 'v1';

/** Thrown when sealed data cannot be opened: another key, or tampered data. */
export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretBoxError';
  }
}

/**
 * Seals small secrets (carrier credentials) with AES-256-GCM. Each seal has a fresh
 * 96-bit IV, and is bound to `context` (authenticated, not encrypted): a sealed value
 * copied to another row, tenant or carrier does not open there. The sealed form names the
 * key by a fingerprint, so a gateway started with the wrong key says so instead of
 * failing on a tag mismatch.
 */
export class SecretBox {
  readonly #key: Buffer;
  /** A short fingerprint of the key (not the key): safe to store and to log. */
  readonly keyId: string;

  constructor(key: Buffer) {
    if (key.length !== SECRET_KEY_BYTES) {
      throw new SecretBoxError(`a secret key has ${SECRET_KEY_BYTES} bytes, got ${key.length}`);
    }
    this.#key = Buffer.from(key);
    this.keyId = createHash('sha256')
      .update('parcelgate-secret-key')
      .update(key)
      .digest('base64url')
      .slice(0, 8);
  }

  /** Seals `plaintext`; the result is `v1.<keyId>.<iv>.<tag>.<ciphertext>` in base64url. */
  seal(plaintext: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.#key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [
      FORMAT,
      this.keyId,
      iv.toString('base64url'),
      cipher.getAuthTag().toString('base64url'),
      ciphertext.toString('base64url'),
    ].join('.');
  }

  /** Opens what {@link seal} made with the same key and context. */
  open(sealed: string, context: string): string {
    const [format, keyId, iv, tag, ciphertext, ...rest] = sealed.split('.');
    if (
      format !== FORMAT ||
      keyId === undefined ||
      iv === undefined ||
      tag === undefined ||
      ciphertext === undefined ||
      rest.length > 0
    ) {
      throw new SecretBoxError('sealed data is not in the v1 format');
    }
    if (keyId !== this.keyId) {
      throw new SecretBoxError(
        `sealed with another secret key (${keyId}); this gateway's key is ${this.keyId}`,
      );
    }
    try {
      const decipher = createDecipheriv(ALGORITHM, this.#key, Buffer.from(iv, 'base64url'), {
        authTagLength: TAG_BYTES,
      });
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([
        decipher.update(Buffer.from(ciphertext, 'base64url')),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      throw new SecretBoxError('sealed data does not verify (tampered, or another context)');
    }
  }
}

/**
 * Reads a key as configured: 64 hex digits or the base64 (or base64url) of 32 bytes.
 * Returns undefined for anything else, so the caller can name the variable at fault.
 */
export function parseSecretKey(text: string): Buffer | undefined {
  const trimmed = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) {
    return Buffer.from(trimmed, 'hex');
  }
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed)) {
    const bytes = Buffer.from(trimmed.replaceAll('-', '+').replaceAll('_', '/'), 'base64');
    return bytes.length === SECRET_KEY_BYTES ? bytes : undefined;
  }
  return undefined;
}
