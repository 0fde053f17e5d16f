/**
 * The fault matrix: every fault the simulator can inject, for each carrier operation,
 * against the real gateway. Each case asserts the answer (status code, problem type or
 * lifecycle status), how many calls the carrier saw (the simulator's `calls`, the witness
 * of retries) and that the budget, not the carrier, ended the wait: a slow carrier takes
 * 10 s, far past every budget here, and the answer comes before it would have. Budgets are
 * short (`Prefer: wait=1`) to keep the file fast.
 *
 * How close to its budget an answer comes (the promise "within the budget plus 50 ms") is a
 * timing, and timings depend on how busy the machine is: bench/gateway-resilience.ts
 * measures it, under load, against a healthy baseline in the same run.
 *
 * The circuit breaker would open part-way through a matrix that fails on purpose, and the
 * retry budget would throttle its retries: both are widened here and tested on their own
 * (src/resilience/*.test.ts, bench/gateway-resilience.ts).
 */

import { type HttpAnswer, newKey, type Stack, startStack } from '@parcelgate/test-stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Address,
  Intercept,
  InterceptRequestBody,
  Problem,
  Redirect,
  RedirectRequestBody,
} from './api-types.ts';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({
    seed: 'fault-matrix',
    gatewayEnv: () => ({
      PARCELGATE_BREAKER_MIN_CALLS: '1000000',
      PARCELGATE_RETRY_BUDGET_MIN_RETRIES: '100000',
      LOG_LEVEL: 'warn',
    }),
  });
});

afterAll(async () => {
  await stack?.stop();
});

const PROBLEM = 'https://parcelgate.dev/problems/';
/**
 * How long a slow carrier takes to answer: far past every budget in this file, so an answer
 * that comes before it was cut by the budget, however busy the machine is.
 */
const SLOW_CARRIER_MS = 10_000;
const ADDRESS: Address = {
  name: 'Li Lei',
  phone: '+8613800000000',
  line1: '1 Renmin Rd',
  city: 'Suzhou',
  country: 'CN',
};

type Fault = Readonly<Record<string, unknown>>;

/** A fault for one parcel and operation, `count` requests long when given. */
async function inject(trackingNumber: string, operation: string, fault: Fault, count?: number) {
  await stack.sim.addFault({
    carrier: 'sandbox',
    operation,
    trackingNumber,
    ...(count === undefined ? {} : { count }),
    fault,
  });
}

/** Runs a request and measures it on the client. */
async function timed<Body>(send: () => Promise<HttpAnswer<Body>>) {
  const started = performance.now();
  const answer = await send();
  return { answer, elapsedMs: performance.now() - started };
}

/** An HTTP date `offsetMs` from now, as a carrier would send in Retry-After. */
const httpDate = (offsetMs: number) => new Date(Date.now() + offsetMs).toUTCString();

const hang = { type: 'hang' };
const slowBody = { type: 'slow_body', bytesPerSecond: 20 };

interface ReadCase {
  readonly name: string;
  readonly fault: Fault;
  readonly count?: number;
  /** `Prefer: wait=N`; without it the track budget (2 s) applies. */
  readonly wait?: number;
  readonly status: number;
  readonly problem?: string;
  readonly calls: number;
  readonly retryAfter?: string;
}

