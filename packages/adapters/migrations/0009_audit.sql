-- The audit log (152-ФЗ, OWASP ASVS V7): who read personal data, and every write of the API.
-- Append-only: rows are added, never changed or removed — a trigger refuses UPDATE, DELETE
-- and TRUNCATE (even for the table's owner), and the rights to do them are revoked.
-- No personal data of parents or children is written here: only staff account ids and
-- display labels, places in the network's tree, record ids and the outcome.
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
  -- NULL for a request nobody signed in made.
  actor_account_id text,
  actor_label text NOT NULL,
  client_address text,
  -- A core action (`booking.contact.read`) or a route write (`POST /api/bookings`).
  action text NOT NULL,
  network_id text,
  organization_id text,
  site_id text,
  record_ids text[] NOT NULL DEFAULT '{}',
  request_id text,
  -- The HTTP status of the answer.
  outcome integer NOT NULL
);

-- Newest first, page by page (keyset on at, id), and by who did it.
CREATE INDEX audit_log_at ON audit_log (at DESC, id DESC);
CREATE INDEX audit_log_actor ON audit_log (actor_account_id, at DESC, id DESC);

CREATE FUNCTION eduset_audit_log_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION USING
    ERRCODE = 'EDAUD',
    MESSAGE = 'Журнал аудита только пополняется: записи нельзя изменить или удалить / The audit log is append-only: its entries cannot be changed or removed';
END;
$$;

CREATE TRIGGER audit_log_no_change
  BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION eduset_audit_log_append_only();

CREATE TRIGGER audit_log_no_truncate
  BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION eduset_audit_log_append_only();

REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC;
