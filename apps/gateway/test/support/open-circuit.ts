import type { CircuitBreaker } from '../../src/resilience/circuit-breaker.ts';

/** Records carrier-health failures on `breaker` until it opens, as a failing carrier would. */
export function openCircuit(breaker: CircuitBreaker): void {
  while (breaker.state() !== 'open') {
    const decision = breaker.acquire();
    if (decision.allowed) {
      breaker.record(decision.permit, 'failure');
    }
  }
}
