-- 0027: the operator's desk (issue 15): certificate holders, the registry's rules kept by the
-- database, versioned normative-cost parameters and direction limits per financing period.
--
-- * A certificate holder's data (the child's and the parent's names, contacts, address) lives
--   apart from the certificate, for the operator only; a child holds at most one open
--   certificate (partial UNIQUE index on the child's key).
-- * Money reserved for contracts belongs to funded certificates only: a trigger refuses any
--   growth of a balance's reserve while its certificate is a record one. The operator's
--   conversion back to record locks the certificate and its balances and finds nothing
--   reserved, so a conversion racing an enrolment cannot leave reserved money on a record
--   certificate (one of the two waits for the other and then refuses).
-- * Versions of the normative-cost parameters and of the direction limits are append-only
--   (a trigger refuses UPDATE and DELETE); a version number is taken once per period
--   (PRIMARY KEY), so two operators saving at once cannot both make version n.
-- * The payer's direction limits get a period: the rows written before (period '') keep
--   applying to every period that has no limits of its own. A period's row is never removed:
--   a direction without a limit keeps max_enrolments NULL and still counts its enrolments.
-- * Every contract records, when it is inserted, the versions of its period's parameters and
--   limits in force (a trigger), so it keeps the version it was priced with.

CREATE TABLE certificate_holders (
  certificate_id text PRIMARY KEY REFERENCES certificates (id) ON DELETE CASCADE,
  child_name text NOT NULL CHECK (length(child_name) BETWEEN 1 AND 200),
  parent_name text CHECK (parent_name IS NULL OR length(parent_name) BETWEEN 1 AND 200),
  phone text CHECK (phone IS NULL OR length(phone) BETWEEN 1 AND 40),
  email text CHECK (email IS NULL OR length(email) BETWEEN 3 AND 200),
  address text CHECK (address IS NULL OR length(address) BETWEEN 1 AND 300),
  -- The child's name normalized with the birth date (core's childKey).
  child_key text NOT NULL,
  -- Whether the certificate is open (not closed): one open certificate per child.
  open boolean NOT NULL DEFAULT true
);

CREATE UNIQUE INDEX certificate_holders_one_open ON certificate_holders (child_key) WHERE open;
CREATE INDEX certificate_holders_name ON certificate_holders (lower(child_name) text_pattern_ops);

-- The registry's searches: a number's first digits, a group's certificates by status.
CREATE INDEX certificates_number_prefix ON certificates (number text_pattern_ops);
CREATE INDEX certificates_group_status ON certificates (group_id, status, number);

-- Numbers the registry gives when the operator names none (unique: a number in use is skipped).
CREATE SEQUENCE certificate_numbers START 6801000001 MINVALUE 100000 MAXVALUE 999999999999;

CREATE FUNCTION eduset_reserve_needs_funded() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM certificates WHERE id = NEW.certificate_id AND kind = 'funded') THEN
    RAISE EXCEPTION USING
      ERRCODE = 'check_violation',
      CONSTRAINT = 'certificate_reserve_needs_funded',
      MESSAGE = 'Резерв держит только сертификат ПФ / Only a funded certificate holds a reserve';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER certificate_reserve_needs_funded
  BEFORE UPDATE OF reserved ON certificate_balances
  FOR EACH ROW WHEN (NEW.reserved > OLD.reserved)
  EXECUTE FUNCTION eduset_reserve_needs_funded();

CREATE TABLE financing_parameter_versions (
  period text NOT NULL CHECK (length(period) BETWEEN 1 AND 40),
  version integer NOT NULL CHECK (version >= 1),
  definition jsonb NOT NULL,
  changed_by text NOT NULL,
  changed_by_name text NOT NULL,
  changed_at timestamptz NOT NULL,
  note text,
  PRIMARY KEY (period, version)
);

CREATE TABLE financing_direction_limit_versions (
  period text NOT NULL CHECK (length(period) BETWEEN 1 AND 40),
  version integer NOT NULL CHECK (version >= 1),
  limits jsonb NOT NULL,
  changed_by text NOT NULL,
  changed_by_name text NOT NULL,
  changed_at timestamptz NOT NULL,
  note text,
  PRIMARY KEY (period, version)
);

CREATE FUNCTION eduset_versions_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION USING
    ERRCODE = 'EDVER',
    MESSAGE = 'Версии параметров не меняются: изменение — новая версия / Parameter versions never change: a change is a new version';
END;
$$;

CREATE TRIGGER financing_parameter_versions_no_change
  BEFORE UPDATE OR DELETE ON financing_parameter_versions
  FOR EACH ROW EXECUTE FUNCTION eduset_versions_append_only();
CREATE TRIGGER financing_direction_limit_versions_no_change
  BEFORE UPDATE OR DELETE ON financing_direction_limit_versions
  FOR EACH ROW EXECUTE FUNCTION eduset_versions_append_only();

-- Direction limits per period: '' is the period of the rows written before this migration.
ALTER TABLE financing_direction_limits ADD COLUMN period text NOT NULL DEFAULT '';
ALTER TABLE financing_direction_limits DROP CONSTRAINT financing_direction_limits_pkey;
ALTER TABLE financing_direction_limits ADD PRIMARY KEY (period, direction);
ALTER TABLE financing_direction_limits ALTER COLUMN max_enrolments DROP NOT NULL;

CREATE TABLE financing_contract_versions (
  contract_id text PRIMARY KEY REFERENCES financing_contracts (id) ON DELETE CASCADE,
  period text NOT NULL,
  parameters_version integer,
  limits_version integer
);

CREATE FUNCTION eduset_contract_versions() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO financing_contract_versions (contract_id, period, parameters_version, limits_version)
  VALUES (
    NEW.id,
    NEW.period,
    (SELECT max(version) FROM financing_parameter_versions WHERE period = NEW.period),
    (SELECT max(version) FROM financing_direction_limit_versions WHERE period = NEW.period)
  );
  RETURN NULL;
END;
$$;

CREATE TRIGGER financing_contracts_versions
  AFTER INSERT ON financing_contracts
  FOR EACH ROW EXECUTE FUNCTION eduset_contract_versions();
