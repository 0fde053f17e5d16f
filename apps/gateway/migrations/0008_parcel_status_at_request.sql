-- An action's `parcel_status` follows the parcel (tracking read by reconciliation, pushed
-- events); `parcel_status_at_request` keeps what it was when the action was asked for.
ALTER TABLE intercepts ADD COLUMN parcel_status_at_request text;
UPDATE intercepts SET parcel_status_at_request = parcel_status;
ALTER TABLE redirects ADD COLUMN parcel_status_at_request text;
UPDATE redirects SET parcel_status_at_request = parcel_status;
