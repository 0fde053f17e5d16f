-- Webhook endpoints and the deliveries of events to them. Each event is fanned out to the
-- tenant's enabled endpoints that want its type by a trigger on `events`, in the
-- transaction that writes the event: whoever writes an event, its deliveries exist exactly
-- when it does (the outbox), and a crash between commit and send loses nothing.
CREATE TABLE webhook_endpoints (
  id text PRIMARY KEY,
  tenant_id text NOT NULL REFERENCES tenants (id),
  url text NOT NULL,
  description text,
  -- NULL: every event type.
  event_types text[],
  enabled boolean NOT NULL DEFAULT true,
  disabled_reason text,
  -- The signing secret, sealed like carrier credentials; during a rotation's overlap the
  -- previous one still signs beside it until previous_secret_expires_at.
  sealed_secret text NOT NULL,
  previous_sealed_secret text,
  previous_secret_expires_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhook_endpoints_by_tenant ON webhook_endpoints (tenant_id, created_at, id);

-- One row per event and endpoint. `pending` rows are the outbox: the worker sends, per
-- endpoint and object, the oldest first, and a later one only once the earlier is settled.
CREATE TABLE webhook_deliveries (
  seq bigserial PRIMARY KEY,
  id text NOT NULL UNIQUE DEFAULT ('whd_' || replace(gen_random_uuid()::text, '-', '')),
  endpoint_id text NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
  tenant_id text NOT NULL,
  event_id text NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  event_seq bigint NOT NULL,
  object_id text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'given_up')),
  -- A test event is tried once and never disables its endpoint.
  retry boolean NOT NULL DEFAULT true,
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  first_failed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  settled_at timestamptz
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at)
  WHERE status = 'pending';
CREATE INDEX webhook_deliveries_in_order ON webhook_deliveries (endpoint_id, object_id, event_seq)
  WHERE status = 'pending';
CREATE INDEX webhook_deliveries_by_endpoint ON webhook_deliveries (endpoint_id, seq);
CREATE INDEX webhook_deliveries_by_event ON webhook_deliveries (event_id);

-- Every attempt, as the endpoint answered it.
CREATE TABLE webhook_attempts (
  id bigserial PRIMARY KEY,
  delivery_id text NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
  attempted_at timestamptz NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('delivered', 'failed', 'refused')),
  status_code integer,
  duration_ms integer NOT NULL,
  response_snippet text NOT NULL DEFAULT '',
  error text
);
CREATE INDEX webhook_attempts_by_delivery ON webhook_attempts (delivery_id, id);

-- Events about endpoints themselves (disabled after failing for a day; a test event).
ALTER TABLE events DROP CONSTRAINT events_object_kind_check;
ALTER TABLE events ADD CONSTRAINT events_object_kind_check
  CHECK (object_kind IN ('intercept', 'redirect', 'parcel', 'webhook_endpoint'));

CREATE FUNCTION parcelgate_fan_out_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A test event goes to the endpoint tested only; its delivery is made with it.
  IF NEW.type = 'webhook_endpoint.test' THEN
    RETURN NULL;
  END IF;
  INSERT INTO webhook_deliveries (endpoint_id, tenant_id, event_id, event_seq, object_id)
    SELECT endpoint.id, NEW.tenant_id, NEW.id, NEW.seq, NEW.object_id
      FROM webhook_endpoints endpoint
      WHERE endpoint.tenant_id = NEW.tenant_id AND endpoint.enabled
        AND (endpoint.event_types IS NULL OR NEW.type = ANY (endpoint.event_types));
  RETURN NULL;
END
$$;
CREATE TRIGGER events_fan_out AFTER INSERT ON events
  FOR EACH ROW EXECUTE FUNCTION parcelgate_fan_out_event();
