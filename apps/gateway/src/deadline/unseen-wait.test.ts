import { afterEach, describe, expect, it } from 'vitest';
import { UnseenWait } from './unseen-wait.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Holds the event loop, as a burst of work would. */
function block(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // busy on purpose
  }
}

let gauge: UnseenWait | undefined;
afterEach(() => gauge?.stop());

describe('UnseenWait', () => {
  it('estimates about nothing on a quiet loop', async () => {
    gauge = new UnseenWait();
    await sleep(120);
    // Loose: test files run side by side, and their loops wait for the CPU too; what counts
    // is that it is far below its ceiling, where a stalled loop would put it.
    expect(gauge.requestRead()).toBeLessThan(250);
  });

  it("estimates a stall of the loop as the next request's wait, then forgets it", async () => {
    gauge = new UnseenWait({ ceilingMs: 1_000 });
    await sleep(20);
    block(300);
    // One turn later: the overdue sampling timer runs before this one.
    await sleep(1);
    const stalled = gauge.requestRead();
    expect(stalled).toBeGreaterThanOrEqual(280);
    // Once the loop runs freely again, the stall is history.
    await sleep(250);
    expect(gauge.requestRead()).toBeLessThan(stalled);
  });

  it('counts the requests read before it in the same turn of the loop', async () => {
    gauge = new UnseenWait();
    await sleep(20);
    const first = gauge.requestRead();
    block(80);
    // Read in the same turn: it was waiting in the kernel while the first was handled.
    expect(gauge.requestRead() - first).toBeGreaterThanOrEqual(80);
    // The next turn starts afresh (its loop delay aside).
    await new Promise((resolve) => setImmediate(resolve));
    const nextTurn = gauge.requestRead();
    expect(gauge.requestRead() - nextTurn).toBeLessThan(80);
  });

  it('counts what the turn did before its first request, from its timers on', async () => {
    gauge = new UnseenWait({ ceilingMs: 1_000 });
    const read = new Promise<number>((resolve) => {
      setTimeout(() => {
        // Other I/O of the turn (database answers, say) handled before the request is read.
        block(80);
        resolve(gauge?.requestRead() ?? 0);
      }, 12);
    });
    // Both timers are overdue when the loop next runs them: the sampling one first.
    block(30);
    expect(await read).toBeGreaterThanOrEqual(80);
  });

  it('never estimates past its ceiling', async () => {
    gauge = new UnseenWait({ ceilingMs: 60 });
    await sleep(20);
    block(150);
    await sleep(1);
    expect(gauge.requestRead()).toBe(60);
  });
});
