import pg from 'pg';
import type { Listening, NoticeListener } from './database.ts';

/** The first wait before reconnecting a lost listener, doubled per failure up to the cap. */
const RECONNECT_FIRST_MS = 100;
const RECONNECT_CAP_MS = 5_000;

/**
 * LISTENs on `channel` over a connection of its own (a pooled one would be handed to other
 * statements). A lost connection is reported (`heard(false)`: notices sent meanwhile are
 * lost for good) and reopened with a doubling wait; `heard(true)` once it listens again.
 * Resolves once the first LISTEN is in place, or rejects when it cannot be made.
 */
export async function listenOnPostgres(
  connectionString: string,
  channel: string,
  listener: NoticeListener,
): Promise<Listening> {
  let closed = false;
  let client: pg.Client | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  let failures = 0;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString });
    next.on('notification', (message) => {
      if (message.channel === channel) {
        listener.notice(message.payload ?? '');
      }
    });
    next.on('error', () => lost(next));
    next.on('end', () => lost(next));
    try {
      await next.connect();
      await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      await next.end().catch(() => {});
      throw error;
    }
    if (closed) {
      await next.end().catch(() => {});
      return;
    }
    client = next;
    failures = 0;
    listener.heard(true);
  };

  const lost = (which: pg.Client) => {
    if (closed || client !== which) {
      return;
    }
    client = undefined;
    which.end().catch(() => {});
    listener.heard(false);
    scheduleReconnect();
  };

  const scheduleReconnect = () => {
    const waitMs = Math.min(RECONNECT_CAP_MS, RECONNECT_FIRST_MS * 2 ** failures);
    failures += 1;
    retryTimer = setTimeout(() => {
      connect().catch(() => {
        if (!closed) {
          scheduleReconnect();
        }
      });
    }, waitMs);
    retryTimer.unref();
  };

  await connect();
  return {
    async close() {
      closed = true;
      clearTimeout(retryTimer);
      await client?.end().catch(() => {});
      client = undefined;
    },
  };
}
