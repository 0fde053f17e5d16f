import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { CarrierModule } from '../carriers/carrier-module.ts';
import { sandboxCarrier } from '../carriers/sandbox/sandbox-carrier.ts';
import { STAGE_INTERVAL_MS } from '../model/journey.ts';
import { Simulator } from '../simulator.ts';
import type { ParcelChange, PushTarget } from './push-types.ts';

/** Sandbox plus a push of every change, so the machinery is tested without a real carrier. */
const pushingSandbox: CarrierModule = {
  ...sandboxCarrier,
  renderPushes(change: ParcelChange, _world, target: PushTarget | undefined) {
    if (target === undefined) {
      return [];
    }
    return [
      {
        url: target.url,
        headers: { 'content-type': 'application/json', 'x-secret': target.secret ?? '' },
        body: JSON.stringify({
          trackingNumber: change.parcel.trackingNumber,
          kinds: change.newEvents.map((event) => event.kind),
          intercept: change.intercept?.state ?? null,
        }),
        acknowledged: (status, body) => status === 200 && body === 'ok',
      },
    ];
  },
};

const receivers: { close(): void }[] = [];
afterEach(() => {
  for (const receiver of receivers.splice(0)) {
    receiver.close();
  }
});

async function startReceiver(answer: string) {
  const received: { headers: IncomingMessage['headers']; body: string }[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.end(answer);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  receivers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received };
}

function newSimulator() {
  return new Simulator({ seed: 'push-test', carriers: [pushingSandbox] });
}

describe('pushes', () => {
  it('pushes only what changed after creation, in order, and records the acknowledgement', async () => {
    const receiver = await startReceiver('ok');
    const simulator = newSimulator();
    simulator.pushTargets.set('sandbox', { url: receiver.url, secret: 's3cret' });
    const parcel = simulator.createParcel({
      carrier: 'sandbox',
      status: 'picked_up',
      subStatus: null,
      category: null,
      declaredValue: null,
    });
    simulator.collectPushes();
    await simulator.pushes.idle();
    expect(receiver.received).toHaveLength(0);

    simulator.advance(STAGE_INTERVAL_MS);
    simulator.advance(STAGE_INTERVAL_MS);
    await simulator.pushes.idle();
    const bodies = receiver.received.map((push) => JSON.parse(push.body) as { kinds: string[] });
    expect(bodies).toHaveLength(2);
    expect(bodies.flatMap((body) => body.kinds)).toEqual(
      parcel.events.slice(-2).map((event) => event.kind),
    );
    expect(receiver.received[0]?.headers['x-secret']).toBe('s3cret');
    expect(simulator.pushes.list().map((record) => record.acknowledged)).toEqual([true, true]);
  });

  it('records an unexpected acknowledgement and an unreachable receiver as not acknowledged', async () => {
    const receiver = await startReceiver('nope');
    const simulator = newSimulator();
    simulator.createParcel({
      carrier: 'sandbox',
      status: 'picked_up',
      subStatus: null,
      category: null,
      declaredValue: null,
    });
    simulator.pushTargets.set('sandbox', { url: receiver.url, secret: undefined });
    simulator.advance(STAGE_INTERVAL_MS);
    simulator.pushTargets.set('sandbox', { url: 'http://127.0.0.1:9/closed', secret: undefined });
    simulator.advance(STAGE_INTERVAL_MS);
    await simulator.pushes.idle();
    const [first, second] = simulator.pushes.list();
    expect(first).toMatchObject({ status: 200, responseBody: 'nope', acknowledged: false });
    expect(second).toMatchObject({ status: undefined, acknowledged: false });
    expect(second?.error).toBeTruthy();
  });

  it('keeps module state per simulator and forgets it, targets and pushes on reset', () => {
    const simulator = newSimulator();
    const tokens = simulator.moduleState('tokens', () => new Set<string>());
    tokens.add('t1');
    expect(simulator.moduleState('tokens', () => new Set<string>()).has('t1')).toBe(true);
    expect(newSimulator().moduleState('tokens', () => new Set<string>()).size).toBe(0);
    simulator.pushTargets.set('sandbox', { url: 'http://127.0.0.1:9/', secret: undefined });
    simulator.reset();
    expect(simulator.moduleState('tokens', () => new Set<string>()).size).toBe(0);
    expect(simulator.pushTargets.size).toBe(0);
  });
});
