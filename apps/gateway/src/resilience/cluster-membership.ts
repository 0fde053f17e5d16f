import { randomBytes } from 'node:crypto';
import type { ClusterSeat } from './limit-shares.ts';
import { type MonotonicClock, monotonicNow } from './sliding-window.ts';

/** Another live replica, as its last heartbeat left it. */
export interface ReplicaRow {
  readonly id: string;
  /** The replicas whose list its shares are set for, and its calls already fit. */
  readonly applied: readonly string[];
}

/** Where replicas meet (store/replicas.ts on PostgreSQL; a fake in tests). */
export interface ReplicaDirectory {
  /**
   * Records this replica's heartbeat and what it applied, and answers the other live
   * replicas (those whose last heartbeat is younger than `expiryMs`, by the database's
   * clock). `joining` tells the others to beat at once.
   */
  beat(
    id: string,
    applied: readonly string[],
    expiryMs: number,
    joining: boolean,
  ): Promise<readonly ReplicaRow[]>;
  /** Removes this replica, telling the others to beat at once. */
  leave(id: string): Promise<void>;
}

/** How a replica takes part. */
export interface ClusterMembershipOptions {
  readonly directory: ReplicaDirectory;
  /** Between two heartbeats; a replica silent for 4 of them is gone. */
  readonly heartbeatMs: number;
  /** Whether the calls running now fit the shares last applied (every account's limiter). */
  readonly settled: () => boolean;
  /**
   * Told every new seat: null while this replica holds no share (not yet admitted, or cut
   * off from the database). `alone`: no other replica is live, so a larger share may apply
   * at once.
   */
  readonly onSeat: (seat: ClusterSeat | null, alone: boolean) => void;
  /** Told when a heartbeat fails (it is retried at the next one). */
  readonly onError?: (error: unknown) => void;
  readonly now?: MonotonicClock;
  readonly newId?: () => string;
}

/** Heartbeats a replica may miss before the others count it gone. */
export const EXPIRY_BEATS = 4;
/**
 * Heartbeats after which a replica that could not beat drops its shares: one before the
 * others count it gone, so it stops before they take its share.
 */
export const FENCE_BEATS = 3;

/**
 * One replica's membership among the replicas sharing a PostgreSQL, and its seat (ADR
 * 0009). It beats every `heartbeatMs`; its seat is its place among the live replicas'
 * ids. A joining replica holds no share until every live replica has applied a list that
 * names it (so their shares already shrank and their running calls fit them); a replica
 * that cannot beat for {@link FENCE_BEATS} beats drops its shares, and comes back under a
 * new id, admitted again, so an old list naming it cannot admit it early.
 */
export class ClusterMembership {
  readonly #options: ClusterMembershipOptions;
  readonly #now: MonotonicClock;
  readonly #newId: () => string;
  #id: string;
  #admitted = false;
  #joining = true;
  /** The last list acknowledged to the others, and the one to acknowledge once settled. */
  #acknowledged: readonly string[] = [];
  #pending: readonly string[] | undefined;
  #lastBeatAt: number | undefined;
  #seat: ClusterSeat | null = null;
  #live = 0;
  #timer: NodeJS.Timeout | undefined;
  #beating: Promise<void> | undefined;
  #again = false;
  #stopped = false;
  #admittedWaiters: (() => void)[] = [];

  constructor(options: ClusterMembershipOptions) {
    this.#options = options;
    this.#now = options.now ?? monotonicNow;
    this.#newId = options.newId ?? newReplicaId;
    this.#id = this.#newId();
  }

  /** This replica's id in the directory (a new one after it was cut off). */
  get id(): string {
    return this.#id;
  }

  /** Its seat; null while it holds no share. */
  get seat(): ClusterSeat | null {
    return this.#seat;
  }

  /** Live replicas it saw at its last heartbeat, itself included; 0 before the first. */
  get live(): number {
    return this.#live;
  }

