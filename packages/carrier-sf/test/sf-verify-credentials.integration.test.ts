import { describe, expect, it } from 'vitest';
import { sfCarrier } from '../src/sf-carrier.ts';
import { SF_SIM_CREDENTIALS, useSfSimulator } from './support/sf-simulator.ts';

/** verifyCredentials against the simulator's gateway, which checks partner and signature. */
const sim = useSfSimulator('carrier-sf-verify-credentials');

describe('sf verifyCredentials against carrier-sim', () => {
  it('accepts the default partner and checkword the simulator is configured with', async () => {
    await expect(sfCarrier.verifyCredentials(sim.context())).resolves.toBeUndefined();
  });

  it.each([
    ['a wrong checkword', { checkword: 'not-the-checkword' }, 'A1006'],
    ['a partner SF does not know', { partnerId: 'NOBODY' }, 'A1004'],
    [
      'a partner without access',
      { partnerId: 'PARCELGATE_NOACCESS', checkword: 'sfsim-checkword-noaccess' },
      'A1004',
    ],
  ])('refuses %s as authentication', async (_label, change, carrierCode) => {
    const credentials = { ...SF_SIM_CREDENTIALS, ...change };
    await expect(sfCarrier.verifyCredentials(sim.context(credentials))).rejects.toMatchObject({
      kind: 'authentication',
      carrierId: 'sf',
      carrierCode,
      requestSent: true,
    });
  });
});
