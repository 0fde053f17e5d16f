import type { WebhookEvent } from '../types.ts';
import {
  type VerifyWebhookOptions,
  verifyWebhookSignature,
  type WebhookHeaders,
} from './verify-webhook-signature.ts';
import { WebhookVerificationError } from './webhook-verification-error.ts';

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Verifies a received webhook (with {@link verifyWebhookSignature}) and returns its event,
 * parsed and typed: `switch (event.type)` narrows `data` to the intercept, redirect, parcel
 * change or endpoint it is about. The event's `id` is the delivery's `webhook-id`, the same
 * on every retry and redelivery: handle each id once.
 *
 * The union lists the event types this SDK version knows; a newer gateway may send a type
 * it does not, so keep a `default` branch that answers 2xx and ignores it.
 *
 * @param payload the raw body bytes or text exactly as received: re-serialized JSON fails.
 * @param secret the endpoint's secret (`whsec_...`), or several while rotating.
 * @throws {WebhookVerificationError} when the signature does not verify (its `reason`
 *   says why), or when a verified body is not an event (`invalid-payload`). Answer 4xx
 *   and do not act on it.
 *
 * @example
 * ```ts
 * const event = await constructWebhookEvent(rawBody, request.headers, process.env.PARCELGATE_WEBHOOK_SECRET!);
 * if (event.type === 'intercept.returned') await refund(event.data.orderRef);
 * ```
 */
export async function constructWebhookEvent(
  payload: string | Uint8Array,
  headers: WebhookHeaders,
  secret: string | readonly string[],
  options: VerifyWebhookOptions = {},
): Promise<WebhookEvent> {
  await verifyWebhookSignature(payload, headers, secret, options);
  const event = parse(payload);
  if (!isEventShaped(event)) {
    throw new WebhookVerificationError(
      'invalid-payload',
      'The webhook body verified but is not an event (an object with id, type and data).',
    );
  }
  return event;
}

function parse(payload: string | Uint8Array): unknown {
  try {
    return JSON.parse(typeof payload === 'string' ? payload : decoder.decode(payload));
  } catch (error) {
    throw new WebhookVerificationError(
      'invalid-payload',
      `The webhook body verified but is not JSON: ${(error as Error).message}`,
    );
  }
}

/**
 * The fields every event has. The rest is not checked: the signature already proves the
 * gateway sent it, and a newer gateway may add fields and types.
 */
function isEventShaped(value: unknown): value is WebhookEvent {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const { id, type, data } = value as Record<string, unknown>;
  return (
    typeof id === 'string' && typeof type === 'string' && typeof data === 'object' && data !== null
  );
}