const readCases: ReadCase[] = [
  {
    name: 'latency under the budget',
    fault: { type: 'latency', ms: 200 },
    wait: 1,
    status: 200,
    calls: 1,
  },
  {
    name: 'latency over the budget',
    fault: { type: 'latency', ms: SLOW_CARRIER_MS },
    wait: 1,
    status: 504,
    problem: 'carrier-timeout',
    calls: 1,
  },
  {
    name: 'latency over the per-try timeout (1 s) in a 2 s budget',
    fault: { type: 'latency', ms: SLOW_CARRIER_MS },
    status: 504,
    problem: 'carrier-timeout',
    calls: 2,
  },
  {
    name: '500 once',
    fault: { type: 'status', code: 500 },
    count: 1,
    wait: 1,
    status: 200,
    calls: 2,
  },
  {
    name: '502 once (HTML proxy page)',
    fault: { type: 'status', code: 502, html: true },
    count: 1,
    wait: 1,
    status: 200,
    calls: 2,
  },
  {
    name: '503 once',
    fault: { type: 'status', code: 503 },
    count: 1,
    wait: 1,
    status: 200,
    calls: 2,
  },
  {
    name: '503 always',
    fault: { type: 'status', code: 503 },
    wait: 1,
    status: 503,
    problem: 'carrier-unavailable',
    calls: 3,
  },
  {
    name: 'rate limit, Retry-After 0 s',
    fault: { type: 'rate_limit', retryAfter: 0 },
    count: 1,
    wait: 1,
    status: 200,
    calls: 2,
  },
  {
    name: 'rate limit, Retry-After 1 s fits a 2 s budget',
    fault: { type: 'rate_limit', retryAfter: 1 },
    count: 1,
    status: 200,
    calls: 2,
  },
  {
    name: 'rate limit, Retry-After 5 s does not fit',
    fault: { type: 'rate_limit', retryAfter: 5 },
    wait: 1,
    status: 503,
    problem: 'carrier-rate-limited',
    calls: 1,
    retryAfter: '5',
  },
  {
    name: 'rate limit, Retry-After an HTTP date passed',
    fault: { type: 'rate_limit', retryAfter: httpDate(-60_000) },
    count: 1,
    wait: 1,
    status: 200,
    calls: 2,
  },
  {
    name: 'rate limit, Retry-After an HTTP date an hour ahead',
    fault: { type: 'rate_limit', retryAfter: httpDate(3_600_000) },
    wait: 1,
    status: 503,
    problem: 'carrier-rate-limited',
    calls: 1,
  },
  { name: 'hang', fault: hang, wait: 1, status: 504, problem: 'carrier-timeout', calls: 1 },
  // The carrier never saw the first request, so it counts only the retry.
  {
    name: 'reset before reading',
    fault: { type: 'reset', when: 'before_read' },
    count: 1,
    wait: 1,
    status: 200,
    calls: 1,
  },
  {
    name: 'reset after reading',
    fault: { type: 'reset', when: 'after_read' },
    count: 1,
    wait: 1,
    status: 200,
    calls: 2,
  },
  {
    name: 'slow body',
    fault: slowBody,
    wait: 1,
    status: 504,
    problem: 'carrier-timeout',
    calls: 1,
  },
  {
    name: 'malformed once',
    fault: { type: 'malformed' },
    count: 1,
    wait: 1,
    status: 200,
    calls: 2,
  },
];

describe('track under faults', () => {
  it.each(readCases)('$name: $status after $calls call(s)', async (fault) => {
    const trackingNumber = await stack.sim.createParcel({ status: 'in_transit' });
    await inject(trackingNumber, 'track', fault.fault, fault.count);
    const { answer, elapsedMs } = await timed(() =>
      stack.api.get<Problem>(`/v1/tracking/sandbox/${trackingNumber}`, {
        headers: fault.wait === undefined ? {} : { prefer: `wait=${fault.wait}` },
      }),
    );

    expect(answer.status, answer.text).toBe(fault.status);
    if (fault.problem !== undefined) {
      expect(answer.body.type).toBe(PROBLEM + fault.problem);
    }
    if (fault.retryAfter !== undefined) {
      expect(answer.headers.get('retry-after')).toBe(fault.retryAfter);
    }
    expect(elapsedMs).toBeLessThan(SLOW_CARRIER_MS);
    expect((await stack.sim.parcel(trackingNumber)).calls.track).toBe(fault.calls);
  });
});

interface ActionCase {
  readonly name: string;
  readonly fault: Fault;
  readonly count?: number;
  readonly status: number;
  /** The stored lifecycle status. */
  readonly lifecycle: string;
  readonly problem?: string;
  readonly calls: number;
  /** How the one attempt was classified. */
  readonly outcome: string;
}

