import type { PushMessage, PushRecord } from './push-types.ts';

/** Pushes kept for the control API: enough for a test, bounded for a long run. */
const MAX_RECORDS = 500;

/** A receiver that does not answer within this is recorded as failed. */
const PUSH_TIMEOUT_MS = 5_000;

/** Context of one push, recorded beside the answer. */
export interface PushContext {
  readonly carrier: string;
  readonly trackingNumber: string;
  readonly at: string;
}

/**
 * Delivers pushes one after another per carrier (a carrier pushes a parcel's events in
 * order), records every attempt, and tells when everything queued has been delivered so
 * tests can wait for it instead of sleeping.
 */
export class PushDispatcher {
  readonly #records: PushRecord[] = [];
  readonly #queues = new Map<string, Promise<void>>();
  #pending = 0;
  #idleWaiters: (() => void)[] = [];

  /** Queues a push behind the carrier's earlier ones. */
  send(context: PushContext, message: PushMessage): void {
    this.#pending++;
    const previous = this.#queues.get(context.carrier) ?? Promise.resolve();
    const next = previous
      .then(() => this.#deliver(context, message))
      .finally(() => {
        this.#pending--;
        if (this.#pending === 0) {
          for (const resolve of this.#idleWaiters.splice(0)) {
            resolve();
          }
        }
      });
    this.#queues.set(context.carrier, next);
  }

  /** Resolves once every queued push has been delivered or has failed. */
  idle(): Promise<void> {
    return this.#pending === 0
      ? Promise.resolve()
      : new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  /** Every recorded attempt, oldest first. */
  list(): readonly PushRecord[] {
    return this.#records;
  }

  /** Forgets the records (queued pushes still go out). */
  clear(): number {
    return this.#records.splice(0).length;
  }

  async #deliver(context: PushContext, message: PushMessage): Promise<void> {
    const base = { ...context, url: message.url, body: message.body };
    try {
      const response = await fetch(message.url, {
        method: 'POST',
        headers: message.headers,
        body: message.body,
        signal: AbortSignal.timeout(PUSH_TIMEOUT_MS),
      });
      const responseBody = await response.text();
      this.#record({
        ...base,
        status: response.status,
        responseBody,
        acknowledged: message.acknowledged(response.status, responseBody),
        error: undefined,
      });
    } catch (error) {
      this.#record({
        ...base,
        status: undefined,
        responseBody: '',
        acknowledged: false,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }

  #record(record: PushRecord): void {
    this.#records.push(record);
    if (this.#records.length > MAX_RECORDS) {
      this.#records.splice(0, this.#records.length - MAX_RECORDS);
    }
  }
}
