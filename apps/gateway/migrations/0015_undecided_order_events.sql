-- Order events stored and not yet decided (their receiver died in between): the deadline
-- watcher's sweep finds them here and decides them.
CREATE INDEX order_events_undecided ON order_events (created_at) WHERE decided_at IS NULL;
