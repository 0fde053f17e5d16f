import { describe, expect, it } from 'vitest';
import { kuaidi100Carrier } from '../src/kuaidi100-carrier.ts';
import { SIM_CREDENTIALS, useKuaidi100Simulator } from './support/kuaidi100-simulator.ts';

/** verifyCredentials against the simulator, which checks both signatures. */
const sim = useKuaidi100Simulator('carrier-kuaidi100-verify-credentials');

function verify(change: Readonly<Record<string, string>> = {}) {
  return kuaidi100Carrier.verifyCredentials(
    sim.context({ credentials: { ...SIM_CREDENTIALS, ...change } }),
  );
}

describe('kuaidi100 verifyCredentials against carrier-sim', () => {
  it('accepts the default account the simulator is configured with', async () => {
    await expect(verify()).resolves.toBeUndefined();
  });

  it('accepts another account of the simulator, with its own customer, key and secret', async () => {
    await expect(
      verify({
        customer: 'SIMKD100CUSTOMER0002',
        key: 'simkd100key0002',
        secret: 'simkd100secret0002',
      }),
    ).resolves.toBeUndefined();
  });

  it.each([
    ['a wrong key', { key: 'simkd100key-wrong' }, '503', 'customer id and key'],
    ['an unknown customer', { customer: 'NOT-A-CUSTOMER' }, '400', 'customer id and key'],
    ['a wrong label secret', { secret: 'not-the-secret' }, '503', 'key and secret'],
    [
      "another account's key with this customer",
      { key: 'simkd100key0002', secret: 'simkd100secret0002' },
      '503',
      'customer id and key',
    ],
  ])('refuses %s as authentication', async (_label, change, carrierCode, proves) => {
    await expect(verify(change)).rejects.toMatchObject({
      kind: 'authentication',
      carrierId: 'kuaidi100',
      carrierCode,
      requestSent: true,
      message: expect.stringContaining(proves),
    });
  });
});
