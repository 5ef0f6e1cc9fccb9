-- 0024: the payer's monthly settlement as a workflow (issue 15): a month is open, then
-- approved (what is to be paid is fixed), paid (the approved movements are posted to the
-- ledger, once) and closed (final). A correction of a paid month is an adjustment paid in
-- the next open month.
--
-- The rules are the database's, under concurrent payers and several server processes:
-- * every step locks the month's row (SELECT … FOR UPDATE), so two payers approving, paying
--   or closing at once are serialized and the second sees the first's result;
-- * a month's status only moves forward — open → approved (→ approved again while unpaid) →
--   paid → closed — enforced by a trigger, whoever writes; a closed month never changes;
-- * the approved movements of a month cannot change once it is paid (trigger), and they are
--   posted to `financing_ledger` with core's deterministic ids, so paying twice posts nothing;
-- * adjustments are numbered per contract and month (UNIQUE), so two concurrent identical
--   corrections make one adjustment.
-- `financing_ledger` itself is not changed here (it is referred to by movement ids only).

CREATE TABLE settlement_months (
  month text PRIMARY KEY CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'approved', 'paid', 'closed')),
  version integer NOT NULL DEFAULT 0 CHECK (version >= 0),
  advance_percent numeric(5, 2) NOT NULL DEFAULT 80 CHECK (advance_percent >= 0 AND advance_percent <= 100),
  -- Completeness per contract used by the approval (contracts absent: 100 %).
  completeness jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- The approved totals (the payment register's total row) and each provider's line.
  totals jsonb,
  lines jsonb,
  contracts integer NOT NULL DEFAULT 0,
  approved_at timestamptz,
  approved_by text,
  paid_at timestamptz,
  paid_by text,
  posted integer,
  closed_at timestamptz,
  closed_by text,
  CONSTRAINT settlement_months_stamps CHECK (
    (status = 'open' OR (approved_at IS NOT NULL AND approved_by IS NOT NULL AND totals IS NOT NULL))
    AND (status IN ('open', 'approved') OR (paid_at IS NOT NULL AND paid_by IS NOT NULL))
    AND (status <> 'closed' OR (closed_at IS NOT NULL AND closed_by IS NOT NULL))
  )
);

CREATE FUNCTION settlement_months_forward() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'closed' THEN
    RAISE EXCEPTION 'settlement month % is closed', OLD.month USING ERRCODE = 'EDSMC';
  END IF;
  IF NOT (
    NEW.status = OLD.status AND OLD.status IN ('open', 'approved')
    OR (OLD.status = 'open' AND NEW.status = 'approved')
    OR (OLD.status = 'approved' AND NEW.status = 'paid')
    OR (OLD.status = 'paid' AND NEW.status = 'closed')
  ) THEN
    RAISE EXCEPTION 'settlement month % cannot go from % to %', OLD.month, OLD.status, NEW.status
      USING ERRCODE = 'EDSMS';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER settlement_months_forward
  BEFORE UPDATE ON settlement_months
  FOR EACH ROW EXECUTE FUNCTION settlement_months_forward();

CREATE FUNCTION settlement_months_no_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status <> 'open' THEN
    RAISE EXCEPTION 'settlement month % is %: it is kept', OLD.month, OLD.status
      USING ERRCODE = 'EDSMS';
  END IF;
  RETURN OLD;
END;
$$;

CREATE TRIGGER settlement_months_no_delete
  BEFORE DELETE ON settlement_months
  FOR EACH ROW EXECUTE FUNCTION settlement_months_no_delete();

-- The movements an approval fixed, posted to the ledger when the month is paid.
CREATE TABLE settlement_month_entries (
  month text NOT NULL REFERENCES settlement_months (month),
  id text NOT NULL CHECK (length(id) > 0),
  certificate_id text NOT NULL,
  period text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('debit', 'refund', 'release')),
  amount numeric(14, 2) NOT NULL CHECK (amount > 0),
  contract_id text,
  provider_id text,
  PRIMARY KEY (month, id)
);

CREATE INDEX settlement_month_entries_provider ON settlement_month_entries (month, provider_id);

CREATE FUNCTION settlement_month_entries_frozen() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  state text;
BEGIN
  SELECT status INTO state FROM settlement_months
    WHERE month = COALESCE(NEW.month, OLD.month);
  IF state IN ('paid', 'closed') THEN
    RAISE EXCEPTION 'the approved movements of % are paid: they cannot change', COALESCE(NEW.month, OLD.month)
      USING ERRCODE = 'EDSMS';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER settlement_month_entries_frozen
  BEFORE INSERT OR UPDATE OR DELETE ON settlement_month_entries
  FOR EACH ROW EXECUTE FUNCTION settlement_month_entries_frozen();

-- Corrections of paid months, each paid in a later open month (`target_month`).
CREATE TABLE settlement_adjustments (
  id text PRIMARY KEY CHECK (length(id) > 0),
  contract_id text NOT NULL REFERENCES financing_contracts (id),
  certificate_id text NOT NULL,
  period text NOT NULL,
  provider_id text NOT NULL,
  month text NOT NULL REFERENCES settlement_months (month),
  seq integer NOT NULL CHECK (seq >= 1),
  target_month text NOT NULL CHECK (target_month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  completeness_before numeric(5, 2) NOT NULL CHECK (completeness_before BETWEEN 0 AND 100),
  completeness_after numeric(5, 2) NOT NULL CHECK (completeness_after BETWEEN 0 AND 100),
  settled_before numeric(14, 2) NOT NULL,
  settled_after numeric(14, 2) NOT NULL,
  amount numeric(14, 2) NOT NULL CHECK (amount <> 0 AND amount = settled_after - settled_before),
  reason text NOT NULL CHECK (length(reason) > 0),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'applied')),
  created_at timestamptz NOT NULL,
  created_by text NOT NULL,
  CONSTRAINT settlement_adjustments_later CHECK (target_month > month),
  CONSTRAINT settlement_adjustments_numbered UNIQUE (contract_id, month, seq)
);

CREATE INDEX settlement_adjustments_target ON settlement_adjustments (target_month, status);
