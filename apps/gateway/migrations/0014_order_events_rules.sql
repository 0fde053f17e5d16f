-- The after-sales assistant: the tenant's rules, the order events a marketplace sends
-- (a refund, a cancellation, an address change, a return, a damage report), and which rule
-- started which action for which event.

-- A tenant's rules, tried in `position` order: the first that matches a parcel decides.
-- A tenant without any row runs the default rule set (docs/automation.md).
CREATE TABLE rules (
  id text PRIMARY KEY,
  tenant_id text NOT NULL REFERENCES tenants (id),
  position integer NOT NULL,
  name text NOT NULL,
  enabled boolean NOT NULL DEFAULT true,
  -- The conditions (`when`) and the action (`do`), as validated by the API's schema.
  conditions jsonb NOT NULL,
  action text NOT NULL CHECK (action IN ('intercept', 'redirect', 'notify')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX rules_by_tenant ON rules (tenant_id, position, id);

-- Order events as received, with what was decided per parcel and the deadline's state.
-- `external_id` is the event's own id at the marketplace: a repeat is the same event.
CREATE TABLE order_events (
  id text PRIMARY KEY,
  tenant_id text NOT NULL REFERENCES tenants (id),
  external_id text,
  request_hash text NOT NULL,
  type text NOT NULL,
  order_ref text NOT NULL,
  body jsonb NOT NULL,
  respond_by timestamptz,
  reply_by timestamptz,
  decisions jsonb NOT NULL DEFAULT '[]'::jsonb,
  evidence jsonb NOT NULL DEFAULT '[]'::jsonb,
  -- Set once every parcel was decided: a repeat of an event left undecided by a crash decides it.
  decided_at timestamptz,
  deadline_status text NOT NULL DEFAULT 'none'
    CHECK (deadline_status IN ('none', 'on_track', 'at_risk', 'missed', 'met')),
  deadline_reasons jsonb NOT NULL DEFAULT '[]'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX order_events_by_external_id ON order_events (tenant_id, external_id)
  WHERE external_id IS NOT NULL;
CREATE INDEX order_events_by_tenant ON order_events (tenant_id, created_at DESC, id DESC);
CREATE INDEX order_events_watched ON order_events (deadline_status)
  WHERE deadline_status IN ('on_track', 'at_risk');

-- Each action a rule started for an order event's parcel: one per (event, parcel), so a
-- repeat never starts a second.
CREATE TABLE rule_actions (
  order_event_id text NOT NULL REFERENCES order_events (id),
  parcel_key text NOT NULL,
  tenant_id text NOT NULL,
  rule_id text NOT NULL,
  action_table text NOT NULL CHECK (action_table IN ('intercepts', 'redirects')),
  action_id text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (order_event_id, parcel_key)
);
CREATE INDEX rule_actions_by_action ON rule_actions (action_id);

ALTER TABLE events DROP CONSTRAINT events_object_kind_check;
ALTER TABLE events ADD CONSTRAINT events_object_kind_check
  CHECK (object_kind IN ('intercept', 'redirect', 'parcel', 'webhook_endpoint', 'order_event'));
