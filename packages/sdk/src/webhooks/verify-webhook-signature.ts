import { WebhookVerificationError } from './webhook-verification-error.ts';

/** The headers of a received webhook: a `Headers` object or Node's `IncomingHttpHeaders`. */
export type WebhookHeaders =
  | Headers
  | Readonly<Record<string, string | readonly string[] | undefined>>;

/** Options of {@link verifyWebhookSignature}. */
export interface VerifyWebhookOptions {
  /** How far the timestamp may be from now, either way, in seconds (default 300). */
  readonly toleranceSeconds?: number;
  /** The current time in epoch milliseconds; for tests. */
  readonly now?: number;
}

/** What a verified webhook says about itself. */
export interface VerifiedWebhook {
  /** `webhook-id`: the same for every delivery of one message; dedupe on it. */
  readonly id: string;
  /** `webhook-timestamp`, when the message was signed. */
  readonly timestamp: Date;
}

const encoder = new TextEncoder();

/**
 * Verifies a webhook signed with the Standard Webhooks scheme: `webhook-signature` holds
 * space-separated `v1,<base64 HMAC-SHA256>` entries over `${webhook-id}.${webhook-timestamp}.${body}`,
 * keyed by the base64 secret after `whsec_`. Several entries (and several `secret`s) allow
 * rotation; any match passes. Timestamps more than `toleranceSeconds` from now are refused,
 * so a captured delivery cannot be replayed later. Uses WebCrypto only (any runtime), and
 * `crypto.subtle.verify`, which compares in constant time.
 *
 * @param payload the raw body bytes or text exactly as received: re-serialized JSON fails.
 * @param secret the endpoint's secret (`whsec_...`), or several while rotating.
 * @throws {WebhookVerificationError} when it does not verify.
 */
export async function verifyWebhookSignature(
  payload: string | Uint8Array,
  headers: WebhookHeaders,
  secret: string | readonly string[],
  options: VerifyWebhookOptions = {},
): Promise<VerifiedWebhook> {
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signature = header(headers, 'webhook-signature');
  if (id === undefined || timestamp === undefined || signature === undefined) {
    throw new WebhookVerificationError(
      'missing-headers',
      'The webhook lacks webhook-id, webhook-timestamp or webhook-signature.',
    );
  }
  // Read as the Standard Webhooks reference library reads it (`parseInt`), and sign the
  // number it reads, not the header's text, so both accept and refuse the same messages.
  const signedAtSeconds = Number.parseInt(timestamp, 10);
  if (Number.isNaN(signedAtSeconds)) {
    throw new WebhookVerificationError('invalid-timestamp', 'webhook-timestamp is not a number.');
  }
  const nowSeconds = Math.floor((options.now ?? Date.now()) / 1000);
  if (Math.abs(nowSeconds - signedAtSeconds) > (options.toleranceSeconds ?? 300)) {
    throw new WebhookVerificationError(
      'timestamp-out-of-tolerance',
      'webhook-timestamp is too far from now: an old delivery replayed, or a skewed clock.',
    );
  }

  const body = typeof payload === 'string' ? encoder.encode(payload) : payload;
  const signed = concat(encoder.encode(`${id}.${signedAtSeconds}.`), body);
  // Only canonical base64 (padded, no stray bits): the reference library compares the
  // `v1,<base64>` text itself, and `atob` alone would also take unpadded or altered spellings.
  const candidates = signature
    .split(' ')
    .flatMap((entry) => (entry.startsWith('v1,') ? [decodeCanonicalBase64(entry.slice(3))] : []))
    .filter((bytes): bytes is Uint8Array<ArrayBuffer> => bytes !== undefined);

  for (const key of await Promise.all(
    (typeof secret === 'string' ? [secret] : secret).map(importKey),
  )) {
    for (const candidate of candidates) {
      if (await crypto.subtle.verify('HMAC', key, candidate, signed)) {
        return { id, timestamp: new Date(signedAtSeconds * 1000) };
      }
    }
  }
  throw new WebhookVerificationError(
    'no-matching-signature',
    'No webhook-signature entry matches the payload and secret.',
  );
}

// Return type inferred: `CryptoKey` is a DOM type name, not one under Node's types.
async function importKey(secret: string) {
  const bytes = decodeBase64(secret.startsWith('whsec_') ? secret.slice(6) : secret);
  if (bytes === undefined || bytes.length === 0) {
    throw new WebhookVerificationError('invalid-secret', 'The webhook secret is not base64.');
  }
  return crypto.subtle.importKey('raw', bytes, { name: 'HMAC', hash: 'SHA-256' }, false, [
    'verify',
  ]);
}

/** Looks a header up case-insensitively; a repeated header counts as its first value. */
function header(headers: WebhookHeaders, name: string): string | undefined {
  // Duck-typed: undici's own Headers class is not the global one.
  if (isHeaders(headers)) {
    return headers.get(name) ?? undefined;
  }
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) {
      return typeof value === 'string' ? value : value?.[0];
    }
  }
  return undefined;
}

function isHeaders(headers: WebhookHeaders): headers is Headers {
  return typeof (headers as { get?: unknown }).get === 'function';
}

/** `atob` is the one base64 decoder every runtime has. */
function decodeBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  try {
    return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/** Decodes base64 only when it is the one spelling `btoa` gives for those bytes. */
function decodeCanonicalBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  const bytes = decodeBase64(text);
  return bytes !== undefined &&
    btoa(Array.from(bytes, (byte) => String.fromCharCode(byte)).join('')) === text
    ? bytes
    : undefined;
}

function concat(head: Uint8Array, tail: Uint8Array): Uint8Array<ArrayBuffer> {
  const joined = new Uint8Array(head.length + tail.length);
  joined.set(head);
  joined.set(tail, head.length);
  return joined;
}
