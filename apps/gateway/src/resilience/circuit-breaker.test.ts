import {
  CarrierAuthenticationError,
  CarrierNotEligibleError,
  CarrierNotFoundError,
  CarrierOutcomeUnknownError,
  CarrierRateLimitedError,
  CarrierRetryableError,
} from '@parcelgate/carrier-kit';
import { describe, expect, it } from 'vitest';
import { CircuitBreaker, type CircuitPermit, healthVerdict } from './circuit-breaker.ts';

function breakerAt(clock: { now: number }, halfOpenProbes = 1) {
  return new CircuitBreaker({
    windowMs: 10_000,
    minCalls: 4,
    failureRatio: 0.5,
    openMs: 5_000,
    halfOpenProbes,
    now: () => clock.now,
  });
}

function permitOf(breaker: CircuitBreaker): CircuitPermit {
  const decision = breaker.acquire();
  if (!decision.allowed) {
    throw new Error('expected the breaker to allow an attempt');
  }
  return decision.permit;
}

describe('CircuitBreaker', () => {
  it('stays closed below the minimum number of calls, then opens at the failure rate', () => {
    const breaker = breakerAt({ now: 0 });
    breaker.record(permitOf(breaker), 'failure');
    breaker.record(permitOf(breaker), 'failure');
    breaker.record(permitOf(breaker), 'failure');
    expect(breaker.state()).toBe('closed');
    breaker.record(permitOf(breaker), 'success');
    expect(breaker.state()).toBe('open');
  });

  it('ignores verdicts that say nothing of health', () => {
    const breaker = breakerAt({ now: 0 });
    for (let call = 0; call < 10; call += 1) {
      breaker.record(permitOf(breaker), 'ignored');
    }
    breaker.record(permitOf(breaker), 'failure');
    breaker.record(permitOf(breaker), 'success');
    breaker.record(permitOf(breaker), 'success');
    breaker.record(permitOf(breaker), 'success');
    expect(breaker.state()).toBe('closed');
  });

  it('refuses with the time left while open, then lets one probe through', () => {
    const clock = { now: 0 };
    const breaker = breakerAt(clock);
    for (let call = 0; call < 4; call += 1) {
      breaker.record(permitOf(breaker), 'failure');
    }
    clock.now = 1_000;
    expect(breaker.acquire()).toEqual({ allowed: false, retryAfterMs: 4_000 });
    clock.now = 5_000;
    expect(breaker.state()).toBe('half_open');
    const probe = permitOf(breaker);
    expect(probe.probe).toBe(true);
    expect(breaker.acquire()).toMatchObject({ allowed: false });
    breaker.record(probe, 'success');
    expect(breaker.state()).toBe('closed');
    // A fresh window: one failure after closing does not reopen it.
    breaker.record(permitOf(breaker), 'failure');
    expect(breaker.state()).toBe('closed');
  });

  it('opens again when a probe fails, and needs every probe to succeed to close', () => {
    const clock = { now: 0 };
    const breaker = breakerAt(clock, 2);
    for (let call = 0; call < 4; call += 1) {
      breaker.record(permitOf(breaker), 'failure');
    }
    clock.now = 5_000;
    breaker.record(permitOf(breaker), 'failure');
    expect(breaker.state()).toBe('open');
    clock.now = 10_000;
    const first = permitOf(breaker);
    const second = permitOf(breaker);
    breaker.record(first, 'success');
    expect(breaker.state()).toBe('half_open');
    breaker.record(second, 'success');
    expect(breaker.state()).toBe('closed');
  });

  it('lets an ignored probe free its slot', () => {
    const clock = { now: 0 };
    const breaker = breakerAt(clock);
    for (let call = 0; call < 4; call += 1) {
      breaker.record(permitOf(breaker), 'failure');
    }
    clock.now = 5_000;
    breaker.record(permitOf(breaker), 'ignored');
    expect(breaker.state()).toBe('half_open');
    expect(breaker.acquire()).toMatchObject({ allowed: true });
  });

  it('tells whether it would refuse without taking a probe', () => {
    const clock = { now: 0 };
    const breaker = breakerAt(clock);
    expect(breaker.refusal()).toBeUndefined();
    for (let call = 0; call < 4; call += 1) {
      breaker.record(permitOf(breaker), 'failure');
    }
    clock.now = 1_500;
    expect(breaker.refusal()).toEqual({ retryAfterMs: 3_500 });
    clock.now = 5_000;
    // Asking twice leaves the one probe for the attempt itself.
    expect(breaker.refusal()).toBeUndefined();
    expect(breaker.refusal()).toBeUndefined();
    const probe = permitOf(breaker);
    expect(probe.probe).toBe(true);
    expect(breaker.refusal()).toEqual({ retryAfterMs: 1_000 });
    breaker.record(probe, 'success');
    expect(breaker.refusal()).toBeUndefined();
  });

  it('does not let a slow attempt from before the opening move an open circuit', () => {
    const breaker = breakerAt({ now: 0 });
    const slow = permitOf(breaker);
    for (let call = 0; call < 4; call += 1) {
      breaker.record(permitOf(breaker), 'failure');
    }
    breaker.record(slow, 'success');
    expect(breaker.state()).toBe('open');
  });
});

describe('healthVerdict', () => {
  const base = { carrierId: 'acme', message: 'x' };
  it('counts only carrier-health failures', () => {
    expect(healthVerdict(undefined)).toBe('success');
    expect(healthVerdict({ kind: 'timeout' })).toBe('failure');
    expect(healthVerdict({ kind: 'adapter-defect', error: new Error('x') })).toBe('failure');
    const verdict = (error: Parameters<typeof healthVerdict>[0]) => healthVerdict(error);
    expect(verdict({ kind: 'carrier-error', error: new CarrierRetryableError(base) })).toBe(
      'failure',
    );
    expect(verdict({ kind: 'carrier-error', error: new CarrierOutcomeUnknownError(base) })).toBe(
      'failure',
    );
    expect(verdict({ kind: 'carrier-error', error: new CarrierNotFoundError(base) })).toBe(
      'success',
    );
    expect(
      verdict({
        kind: 'carrier-error',
        error: new CarrierNotEligibleError({ ...base, reason: 'out_for_delivery' }),
      }),
    ).toBe('success');
    expect(verdict({ kind: 'carrier-error', error: new CarrierRateLimitedError(base) })).toBe(
      'ignored',
    );
    expect(verdict({ kind: 'carrier-error', error: new CarrierAuthenticationError(base) })).toBe(
      'ignored',
    );
  });
});
