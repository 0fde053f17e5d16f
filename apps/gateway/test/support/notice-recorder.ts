import type { ChangeNotice, ChangeSubscriber } from '../../src/store/change-notices.ts';
import type { NoticeListener } from '../../src/store/database.ts';

/** How long a test waits for a notice before failing: generous, for a busy machine. */
const NOTICE_WAIT_MS = 30_000;

/**
 * A {@link NoticeListener} that keeps every payload and every `heard` call, and lets a
 * test wait for the one it expects (an event, not a sleep). On PostgreSQL a channel is
 * shared by every schema of the database, so other test files' notices arrive too: tests
 * look for payloads naming their own ids.
 */
export class NoticeRecorder implements NoticeListener {
  /** Every payload, in the order heard. */
  readonly payloads: string[] = [];
  /** Every `heard` call, in order. */
  readonly heardCalls: boolean[] = [];
  #waiters: (() => void)[] = [];

  notice(payload: string): void {
    this.payloads.push(payload);
    this.#wake();
  }

  heard(listening: boolean): void {
    this.heardCalls.push(listening);
    this.#wake();
  }

  /**
   * Resolves with the index (in {@link payloads}) of the first payload from `from` on that
   * `matches`, once heard; rejects after a generous wait naming what was heard instead.
   */
  waitForPayload(matches: (payload: string) => boolean, from = 0): Promise<number> {
    return this.#waitFor(() => {
      const index = this.payloads.findIndex((payload, at) => at >= from && matches(payload));
      return index === -1 ? undefined : index;
    }, 'a matching notice');
  }

  /** Resolves once `heard(listening)` was called at or after call number `from`. */
  async waitForHeard(listening: boolean, from = 0): Promise<void> {
    await this.#waitFor(
      () => (this.heardCalls.slice(from).includes(listening) ? true : undefined),
      `heard(${listening})`,
    );
  }

  #waitFor<Found>(find: () => Found | undefined, what: string): Promise<Found> {
    return new Promise<Found>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters = this.#waiters.filter((waiter) => waiter !== check);
        reject(
          new Error(
            `no ${what} within ${NOTICE_WAIT_MS} ms; heard ${JSON.stringify(this.payloads)}, heard() ${JSON.stringify(this.heardCalls)}`,
          ),
        );
      }, NOTICE_WAIT_MS);
      const check = () => {
        const found = find();
        if (found === undefined) {
          return;
        }
        clearTimeout(timer);
        this.#waiters = this.#waiters.filter((waiter) => waiter !== check);
        resolve(found);
      };
      this.#waiters.push(check);
      check();
    });
  }

  #wake(): void {
    for (const waiter of [...this.#waiters]) {
      waiter();
    }
  }
}

/** Whether `payload` is the JSON array `expected` (a change notice's shape). */
export function isPayload(expected: readonly string[]): (payload: string) => boolean {
  return (payload) => {
    try {
      return JSON.stringify(JSON.parse(payload)) === JSON.stringify(expected);
    } catch {
      return false;
    }
  };
}

/**
 * A {@link ChangeSubscriber} that records what `followChanges` passes it, as a payload
 * (`["tenant", id]`, `["parcel", carrier, number]`) and `heard` calls. Listed after the
 * subscribers under test, it hears each change after them: once it has, they have too.
 */
export class ChangeRecorder extends NoticeRecorder implements ChangeSubscriber {
  changed(notice: ChangeNotice): void {
    this.notice(
      JSON.stringify(
        notice.kind === 'tenant'
          ? [notice.kind, notice.tenantId]
          : [notice.kind, notice.carrier, notice.trackingNumber],
      ),
    );
  }

  setLive(live: boolean): void {
    this.heard(live);
  }
}
