-- The last normalized status the gateway saw of a registered parcel (a tracking read, by
-- anyone): a change of it is the tenant's `parcel.status_changed` event.
ALTER TABLE parcels ADD COLUMN status text;
