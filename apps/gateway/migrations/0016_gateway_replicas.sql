-- The gateway replicas sharing this database, for the carrier limits they split (ADR 0009):
-- each beats every PARCELGATE_REPLICA_HEARTBEAT_MS; one silent for four beats is gone.
-- `applied` lists the replicas whose shares it applies and whose running calls fit them:
-- a joining replica takes its share once every live one names it there.
CREATE TABLE gateway_replicas (
  id text PRIMARY KEY,
  joined_at timestamptz NOT NULL DEFAULT now(),
  heartbeat_at timestamptz NOT NULL DEFAULT now(),
  applied text[] NOT NULL DEFAULT '{}'
);
