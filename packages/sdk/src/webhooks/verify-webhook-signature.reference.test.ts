import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import fixture from '../__fixtures__/webhook-signed-by-reference.json' with { type: 'json' };
import { verifyWebhookSignature } from './verify-webhook-signature.ts';

// The SDK's verifier against the Standard Webhooks reference library (`standardwebhooks`).
// The fixture was signed by the reference library, and the gateway's tests check that the
// gateway's signer reproduces it byte for byte: what the gateway sends, the SDK accepts.

const now = Date.parse(fixture.timestamp);

afterEach(() => {
  vi.useRealTimers();
});

async function sdkVerdict(
  payload: string,
  headers: Record<string, string>,
  secret: string | readonly string[],
  at = now,
): Promise<string> {
  return verifyWebhookSignature(payload, headers, secret, { now: at }).then(
    () => 'ok',
    (error: unknown) => `refused: ${(error as { reason: string }).reason}`,
  );
}

function referenceVerdict(
  payload: string,
  headers: Record<string, string>,
  secret: string,
  at = now,
): string {
  vi.useFakeTimers({ now: at, toFake: ['Date'] });
  try {
    new Webhook(secret).verify(payload, headers, { jsonParse: false });
    return 'ok';
  } catch (error) {
    return `refused: ${(error as Error).message}`;
  } finally {
    vi.useRealTimers();
  }
}

describe('verifyWebhookSignature and the reference library', () => {
  it('accepts the reference-signed fixture with both secrets, or either one alone (rotation)', async () => {
    const [oldSecret, newSecret] = fixture.secrets as [string, string];
    expect(await sdkVerdict(fixture.body, fixture.headers, fixture.secrets)).toBe('ok');
    expect(await sdkVerdict(fixture.body, fixture.headers, oldSecret)).toBe('ok');
    expect(await sdkVerdict(fixture.body, fixture.headers, newSecret)).toBe('ok');
    // The fixture is what the reference library says it is.
    expect(referenceVerdict(fixture.body, fixture.headers, oldSecret)).toBe('ok');
    expect(fixture.headers['webhook-signature'].split(' ')[1]).toBe(
      new Webhook(newSecret).sign(fixture.id, new Date(now), fixture.body),
    );
  });

  it('refuses the fixture with a tampered body, another secret, or outside the tolerance', async () => {
    const tampered = fixture.body.replace('returned', 'rejected');
    expect(await sdkVerdict(tampered, fixture.headers, fixture.secrets)).toBe(
      'refused: no-matching-signature',
    );
    const stranger = `whsec_${randomBytes(32).toString('base64')}`;
    expect(await sdkVerdict(fixture.body, fixture.headers, stranger)).toBe(
      'refused: no-matching-signature',
    );
    expect(await sdkVerdict(fixture.body, fixture.headers, fixture.secrets, now + 301_000)).toBe(
      'refused: timestamp-out-of-tolerance',
    );
    expect(await sdkVerdict(fixture.body, fixture.headers, fixture.secrets, now - 301_000)).toBe(
      'refused: timestamp-out-of-tolerance',
    );
  });

  // Each case is a header set a sender or an attacker might send; both verifiers must agree.
  const secret = fixture.secrets[0] as string;
  const { id, body } = fixture;
  const seconds = Math.floor(now / 1000);
  const signature = new Webhook(secret).sign(id, new Date(now), body);
  const digest = signature.slice(3);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  // The last character before `=` carries two unused bits: flipping one keeps the bytes.
  const lastChar = digest.at(-2) as string;
  const sameBytesOtherSpelling = `${digest.slice(0, -2)}${alphabet[alphabet.indexOf(lastChar) ^ 1]}=`;
  const headers = (overrides: Record<string, string>) => ({
    'webhook-id': id,
    'webhook-timestamp': String(seconds),
    'webhook-signature': signature,
    ...overrides,
  });

  it.each([
    ['the plain signature', headers({}), body],
    [
      'an unknown entry, then the signature',
      headers({ 'webhook-signature': `v1,bm9wZQ== ${signature}` }),
      body,
    ],
    [
      'two spaces between entries',
      headers({ 'webhook-signature': `v1,bm9wZQ==  ${signature}` }),
      body,
    ],
    [
      'the signature without its padding',
      headers({ 'webhook-signature': signature.slice(0, -1) }),
      body,
    ],
    [
      'the same bytes spelled otherwise',
      headers({ 'webhook-signature': `v1,${sameBytesOtherSpelling}` }),
      body,
    ],
    ['a v2 entry', headers({ 'webhook-signature': signature.replace('v1,', 'v2,') }), body],
    ['V1 in capitals', headers({ 'webhook-signature': signature.replace('v1,', 'V1,') }), body],
    ['a timestamp with a leading zero', headers({ 'webhook-timestamp': `0${seconds}` }), body],
    ['a timestamp with trailing text', headers({ 'webhook-timestamp': `${seconds}s` }), body],
    ['a timestamp that is not a number', headers({ 'webhook-timestamp': 'soon' }), body],
    ['another id', headers({ 'webhook-id': 'msg_other' }), body],
    [
      'an empty body signed as such',
      headers({ 'webhook-signature': new Webhook(secret).sign(id, new Date(now), '') }),
      '',
    ],
  ])('agree on %s', async (_label, message, payload) => {
    const reference = referenceVerdict(payload, message, secret);
    const sdk = await sdkVerdict(payload, message, secret);
    expect(sdk === 'ok', `reference: ${reference}, SDK: ${sdk}`).toBe(reference === 'ok');
  });

  it('agree on random messages signed by the reference library with random secrets', async () => {
    for (let round = 0; round < 50; round += 1) {
      const randomSecret = `whsec_${randomBytes(24 + (round % 41)).toString('base64')}`;
      const payload = randomBytes(round * 7).toString('latin1');
      const signedAt = new Date(now + (round - 25) * 1000);
      const message = {
        'webhook-id': `msg_${round}`,
        'webhook-timestamp': String(Math.floor(signedAt.getTime() / 1000)),
        'webhook-signature': new Webhook(randomSecret).sign(`msg_${round}`, signedAt, payload),
      };
      expect(await sdkVerdict(payload, message, randomSecret)).toBe('ok');
      expect(referenceVerdict(payload, message, randomSecret)).toBe('ok');
    }
  });
});
