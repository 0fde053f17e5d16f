import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCarrierSimulatorClient } from './carrier-simulator-client.ts';

const sim = createCarrierSimulatorClient({ carrier: 'sandbox', seed: 'client-test' });
beforeAll(sim.start);
afterAll(sim.stop);

describe('createCarrierSimulatorClient', () => {
  it("creates the carrier's parcels, faults and clock moves, and resets them", async () => {
    const trackingNumber = await sim.createParcel({ status: 'in_transit' });
    await sim.addFault({
      operation: 'track',
      trackingNumber,
      fault: { type: 'status', code: 503 },
    });
    await sim.advance(60_000);
    const parcel = (await sim.control('GET', `/parcels/sandbox/${trackingNumber}`)) as {
      trackingNumber: string;
    };
    expect(parcel.trackingNumber).toBe(trackingNumber);
    const faults = await fetch(`${sim.url()}/sandbox/v1/parcels/${trackingNumber}`, {
      headers: { authorization: 'Bearer sbx_test' },
    });
    expect(faults.status).toBe(503);

    await sim.reset();
    await expect(sim.control('GET', `/parcels/sandbox/${trackingNumber}`)).rejects.toThrow(
      /answered 404/,
    );
  });

  it("passes a parcel's account through", async () => {
    const trackingNumber = await sim.createParcel({ status: 'in_transit', account: 'sbx_owner' });
    const parcel = (await sim.control('GET', `/parcels/sandbox/${trackingNumber}`)) as {
      account: string | null;
    };
    expect(parcel.account).toBe('sbx_owner');
  });

  it('throws with the answer when the control API refuses', async () => {
    await expect(sim.createParcel({ status: 'no_such_status' })).rejects.toThrow(
      /control \/parcels answered 400/,
    );
  });
});
