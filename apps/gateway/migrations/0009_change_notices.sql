-- Change notices: every replica keeps in memory what each request reads of these rows (a
-- tenant's API keys, policy and carrier connections; whether a parcel has an intercept
-- under way), and drops it when any process changes them. The notice is sent by the
-- database itself, at commit, whoever wrote: a gateway, another replica, the admin CLI or
-- an operator's SQL. Payload: a JSON array, the kind of change then its keys.
CREATE FUNCTION parcelgate_announce_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed jsonb := CASE WHEN TG_OP = 'DELETE' THEN to_jsonb(OLD) ELSE to_jsonb(NEW) END;
  payload jsonb := jsonb_build_array(TG_ARGV[0]);
BEGIN
  FOR i IN 1 .. TG_NARGS - 1 LOOP
    payload := payload || jsonb_build_array(changed -> TG_ARGV[i]);
  END LOOP;
  PERFORM pg_notify('parcelgate_changes', payload::text);
  RETURN NULL;
END
$$;

CREATE TRIGGER api_keys_changes AFTER UPDATE OR DELETE ON api_keys
  FOR EACH ROW EXECUTE FUNCTION parcelgate_announce_change('tenant', 'tenant_id');
CREATE TRIGGER tenants_changes AFTER UPDATE OR DELETE ON tenants
  FOR EACH ROW EXECUTE FUNCTION parcelgate_announce_change('tenant', 'id');
CREATE TRIGGER carrier_connections_changes AFTER INSERT OR UPDATE OR DELETE ON carrier_connections
  FOR EACH ROW EXECUTE FUNCTION parcelgate_announce_change('tenant', 'tenant_id');
CREATE TRIGGER intercepts_changes AFTER INSERT OR DELETE OR UPDATE OF status, needs_attention ON intercepts
  FOR EACH ROW EXECUTE FUNCTION parcelgate_announce_change('parcel', 'carrier', 'tracking_number');
