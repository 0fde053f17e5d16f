import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClusterMembership, type ReplicaDirectory } from './cluster-membership.ts';
import type { ClusterSeat } from './limit-shares.ts';

const HEARTBEAT_MS = 1_000;

/** The directory in memory: rows with the fake clock's time of their last beat. */
function memoryDirectory() {
  const rows = new Map<string, { applied: readonly string[]; beatAt: number }>();
  let failing = false;
  const silent = new Set<string>();
  const directory: ReplicaDirectory = {
    async beat(id, applied, expiryMs) {
      if (failing) {
        throw new Error('database unreachable');
      }
      if (silent.has(id)) {
        // A replica that died: its heartbeat never arrives.
        return new Promise(() => {});
      }
      const now = Date.now();
      rows.set(id, { applied, beatAt: now });
      return [...rows]
        .filter(([other, row]) => other !== id && now - row.beatAt < expiryMs)
        .map(([other, row]) => ({ id: other, applied: row.applied }));
    },
    async leave(id) {
      rows.delete(id);
    },
  };
  return {
    directory,
    setFailing(value: boolean) {
      failing = value;
    },
    silence(id: string) {
      silent.add(id);
    },
  };
}

function replica(
  directory: ReplicaDirectory,
  id: string,
  options: { settled?: () => boolean; ids?: string[] } = {},
) {
  const seats: (ClusterSeat | null)[] = [];
  const ids = options.ids ?? [id];
  let next = 0;
  const membership = new ClusterMembership({
    directory,
    heartbeatMs: HEARTBEAT_MS,
    settled: options.settled ?? (() => true),
    onSeat: (seat) => seats.push(seat),
    newId: () => ids[Math.min(next++, ids.length - 1)] as string,
    now: () => Date.now(),
  });
  return { membership, seats };
}

describe('ClusterMembership', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('seats a lone replica at once, and a second one only after the first made room for it', async () => {
    const { directory } = memoryDirectory();
    const a = replica(directory, 'a');
    await a.membership.start(10_000);
    expect(a.membership.seat).toEqual({ rank: 0, count: 1 });
    const b = replica(directory, 'b');
    const joined = b.membership.start(10_000);
    await vi.advanceTimersByTimeAsync(0);
    // b sees a, but a has not applied a list naming b yet: b holds no share.
    expect(b.membership.seat).toBeNull();
    await vi.advanceTimersByTimeAsync(HEARTBEAT_MS);
    expect(a.membership.seat).toEqual({ rank: 0, count: 2 });
    await vi.advanceTimersByTimeAsync(HEARTBEAT_MS);
    await joined;
    expect(b.membership.seat).toEqual({ rank: 1, count: 2 });
    expect(b.seats[0]).toEqual({ rank: 1, count: 2 });
    await a.membership.stop();
    await b.membership.stop();
  });

  it('keeps a joining replica out while another one still runs more calls than its new share', async () => {
    const { directory } = memoryDirectory();
    let busy = true;
    const a = replica(directory, 'a', { settled: () => !busy });
    await a.membership.start(10_000);
    const b = replica(directory, 'b');
    void b.membership.start(60_000);
    await vi.advanceTimersByTimeAsync(5 * HEARTBEAT_MS);
    expect(a.membership.seat?.count).toBe(2);
    expect(b.membership.seat).toBeNull();
    busy = false;
    await vi.advanceTimersByTimeAsync(2 * HEARTBEAT_MS);
    expect(b.membership.seat).toEqual({ rank: 1, count: 2 });
    await a.membership.stop();
    await b.membership.stop();
  });

  it('gives the share of a replica that stops to the others at its leaving, of one that dies after its expiry', async () => {
    const store = memoryDirectory();
    const { directory } = store;
    const members = ['a', 'b', 'c'].map((id) => replica(directory, id));
    for (const member of members) {
      void member.membership.start(60_000);
    }
    await vi.advanceTimersByTimeAsync(3 * HEARTBEAT_MS);
    const [a, b, c] = members as [(typeof members)[0], (typeof members)[0], (typeof members)[0]];
    expect(members.map((member) => member.membership.seat)).toEqual([
      { rank: 0, count: 3 },
      { rank: 1, count: 3 },
      { rank: 2, count: 3 },
    ]);
    await c.membership.stop();
    await vi.advanceTimersByTimeAsync(HEARTBEAT_MS);
    expect(a.membership.seat).toEqual({ rank: 0, count: 2 });
    // b dies: no leaving, no heartbeat. a counts it for four beats, then takes its share.
    store.silence('b');
    await vi.advanceTimersByTimeAsync(2 * HEARTBEAT_MS);
    expect(a.membership.seat?.count).toBe(2);
    await vi.advanceTimersByTimeAsync(4 * HEARTBEAT_MS);
    expect(a.membership.seat).toEqual({ rank: 0, count: 1 });
    // b, silent for three beats, dropped its share before a took it.
    expect(b.seats.at(-1)).toBeNull();
    await a.membership.stop();
  });

  it('drops its share when it cannot beat, and comes back under a new id, admitted again', async () => {
    const store = memoryDirectory();
    const a = replica(store.directory, 'a', { ids: ['a', 'a2'] });
    await a.membership.start(10_000);
    store.setFailing(true);
    await vi.advanceTimersByTimeAsync(3 * HEARTBEAT_MS);
    expect(a.membership.seat).toBeNull();
    store.setFailing(false);
    a.membership.beatSoon();
    await vi.advanceTimersByTimeAsync(0);
    expect(a.membership.id).toBe('a2');
    // The old row 'a' still looks live for a moment: a2 waits until it expires.
    expect(a.membership.seat).toBeNull();
    await vi.advanceTimersByTimeAsync(4 * HEARTBEAT_MS);
    expect(a.membership.seat).toEqual({ rank: 0, count: 1 });
    await a.membership.stop();
  });
});
