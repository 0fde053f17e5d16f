import { describe, expect, it } from 'vitest';
import { upsCarrier } from '../src/ups-carrier.ts';
import { SIM_CREDENTIALS, useUpsSimulator } from './support/simulator-client.ts';

/** verifyCredentials against the simulator's token endpoint, which checks the client. */
const sim = useUpsSimulator('carrier-ups-verify-credentials');

describe('ups verifyCredentials against carrier-sim', () => {
  it('accepts the default client the simulator is configured with', async () => {
    await expect(upsCarrier.verifyCredentials(sim.context())).resolves.toBeUndefined();
  });

  it('refuses a wrong secret as authentication', async () => {
    const wrong = { ...SIM_CREDENTIALS, clientSecret: 'not-the-secret' };
    await expect(upsCarrier.verifyCredentials(sim.context(wrong))).rejects.toMatchObject({
      kind: 'authentication',
      carrierId: 'ups',
      httpStatus: 401,
      carrierCode: '250002',
      requestSent: true,
    });
  });

  it('refuses a blocked merchant as authentication', async () => {
    const blocked = { ...SIM_CREDENTIALS, clientId: 'ups-sim-blocked' };
    await expect(upsCarrier.verifyCredentials(sim.context(blocked))).rejects.toMatchObject({
      kind: 'authentication',
      httpStatus: 403,
    });
  });
});
