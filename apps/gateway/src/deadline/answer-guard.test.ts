import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { installErrorHandling } from '../http/error-handler.ts';
import { answerByDeadline } from './answer-by-deadline.ts';
import { AnsweredByDeadlineError, crowdLeadMs } from './answer-guard.ts';
import { installDeadlines } from './install-deadlines.ts';

/** A latch the work waits on, opened by the test only after the client has its answer. */
function latch() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

let app: FastifyInstance;
afterEach(() => app.close());

async function appWith(
  work: Parameters<typeof answerByDeadline>[3],
  budgetMs = 60,
): Promise<FastifyInstance> {
  app = Fastify({ logger: false });
  installErrorHandling(app);
  installDeadlines(app, {
    budgetsMs: () => ({ track: budgetMs, intercept: budgetMs, redirect: budgetMs }),
    answerReserveMs: 0,
  });
  app.post('/work', { config: { budget: { operation: 'intercept' } } }, (request, reply) =>
    answerByDeadline(request, reply, 'acme', work),
  );
  await app.ready();
  return app;
}

describe('answerByDeadline', () => {
  it('answers a 504 problem before the point of no return, and tells the work to stop', async () => {
    const gate = latch();
    let committed: boolean | undefined;
    const done = latch();
    await appWith(async (guard) => {
      await gate.opened;
      committed = guard.commit({ status: 202, json: '{"late":true}' });
      done.open();
      if (!committed) {
        throw new AnsweredByDeadlineError();
      }
      return { status: 201, body: { onTime: true } };
    });
    const response = await app.inject({ method: 'POST', url: '/work' });
    gate.open();
    await done.opened;
    expect(response.statusCode).toBe(504);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ type: expect.stringContaining('carrier-timeout') });
    expect(committed).toBe(false);
  });

  it('answers the committed late answer after the point of no return; the work finishes unseen', async () => {
    const gate = latch();
    const finished = latch();
    await appWith(async (guard) => {
      expect(
        guard.commit({ status: 202, headers: { location: '/v1/things/1' }, json: '{"id":1}' }),
      ).toBe(true);
      await gate.opened;
      finished.open();
      return { status: 201, body: { id: 1, done: true } };
    });
    const response = await app.inject({ method: 'POST', url: '/work' });
    gate.open();
    await finished.opened;
    expect(response.statusCode).toBe(202);
    expect(response.headers.location).toBe('/v1/things/1');
    expect(response.json()).toEqual({ id: 1 });
  });

  it("answers with the work's own answer when it is in time", async () => {
    await appWith(
      async () => ({ status: 201, headers: { location: '/x' }, body: { ok: 1 } }),
      5_000,
    );
    const response = await app.inject({ method: 'POST', url: '/work' });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ ok: 1 });
  });

  it('passes errors of work still in time to the error handler', async () => {
    await appWith(async () => {
      throw new Error('boom');
    }, 5_000);
    const response = await app.inject({ method: 'POST', url: '/work' });
    expect(response.statusCode).toBe(500);
  });
});

describe('crowdLeadMs', () => {
  it('fires a guard earlier by one answer per guard falling due at about the same time', () => {
    const guards = (...deadlines: number[]) => deadlines.map((deadline) => ({ deadline }));
    expect(crowdLeadMs(10_000, [])).toBe(0);
    const burst = guards(9_990, 9_995, 10_000, 10_003);
    expect(crowdLeadMs(10_000, burst)).toBe(4 * 2);
    // Guards due long before or after are answered in their own time, not in this crowd.
    expect(crowdLeadMs(10_000, [...guards(5_000, 15_000), ...burst])).toBe(4 * 2);
    // Guards due in the same millisecond are each an answer to write.
    expect(crowdLeadMs(10_000, guards(10_000, 10_000, 10_000))).toBe(3 * 2);
  });
});
