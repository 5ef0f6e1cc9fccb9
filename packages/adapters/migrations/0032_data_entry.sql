-- 0032: data entry by the reporting organizations, completeness and approval (issue 16 §2).
--
-- * A submission is one organization's figures for one data set and period, in a network:
--   draft → submitted → returned (with the coordinator's comment) → submitted … → approved.
-- * Its values are field → value (a field is `element` or `element.disaggregation`).
-- * The database itself refuses a change of the values of a submitted or approved
--   submission, and any change of an approved submission but its unlock (back to `returned`
--   with a reason): a write that slipped past the application still cannot move a locked
--   figure.
-- * Every step and every change of a value is in `data_entry_log` with the old and the new
--   value, who and when; the log only grows.
-- * On approval the values are published into `indicator_values` (an import per approval)
--   by the application, in the same transaction.

CREATE TABLE data_entry_submissions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  network_id text NOT NULL CHECK (length(network_id) BETWEEN 1 AND 100),
  data_set text NOT NULL CHECK (length(data_set) BETWEEN 1 AND 100),
  period text NOT NULL CHECK (length(period) BETWEEN 1 AND 40),
  organization_id text NOT NULL CHECK (length(organization_id) BETWEEN 1 AND 200),
  state text NOT NULL CHECK (state IN ('draft', 'submitted', 'returned', 'approved')),
  -- The coordinator's comment of the last return, or the reason of the last unlock.
  comment text CHECK (length(comment) BETWEEN 1 AND 2000),
  version integer NOT NULL CHECK (version >= 0),
  updated_at timestamptz NOT NULL,
  updated_by text NOT NULL CHECK (length(updated_by) BETWEEN 1 AND 200),
  submitted_at timestamptz,
  approved_at timestamptz,
  approved_by text,
  UNIQUE (network_id, data_set, period, organization_id)
);

CREATE TABLE data_entry_values (
  submission_id bigint NOT NULL REFERENCES data_entry_submissions (id),
  field text NOT NULL CHECK (length(field) BETWEEN 1 AND 200),
  value text NOT NULL CHECK (length(value) BETWEEN 1 AND 1000),
  PRIMARY KEY (submission_id, field)
);

CREATE TABLE data_entry_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  submission_id bigint NOT NULL REFERENCES data_entry_submissions (id),
  at timestamptz NOT NULL,
  actor_account_id text NOT NULL CHECK (length(actor_account_id) BETWEEN 1 AND 200),
  actor_label text NOT NULL CHECK (length(actor_label) BETWEEN 1 AND 300),
  -- `value` for a changed value; otherwise the step (save, submit, return, approve, unlock).
  kind text NOT NULL CHECK (kind IN ('value', 'submit', 'return', 'approve', 'unlock')),
  field text,
  old_value text,
  new_value text,
  comment text,
  CHECK ((kind = 'value') = (field IS NOT NULL))
);

CREATE INDEX data_entry_log_submission ON data_entry_log (submission_id, id);

CREATE FUNCTION eduset_data_entry_values_locked() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  owner bigint;
  current_state text;
BEGIN
  IF TG_OP = 'DELETE' THEN
    owner := OLD.submission_id;
  ELSE
    owner := NEW.submission_id;
  END IF;
  SELECT state INTO current_state FROM data_entry_submissions WHERE id = owner;
  IF current_state IN ('submitted', 'approved') THEN
    RAISE EXCEPTION USING
      ERRCODE = 'EDLCK',
      MESSAGE = 'Значения отправленного или утверждённого отчёта не меняются / The values of a submitted or approved report do not change';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER data_entry_values_locked
  BEFORE INSERT OR UPDATE OR DELETE ON data_entry_values
  FOR EACH ROW EXECUTE FUNCTION eduset_data_entry_values_locked();

CREATE FUNCTION eduset_data_entry_approved_locked() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.state = 'approved' AND NOT (NEW.state = 'returned' AND NEW.comment IS NOT NULL) THEN
    RAISE EXCEPTION USING
      ERRCODE = 'EDLCK',
      MESSAGE = 'Утверждённый отчёт открывается только с указанием причины / An approved report is only unlocked with a reason';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER data_entry_approved_locked
  BEFORE UPDATE ON data_entry_submissions
  FOR EACH ROW EXECUTE FUNCTION eduset_data_entry_approved_locked();

CREATE FUNCTION eduset_data_entry_log_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION USING
    ERRCODE = 'EDAUD',
    MESSAGE = 'Журнал изменений отчётов только пополняется / The report change log is append-only';
END;
$$;

CREATE TRIGGER data_entry_log_no_change
  BEFORE UPDATE OR DELETE ON data_entry_log
  FOR EACH ROW EXECUTE FUNCTION eduset_data_entry_log_append_only();
