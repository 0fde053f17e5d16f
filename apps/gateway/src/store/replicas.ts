import type { Database, Listening } from './database.ts';

/** The channel on which a replica joining or leaving asks the others to beat at once. */
export const REPLICAS_CHANNEL = 'parcelgate_replicas';

/** Rows silent this many times the expiry are deleted by the next heartbeat. */
const FORGET_AFTER_EXPIRIES = 10;

/** Another live replica, as its last heartbeat left it. */
export interface ReplicaRow {
  readonly id: string;
  readonly applied: readonly string[];
}

/**
 * Records a replica's heartbeat and what it applied, forgets replicas long gone, and
 * answers the other live replicas: one statement, one round trip. Liveness is judged by
 * the database's clock, so the replicas' clocks need not agree. A joining replica then
 * notifies {@link REPLICAS_CHANNEL}.
 */
export async function beatReplica(
  database: Pick<Database, 'query'>,
  id: string,
  applied: readonly string[],
  expiryMs: number,
  joining: boolean,
): Promise<ReplicaRow[]> {
  const rows = await database.query<{ id: string; applied: string[] }>(
    `WITH beat AS (
       INSERT INTO gateway_replicas (id, applied) VALUES ($1, $2)
       ON CONFLICT (id) DO UPDATE SET heartbeat_at = now(), applied = excluded.applied
       RETURNING id
     ), forgotten AS (
       DELETE FROM gateway_replicas
       WHERE heartbeat_at < now() - make_interval(secs => $3::float8 * $4 / 1000)
     )
     SELECT id, applied FROM gateway_replicas
     WHERE id <> $1 AND heartbeat_at > now() - make_interval(secs => $3::float8 / 1000)`,
    [id, applied, expiryMs, FORGET_AFTER_EXPIRIES],
  );
  if (joining) {
    // After the row is committed, so the others' next heartbeat sees it.
    await database.query('SELECT pg_notify($1, $2)', [REPLICAS_CHANNEL, id]);
  }
  return rows.map((row) => ({ id: row.id, applied: row.applied }));
}

/** Removes a replica that stops, and asks the others to beat at once. */
export async function leaveReplica(database: Pick<Database, 'query'>, id: string): Promise<void> {
  await database.query(
    `WITH gone AS (DELETE FROM gateway_replicas WHERE id = $1)
     SELECT pg_notify($2, $1)`,
    [id, REPLICAS_CHANNEL],
  );
}

/** Calls `joinedOrLeft` whenever a replica joins or leaves (or notices may have been lost). */
export function followReplicas(
  database: Pick<Database, 'listen'>,
  joinedOrLeft: () => void,
): Promise<Listening> {
  return database.listen(REPLICAS_CHANNEL, {
    notice: () => joinedOrLeft(),
    heard: (listening) => {
      if (listening) {
        joinedOrLeft();
      }
    },
  });
}
