import { describe, expect, it } from 'vitest';
import { sandboxCarrier } from '../src/sandbox-carrier.ts';
import { sandboxCredentials } from '../src/sandbox-credentials.ts';
import { useSimulator } from './support/simulator-client.ts';

/** verifyCredentials against the real simulator, which checks keys as the spec says. */
const sim = useSimulator('carrier-sandbox-verify-credentials');

const [apiKeyField] = sandboxCredentials;

describe('sandbox verifyCredentials against carrier-sim', () => {
  it('accepts the default key the simulator is configured with', async () => {
    await expect(
      sandboxCarrier.verifyCredentials(sim.context({ apiKey: apiKeyField.sandboxDefault })),
    ).resolves.toBeUndefined();
  });

  it('accepts a key that owns parcels, without touching them', async () => {
    const trackingNumber = await sim.createParcel({ status: 'in_transit' });
    const ctx = sim.context();
    const before = await sandboxCarrier.track(ctx, { trackingNumber });
    await expect(sandboxCarrier.verifyCredentials(ctx)).resolves.toBeUndefined();
    expect(await sandboxCarrier.track(ctx, { trackingNumber })).toEqual(before);
  });

  it.each([
    ['an unknown key', 'live_not_a_sandbox_key', 401],
    ['a key that may not act', 'sbx_forbidden', 403],
  ])('refuses %s as authentication', async (_label, apiKey, httpStatus) => {
    await expect(sandboxCarrier.verifyCredentials(sim.context({ apiKey }))).rejects.toMatchObject({
      kind: 'authentication',
      carrierId: 'sandbox',
      httpStatus,
      requestSent: true,
    });
  });
});
