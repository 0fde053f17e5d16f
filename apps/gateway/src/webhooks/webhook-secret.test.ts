import { describe, expect, it } from 'vitest';
import { isWebhookSecret, newWebhookSecret, webhookSecretKey } from './webhook-secret.ts';

describe('newWebhookSecret', () => {
  it('makes whsec_ + base64 of 32 random bytes, different every time', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(webhookSecretKey(secret)).toHaveLength(32);
    expect(newWebhookSecret()).not.toBe(secret);
  });
});

describe('isWebhookSecret', () => {
  it.each([
    ['a new secret', newWebhookSecret(), true],
    ['24 bytes, the shortest allowed', `whsec_${Buffer.alloc(24, 7).toString('base64')}`, true],
    ['64 bytes, the longest allowed', `whsec_${Buffer.alloc(64, 7).toString('base64')}`, true],
    ['16 bytes: too short', `whsec_${Buffer.alloc(16, 7).toString('base64')}`, false],
    ['65 bytes: too long', `whsec_${Buffer.alloc(65, 7).toString('base64')}`, false],
    ['no prefix', Buffer.alloc(32, 7).toString('base64'), false],
    ['padding missing', `whsec_${Buffer.alloc(32, 7).toString('base64').replace('=', '')}`, false],
    ['stray characters Node would skip', `whsec_${Buffer.alloc(32, 7).toString('base64')}%`, false],
    ['empty', '', false],
  ])('%s → %s', (_label, text, expected) => {
    expect(isWebhookSecret(text)).toBe(expected);
  });
});
