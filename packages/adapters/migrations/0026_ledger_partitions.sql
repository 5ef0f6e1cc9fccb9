-- 0026: the financing ledger partitioned by financing period (issue 15 §4), so that a region's
-- history does not slow this year's settlement: a query that names its periods reads only
-- their partitions.
--
-- * `financing_ledger` keeps every column, index and check of 0003, now as a table
--   partitioned by LIST (period): one partition per period (`financing_ledger_2017`,
--   `financing_ledger_2026_2027`, …, named in `financing_ledger_partitions`) and a DEFAULT
--   partition for a period that has none yet.
-- * A unique constraint of a partitioned table must contain the partition key, so the primary
--   key is (period, id). A movement id stays unique across ALL periods: every movement is
--   first registered in `financing_ledger_ids` (id → period, one row per id), and the ledger
--   row references its registration by (id, period). An id registered for one period can
--   therefore never be posted in another, whichever way it is inserted.
-- * `financing_ledger_partition(period)` creates a period's partition on demand — when its
--   certificate group is saved or its first movement is posted — under an advisory lock, so
--   concurrent callers create it once. Rows that reached the DEFAULT partition meanwhile are
--   moved into it. It returns true when it created the partition now, false when it existed.
-- * Existing rows keep their `seq` (posting order) and move to their period's partition.

ALTER TABLE financing_ledger RENAME TO financing_ledger_0003;
ALTER INDEX financing_ledger_pkey RENAME TO financing_ledger_0003_pkey;
ALTER INDEX financing_ledger_balance RENAME TO financing_ledger_0003_balance;
ALTER INDEX financing_ledger_month RENAME TO financing_ledger_0003_month;
ALTER SEQUENCE financing_ledger_seq_seq RENAME TO financing_ledger_0003_seq_seq;

-- Every movement id ever posted, with its period: the one place an id is unique across periods.
CREATE TABLE financing_ledger_ids (
  id text PRIMARY KEY CHECK (length(id) > 0),
  period text NOT NULL,
  certificate_id text NOT NULL REFERENCES certificates (id) ON DELETE CASCADE,
  CONSTRAINT financing_ledger_ids_period UNIQUE (id, period)
);

CREATE TABLE financing_ledger (
  seq bigint GENERATED ALWAYS AS IDENTITY,
  id text NOT NULL CHECK (length(id) > 0),
  certificate_id text NOT NULL REFERENCES certificates (id) ON DELETE CASCADE,
  period text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('issue', 'reserve', 'release', 'debit', 'refund', 'lapse')),
  amount numeric(14, 2) NOT NULL CHECK (amount > 0),
  contract_id text,
  provider_id text,
  month text CHECK (month IS NULL OR month ~ '^[0-9]{4}-[0-9]{2}$'),
  posted_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT financing_ledger_pkey PRIMARY KEY (period, id),
  CONSTRAINT financing_ledger_registered FOREIGN KEY (id, period)
    REFERENCES financing_ledger_ids (id, period) ON DELETE CASCADE
) PARTITION BY LIST (period);

CREATE INDEX financing_ledger_balance ON financing_ledger (certificate_id, period, seq);
CREATE INDEX financing_ledger_month ON financing_ledger (month, provider_id) WHERE month IS NOT NULL;

CREATE TABLE financing_ledger_default PARTITION OF financing_ledger DEFAULT;

-- The partition of each period (the DEFAULT partition is not listed).
CREATE TABLE financing_ledger_partitions (
  period text PRIMARY KEY,
  table_name text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION financing_ledger_partition(p_period text)
RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
  v_name text;
BEGIN
  IF p_period IS NULL OR p_period = '' THEN
    RAISE EXCEPTION 'a financing period id is required' USING ERRCODE = '22023';
  END IF;
  IF EXISTS (SELECT 1 FROM financing_ledger_partitions WHERE period = p_period) THEN
    RETURN false;
  END IF;
  -- One creator at a time; whoever waited here finds the partition made (each statement of a
  -- READ COMMITTED transaction sees what committed before it).
  PERFORM pg_advisory_xact_lock(7262011326);
  IF EXISTS (SELECT 1 FROM financing_ledger_partitions WHERE period = p_period) THEN
    RETURN false;
  END IF;
  -- A readable name (`2026-2027` → financing_ledger_2026_2027); a hash suffix when another
  -- period or table already has it.
  v_name := 'financing_ledger_' || left(regexp_replace(lower(p_period), '[^a-z0-9]+', '_', 'g'), 40);
  IF to_regclass(quote_ident(v_name)) IS NOT NULL
     OR EXISTS (SELECT 1 FROM financing_ledger_partitions WHERE table_name = v_name) THEN
    v_name := v_name || '_' || left(md5(p_period), 8);
  END IF;
  -- No one may route a row of this period into the DEFAULT partition while its rows move out.
  LOCK TABLE financing_ledger_default IN ACCESS EXCLUSIVE MODE;
  EXECUTE format(
    'CREATE TABLE %I (LIKE financing_ledger INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', v_name);
  EXECUTE format(
    'INSERT INTO %I SELECT * FROM financing_ledger_default WHERE period = $1', v_name)
    USING p_period;
  DELETE FROM financing_ledger_default WHERE period = p_period;
  -- ATTACH adds the primary key, the indexes and the foreign keys of the parent.
  EXECUTE format(
    'ALTER TABLE financing_ledger ATTACH PARTITION %I FOR VALUES IN (%L)', v_name, p_period);
  INSERT INTO financing_ledger_partitions (period, table_name) VALUES (p_period, v_name);
  RETURN true;
END;
$$;

-- The rows posted so far, in their periods' partitions, with their posting order.
INSERT INTO financing_ledger_ids (id, period, certificate_id)
  SELECT id, period, certificate_id FROM financing_ledger_0003;
SELECT financing_ledger_partition(period)
  FROM (SELECT period FROM financing_ledger_0003 UNION SELECT period FROM certificate_groups) AS p
  ORDER BY period;
INSERT INTO financing_ledger
    (seq, id, certificate_id, period, kind, amount, contract_id, provider_id, month, posted_at)
  OVERRIDING SYSTEM VALUE
  SELECT seq, id, certificate_id, period, kind, amount, contract_id, provider_id, month, posted_at
  FROM financing_ledger_0003 ORDER BY seq;
SELECT setval(pg_get_serial_sequence('financing_ledger', 'seq'), coalesce(max(seq), 0) + 1, false)
  FROM financing_ledger;
DROP TABLE financing_ledger_0003;
