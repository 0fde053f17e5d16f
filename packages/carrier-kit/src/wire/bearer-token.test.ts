import { describe, expect, it } from 'vitest';
import type { CarrierContext, CarrierHttpResponse } from '../carrier-context.ts';
import { sendWithBearerToken } from './bearer-token.ts';
import { TokenCache } from './token-cache.ts';

function context(signal = new AbortController().signal): CarrierContext {
  const silent = () => {};
  return {
    http: { request: () => Promise.reject(new Error('not used')) },
    signal,
    credentials: {},
    logger: { debug: silent, info: silent, warn: silent, error: silent },
    clock: { now: () => new Date(0) },
    requestId: 'req_1',
  };
}

function answer(status: number): CarrierHttpResponse {
  return { status, headers: new Headers(), text: async () => '' };
}

describe('sendWithBearerToken', () => {
  it('sends with the cached token, and after a 401 drops it and sends once more with a new one', async () => {
    const cache = new TokenCache();
    let issued = 0;
    const source = {
      cache,
      key: 'k',
      fetchToken: async () => {
        issued += 1;
        return { accessToken: `t${issued}`, expiresAt: 60_000 };
      },
    };
    const sent: string[] = [];
    const statuses = [401, 200];
    const response = await sendWithBearerToken(context(), source, async (token) => {
      sent.push(token);
      return answer(statuses.shift() ?? 500);
    });
    expect(response.status).toBe(200);
    expect(sent).toEqual(['t1', 't2']);
    const again = await sendWithBearerToken(context(), source, async (token) => {
      sent.push(token);
      return answer(401);
    });
    // A second 401 is the caller's to classify: one retry, never more.
    expect(again.status).toBe(401);
    expect(sent).toEqual(['t1', 't2', 't2', 't3']);
  });

  it('turns a failure to get the token into the adapter\'s "not sent" error, and an abort into its reason', async () => {
    const refused = new Error('token endpoint down');
    const notSent = (error: unknown) => new Error(`not sent: ${(error as Error).message}`);
    const source = {
      cache: new TokenCache(),
      key: 'k',
      fetchToken: () => Promise.reject(refused),
      notSent,
    };
    await expect(sendWithBearerToken(context(), source, async () => answer(200))).rejects.toThrow(
      'not sent: token endpoint down',
    );
    const controller = new AbortController();
    controller.abort(new Error('budget spent'));
    await expect(
      sendWithBearerToken(context(controller.signal), source, async () => answer(200)),
    ).rejects.toThrow('budget spent');
  });
});
