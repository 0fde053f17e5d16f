import { createHmac } from 'node:crypto';
import { webhookSecretKey } from './webhook-secret.ts';

/** What {@link signWebhook} signs: one message, as it will be sent. */
export interface SignWebhookInput {
  /** `webhook-id`: the message's id, the same on every delivery attempt so receivers dedupe. */
  readonly id: string;
  /** When the message is signed; receivers refuse it when too far from their clock. */
  readonly timestamp: Date;
  /** The exact body that will be sent: the signature covers these bytes, not the JSON value. */
  readonly body: string;
  /**
   * The endpoint's current secrets (`whsec_...`): one normally, two while a rotation's old
   * secret is still honoured. One signature is made per secret.
   */
  readonly secrets: readonly string[];
}

/** The three Standard Webhooks headers of a signed message. */
export type WebhookSignatureHeaders = Record<
  'webhook-id' | 'webhook-timestamp' | 'webhook-signature',
  string
>;

/**
 * Signs a message per the Standard Webhooks specification: for each secret, HMAC-SHA256 keyed
 * with the base64-decoded part after `whsec_`, over `${id}.${seconds}.${body}`, sent as
 * `v1,<base64>`; several entries are space-separated, so a receiver holding either the old
 * or the new secret during a rotation finds one that verifies.
 *
 * @throws {TypeError} when `secrets` is empty or holds text that is not a webhook secret,
 *   or `timestamp` is not a valid date: a programming error, never the merchant's input.
 */
export function signWebhook(input: SignWebhookInput): WebhookSignatureHeaders {
  if (input.secrets.length === 0) {
    throw new TypeError('signWebhook needs at least one secret.');
  }
  const milliseconds = input.timestamp.getTime();
  if (!Number.isFinite(milliseconds)) {
    throw new TypeError('signWebhook needs a valid timestamp.');
  }
  const seconds = String(Math.floor(milliseconds / 1000));
  const signed = Buffer.from(`${input.id}.${seconds}.${input.body}`, 'utf8');
  const signatures = input.secrets.map((secret, index) => {
    const key = webhookSecretKey(secret);
    if (key === undefined) {
      // The index, never the secret: this message may reach a log.
      throw new TypeError(`signWebhook: secrets[${index}] is not a whsec_ webhook secret.`);
    }
    return `v1,${createHmac('sha256', key).update(signed).digest('base64')}`;
  });
  return {
    'webhook-id': input.id,
    'webhook-timestamp': seconds,
    'webhook-signature': signatures.join(' '),
  };
}
