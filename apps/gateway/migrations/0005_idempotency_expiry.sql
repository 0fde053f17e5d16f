-- Idempotency-Key records expire (PARCELGATE_IDEMPOTENCY_TTL_HOURS, 24 h by default): a key
-- older than that counts as new, and the purge job deletes such records oldest first, in
-- batches, through this index.
CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);
