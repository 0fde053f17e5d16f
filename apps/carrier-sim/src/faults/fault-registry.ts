import { unitHash } from '../random.ts';
import type { Fault, FaultOperation, FaultRule } from './fault.ts';

/** What to do to one carrier request. */
export interface FaultSelection {
  /** Extra delay before the request is processed, summed over matching latency faults. */
  readonly latencyMs: number;
  /** The one non-latency fault that applies, if any. */
  readonly fault: Fault | undefined;
}

const NO_FAULT: FaultSelection = { latencyMs: 0, fault: undefined };

/** A new fault, before the registry gives it an identifier. */
export interface NewFaultRule {
  readonly carrier: string;
  readonly operation: FaultOperation;
  readonly trackingNumber: string | null;
  readonly fault: Fault;
  readonly count: number | null;
}

/**
 * Registered faults. Scoping keeps parallel tests apart: a fault names a carrier and an
 * operation, and either one tracking number or a count of requests.
 *
 * Selection for a request: every matching latency fault adds its delay; then at most one
 * other fault applies, faults scoped to the tracking number before carrier-wide ones and
 * older before newer. A `status` fault whose seeded `rate` roll lets a request through
 * does not use up its count, so the next candidate may apply instead.
 */
export class FaultRegistry {
  #rules: FaultRule[] = [];
  #nextId = 1;

  /** Registers a fault and returns its rule. */
  add(rule: NewFaultRule): FaultRule {
    const created: FaultRule = {
      id: `flt_${this.#nextId++}`,
      carrier: rule.carrier,
      operation: rule.operation,
      trackingNumber: rule.trackingNumber,
      fault: rule.fault,
      remaining: rule.count,
      hits: 0,
      seen: 0,
    };
    this.#rules.push(created);
    return created;
  }

  /** Every active fault, oldest first. */
  list(): readonly FaultRule[] {
    return this.#rules;
  }

  /** Removes one fault; false when no fault has this id. */
  remove(id: string): boolean {
    const before = this.#rules.length;
    this.#rules = this.#rules.filter((rule) => rule.id !== id);
    return this.#rules.length !== before;
  }

  /**
   * Removes every fault and returns how many there were. Identifiers keep counting up, so
   * a test deleting its own stale id cannot remove a fault another test added since.
   */
  clear(): number {
    const removed = this.#rules.length;
    this.#rules = [];
    return removed;
  }

  /** Removes every fault and restarts identifiers, so a reset replays the same rate rolls. */
  reset(): void {
    this.#rules = [];
    this.#nextId = 1;
  }

  /**
   * Picks the faults for one request and uses up their counts. `operation` may be a
   * carrier-specific one (e.g. `interceptStatus`), which only `*` faults match.
   */
  select(
    carrier: string,
    operation: string,
    trackingNumber: string | undefined,
    seed: string,
  ): FaultSelection {
    if (this.#rules.length === 0) {
      return NO_FAULT;
    }
    let latencyMs = 0;
    let fault: Fault | undefined;
    let exhausted = false;
    for (const scoped of [true, false]) {
      for (const rule of this.#rules) {
        if (
          rule.carrier !== carrier ||
          (rule.operation !== '*' && rule.operation !== operation) ||
          (scoped
            ? rule.trackingNumber === null || rule.trackingNumber !== trackingNumber
            : rule.trackingNumber !== null)
        ) {
          continue;
        }
        if (rule.fault.type === 'latency') {
          const jitter =
            rule.fault.jitterMs > 0
              ? Math.floor(unitHash(seed, rule.id, rule.seen) * (rule.fault.jitterMs + 1))
              : 0;
          rule.seen++;
          latencyMs += rule.fault.ms + jitter;
          exhausted = this.#use(rule) || exhausted;
          continue;
        }
        if (fault !== undefined) {
          continue;
        }
        const roll = unitHash(seed, rule.id, rule.seen);
        rule.seen++;
        if (rule.fault.type === 'status' && roll >= rule.fault.rate) {
          continue;
        }
        fault = rule.fault;
        exhausted = this.#use(rule) || exhausted;
      }
    }
    if (exhausted) {
      this.#rules = this.#rules.filter((rule) => rule.remaining !== 0);
    }
    return latencyMs === 0 && fault === undefined ? NO_FAULT : { latencyMs, fault };
  }

  /** Counts a hit; true when the rule has no uses left. */
  #use(rule: FaultRule): boolean {
    rule.hits++;
    if (rule.remaining !== null) {
      rule.remaining--;
      return rule.remaining <= 0;
    }
    return false;
  }
}
