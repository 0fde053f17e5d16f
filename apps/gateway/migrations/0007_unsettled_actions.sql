-- An intercept or redirect left pending with an unknown outcome is flagged for a person
-- within minutes (PARCELGATE_RECONCILE_UNKNOWN_OUTCOME_MS); from then on it no longer
-- blocks a new attempt on the same parcel. Accepted and returning ones still do: the
-- carrier took them.
DROP INDEX intercepts_one_active_per_parcel;
CREATE UNIQUE INDEX intercepts_one_active_per_parcel ON intercepts (tenant_id, carrier, tracking_number)
  WHERE status IN ('accepted', 'returning') OR (status = 'pending' AND NOT needs_attention);
DROP INDEX redirects_one_active_per_parcel;
CREATE UNIQUE INDEX redirects_one_active_per_parcel ON redirects (tenant_id, carrier, tracking_number)
  WHERE status = 'accepted' OR (status = 'pending' AND NOT needs_attention);
