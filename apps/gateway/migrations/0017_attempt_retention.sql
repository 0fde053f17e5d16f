-- Carrier attempts are purged once older than PARCELGATE_ATTEMPT_RETENTION_DAYS
-- (jobs/attempt-purge.ts), oldest first, a thousand rows per statement: this index finds
-- them without reading the table.
CREATE INDEX carrier_attempts_by_start ON carrier_attempts (started_at);
