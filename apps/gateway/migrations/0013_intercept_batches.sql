-- Bulk intercepts: one batch of up to 1,000 intercept requests, answered at once and run in
-- the background, each item through the one action pipeline under an Idempotency-Key of
-- its own (`batch <batch id> <index>`), so a restart never intercepts an item twice.
CREATE TABLE intercept_batches (
  id text PRIMARY KEY,
  tenant_id text NOT NULL REFERENCES tenants (id),
  -- The API key that asked for it: the items run as that key's requests would.
  key_id text NOT NULL,
  item_count integer NOT NULL CHECK (item_count > 0),
  status text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done')),
  created_at timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz
);
CREATE INDEX intercept_batches_running ON intercept_batches (created_at) WHERE status = 'running';

-- One row per item. `running` rows hold a lease: past it, the worker that took the item is
-- presumed dead and another takes it (its Idempotency-Key then answers with what the first
-- stored, never a second carrier call).
CREATE TABLE intercept_batch_items (
  batch_id text NOT NULL REFERENCES intercept_batches (id) ON DELETE CASCADE,
  item_index integer NOT NULL,
  tenant_id text NOT NULL,
  carrier text NOT NULL,
  tracking_number text NOT NULL,
  -- The item's body, exactly as a `POST /v1/intercepts` body.
  request jsonb NOT NULL,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done')),
  tries integer NOT NULL DEFAULT 0,
  not_before timestamptz NOT NULL DEFAULT now(),
  lease_until timestamptz,
  intercept_id text,
  outcome text CHECK (outcome IN ('succeeded', 'pending', 'refused', 'failed', 'cancelled')),
  reasons jsonb NOT NULL DEFAULT '[]'::jsonb,
  problem jsonb,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (batch_id, item_index)
);
CREATE INDEX intercept_batch_items_open ON intercept_batch_items (batch_id, item_index)
  WHERE status <> 'done';
CREATE INDEX intercept_batch_items_running ON intercept_batch_items (tenant_id, lease_until)
  WHERE status = 'running';
