-- One word per idea: an intercept or a redirect the gateway carries out for a tenant is an
-- "action" everywhere (code, documents, API); the columns that name it follow.
ALTER TABLE transitions RENAME COLUMN subject_id TO action_id;
ALTER INDEX transitions_by_subject RENAME TO transitions_by_action;
ALTER TABLE carrier_attempts RENAME COLUMN subject_id TO action_id;
ALTER INDEX carrier_attempts_by_subject RENAME TO carrier_attempts_by_action;
ALTER TABLE idempotency_keys RENAME COLUMN subject_id TO action_id;
