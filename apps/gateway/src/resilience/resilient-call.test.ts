import {
  type CarrierDefinition,
  CarrierOutcomeUnknownError,
  CarrierRetryableError,
} from '@parcelgate/carrier-kit';
import type { FastifyBaseLogger } from 'fastify';
import pino from 'pino';
import { describe, expect, it, vi } from 'vitest';
import type { RegisteredCarrier } from '../carriers/carrier-registry.ts';
import { loadConfig } from '../config/load-config.ts';
import { Deadline } from '../deadline/deadline.ts';
import type { JobCaller } from './call-carrier.ts';
import { createResilienceRegistry } from './carrier-resilience.ts';
import { callCarrierResiliently } from './resilient-call.ts';

const logger = pino({ level: 'silent' }) as unknown as FastifyBaseLogger;
const caller: JobCaller = {
  id: 'job-1',
  log: logger,
  tenant: { id: 'tenant-1' },
};
/** Every attempt reported by the calls under test. */
const onAttempt = vi.fn(async () => {});

function carrierWith(safeToRetry: boolean): RegisteredCarrier {
  const action = { safeToRetry } as NonNullable<CarrierDefinition['capabilities']['intercept']>;
  return {
    definition: {
      id: 'acme',
      capabilities: { intercept: action, proofOfDelivery: false, callbacks: false },
    } as unknown as CarrierDefinition,
    settings: {
      baseUrl: 'http://acme.invalid',
      credentials: {},
      target: 'custom',
      secrets: [],
      overrides: { budgetsMs: {}, rateLimits: {} },
    },
    account: { key: 'shared:acme', connectionId: null },
    createContext: ({ signal, requestId }) =>
      ({ signal, requestId, http: { request: vi.fn() } }) as unknown as ReturnType<
        RegisteredCarrier['createContext']
      >,
    createCallbackContext: () => {
      throw new Error('not used by these tests');
    },
  };
}

function setUp(options: { safeToRetry?: boolean; env?: Record<string, string> } = {}) {
  const carrier = carrierWith(options.safeToRetry ?? false);
  const registry = createResilienceRegistry(loadConfig(options.env ?? {}), [carrier], {
    random: () => 0.5,
    onAttempt,
  });
  const sleeps: number[] = [];
  const call = <Value>(operation: 'track' | 'intercept', run: () => Promise<Value>) =>
    callCarrierResiliently({
      carrier,
      operation,
      request: caller,
      actionId: null,
      resilience: registry.of(carrier),
      deadline: Deadline.in(5_000),
      abortOnClientDisconnect: false,
      run,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });
  return { call, sleeps, resilience: registry.of(carrier) };
}

const base = { carrierId: 'acme', message: 'x' };
const answered503 = () =>
  new CarrierRetryableError({ ...base, httpStatus: 503, requestSent: true });
const refused = () => new CarrierRetryableError({ ...base, requestSent: false });

/** A run that fails with each error in turn, then answers `ok`. */
function failing(...errors: Error[]) {
  const queue = [...errors];
  return vi.fn(async () => {
    const next = queue.shift();
    if (next !== undefined) {
      throw next;
    }
    return 'ok';
  });
}

describe('callCarrierResiliently', () => {
  it('retries a read after a 503, with a full-jitter pause, recording each attempt', async () => {
    const { call, sleeps } = setUp();
    onAttempt.mockClear();
    const run = failing(answered503());
    expect(await call('track', run)).toEqual({ ok: true, value: 'ok', attempts: 2 });
    expect(run).toHaveBeenCalledTimes(2);
    expect(sleeps).toEqual([50]);
    expect(onAttempt).toHaveBeenCalledTimes(2);
  });

  it('does not resend an intercept the carrier received', async () => {
    const { call } = setUp();
    const run = failing(answered503());
    const result = await call('intercept', run);
    expect(result).toMatchObject({ ok: false, attempts: 1, failure: { kind: 'carrier-error' } });
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('resends an intercept that provably never left', async () => {
    const { call } = setUp();
    const run = failing(refused(), refused());
    expect(await call('intercept', run)).toMatchObject({ ok: true, attempts: 3 });
  });

  it('resends to a carrier that deduplicates, keeping every failure for the verdict', async () => {
    const { call } = setUp({ safeToRetry: true });
    const unknown = new CarrierOutcomeUnknownError(base);
    const result = await call('intercept', failing(unknown, answered503(), answered503()));
    expect(result).toMatchObject({ ok: false, attempts: 3 });
    expect(result.ok ? [] : result.failures.map((failure) => failure.kind)).toEqual([
      'carrier-error',
      'carrier-error',
      'carrier-error',
    ]);
    expect(result.ok ? undefined : result.failures[0]).toMatchObject({ error: unknown });
  });

  it('fails fast while the circuit is open, without calling the carrier', async () => {
    const { call, resilience } = setUp({
      env: { PARCELGATE_BREAKER_MIN_CALLS: '2', PARCELGATE_RETRY_MAX_ATTEMPTS: '1' },
    });
    await call('track', failing(answered503()));
    await call('track', failing(answered503()));
    expect(resilience.breakers.track.state()).toBe('open');
    const run = failing();
    const result = await call('track', run);
    expect(result).toMatchObject({
      ok: false,
      attempts: 0,
      failure: { kind: 'rejected', reason: 'circuit-open' },
    });
    expect(run).not.toHaveBeenCalled();
  });

  it('answers with the carrier last word when the breaker stops a retry', async () => {
    const { call, resilience } = setUp({
      env: { PARCELGATE_BREAKER_MIN_CALLS: '1' },
    });
    const result = await call('track', failing(answered503(), answered503()));
    expect(resilience.breakers.track.state()).toBe('open');
    expect(result).toMatchObject({ ok: false, attempts: 1, failure: { kind: 'carrier-error' } });
  });

  it('stops retrying when the carrier retry budget is spent', async () => {
    const { call, resilience } = setUp({
      env: { PARCELGATE_RETRY_BUDGET_MIN_RETRIES: '1', PARCELGATE_RETRY_BUDGET_PERCENT: '0' },
    });
    expect(await call('track', failing(answered503()))).toMatchObject({ ok: true, attempts: 2 });
    expect(await call('track', failing(answered503()))).toMatchObject({ ok: false, attempts: 1 });
    expect(resilience.retryBudget.snapshot()).toEqual({ calls: 2, retries: 1 });
  });
});
