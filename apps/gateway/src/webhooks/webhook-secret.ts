import { randomBytes } from 'node:crypto';

/** The prefix every Standard Webhooks secret carries, so a leaked one is recognisable. */
export const WEBHOOK_SECRET_PREFIX = 'whsec_';

/** Random bytes in a new secret: 256 bits, the HMAC-SHA256 block-size sweet spot. */
const SECRET_BYTES = 32;

/**
 * The key lengths a secret may carry, in bytes. The Standard Webhooks specification asks
 * for 24 to 64; {@link newWebhookSecret} always makes 32.
 */
const MIN_KEY_BYTES = 24;
const MAX_KEY_BYTES = 64;

/**
 * A new endpoint secret in the Standard Webhooks format: `whsec_` followed by the base64 of
 * 32 random bytes from the system's CSPRNG. Shown to the merchant once; store it sealed.
 */
export function newWebhookSecret(): string {
  return `${WEBHOOK_SECRET_PREFIX}${randomBytes(SECRET_BYTES).toString('base64')}`;
}

/**
 * Whether `text` is a well-formed webhook secret: `whsec_`, then canonical (padded) base64
 * of 24 to 64 bytes. Canonical because Node's decoder skips stray characters: a secret that
 * does not re-encode to itself would sign with a key the merchant does not expect.
 */
export function isWebhookSecret(text: string): boolean {
  return webhookSecretKey(text) !== undefined;
}

/**
 * The HMAC key a secret stands for (the bytes after `whsec_`), or `undefined` when the text
 * is not a well-formed secret (see {@link isWebhookSecret}).
 */
export function webhookSecretKey(text: string): Buffer | undefined {
  if (!text.startsWith(WEBHOOK_SECRET_PREFIX)) {
    return undefined;
  }
  const encoded = text.slice(WEBHOOK_SECRET_PREFIX.length);
  const key = Buffer.from(encoded, 'base64');
  if (key.length < MIN_KEY_BYTES || key.length > MAX_KEY_BYTES) {
    return undefined;
  }
  return key.toString('base64') === encoded ? key : undefined;
}
