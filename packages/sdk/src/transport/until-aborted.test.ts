import { describe, expect, it } from 'vitest';
import { untilAborted } from './until-aborted.ts';

describe('untilAborted', () => {
  it('rejects with the reason when the signal aborts, though the work never settles', async () => {
    const started = performance.now();
    const error = await untilAborted(new Promise(() => {}), AbortSignal.timeout(50)).catch(
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe('TimeoutError');
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('rejects at once for a signal already aborted, and cancels the late answer', async () => {
    const controller = new AbortController();
    controller.abort(new Error('gone'));
    let cancelled = false;
    const body = new ReadableStream({
      cancel() {
        cancelled = true;
      },
    });
    const late = Promise.resolve(new Response(body));
    await expect(untilAborted(late, controller.signal)).rejects.toThrow('gone');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(cancelled).toBe(true);
  });

  it("passes the work's answer or failure through while the signal holds", async () => {
    const signal = new AbortController().signal;
    const response = new Response('ok');
    expect(await untilAborted(Promise.resolve(response), signal)).toBe(response);
    await expect(untilAborted(Promise.reject(new Error('reset')), signal)).rejects.toThrow('reset');
  });
});
