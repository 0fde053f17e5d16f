import { readFileSync } from 'node:fs';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { signWebhook } from './sign-webhook.ts';
import { newWebhookSecret } from './webhook-secret.ts';

/**
 * A message the Standard Webhooks reference library signed, shared with the SDK's tests:
 * the SDK verifies these very headers, so the gateway reproducing them byte for byte ties
 * the gateway's signer to the SDK's verifier (the SDK cannot be a dev dependency here: it
 * depends on the gateway for its own tests).
 */
const fixture = JSON.parse(
  readFileSync(
    new URL(
      '../../../../packages/sdk/src/__fixtures__/webhook-signed-by-reference.json',
      import.meta.url,
    ),
    'utf8',
  ),
) as {
  secrets: string[];
  id: string;
  timestamp: string;
  body: string;
  headers: Record<'webhook-id' | 'webhook-timestamp' | 'webhook-signature', string>;
};

const id = 'msg_2pJ4vE0xYlq8Wz3';
const body =
  '{"type":"intercept.accepted","data":{"id":"icp_01JD3K9V7Q8M2N4P6R8T0V2X4Z","note":"é 📦"}}';
const timestamp = new Date('2026-12-06T12:00:00.750Z');

/** Verifies with the reference library as a receiver would at `now`; returns the error, if any. */
function referenceVerify(
  secret: string,
  headers: Record<string, string>,
  payload: string,
  now: Date,
): unknown {
  vi.useFakeTimers({ now, toFake: ['Date'] });
  try {
    new Webhook(secret).verify(payload, headers);
    return undefined;
  } catch (error) {
    return error;
  } finally {
    vi.useRealTimers();
  }
}

afterEach(() => {
  vi.useRealTimers();
});

describe('signWebhook', () => {
  it('sets webhook-id, the timestamp in whole seconds, and one v1 signature', () => {
    const secret = newWebhookSecret();
    const headers = signWebhook({ id, timestamp, body, secrets: [secret] });
    expect(headers['webhook-id']).toBe(id);
    expect(headers['webhook-timestamp']).toBe(String(Math.floor(timestamp.getTime() / 1000)));
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
  });

  it('verifies with the standardwebhooks reference library', () => {
    const secret = newWebhookSecret();
    const headers = signWebhook({ id, timestamp, body, secrets: [secret] });
    expect(referenceVerify(secret, headers, body, timestamp)).toBeUndefined();
    // The reference library's own signature is the same string.
    expect(headers['webhook-signature']).toBe(new Webhook(secret).sign(id, timestamp, body));
  });

  it('reproduces the reference-signed fixture that the SDK verifier is tested on', () => {
    const headers = signWebhook({
      id: fixture.id,
      timestamp: new Date(fixture.timestamp),
      body: fixture.body,
      secrets: fixture.secrets,
    });
    expect(headers).toEqual(fixture.headers);
  });

  it('with two secrets (rotation), a receiver holding either one verifies', () => {
    const oldSecret = newWebhookSecret();
    const newSecret = newWebhookSecret();
    const headers = signWebhook({ id, timestamp, body, secrets: [oldSecret, newSecret] });
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(referenceVerify(oldSecret, headers, body, timestamp)).toBeUndefined();
    expect(referenceVerify(newSecret, headers, body, timestamp)).toBeUndefined();
    expect(referenceVerify(newWebhookSecret(), headers, body, timestamp)).toBeInstanceOf(
      WebhookVerificationError,
    );
  });

  it('fails verification for a tampered body or id', () => {
    const secret = newWebhookSecret();
    const headers = signWebhook({ id, timestamp, body, secrets: [secret] });
    const tampered = body.replace('accepted', 'rejected');
    expect(referenceVerify(secret, headers, tampered, timestamp)).toBeInstanceOf(
      WebhookVerificationError,
    );
    expect(
      referenceVerify(secret, { ...headers, 'webhook-id': 'msg_other' }, body, timestamp),
    ).toBeInstanceOf(WebhookVerificationError);
  });

  it('fails verification outside the five-minute tolerance, either way, and passes at its edge', () => {
    const secret = newWebhookSecret();
    const signedAt = new Date('2026-12-06T12:00:00Z');
    const headers = signWebhook({ id, timestamp: signedAt, body, secrets: [secret] });
    const at = (seconds: number) => new Date(signedAt.getTime() + seconds * 1000);
    expect(referenceVerify(secret, headers, body, at(301))).toBeInstanceOf(
      WebhookVerificationError,
    );
    expect(referenceVerify(secret, headers, body, at(-301))).toBeInstanceOf(
      WebhookVerificationError,
    );
    expect(referenceVerify(secret, headers, body, at(300))).toBeUndefined();
    expect(referenceVerify(secret, headers, body, at(-300))).toBeUndefined();
  });

  it('refuses no secrets, a malformed secret (without echoing it) and an invalid date', () => {
    expect(() => signWebhook({ id, timestamp, body, secrets: [] })).toThrow(TypeError);
    expect(() =>
      signWebhook({ id, timestamp, body, secrets: [newWebhookSecret(), 'whsec_short'] }),
    ).toThrow(/^signWebhook: secrets\[1\] is not a whsec_ webhook secret\.$/);
    expect(() =>
      signWebhook({ id, timestamp: new Date(Number.NaN), body, secrets: [newWebhookSecret()] }),
    ).toThrow(TypeError);
  });
});
