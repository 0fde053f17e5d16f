import type { CarrierFailure } from './call-carrier.ts';
import { type MonotonicClock, SlidingWindow } from './sliding-window.ts';

/** The states of a circuit, as `/metrics` and `GET /v1/carriers` show them. */
export type CircuitState = 'closed' | 'open' | 'half_open';

/** What an attempt says about the carrier's health. */
export type HealthVerdict = 'success' | 'failure' | 'ignored';

/** When a circuit opens, and for how long. */
export interface CircuitBreakerOptions {
  /** Failures are counted over this sliding window. */
  readonly windowMs: number;
  /** No verdict below this many attempts in the window: two failures of three prove nothing. */
  readonly minCalls: number;
  /** Opens when failures / attempts in the window reach this (0.5: half). */
  readonly failureRatio: number;
  /** How long it stays open before letting probes through. */
  readonly openMs: number;
  /** Probes let through while half-open; all must succeed to close. */
  readonly halfOpenProbes: number;
  readonly now: MonotonicClock;
}

/** Permission to make one attempt; give it back with {@link CircuitBreaker.record}. */
export interface CircuitPermit {
  readonly probe: boolean;
}

/** The answer of {@link CircuitBreaker.acquire}. */
export type CircuitDecision =
  | { readonly allowed: true; readonly permit: CircuitPermit }
  | { readonly allowed: false; readonly retryAfterMs: number };

/** How long to tell clients to wait while half-open probes are out (they finish quickly). */
const HALF_OPEN_RETRY_AFTER_MS = 1_000;

/**
 * A circuit breaker for one carrier operation. Closed, it counts carrier-health failures
 * over a sliding window and opens when their rate crosses the threshold; open, it refuses
 * every attempt (the gateway answers 503 with Retry-After at once instead of spending each
 * client's budget on a carrier that is down); after `openMs` it lets a few probes through
 * and closes when they all succeed, or opens again on the first failure.
 */
export class CircuitBreaker {
  readonly #options: CircuitBreakerOptions;
  readonly #window: SlidingWindow<'calls' | 'failures'>;
  #state: CircuitState = 'closed';
  #openedAt = 0;
  #probesOut = 0;
  #probeSuccesses = 0;

  constructor(options: CircuitBreakerOptions) {
    this.#options = options;
    this.#window = new SlidingWindow({ windowMs: options.windowMs, now: options.now });
  }

  /** The current state; an open circuit whose time is up reads as half-open. */
  state(): CircuitState {
    if (this.#state === 'open' && this.#options.now() - this.#openedAt >= this.#options.openMs) {
      this.#state = 'half_open';
      this.#probesOut = 0;
      this.#probeSuccesses = 0;
    }
    return this.#state;
  }

  /** Asks to make one attempt. */
  acquire(): CircuitDecision {
    const refusal = this.refusal();
    if (refusal !== undefined) {
      return { allowed: false, retryAfterMs: refusal.retryAfterMs };
    }
    if (this.#state === 'half_open') {
      this.#probesOut += 1;
      return { allowed: true, permit: { probe: true } };
    }
    return { allowed: true, permit: { probe: false } };
  }

  /**
   * Why an attempt asked for now would be refused, or undefined when it would be let
   * through; unlike {@link acquire} it takes no probe. Lets a request that would end at
   * this circuit fail fast, before it spends a tracking read and its storage on nothing.
   */
  refusal(): { readonly retryAfterMs: number } | undefined {
    switch (this.state()) {
      case 'closed':
        return undefined;
      case 'open':
        return { retryAfterMs: this.#openedAt + this.#options.openMs - this.#options.now() };
      case 'half_open':
        return this.#probesOut + this.#probeSuccesses < this.#options.halfOpenProbes
          ? undefined
          : { retryAfterMs: HALF_OPEN_RETRY_AFTER_MS };
    }
  }

  /** Records how an attempt made under `permit` went. */
  record(permit: CircuitPermit, verdict: HealthVerdict): void {
    if (permit.probe) {
      this.#recordProbe(verdict);
      return;
    }
    // A slow attempt from before the circuit opened must not move an open circuit.
    if (verdict === 'ignored' || this.state() !== 'closed') {
      return;
    }
    this.#window.add('calls');
    if (verdict === 'failure') {
      this.#window.add('failures');
    }
    // Judged on every verdict: the minimum may be reached by a success.
    const calls = this.#window.sum('calls');
    const failures = this.#window.sum('failures');
    if (calls >= this.#options.minCalls && failures / calls >= this.#options.failureRatio) {
      this.#open();
    }
  }

  #recordProbe(verdict: HealthVerdict): void {
    if (this.#state !== 'half_open') {
      return;
    }
    this.#probesOut = Math.max(0, this.#probesOut - 1);
    if (verdict === 'failure') {
      this.#open();
    } else if (verdict === 'success') {
      this.#probeSuccesses += 1;
      if (this.#probeSuccesses >= this.#options.halfOpenProbes) {
        this.#state = 'closed';
        this.#window.clear();
      }
    }
  }

  #open(): void {
    this.#state = 'open';
    this.#openedAt = this.#options.now();
    this.#window.clear();
  }
}

/**
 * What an attempt's result says about the carrier's health. Only the carrier misbehaving
 * counts as a failure (5xx and network trouble, timeouts, lost answers, answers the adapter
 * could not read); business answers (not found, not eligible, invalid request) prove the
 * carrier works; rate limits and refused credentials say nothing about its health and are
 * left to the limiter and the operator.
 */
export function healthVerdict(failure: CarrierFailure | undefined): HealthVerdict {
  if (failure === undefined) {
    return 'success';
  }
  if (failure.kind !== 'carrier-error') {
    return 'failure';
  }
  switch (failure.error.kind) {
    case 'retryable':
    case 'outcome-unknown':
      return 'failure';
    case 'rate-limited':
    case 'authentication':
      return 'ignored';
    default:
      return 'success';
  }
}
