import { describe, expect, it } from 'vitest';
import { Simulator } from '../simulator.ts';
import { useSimulator } from '../test-support/sim-harness.ts';
import { STAGE_INTERVAL_MS } from './journey.ts';
import type { Parcel } from './parcel.ts';
import { SIM_STATUSES, type SimStatus } from './statuses.ts';

const HOUR = 60 * 60 * 1000;

function create(simulator: Simulator, status: SimStatus): Parcel {
  return simulator.createParcel({
    carrier: 'sandbox',
    status,
    subStatus: status === 'exception' ? 'held' : null,
    category: null,
    declaredValue: null,
  });
}

describe('journeys on the simulated clock', () => {
  it('creates a parcel in every status, with a history in the past, oldest first', () => {
    const simulator = new Simulator({ seed: 'journeys' });
    for (const status of SIM_STATUSES) {
      const parcel = create(simulator, status);
      expect(parcel.status).toBe(status);
      expect(parcel.events[0]?.kind).toBe('label_created');
      const times = parcel.events.map((event) => event.at);
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      expect(Math.max(...times)).toBeLessThan(simulator.now());
    }
  });

  it('takes exactly one step per stage interval, from label to delivery, then stops', () => {
    const simulator = new Simulator();
    const parcel = create(simulator, 'label_created');
    const seen: string[] = [parcel.status];
    simulator.advance(STAGE_INTERVAL_MS - 6 * 60 * 1000);
    expect(parcel.events).toHaveLength(1);
    for (let step = 0; step < 9; step++) {
      simulator.advance(STAGE_INTERVAL_MS);
      seen.push(parcel.status);
    }
    expect(seen).toEqual([
      'label_created',
      'picked_up',
      'in_transit',
      'in_transit',
      'in_transit',
      'at_destination_facility',
      'out_for_delivery',
      'delivered',
      'delivered',
      'delivered',
    ]);
    expect(parcel.events.map((event) => event.kind)).toEqual([
      'label_created',
      'picked_up',
      'departed_facility',
      'arrived_at_hub',
      'departed_facility',
      'arrived_at_last_mile',
      'out_for_delivery',
      'delivered',
    ]);
    expect(parcel.nextStepAt).toBeNull();
  });

  it('gives the same history for one large advance as for many small ones', () => {
    const once = new Simulator({ seed: 'same' });
    const often = new Simulator({ seed: 'same' });
    const a = create(once, 'picked_up');
    const b = create(often, 'picked_up');
    once.advance(30 * HOUR);
    for (let hour = 0; hour < 30; hour++) {
      often.advance(HOUR);
    }
    expect(a.events).toEqual(b.events);
    expect(a.status).toBe('delivered');
  });

  it('goes from a failed delivery to the parcel point, then delivered', () => {
    const simulator = new Simulator();
    const parcel = create(simulator, 'delivery_attempted');
    simulator.advance(STAGE_INTERVAL_MS);
    expect(parcel.status).toBe('available_for_pickup');
    simulator.advance(STAGE_INTERVAL_MS);
    expect(parcel.status).toBe('delivered');
  });

  it('leaves exceptions and final statuses where they are', () => {
    const simulator = new Simulator();
    const parcels = (['exception', 'delivered', 'returned', 'cancelled'] as const).map((status) =>
      create(simulator, status),
    );
    simulator.advance(100 * HOUR);
    expect(parcels.map((parcel) => parcel.status)).toEqual([
      'exception',
      'delivered',
      'returned',
      'cancelled',
    ]);
  });

  it('brings a returning parcel back to the sender', () => {
    const simulator = new Simulator();
    const parcel = create(simulator, 'return_in_transit');
    simulator.advance(STAGE_INTERVAL_MS);
    expect(parcel.status).toBe('returned');
    expect(parcel.events.at(-1)?.location).toEqual(parcel.origin);
  });

  it('places events plausibly: pickup at the origin, hub arrival at the hub, last mile at the destination', () => {
    const simulator = new Simulator();
    const parcel = create(simulator, 'delivered');
    const placeOf = (kind: string) =>
      parcel.events.find((event) => event.kind === kind)?.location.city;
    expect(placeOf('picked_up')).toBe(parcel.origin.city);
    expect(placeOf('arrived_at_hub')).toBe(parcel.hub.city);
    expect(placeOf('arrived_at_last_mile')).toBe(parcel.destination.city);
    expect(new Set([parcel.origin.city, parcel.hub.city, parcel.destination.city]).size).toBe(3);
  });
});

describe('journeys over HTTP', () => {
  const sim = useSimulator();

  it('shows the next event on the carrier API after POST /__sim/clock/advance', async () => {
    const trackingNumber = await sim.createParcel({ status: 'at_destination_facility' });
    expect((await sim.track(trackingNumber)).body.statusCode).toBe('LM');
    await sim.advance(STAGE_INTERVAL_MS);
    const body = (await sim.track(trackingNumber)).body;
    expect(body.statusCode).toBe('OD');
    expect(body.events[0]?.code).toBe('OD');
    await sim.advance(STAGE_INTERVAL_MS);
    expect((await sim.track(trackingNumber)).body.statusCode).toBe('DL');
  });
});