  /**
   * Beats at once and then every `heartbeatMs`. Resolves once admitted, or after
   * `waitMs` (a replica that is not admitted yet still serves; its carrier calls wait).
   */
  async start(waitMs: number): Promise<void> {
    const admitted = new Promise<void>((resolve) => this.#admittedWaiters.push(resolve));
    this.#timer = setInterval(() => this.#tick(), this.#options.heartbeatMs);
    this.#timer.unref();
    this.beatSoon();
    let timeout: NodeJS.Timeout | undefined;
    await Promise.race([
      admitted,
      new Promise<void>((resolve) => {
        timeout = setTimeout(resolve, waitMs);
      }),
    ]);
    clearTimeout(timeout);
  }

  /** Beats now (another replica joined or left): shares follow within one round trip. */
  beatSoon(): void {
    if (this.#stopped) {
      return;
    }
    if (this.#beating !== undefined) {
      this.#again = true;
      return;
    }
    this.#beating = this.#beat().finally(() => {
      this.#beating = undefined;
      if (this.#again) {
        this.#again = false;
        this.beatSoon();
      }
    });
  }

  /** Stops beating and leaves the directory, so the others take its share at once. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearInterval(this.#timer);
    await this.#beating;
    await this.#options.directory.leave(this.#id);
  }

  #tick(): void {
    this.#fenceIfSilent();
    this.beatSoon();
  }

  /** No heartbeat went through for FENCE_BEATS beats: the others may soon take our share. */
  #fenceIfSilent(): boolean {
    const last = this.#lastBeatAt;
    if (last === undefined || this.#now() - last < FENCE_BEATS * this.#options.heartbeatMs) {
      return false;
    }
    if (this.#admitted) {
      this.#admitted = false;
      this.#joining = true;
      this.#id = this.#newId();
      this.#acknowledged = [];
      this.#pending = undefined;
      this.#setSeat(null, false);
    }
    return true;
  }

  async #beat(): Promise<void> {
    const sentAt = this.#now();
    this.#fenceIfSilent();
    const acknowledging =
      this.#pending !== undefined && this.#options.settled() ? this.#pending : this.#acknowledged;
    const id = this.#id;
    let others: readonly ReplicaRow[];
    try {
      others = await this.#options.directory.beat(
        id,
        acknowledging,
        EXPIRY_BEATS * this.#options.heartbeatMs,
        this.#joining,
      );
    } catch (error) {
      this.#options.onError?.(error);
      return;
    }
    if (this.#stopped || id !== this.#id) {
      return;
    }
    this.#lastBeatAt = sentAt;
    if (this.#fenceIfSilent()) {
      // The answer came too late: the others may already count this replica gone.
      return;
    }
    this.#joining = false;
    this.#acknowledged = acknowledging;
    if (acknowledging === this.#pending) {
      this.#pending = undefined;
    }
    const list = [id, ...others.map((other) => other.id)].sort();
    this.#live = list.length;
    if (!this.#admitted && others.every((other) => other.applied.includes(id))) {
      this.#admitted = true;
    }
    const seat = this.#admitted ? { rank: list.indexOf(id), count: list.length } : null;
    this.#setSeat(seat, others.length === 0);
    if (!sameList(list, this.#acknowledged)) {
      this.#pending = list;
      if (this.#options.settled()) {
        // Tell the others at once: a joining replica waits for this.
        this.#again = true;
      }
    }
    if (this.#admitted) {
      for (const resolve of this.#admittedWaiters.splice(0)) {
        resolve();
      }
    } else {
      // Not admitted yet: ask again soon rather than a whole heartbeat later.
      setTimeout(() => this.beatSoon(), Math.ceil(this.#options.heartbeatMs / 4)).unref();
    }
  }

  #setSeat(seat: ClusterSeat | null, alone: boolean): void {
    const current = this.#seat;
    if (current?.rank === seat?.rank && current?.count === seat?.count) {
      return;
    }
    this.#seat = seat;
    // Only a replica taking its first seat may grow at once: one that left a moment ago
    // may still have starts in the window.
    this.#options.onSeat(seat, alone && current === null);
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, index) => b[index] === id);
}

/** A replica id: the process id for people reading the table, random so it is never reused. */
function newReplicaId(): string {
  return `${process.pid}-${randomBytes(6).toString('hex')}`;
}
