-- Parcelgate's system of record. One set of migrations for PostgreSQL and PGlite.

CREATE TABLE tenants (
  id text PRIMARY KEY,
  name text NOT NULL UNIQUE,
  -- Overrides of the default policy (domain rules as data); bounded by carriers at use.
  policy jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE api_keys (
  id text PRIMARY KEY,
  tenant_id text NOT NULL REFERENCES tenants (id),
  -- SHA-256 of the key: keys are 256-bit random, so a slow hash adds nothing.
  key_hash text NOT NULL UNIQUE,
  -- First characters of the key, to recognise it in listings without revealing it.
  prefix text NOT NULL,
  label text,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

CREATE TABLE intercepts (
  id text PRIMARY KEY,
  tenant_id text NOT NULL REFERENCES tenants (id),
  carrier text NOT NULL,
  tracking_number text NOT NULL,
  reason text NOT NULL,
  order_ref text,
  pickup_mode text NOT NULL,
  parcel jsonb,
  note text,
  status text NOT NULL,
  likelihood text NOT NULL,
  parcel_status text,
  fee jsonb NOT NULL,
  policy_reasons jsonb NOT NULL DEFAULT '[]'::jsonb,
  warnings jsonb NOT NULL DEFAULT '[]'::jsonb,
  carrier_reference text,
  carrier_reason text,
  status_detail text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX intercepts_by_tenant_time ON intercepts (tenant_id, created_at DESC, id DESC);
CREATE INDEX intercepts_by_order ON intercepts (tenant_id, order_ref);
-- At most one live intercept per parcel: the database, not a read-then-write, decides races.
CREATE UNIQUE INDEX intercepts_one_active_per_parcel ON intercepts (tenant_id, carrier, tracking_number)
  WHERE status IN ('pending', 'accepted', 'returning');

CREATE TABLE redirects (
  id text PRIMARY KEY,
  tenant_id text NOT NULL REFERENCES tenants (id),
  carrier text NOT NULL,
  tracking_number text NOT NULL,
  reason text NOT NULL,
  order_ref text NOT NULL,
  pickup_mode text,
  new_address jsonb NOT NULL,
  note text,
  status text NOT NULL,
  likelihood text NOT NULL,
  parcel_status text,
  fee jsonb NOT NULL,
  free boolean NOT NULL,
  policy_reasons jsonb NOT NULL DEFAULT '[]'::jsonb,
  warnings jsonb NOT NULL DEFAULT '[]'::jsonb,
  carrier_reference text,
  carrier_reason text,
  status_detail text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX redirects_by_tenant_time ON redirects (tenant_id, created_at DESC, id DESC);
CREATE UNIQUE INDEX redirects_one_active_per_parcel ON redirects (tenant_id, carrier, tracking_number)
  WHERE status IN ('pending', 'accepted');

-- How many redirects an order has used; the free one is counted atomically here.
CREATE TABLE redirect_quotas (
  tenant_id text NOT NULL REFERENCES tenants (id),
  order_ref text NOT NULL,
  used integer NOT NULL,
  PRIMARY KEY (tenant_id, order_ref)
);

-- Every lifecycle transition of an intercept or redirect, with its cause.
CREATE TABLE transitions (
  id bigserial PRIMARY KEY,
  subject_id text NOT NULL,
  status text NOT NULL,
  cause text NOT NULL,
  detail text,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX transitions_by_subject ON transitions (subject_id, id);

-- Every call to a carrier: operation, timing, HTTP status and classification.
CREATE TABLE carrier_attempts (
  id bigserial PRIMARY KEY,
  tenant_id text NOT NULL,
  subject_id text,
  carrier text NOT NULL,
  operation text NOT NULL,
  started_at timestamptz NOT NULL,
  duration_ms integer NOT NULL,
  http_status integer,
  outcome text NOT NULL,
  carrier_code text,
  message text
);
CREATE INDEX carrier_attempts_by_subject ON carrier_attempts (subject_id, id);

-- Idempotency-Key records (draft-ietf-httpapi-idempotency-key-header): per tenant, shared
-- by every gateway process through this table's primary key.
CREATE TABLE idempotency_keys (
  tenant_id text NOT NULL REFERENCES tenants (id),
  idempotency_key text NOT NULL,
  request_hash text NOT NULL,
  method text NOT NULL,
  path text NOT NULL,
  state text NOT NULL,
  -- The intercept or redirect the request created, once it exists: a takeover after a
  -- crash answers from it instead of calling the carrier again.
  subject_id text,
  response_status integer,
  response_headers jsonb,
  response_body jsonb,
  locked_until timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz,
  PRIMARY KEY (tenant_id, idempotency_key)
);
