-- The event log (an outbox): every change a merchant cares about is stored here by the
-- transaction that makes the change, with the whole object as the API showed it then.
-- `seq` orders events as they were written (a delivery worker reads past the last seq it
-- sent; per object, by object_id); `id` is the public id (`evt_` and a ULID). Events are
-- kept 30 days: the purge deletes older ones, oldest first, through `events_by_time`.
CREATE TABLE events (
  seq bigserial PRIMARY KEY,
  id text NOT NULL UNIQUE,
  tenant_id text NOT NULL REFERENCES tenants (id),
  type text NOT NULL,
  object_kind text NOT NULL CHECK (object_kind IN ('intercept', 'redirect', 'parcel')),
  object_id text NOT NULL,
  occurred_at timestamptz NOT NULL DEFAULT now(),
  data jsonb NOT NULL
);
CREATE INDEX events_by_tenant ON events (tenant_id, seq);
CREATE INDEX events_by_type ON events (tenant_id, type, seq);
CREATE INDEX events_by_object ON events (tenant_id, object_id, seq);
CREATE INDEX events_by_time ON events (occurred_at);
