/**
 * Three gateways on one PostgreSQL split a carrier account's declared rate (ADR 0009): under
 * tracking load through all three at once, the simulator never counts more calls of the
 * account in any one second than the carrier allows, where three gateways each applying the
 * whole rate would send three times it. One replica is then killed (SIGKILL: no goodbye);
 * the two left take its share once its heartbeat expires, and the account's calls per
 * second come back to the declared rate. Counts, not times: each load phase runs until the
 * simulator has counted a number of calls. PGlite is one process: PostgreSQL only.
 */
import {
  type ApiClient,
  type ExtraGateway,
  launchGateway,
  pollUntil,
  type Stack,
  startStack,
} from '@parcelgate/test-stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limitGauges } from './cluster-gauges.ts';

const POSTGRES = process.env.DATABASE_URL?.trim() ?? '';

/** The sandbox account's limits for this test: 3 calls in any second. */
const REQUESTS_PER_SECOND = 3;
const BURST = 3;
/**
 * The most calls a token bucket of these numbers lets through in one second (a full
 * bucket, then a second of refill): what the carrier allows. Three replicas each applying
 * the whole rate would send 9.
 */
const CARRIER_ALLOWS_PER_SECOND = BURST + REQUESTS_PER_SECOND;

const LIMITS_ENV = {
  CARRIER_SANDBOX_REQUESTS_PER_SECOND: String(REQUESTS_PER_SECOND),
  CARRIER_SANDBOX_BURST: String(BURST),
  // Every read goes to the carrier: the cache would hide the load.
  TRACKING_CACHE_TTL_MS: '0',
  PARCELGATE_REPLICA_HEARTBEAT_MS: '500',
};

/** How long a membership change may take to show in the gauges on a busy machine. */
const SETTLE_MS = 30_000;

interface Replica {
  readonly url: string;
  readonly api: ApiClient;
}

describe.skipIf(POSTGRES === '')('carrier limits shared by three replicas', () => {
  let stack: Stack;
  let second: ExtraGateway;
  let third: ExtraGateway;
  let replicas: Replica[];
  const parcels: string[] = [];

  beforeAll(async () => {
    stack = await startStack({ gatewayEnv: () => LIMITS_ENV });
    second = await launchGateway(stack, LIMITS_ENV);
    third = await launchGateway(stack, LIMITS_ENV);
    await Promise.all([second.ready(), third.ready()]);
    replicas = [
      { url: stack.gatewayUrl, api: stack.api },
      { url: second.url, api: second.api },
      { url: third.url, api: third.api },
    ];
    for (let index = 0; index < 12; index += 1) {
      parcels.push(await stack.sim.createParcel({ status: 'in_transit' }));
    }
  }, 120_000);

  afterAll(async () => {
    await third?.stop();
    await second?.stop();
    await stack?.stop();
  });

  /** Sandbox calls counted by the simulator since the last clear (every account). */
  const sandboxCalls = async () => {
    const accounts = (await stack.sim.accountCalls()).filter(
      (entry) => entry.carrier === 'sandbox',
    );
    return {
      calls: accounts.reduce((sum, entry) => sum + entry.calls, 0),
      maxInWindow: Math.max(0, ...accounts.map((entry) => entry.maxInWindow)),
      accounts: accounts.length,
    };
  };

  /**
   * Tracks parcels through every replica, four requests at a time each, until the
   * simulator has counted `calls` sandbox calls; answers what it counted.
   */
  const loadUntil = async (through: readonly Replica[], calls: number) => {
    await stack.sim.clearAccountCalls();
    let done = false;
    let next = 0;
    const worker = async (replica: Replica) => {
      while (!done) {
        const trackingNumber = parcels[next++ % parcels.length] as string;
        const answer = await replica.api.get(`/v1/tracking/sandbox/${trackingNumber}`);
        // 200, or refused while waiting for the account's slot: never a carrier 429.
        expect([200, 503, 504], answer.text).toContain(answer.status);
      }
    };
    const workers = through.flatMap((replica) => Array.from({ length: 4 }, () => worker(replica)));
    try {
      await pollUntil(sandboxCalls, (counted) => counted.calls >= calls, 120_000);
    } finally {
      done = true;
      await Promise.all(workers);
    }
    return sandboxCalls();
  };

  it('never lets the account see more than its declared rate, and the others take a killed replica’s share', async () => {
    // Every replica sees the three, and holds a third of the rate.
    for (const replica of replicas) {
      const gauges = await pollUntil(
        () => limitGauges(replica.url),
        (read) => read.replicas === 3 && read.rate === REQUESTS_PER_SECOND / 3,
        SETTLE_MS,
      );
      expect(gauges).toEqual({ replicas: 3, rate: REQUESTS_PER_SECOND / 3 });
    }

    const three = await loadUntil(replicas, 8 * REQUESTS_PER_SECOND);
    expect(three.accounts).toBe(1);
    expect(three.maxInWindow).toBeLessThanOrEqual(CARRIER_ALLOWS_PER_SECOND);

    // One replica dies without leaving: its heartbeat stops, it expires, the others grow.
    third.child.kill('SIGKILL');
    await third.exit;
    const survivors = replicas.slice(0, 2);
    const shares = await pollUntil(
      () => Promise.all(survivors.map((replica) => limitGauges(replica.url))),
      (read) =>
        read.every((gauges) => gauges.replicas === 2) &&
        read.reduce((sum, gauges) => sum + gauges.rate, 0) === REQUESTS_PER_SECOND,
      SETTLE_MS,
    );
    expect(shares.map((gauges) => gauges.replicas)).toEqual([2, 2]);
    expect(shares.reduce((sum, gauges) => sum + gauges.rate, 0)).toBe(REQUESTS_PER_SECOND);

    const two = await loadUntil(survivors, 8 * REQUESTS_PER_SECOND);
    expect(two.maxInWindow).toBeLessThanOrEqual(CARRIER_ALLOWS_PER_SECOND);
    // Two replicas at a third each would send 2 in a second: they took the third's share.
    expect(two.maxInWindow).toBeGreaterThan((2 * REQUESTS_PER_SECOND) / 3);
  }, 240_000);
});
