import { createServer, type Server } from 'node:http';
import { STAGE_INTERVAL_MS } from '@parcelgate/carrier-sim';
import { sampleRequests } from '@parcelgate/carrier-testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kuaidi100Carrier } from '../src/kuaidi100-carrier.ts';
import { SIM_CREDENTIALS, useKuaidi100Simulator } from './support/kuaidi100-simulator.ts';

/**
 * The adapter against the real simulator over real sockets: signatures, forms, number
 * formats and pushes must agree on both sides.
 */
const sim = useKuaidi100Simulator();

/** A receiver that hands every push to the adapter's callback handler, as the gateway does. */
const received: { body: string; answer: unknown }[] = [];
let receiver: Server;
let receiverUrl = '';
beforeAll(async () => {
  receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    request.on('end', () => {
      kuaidi100Carrier.callbacks
        .handle(
          { credentials: SIM_CREDENTIALS, logger: console, clock: { now: () => new Date() } },
          { headers: {}, query: {}, rawBody: body },
        )
        .then(
          (result) => {
            received.push({ body, answer: result });
            response.writeHead(result.acknowledgement.status, {
              'content-type': result.acknowledgement.contentType,
            });
            response.end(result.acknowledgement.body);
          },
          (error: unknown) => {
            received.push({ body, answer: error });
            response.writeHead(401).end();
          },
        );
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const address = receiver.address();
  receiverUrl =
    typeof address === 'object' && address !== null ? `http://127.0.0.1:${address.port}/cb` : '';
});
afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

async function pushes(): Promise<{ body: string; acknowledged: boolean }[]> {
  const answer = (await sim.control('GET', '/pushes')) as {
    pushes: { body: string; acknowledged: boolean }[];
  };
  return answer.pushes;
}

describe('kuaidi100 adapter against carrier-sim', () => {
  it('tracks parcels of every issued carrier, recognising the company from the number', async () => {
    const numbers = await Promise.all(
      [1, 2, 3, 4].map(() => sim.createParcel({ status: 'in_transit' })),
    );
    const companies = [];
    for (const trackingNumber of numbers) {
      const snapshot = await kuaidi100Carrier.track(sim.context(), { trackingNumber });
      expect(snapshot.status).toBe('in_transit');
      companies.push(snapshot.underlyingCarrier?.code);
    }
    expect(companies.sort()).toEqual(['jtexpress', 'yuantong', 'yunda', 'zhongtong']);
  });

  it.each([
    // 101 已下单: the courier has not collected it yet.
    ['label_created', 'label_created'],
    ['picked_up', 'picked_up'],
    ['delivered', 'delivered'],
    ['out_for_delivery', 'out_for_delivery'],
    ['returned', 'returned'],
  ])('tracks a parcel in status %s as %s', async (status, expected) => {
    const trackingNumber = await sim.createParcel({ status });
    const snapshot = await kuaidi100Carrier.track(sim.context(), { trackingNumber });
    expect(snapshot.status).toBe(expected);
  });

  it('is told no result when the company does not match the number', async () => {
    const trackingNumber = await sim.createParcel({ status: 'in_transit' });
    const com = trackingNumber.startsWith('78') ? 'yunda' : 'zhongtong';
    await expect(
      kuaidi100Carrier.track(sim.context(), { trackingNumber, carrierOptions: { com } }),
    ).rejects.toMatchObject({ kind: 'not-found', carrierCode: '500' });
  });

  it('fails authentication with a wrong key', async () => {
    const trackingNumber = await sim.createParcel({ status: 'in_transit' });
    const credentials = { ...SIM_CREDENTIALS, key: 'not-the-key' };
    await expect(
      kuaidi100Carrier.track(sim.context({ credentials }), {
        trackingNumber,
        carrierOptions: { com: 'zhongtong' },
      }),
    ).rejects.toMatchObject({ kind: 'authentication', carrierCode: '503' });
  });

  it('intercepts a parcel: pending, then the result and the way back arrive as signed pushes', async () => {
    const trackingNumber = await sim.createParcel({ status: 'in_transit' });
    const ctx = sim.context({ callbackUrl: receiverUrl });
    received.length = 0;
    const result = await kuaidi100Carrier.intercept(
      ctx,
      sampleRequests.intercept(trackingNumber, { reference: 'icp_int_1' }),
    );
    expect(result).toMatchObject({
      outcome: 'pending',
      carrierReference: expect.stringMatching(/^[0-9A-F]{32}$/),
    });
    await sim.advance(STAGE_INTERVAL_MS);
    const log = await pushes();
    expect(log.length).toBeGreaterThan(0);
    expect(log.every((push) => push.acknowledged)).toBe(true);
    const outcomes = received.flatMap(({ answer }) =>
      typeof answer === 'object' && answer !== null && 'outcomes' in answer
        ? (answer as { outcomes: unknown[] }).outcomes
        : [],
    );
    expect(outcomes).toContainEqual({
      operation: 'intercept',
      trackingNumber,
      reference: 'icp_int_1',
      result: expect.objectContaining({ outcome: 'accepted', message: '拦截成功' }),
    });
    const snapshot = await kuaidi100Carrier.track(ctx, { trackingNumber });
    expect(snapshot.status).toBe('return_in_transit');
  });

  it('is refused an intercept of a delivered parcel', async () => {
    const trackingNumber = await sim.createParcel({ status: 'delivered' });
    await expect(
      kuaidi100Carrier.intercept(sim.context(), sampleRequests.intercept(trackingNumber)),
    ).rejects.toMatchObject({
      kind: 'not-eligible',
      reason: 'delivered',
      carrierCode: '500',
    });
  });

  it('is refused an intercept of a parcel not picked up yet, for that reason', async () => {
    const trackingNumber = await sim.createParcel({ status: 'label_created' });
    await expect(
      kuaidi100Carrier.intercept(sim.context(), sampleRequests.intercept(trackingNumber)),
    ).rejects.toMatchObject({
      kind: 'not-eligible',
      reason: 'not_picked_up',
      carrierCode: '500',
    });
  });

  it('changes the address of a parcel in transit (MODIFY_ADDR)', async () => {
    const trackingNumber = await sim.createParcel({ status: 'in_transit' });
    const result = await kuaidi100Carrier.redirect(
      sim.context(),
      sampleRequests.redirect(trackingNumber, { reference: 'rdr_int_1' }),
    );
    expect(result.outcome).toBe('pending');
    const snapshot = await kuaidi100Carrier.track(sim.context(), { trackingNumber });
    // 1003 转递: forwarded to the new address.
    expect(snapshot.events.at(-1)?.raw.code).toBe('1003');
    expect(snapshot.events.at(-1)?.description).toContain('收件地址已修改');
  });

  it('refuses a push signed with another salt', async () => {
    const trackingNumber = await sim.createParcel({ status: 'in_transit' });
    await sim.control('POST', '/push-targets', {
      carrier: 'kuaidi100',
      url: receiverUrl,
      secret: 'wrong-salt',
    });
    await sim.advance(STAGE_INTERVAL_MS);
    const log = await pushes();
    expect(log.length).toBeGreaterThan(0);
    expect(log.some((push) => push.acknowledged)).toBe(false);
    expect(trackingNumber).toBeDefined();
  });
});
