import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { interceptEvent } from '../__fixtures__/resources.ts';
import fixture from '../__fixtures__/webhook-signed-by-reference.json' with { type: 'json' };
import { constructWebhookEvent } from './construct-webhook-event.ts';
import {
  isWebhookVerificationError,
  WebhookVerificationError,
} from './webhook-verification-error.ts';

// Deliveries signed by the Standard Webhooks reference library, as the gateway signs them.
const secret = `whsec_${randomBytes(32).toString('base64')}`;
const now = Date.parse('2026-11-26T09:12:05Z');

function signed(body: string, signingSecret = secret) {
  const id = 'evt_01JD3K9V7Q8M2N4P6R8T0V2X4Z';
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(now / 1000)),
    'webhook-signature': new Webhook(signingSecret).sign(id, new Date(now), body),
  };
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(WebhookVerificationError);
  expect(isWebhookVerificationError(error)).toBe(true);
  return (error as WebhookVerificationError).reason;
}

describe('constructWebhookEvent', () => {
  it('verifies a delivery and returns its event, parsed, from text or bytes', async () => {
    const body = JSON.stringify(interceptEvent('intercept.returned'));
    const event = await constructWebhookEvent(body, signed(body), secret, { now });
    expect(event).toEqual(interceptEvent('intercept.returned'));
    const fromBytes = await constructWebhookEvent(
      new TextEncoder().encode(body),
      new Headers(signed(body)),
      [secret],
      { now },
    );
    if (fromBytes.type !== 'intercept.returned') {
      throw new Error(`unexpected ${fromBytes.type}`);
    }
    expect(fromBytes.data.orderRef).toBe('TTS-5801');
  });

  it('accepts the reference-signed rotation fixture with either secret', async () => {
    const at = Date.parse(fixture.timestamp);
    for (const each of fixture.secrets) {
      const event = await constructWebhookEvent(fixture.body, fixture.headers, each, { now: at });
      expect(event.type).toBe('intercept.returned');
    }
  });

  it('throws WebhookVerificationError for a tampered body, another secret or an old delivery', async () => {
    const body = JSON.stringify(interceptEvent('intercept.failed'));
    const headers = signed(body);
    const tampered = body.replace('intercept.failed', 'intercept.returned');
    expect(await refusal(constructWebhookEvent(tampered, headers, secret, { now }))).toBe(
      'no-matching-signature',
    );
    const stranger = `whsec_${randomBytes(32).toString('base64')}`;
    expect(await refusal(constructWebhookEvent(body, headers, stranger, { now }))).toBe(
      'no-matching-signature',
    );
    expect(
      await refusal(constructWebhookEvent(body, headers, secret, { now: now + 301_000 })),
    ).toBe('timestamp-out-of-tolerance');
    expect(await refusal(constructWebhookEvent(body, {}, secret, { now }))).toBe('missing-headers');
  });

  it('throws invalid-payload for a signed body that is not an event', async () => {
    for (const body of ['not json', '[]', '{"id":"evt_1","type":"intercept.accepted"}', '\u00ff']) {
      expect(await refusal(constructWebhookEvent(body, signed(body), secret, { now })), body).toBe(
        'invalid-payload',
      );
    }
  });

  it('returns an event of a type this SDK does not know, for a default branch to ignore', async () => {
    const body = JSON.stringify({ ...interceptEvent(), type: 'intercept.teleported' });
    const event = await constructWebhookEvent(body, signed(body), secret, { now });
    expect(event.type as string).toBe('intercept.teleported');
  });
});