// Actions are never resent once the carrier may have received them: a 503 or 429 was
// received (not retried), a lost answer is an unknown outcome (202 pending, reconciled
// later). Only `requestSent: false` or a deduplicating carrier allows a retry (the sandbox
// does not deduplicate; see src/resilience/retry-policy.test.ts for that branch).
const actionCases: ActionCase[] = [
  {
    name: 'latency under the budget',
    fault: { type: 'latency', ms: 200 },
    status: 201,
    lifecycle: 'accepted',
    calls: 1,
    outcome: 'ok',
  },
  {
    name: 'latency over the budget',
    fault: { type: 'latency', ms: SLOW_CARRIER_MS },
    status: 202,
    lifecycle: 'pending',
    calls: 1,
    outcome: 'timeout',
  },
  {
    name: '500 after sending',
    fault: { type: 'status', code: 500 },
    count: 1,
    status: 202,
    lifecycle: 'pending',
    calls: 1,
    outcome: 'retryable',
  },
  {
    name: '502 after sending',
    fault: { type: 'status', code: 502, html: true },
    count: 1,
    status: 202,
    lifecycle: 'pending',
    calls: 1,
    outcome: 'retryable',
  },
  {
    name: '503 (received, not processed)',
    fault: { type: 'status', code: 503 },
    count: 1,
    status: 503,
    lifecycle: 'failed',
    problem: 'carrier-unavailable',
    calls: 1,
    outcome: 'retryable',
  },
  {
    name: 'rate limit, Retry-After 1 s',
    fault: { type: 'rate_limit', retryAfter: 1 },
    count: 1,
    status: 503,
    lifecycle: 'failed',
    problem: 'carrier-rate-limited',
    calls: 1,
    outcome: 'rate-limited',
  },
  {
    name: 'rate limit, Retry-After an HTTP date',
    fault: { type: 'rate_limit', retryAfter: httpDate(60_000) },
    count: 1,
    status: 503,
    lifecycle: 'failed',
    problem: 'carrier-rate-limited',
    calls: 1,
    outcome: 'rate-limited',
  },
  { name: 'hang', fault: hang, status: 202, lifecycle: 'pending', calls: 1, outcome: 'timeout' },
  // The connection died before the carrier read it, but the gateway cannot tell (ECONNRESET
  // is not a "never sent" error): pending, and reconciliation finds nothing was placed.
  {
    name: 'reset before reading',
    fault: { type: 'reset', when: 'before_read' },
    count: 1,
    status: 202,
    lifecycle: 'pending',
    calls: 0,
    outcome: 'outcome-unknown',
  },
  {
    name: 'reset after reading (answer lost)',
    fault: { type: 'reset', when: 'after_read' },
    count: 1,
    status: 202,
    lifecycle: 'pending',
    calls: 1,
    outcome: 'outcome-unknown',
  },
  {
    name: 'slow body',
    fault: slowBody,
    status: 202,
    lifecycle: 'pending',
    calls: 1,
    outcome: 'timeout',
  },
  {
    name: 'malformed answer',
    fault: { type: 'malformed' },
    count: 1,
    status: 202,
    lifecycle: 'pending',
    calls: 1,
    outcome: 'outcome-unknown',
  },
];

const interceptBody = (trackingNumber: string): InterceptRequestBody => ({
  carrier: 'sandbox',
  trackingNumber,
  reason: 'buyer_cancelled',
  pickupMode: 'platform_pickup',
});

const redirectBody = (trackingNumber: string): RedirectRequestBody => ({
  carrier: 'sandbox',
  trackingNumber,
  orderRef: `ORD-${newKey()}`,
  reason: 'address_error',
  newAddress: ADDRESS,
});

const actions = [
  { operation: 'intercept', path: '/v1/intercepts', body: interceptBody, idField: 'interceptId' },
  { operation: 'redirect', path: '/v1/redirects', body: redirectBody, idField: 'redirectId' },
] as const;

describe.each(actions)('$operation under faults', ({ operation, path, body, idField }) => {
  it.each(actionCases)('$name: $status $lifecycle after $calls call(s)', async (fault) => {
    const trackingNumber = await stack.sim.createParcel({ status: 'in_transit' });
    await inject(trackingNumber, operation, fault.fault, fault.count);
    const { answer, elapsedMs } = await timed(() =>
      stack.api.post<(Intercept | Redirect) & Problem>(path, body(trackingNumber), {
        idempotencyKey: newKey(),
        headers: { prefer: 'wait=1' },
      }),
    );

    expect(answer.status, answer.text).toBe(fault.status);
    expect(elapsedMs).toBeLessThan(SLOW_CARRIER_MS);
    const id = fault.problem === undefined ? answer.body.id : answer.body[idField];
    if (fault.problem !== undefined) {
      expect(answer.body.type).toBe(PROBLEM + fault.problem);
    }
    const stored = await stack.api.get<Intercept | Redirect>(`${path}/${id}`);
    expect(stored.body.status).toBe(fault.lifecycle);
    // Every attempt is recorded, with its timing and classification.
    const attempts = stored.body.attempts.filter((attempt) => attempt.operation === operation);
    expect(attempts).toHaveLength(1);
    expect(attempts[0]?.outcome).toBe(fault.outcome);
    expect((await stack.sim.parcel(trackingNumber)).calls[operation]).toBe(fault.calls);
  });
});

