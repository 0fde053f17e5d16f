/**
 * The event log over HTTP: an intercept the simulator accepts and then returns, driven by
 * the simulated clock and the gateway's reconciliation, reads back from `GET /v1/events`
 * as created -> accepted -> returning -> returned, each event carrying the intercept as it
 * was then; filtered by type and object, paged by cursor, and never shown to another tenant.
 */

import { newKey, pollUntil, type Stack, startStack } from '@parcelgate/test-stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Intercept, Page, Problem } from './api-types.ts';

/** An event as `GET /v1/events` answers it (the parts these tests read). */
interface Event {
  readonly id: string;
  readonly type: string;
  readonly occurredAt: string;
  readonly objectKind: string;
  readonly objectId: string;
  readonly data: Intercept;
}

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({
    seed: 'events',
    tenants: ['globex'],
    // Short, so reconciliation reads the simulated clock's moves quickly.
    gatewayEnv: () => ({ PARCELGATE_RECONCILE_INTERVAL_MS: '200' }),
  });
});

afterAll(async () => {
  await stack?.stop();
});

const FOUR_HOURS_MS = 4 * 60 * 60 * 1000;
const PROBLEM = 'https://parcelgate.dev/problems/';

async function readIntercept(id: string): Promise<Intercept> {
  const read = await stack.api.get<Intercept>(`/v1/intercepts/${id}`);
  expect(read.status, read.text).toBe(200);
  return read.body;
}

async function untilStatus(id: string, status: string): Promise<Intercept> {
  const read = await pollUntil(
    () => readIntercept(id),
    (intercept) => intercept.status === status,
  );
  expect(read.status).toBe(status);
  return read;
}

async function eventsPage(query: string, client = stack.api) {
  return client.get<Page<Event>>(`/v1/events${query}`);
}

describe('the events of an intercept the carrier accepts and returns', () => {
  let intercept: Intercept;

  beforeAll(async () => {
    const trackingNumber = await stack.sim.createParcel({ status: 'in_transit' });
    const created = await stack.api.post<Intercept>(
      '/v1/intercepts',
      {
        carrier: 'sandbox',
        trackingNumber,
        reason: 'buyer_cancelled',
        pickupMode: 'platform_pickup',
      },
      { idempotencyKey: newKey() },
    );
    expect(created.status, created.text).toBe(201);
    expect(created.body.status).toBe('accepted');
    await stack.sim.advanceClock(FOUR_HOURS_MS);
    await untilStatus(created.body.id, 'returning');
    await stack.sim.advanceClock(FOUR_HOURS_MS);
    intercept = await untilStatus(created.body.id, 'returned');
  });

  it('lists them newest first, each with the intercept as it was then', async () => {
    const page = await eventsPage(`?objectId=${intercept.id}`);
    expect(page.status, page.text).toBe(200);
    const events = [...page.body.data].reverse();
    expect(events.map((event) => event.type)).toEqual([
      'intercept.created',
      'intercept.accepted',
      'intercept.returning',
      'intercept.returned',
    ]);
    expect(events.map((event) => event.data.status)).toEqual([
      'pending',
      'accepted',
      'returning',
      'returned',
    ]);
    for (const event of events) {
      expect(event).toMatchObject({ objectKind: 'intercept', objectId: intercept.id });
      expect(event.id).toMatch(/^evt_[0-9A-Z]{26}$/);
    }
    // The last one is the intercept exactly as it reads now.
    expect(events.at(-1)?.data).toEqual(intercept);
    const times = events.map((event) => Date.parse(event.occurredAt));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it('filters by one or several types', async () => {
    const one = await eventsPage(`?objectId=${intercept.id}&type=intercept.returned`);
    expect(one.body.data.map((event) => event.type)).toEqual(['intercept.returned']);
    const several = await eventsPage(
      `?objectId=${intercept.id}&type=intercept.accepted&type=intercept.returned`,
    );
    expect(several.body.data.map((event) => event.type)).toEqual([
      'intercept.returned',
      'intercept.accepted',
    ]);
    const unknown = await eventsPage('?type=intercept.exploded');
    expect(unknown.status).toBe(400);
  });

  it('pages by cursor, one event at a time, without gaps or repeats', async () => {
    const all = await eventsPage(`?objectId=${intercept.id}`);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `?objectId=${intercept.id}&limit=1${cursor === null ? '' : `&cursor=${cursor}`}`;
      const page = await eventsPage(query);
      expect(page.status, page.text).toBe(200);
      seen.push(...page.body.data.map((event) => event.id));
      cursor = page.body.nextCursor;
    } while (cursor !== null && seen.length < 10);
    expect(seen).toEqual(all.body.data.map((event) => event.id));
    const bad = await stack.api.get<Problem>('/v1/events?cursor=bm90LWEtY3Vyc29y');
    expect(bad.status).toBe(400);
    expect(bad.body.type).toBe(`${PROBLEM}validation-failed`);
  });

  it('reads one event by id, and another tenant never sees it', async () => {
    const [latest] = (await eventsPage(`?objectId=${intercept.id}&limit=1`)).body.data;
    expect(latest).toBeDefined();
    const one = await stack.api.get<Event>(`/v1/events/${latest?.id}`);
    expect(one.status, one.text).toBe(200);
    expect(one.body).toEqual(latest);

    const globex = stack.client(stack.keys.globex);
    const hidden = await globex.get<Problem>(`/v1/events/${latest?.id}`);
    expect(hidden.status).toBe(404);
    expect(hidden.body.type).toBe(`${PROBLEM}not-found`);
    const theirs = await eventsPage('', globex);
    expect(theirs.status).toBe(200);
    expect(theirs.body.data).toEqual([]);
    const anonymous = await stack.client(undefined).get<Problem>('/v1/events');
    expect(anonymous.status).toBe(401);
  });
});
