import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimControlClient } from './sim-control-client.ts';
import { type RunningSimulator, startSimulator } from './start-simulator.ts';

let running: RunningSimulator;
let sim: SimControlClient;

beforeAll(async () => {
  running = await startSimulator({ port: 0, seed: 'sim-control-client' });
  sim = new SimControlClient(running.url);
});

afterAll(async () => {
  await running?.close();
});

describe('SimControlClient', () => {
  it('creates a parcel and reads the simulator’s view of it', async () => {
    expect(await sim.healthy()).toBe(true);
    const trackingNumber = await sim.createParcel({ status: 'in_transit' });
    const parcel = await sim.parcel(trackingNumber);
    expect(parcel).toMatchObject({
      carrier: 'sandbox',
      trackingNumber,
      status: 'in_transit',
      intercept: null,
      calls: { track: 0, intercept: 0, redirect: 0 },
    });
  });

  it("reads each carrier account's calls and the most of them in one second, and forgets them", async () => {
    await sim.clearAccountCalls();
    const trackingNumber = await sim.createParcel({ status: 'in_transit' });
    for (const apiKey of ['sbx_counted_a', 'sbx_counted_a', 'sbx_counted_a', 'sbx_counted_b']) {
      const answer = await fetch(`${running.url}/sandbox/v1/parcels/${trackingNumber}`, {
        headers: { authorization: `Bearer ${apiKey}` },
      });
      expect(answer.status).toBe(200);
    }
    const accounts = await sim.accountCalls();
    const counted = accounts.filter((entry) => entry.account.startsWith('sbx_counted_'));
    expect(counted).toHaveLength(2);
    expect(counted.find((entry) => entry.account === 'sbx_counted_a')).toMatchObject({
      carrier: 'sandbox',
      calls: 3,
    });
    // Three calls in a row are at most three in a second, and at least one.
    const a = counted.find((entry) => entry.account === 'sbx_counted_a');
    expect(a?.maxInWindow).toBeGreaterThanOrEqual(1);
    expect(a?.maxInWindow).toBeLessThanOrEqual(3);
    await sim.clearAccountCalls();
    expect(await sim.accountCalls()).toEqual([]);
  });

  it('adds and deletes a fault, and moves the clock', async () => {
    const id = await sim.addFault({
      carrier: 'sandbox',
      operation: 'track',
      fault: { type: 'hang' },
    });
    await sim.deleteFault(id);
    await expect(sim.deleteFault(id)).rejects.toThrow(`could not delete fault ${id}`);
    await sim.advanceClock(60_000);
  });

  it('throws with the simulator’s answer when it refuses', async () => {
    await expect(sim.createParcel({ status: 'no_such_status' })).rejects.toThrow(
      /the simulator refused the parcel/,
    );
    await expect(sim.parcel('NOPE')).rejects.toThrow('the simulator has no parcel NOPE');
  });

  it('is not healthy when nothing listens', async () => {
    const closed = await startSimulator({ port: 0 });
    await closed.close();
    expect(await new SimControlClient(closed.url).healthy()).toBe(false);
  });
});
