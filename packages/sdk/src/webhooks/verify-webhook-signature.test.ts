import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyWebhookSignature } from './verify-webhook-signature.ts';
import { WebhookVerificationError } from './webhook-verification-error.ts';

/** Signs like a Standard Webhooks sender, independently of the code under test (node:crypto). */
function sign(secret: string, id: string, timestamp: number, body: string | Buffer): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const signed = Buffer.concat([Buffer.from(`${id}.${timestamp}.`), Buffer.from(body)]);
  return `v1,${createHmac('sha256', key).update(signed).digest('base64')}`;
}

const secret = `whsec_${randomBytes(24).toString('base64')}`;
const now = Date.parse('2026-11-26T08:00:00Z');
const timestamp = Math.floor(now / 1000);
const id = 'msg_2pJ4vE0xYl';
const body = '{"type":"intercept.accepted","data":{"id":"icp_01JD3K9V7Q8M2N4P6R8T0V2X4Z"}}';

function headersFor(signature: string, at = timestamp) {
  return { 'webhook-id': id, 'webhook-timestamp': String(at), 'webhook-signature': signature };
}

async function failure(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(WebhookVerificationError);
  return (error as WebhookVerificationError).reason;
}

describe('verifyWebhookSignature', () => {
  it('accepts the Standard Webhooks specification example', async () => {
    // The example of the specification's README (standard-webhooks/standard-webhooks).
    const verified = await verifyWebhookSignature(
      '{"test": 2432232314}',
      {
        'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
        'webhook-timestamp': '1614265330',
        'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
      },
      'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      { now: 1614265330_000 },
    );
    expect(verified).toEqual({
      id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      timestamp: new Date(1614265330_000),
    });
  });

  it('accepts a signature computed with node:crypto, from text, bytes or a Headers object', async () => {
    const signature = sign(secret, id, timestamp, body);
    await expect(
      verifyWebhookSignature(body, headersFor(signature), secret, { now }),
    ).resolves.toEqual({
      id,
      timestamp: new Date(timestamp * 1000),
    });
    await verifyWebhookSignature(
      new TextEncoder().encode(body),
      new Headers(headersFor(signature)),
      secret,
      {
        now,
      },
    );
  });

  it('accepts any of several signatures, and any of several secrets (rotation)', async () => {
    const oldSecret = `whsec_${randomBytes(24).toString('base64')}`;
    const both = `${sign(oldSecret, id, timestamp, body)} ${sign(secret, id, timestamp, body)}`;
    await verifyWebhookSignature(body, headersFor(both), secret, { now });
    await verifyWebhookSignature(
      body,
      headersFor(sign(oldSecret, id, timestamp, body)),
      [secret, oldSecret],
      {
        now,
      },
    );
  });

  it('signs the raw bytes: a re-serialized body fails', async () => {
    const signature = sign(secret, id, timestamp, body);
    const reserialized = JSON.stringify(JSON.parse(body), null, 2);
    expect(
      await failure(verifyWebhookSignature(reserialized, headersFor(signature), secret, { now })),
    ).toBe('no-matching-signature');
  });

  it('refuses a tampered id, a wrong secret, and unknown signature versions', async () => {
    const signature = sign(secret, id, timestamp, body);
    const otherSecret = `whsec_${randomBytes(24).toString('base64')}`;
    expect(
      await failure(
        verifyWebhookSignature(
          body,
          { ...headersFor(signature), 'webhook-id': 'msg_other' },
          secret,
          { now },
        ),
      ),
    ).toBe('no-matching-signature');
    expect(
      await failure(verifyWebhookSignature(body, headersFor(signature), otherSecret, { now })),
    ).toBe('no-matching-signature');
    const v2 = signature.replace('v1,', 'v2,');
    expect(await failure(verifyWebhookSignature(body, headersFor(v2), secret, { now }))).toBe(
      'no-matching-signature',
    );
  });

  it('refuses timestamps more than five minutes away, either way', async () => {
    for (const at of [timestamp - 301, timestamp + 301]) {
      const signature = sign(secret, id, at, body);
      expect(
        await failure(verifyWebhookSignature(body, headersFor(signature, at), secret, { now })),
      ).toBe('timestamp-out-of-tolerance');
    }
    for (const at of [timestamp - 300, timestamp + 300]) {
      await verifyWebhookSignature(body, headersFor(sign(secret, id, at, body), at), secret, {
        now,
      });
    }
  });

  it('refuses missing headers, bad timestamps and a secret that is not base64', async () => {
    const signature = sign(secret, id, timestamp, body);
    expect(
      await failure(
        verifyWebhookSignature(body, { 'webhook-signature': signature }, secret, { now }),
      ),
    ).toBe('missing-headers');
    expect(
      await failure(
        verifyWebhookSignature(
          body,
          { ...headersFor(signature), 'webhook-timestamp': 'soon' },
          secret,
          { now },
        ),
      ),
    ).toBe('invalid-timestamp');
    expect(
      await failure(verifyWebhookSignature(body, headersFor(signature), 'whsec_%%%', { now })),
    ).toBe('invalid-secret');
  });
});
