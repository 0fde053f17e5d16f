-- Carrier extras (issue 6): what some carriers need beside the tracking number, kept on the
-- intercept or redirect so the background reconciliation's tracking reads can send them too:
-- the last four digits of a phone (SF Express) and carrier options (Kuaidi100's `com`).
ALTER TABLE intercepts ADD COLUMN phone_last_digits text;
ALTER TABLE intercepts ADD COLUMN carrier_options jsonb;
ALTER TABLE redirects ADD COLUMN phone_last_digits text;
ALTER TABLE redirects ADD COLUMN carrier_options jsonb;

-- Tracking events pushed by carriers (POST /v1/carrier-callbacks/{carrier}). A carrier
-- pushes again when it is unsure we received a push: the fingerprint makes storing
-- idempotent, so a repeated push stores nothing new.
CREATE TABLE carrier_events (
  id bigserial PRIMARY KEY,
  carrier text NOT NULL,
  tracking_number text NOT NULL,
  fingerprint text NOT NULL,
  occurred_at timestamptz NOT NULL,
  status text NOT NULL,
  event jsonb NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (carrier, tracking_number, fingerprint)
);

-- Open subjects are found by parcel when a push arrives.
CREATE INDEX intercepts_open_by_parcel ON intercepts (carrier, tracking_number)
  WHERE status IN ('pending', 'accepted', 'returning');
CREATE INDEX redirects_open_by_parcel ON redirects (carrier, tracking_number)
  WHERE status IN ('pending', 'accepted');
