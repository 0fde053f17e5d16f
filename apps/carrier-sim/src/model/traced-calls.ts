/** One carrier request that carried a W3C trace context (`traceparent`). */
export interface TracedCall {
  readonly carrier: string;
  /** The operation the simulator routed it to (`track`, `intercept`, `oauth`, ...). */
  readonly operation: string;
  readonly trackingNumber: string | null;
  readonly traceparent: string;
  readonly tracestate: string | null;
}

/** How many traced calls are kept: the newest, so a long benchmark cannot grow memory. */
export const TRACED_CALLS_KEPT = 1_000;

/**
 * The carrier requests that carried `traceparent`, newest last, so a test can check that
 * its client propagates its trace to the carrier. Requests without the header are not
 * kept: the hot path pays one header lookup.
 */
export class TracedCalls {
  #calls: TracedCall[] = [];

  /** Keeps the request's trace context, if it sent one. */
  note(
    carrier: string,
    route: { readonly operation: string; readonly trackingNumber?: string | undefined },
    headers: Readonly<Record<string, string | string[] | undefined>>,
  ): void {
    const traceparent = headers.traceparent;
    if (typeof traceparent !== 'string') {
      return;
    }
    const tracestate = headers.tracestate;
    this.#calls.push({
      carrier,
      operation: route.operation,
      trackingNumber: route.trackingNumber ?? null,
      traceparent,
      tracestate: typeof tracestate === 'string' ? tracestate : null,
    });
    if (this.#calls.length > TRACED_CALLS_KEPT) {
      this.#calls = this.#calls.slice(-TRACED_CALLS_KEPT);
    }
  }

  list(): readonly TracedCall[] {
    return [...this.#calls];
  }

  /** Forgets every call; returns how many there were. */
  clear(): number {
    const count = this.#calls.length;
    this.#calls = [];
    return count;
  }
}