describe('one Idempotency-Key, one intercept at the carrier', () => {
  const post = (trackingNumber: string, key: string) =>
    timed(() =>
      stack.api.post<Intercept & Problem>('/v1/intercepts', interceptBody(trackingNumber), {
        idempotencyKey: key,
        headers: { prefer: 'wait=1' },
      }),
    );

  it('50 concurrent duplicates against a hanging carrier: one call, all answered by the budget', async () => {
    const trackingNumber = await stack.sim.createParcel({ status: 'in_transit' });
    await inject(trackingNumber, 'intercept', hang);
    const key = newKey();
    const answers = await Promise.all(Array.from({ length: 50 }, () => post(trackingNumber, key)));

    const statuses = answers.map(({ answer }) => answer.status);
    expect(statuses.filter((status) => status === 202)).not.toHaveLength(0);
    expect(
      statuses.every((status) => status === 202 || status === 409),
      String(statuses),
    ).toBe(true);
    for (const { elapsedMs } of answers) {
      expect(elapsedMs).toBeLessThan(SLOW_CARRIER_MS);
    }
    const ids = new Set(
      answers.flatMap(({ answer }) => (answer.status === 202 ? [answer.body.id] : [])),
    );
    expect(ids.size).toBe(1);

    // Asked again once the budget is over: the stored answer, still no second call.
    const again = await post(trackingNumber, key);
    expect(again.answer.status).toBe(202);
    expect(again.answer.body.id).toBe([...ids][0]);
    expect((await stack.sim.parcel(trackingNumber)).calls.intercept).toBe(1);
  });

  it('a lost answer, then the client retrying the same key: replayed, never resent', async () => {
    const trackingNumber = await stack.sim.createParcel({ status: 'in_transit' });
    await inject(trackingNumber, 'intercept', { type: 'reset', when: 'after_read' }, 1);
    const key = newKey();
    const first = await post(trackingNumber, key);
    expect(first.answer.status).toBe(202);
    const retried = await post(trackingNumber, key);
    expect(retried.answer.status).toBe(202);
    expect(retried.answer.body.id).toBe(first.answer.body.id);
    const parcel = await stack.sim.parcel(trackingNumber);
    expect(parcel.calls.intercept).toBe(1);
    // The carrier did act on the one request it read: exactly one intercept, ours.
    expect(parcel.intercept).toMatchObject({ reference: first.answer.body.id, state: 'ACCEPTED' });
  });

  it('a 503 the carrier did not act on, then the same key again: sent once more, one intercept', async () => {
    const trackingNumber = await stack.sim.createParcel({ status: 'in_transit' });
    await inject(trackingNumber, 'intercept', { type: 'status', code: 503 }, 1);
    const key = newKey();
    const refused = await post(trackingNumber, key);
    expect(refused.answer.status).toBe(503);
    const retried = await post(trackingNumber, key);
    expect(retried.answer.status, retried.answer.text).toBe(201);
    const parcel = await stack.sim.parcel(trackingNumber);
    expect(parcel.calls.intercept).toBe(2);
    expect(parcel.interceptAttempts).toBe(1);
    expect(parcel.intercept).toMatchObject({ reference: retried.answer.body.id });
  });

  it('50 concurrent duplicates against a slow carrier: one call, one intercept', async () => {
    const trackingNumber = await stack.sim.createParcel({ status: 'in_transit' });
    await inject(trackingNumber, 'intercept', { type: 'latency', ms: 300 });
    const key = newKey();
    const answers = await Promise.all(Array.from({ length: 50 }, () => post(trackingNumber, key)));
    const statuses = answers.map(({ answer }) => answer.status);
    expect(
      statuses.every((status) => status === 201 || status === 409),
      String(statuses),
    ).toBe(true);
    const parcel = await stack.sim.parcel(trackingNumber);
    expect(parcel.calls.intercept).toBe(1);
    expect(parcel.interceptAttempts).toBe(1);
  });
});
