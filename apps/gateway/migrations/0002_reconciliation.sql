-- Outcome reconciliation (src/jobs): a subject the background job could not settle before
-- its deadline is flagged for a person, with why. The queue's own tables (pg-boss) live in
-- a schema of their own, created by pg-boss at start.

ALTER TABLE intercepts ADD COLUMN needs_attention boolean NOT NULL DEFAULT false;
ALTER TABLE intercepts ADD COLUMN attention_reason text;
ALTER TABLE redirects ADD COLUMN needs_attention boolean NOT NULL DEFAULT false;
ALTER TABLE redirects ADD COLUMN attention_reason text;

-- The subjects still being followed, found by the sweep that re-schedules lost jobs.
CREATE INDEX intercepts_open ON intercepts (id)
  WHERE status IN ('pending', 'accepted', 'returning') AND NOT needs_attention;
CREATE INDEX redirects_open ON redirects (id)
  WHERE status IN ('pending', 'accepted') AND NOT needs_attention;
