import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseSecretKey, SecretBox, SecretBoxError } from './secret-box.ts';

const key = randomBytes(32);

describe('SecretBox', () => {
  it('opens what it sealed, in the same context', () => {
    const box = new SecretBox(key);
    const sealed = box.seal('{"clientSecret":"s3cr3t-value"}', 'tenant/ups/con_1');
    expect(sealed).not.toContain('s3cr3t');
    expect(sealed.startsWith(`v1.${box.keyId}.`)).toBe(true);
    expect(box.open(sealed, 'tenant/ups/con_1')).toBe('{"clientSecret":"s3cr3t-value"}');
  });

  it('seals the same text differently each time (fresh IV)', () => {
    const box = new SecretBox(key);
    expect(box.seal('same', 'ctx')).not.toBe(box.seal('same', 'ctx'));
  });

  it('refuses another context, a tampered ciphertext and another key', () => {
    const box = new SecretBox(key);
    const sealed = box.seal('secret', 'tenant-a/ups/con_1');
    expect(() => box.open(sealed, 'tenant-b/ups/con_1')).toThrow(SecretBoxError);
    const parts = sealed.split('.');
    const tampered = [...parts.slice(0, 4), Buffer.from('other').toString('base64url')].join('.');
    expect(() => box.open(tampered, 'tenant-a/ups/con_1')).toThrow(/does not verify/);
    expect(() => new SecretBox(randomBytes(32)).open(sealed, 'tenant-a/ups/con_1')).toThrow(
      /another secret key/,
    );
  });

  it('refuses a key of the wrong size', () => {
    expect(() => new SecretBox(randomBytes(16))).toThrow(/32 bytes/);
  });
});

describe('parseSecretKey', () => {
  it('reads 64 hex digits and base64 of 32 bytes, and nothing else', () => {
    expect(parseSecretKey(key.toString('hex'))).toEqual(key);
    expect(parseSecretKey(key.toString('base64'))).toEqual(key);
    expect(parseSecretKey(key.toString('base64url'))).toEqual(key);
    expect(parseSecretKey('short')).toBeUndefined();
    expect(parseSecretKey(randomBytes(31).toString('hex'))).toBeUndefined();
  });
});
