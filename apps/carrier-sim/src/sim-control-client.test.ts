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
