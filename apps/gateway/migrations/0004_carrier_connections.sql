-- Carrier connections (issue 11): each tenant acts through its own carrier accounts. The
-- credentials are sealed with AES-256-GCM (src/connections/secret-box.ts); only a masked
-- hint of each secret and the non-secret settings are kept in clear.
CREATE TABLE carrier_connections (
  id text PRIMARY KEY,
  tenant_id text NOT NULL REFERENCES tenants (id),
  carrier text NOT NULL,
  label text NOT NULL,
  mode text NOT NULL CHECK (mode IN ('test', 'live')),
  -- The tenant's connection used for this carrier when a request names none.
  is_default boolean NOT NULL DEFAULT false,
  sealed_credentials text NOT NULL,
  -- Non-secret settings in clear, secrets as masked hints: what the API shows.
  credential_hints jsonb NOT NULL,
  -- Bumped on every change, so cached carrier clients built from old credentials retire.
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX carrier_connections_by_tenant ON carrier_connections (tenant_id, created_at DESC, id DESC);
-- At most one default connection per tenant and carrier.
CREATE UNIQUE INDEX carrier_connections_one_default ON carrier_connections (tenant_id, carrier)
  WHERE is_default;

-- Deployment-wide settings the gateway keeps itself, such as the development secret key
-- used when PARCELGATE_SECRET_KEY is not set (test connections only).
CREATE TABLE gateway_settings (
  name text PRIMARY KEY,
  value text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Parcels a tenant registered: the proof that lets a tenant act on a parcel through the
-- deployment's shared carrier connection. A tracking number belongs to one tenant.
CREATE TABLE parcels (
  id text PRIMARY KEY,
  tenant_id text NOT NULL REFERENCES tenants (id),
  carrier text NOT NULL,
  tracking_number text NOT NULL,
  order_ref text,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (carrier, tracking_number)
);
CREATE INDEX parcels_by_tenant ON parcels (tenant_id, created_at DESC, id DESC);

-- Which connection an intercept or redirect went through (NULL: the shared connection), so
-- reconciliation, callbacks and cancels use the same account.
ALTER TABLE intercepts ADD COLUMN connection_id text REFERENCES carrier_connections (id);
ALTER TABLE redirects ADD COLUMN connection_id text REFERENCES carrier_connections (id);
