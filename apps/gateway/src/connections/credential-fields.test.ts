import type { CredentialSpec } from '@parcelgate/carrier-kit';
import { describe, expect, it } from 'vitest';
import { checkCredentials, credentialHints, secretValues } from './credential-fields.ts';

const spec: CredentialSpec = [
  {
    key: 'clientId',
    env: 'CLIENT_ID',
    description: 'OAuth client id',
    secret: false,
    required: true,
  },
  {
    key: 'clientSecret',
    env: 'CLIENT_SECRET',
    description: 'OAuth client secret',
    secret: true,
    required: true,
  },
  { key: 'merchantId', env: 'MERCHANT_ID', description: 'Account', secret: false, required: false },
];

describe('checkCredentials', () => {
  it('accepts the declared fields and trims them', () => {
    expect(checkCredentials(spec, { clientId: ' id ', clientSecret: 'secret' })).toEqual({
      ok: true,
      values: { clientId: 'id', clientSecret: 'secret' },
    });
  });

  it('names unknown, empty and missing required fields, never their values', () => {
    const result = checkCredentials(spec, { clientId: '', returnAddress: 'Attacker Lane 1' });
    expect(result.ok).toBe(false);
    if (result.ok) {
      return;
    }
    expect(result.errors.map((error) => error.pointer)).toEqual([
      '/credentials/clientId',
      '/credentials/returnAddress',
      '/credentials/clientId',
      '/credentials/clientSecret',
    ]);
    expect(JSON.stringify(result.errors)).not.toContain('Attacker');
  });

  it('changes stored credentials field by field; null removes an optional one', () => {
    const stored = { clientId: 'id', clientSecret: 'old', merchantId: '123456' };
    expect(checkCredentials(spec, { clientSecret: 'new', merchantId: null }, stored)).toEqual({
      ok: true,
      values: { clientId: 'id', clientSecret: 'new' },
    });
    expect(checkCredentials(spec, { clientSecret: null }, stored).ok).toBe(false);
  });
});

describe('credentialHints', () => {
  it('shows settings in clear and only the end of long secrets', () => {
    expect(credentialHints(spec, { clientId: 'id', clientSecret: 'abcdefghijkl-9f3a' })).toEqual({
      clientId: { secret: false, value: 'id' },
      clientSecret: { secret: true, hint: '••••9f3a' },
    });
    expect(credentialHints(spec, { clientId: 'id', clientSecret: 'short' }).clientSecret).toEqual({
      secret: true,
      hint: '••••',
    });
  });

  it('lists the secret values to redact', () => {
    expect(secretValues(spec, { clientId: 'id', clientSecret: 'x' })).toEqual(['x']);
  });
});
