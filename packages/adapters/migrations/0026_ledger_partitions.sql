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

-- Posting and enrolling in one statement each (issue 15 §4, the opening day of enrolment).
--
-- `financing_post_entries(entries)` posts movements as the store did statement by statement:
-- each id registered once (an id already posted with the same data is skipped, with other data
-- refused: SQLSTATE 'EFDUP', the id as message), the period's partition made first, and the
-- balance moved by a conditional UPDATE, so no part of it can go below zero. A reserve that
-- does not fit raises 'EFSTL' (the balance read before changed: the store reads it again);
-- any other movement that does not fit raises 'EFLIM' with `insufficient-balance` or
-- `insufficient-reserve`. Entries are a JSON array of {id, certificate_id, period, kind,
-- amount, contract_id, provider_id, month}, applied in array order. Returns how many were new.
CREATE FUNCTION financing_post_entries(p_entries jsonb)
RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  e record;
  v_period text;
  v_posted integer := 0;
  v_existing financing_ledger%ROWTYPE;
BEGIN
  FOR v_period IN
    SELECT DISTINCT x ->> 'period' FROM jsonb_array_elements(p_entries) AS x
  LOOP
    PERFORM financing_ledger_partition(v_period);
  END LOOP;
  FOR e IN
    SELECT r.* FROM jsonb_array_elements(p_entries) WITH ORDINALITY AS a(item, n),
      LATERAL jsonb_to_record(a.item) AS r(id text, certificate_id text, period text, kind text,
        amount numeric, contract_id text, provider_id text, month text)
    ORDER BY a.n
  LOOP
    INSERT INTO financing_ledger_ids (id, period, certificate_id)
      VALUES (e.id, e.period, e.certificate_id)
      ON CONFLICT (id) DO NOTHING;
    IF NOT FOUND THEN
      SELECT l.* INTO v_existing FROM financing_ledger l
        WHERE l.period = (SELECT i.period FROM financing_ledger_ids i WHERE i.id = e.id)
          AND l.id = e.id;
      IF NOT FOUND OR v_existing.kind <> e.kind OR v_existing.certificate_id <> e.certificate_id
         OR v_existing.period <> e.period OR v_existing.amount <> e.amount THEN
        RAISE EXCEPTION '%', e.id USING ERRCODE = 'EFDUP';
      END IF;
      CONTINUE;
    END IF;
    INSERT INTO financing_ledger (id, certificate_id, period, kind, amount, contract_id, provider_id, month)
      VALUES (e.id, e.certificate_id, e.period, e.kind, e.amount, e.contract_id, e.provider_id, e.month);
    IF e.kind = 'issue' THEN
      INSERT INTO certificate_balances (certificate_id, period, issued, available)
        VALUES (e.certificate_id, e.period, e.amount, e.amount)
        ON CONFLICT (certificate_id, period) DO UPDATE SET
          issued = certificate_balances.issued + excluded.issued,
          available = certificate_balances.available + excluded.available;
    ELSIF e.kind = 'reserve' THEN
      UPDATE certificate_balances SET available = available - e.amount, reserved = reserved + e.amount
        WHERE certificate_id = e.certificate_id AND period = e.period AND available >= e.amount;
      IF NOT FOUND THEN RAISE EXCEPTION 'stale balance' USING ERRCODE = 'EFSTL'; END IF;
    ELSIF e.kind = 'release' THEN
      UPDATE certificate_balances SET reserved = reserved - e.amount, available = available + e.amount
        WHERE certificate_id = e.certificate_id AND period = e.period AND reserved >= e.amount;
      IF NOT FOUND THEN RAISE EXCEPTION 'insufficient-reserve' USING ERRCODE = 'EFLIM'; END IF;
    ELSIF e.kind = 'debit' THEN
      UPDATE certificate_balances SET reserved = reserved - e.amount, spent = spent + e.amount
        WHERE certificate_id = e.certificate_id AND period = e.period AND reserved >= e.amount;
      IF NOT FOUND THEN RAISE EXCEPTION 'insufficient-reserve' USING ERRCODE = 'EFLIM'; END IF;
    ELSIF e.kind = 'refund' THEN
      UPDATE certificate_balances SET spent = spent - e.amount, available = available + e.amount
        WHERE certificate_id = e.certificate_id AND period = e.period AND spent >= e.amount;
      IF NOT FOUND THEN RAISE EXCEPTION 'insufficient-balance' USING ERRCODE = 'EFLIM'; END IF;
    ELSIF e.kind = 'lapse' THEN
      UPDATE certificate_balances SET available = available - e.amount, lapsed = lapsed + e.amount
        WHERE certificate_id = e.certificate_id AND period = e.period AND available >= e.amount;
      IF NOT FOUND THEN RAISE EXCEPTION 'insufficient-balance' USING ERRCODE = 'EFLIM'; END IF;
    ELSE
      RAISE EXCEPTION 'no balance rule for movements of kind %', e.kind USING ERRCODE = '22023';
    END IF;
    v_posted := v_posted + 1;
  END LOOP;
  RETURN v_posted;
END;
$$;

-- `financing_enrol(request)` stores an enrolment request core has computed, taking every limit
-- in one statement: the record → funded conversion (once: only the statement that turns the
-- certificate into a funded one takes a funded place), a place in the group, the programme's
-- enrolment limit, the contract (one live per certificate and module: its unique index), the
-- reserve, then the payer's direction limit and the certificate group's funded places. These
-- two counters are shared by every enrolment of a direction or a group, so they are taken
-- last, just before the statement commits, to hold their row locks the shortest time (a lock
-- queue on them is what limits a surge). A refusal raises 'EFLIM' with the limit as message
-- (or a unique violation), and the whole statement is undone. `request` is
-- {contract: {id, certificate_id, period, programme_id, module_id, group_id, provider_id,
-- direction, status, requested_on, document}, entries: [...], funded: boolean (a certificate
-- part), convert: boolean, certificate: the funded certificate's document, certificate_group_id,
-- hours?: {cap, hundredths} (weekly hours in hundredths, when the group counts them)}.
CREATE FUNCTION financing_enrol(p_request jsonb)
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  k jsonb := p_request -> 'contract';
  v_converted boolean := false;
BEGIN
  IF coalesce((p_request ->> 'convert')::boolean, false) THEN
    UPDATE certificates SET kind = 'funded', document = p_request -> 'certificate'
      WHERE id = k ->> 'certificate_id' AND kind = 'record';
    v_converted := FOUND;
  END IF;
  -- Weekly hours, for a certificate whose group counts them (issue 15 §3, migration 0021's
  -- `certificate_hours`): taken only while they fit under the cap. Absent otherwise.
  IF p_request ? 'hours' THEN
    INSERT INTO certificate_hours AS h (certificate_id, period, cap_hundredths, used_hundredths)
      VALUES (k ->> 'certificate_id', k ->> 'period', (p_request #>> '{hours,cap}')::integer,
        (p_request #>> '{hours,hundredths}')::integer)
      ON CONFLICT (certificate_id, period) DO UPDATE SET
        cap_hundredths = excluded.cap_hundredths,
        used_hundredths = h.used_hundredths + excluded.used_hundredths
      WHERE h.used_hundredths + excluded.used_hundredths <= excluded.cap_hundredths;
    IF NOT FOUND THEN RAISE EXCEPTION 'hours-exhausted' USING ERRCODE = 'EFLIM'; END IF;
  END IF;
  UPDATE financing_groups SET taken = taken + 1 WHERE id = k ->> 'group_id' AND taken < capacity;
  IF NOT FOUND THEN RAISE EXCEPTION 'group-full' USING ERRCODE = 'EFLIM'; END IF;
  UPDATE financing_programmes SET enrolments = enrolments + 1
    WHERE id = k ->> 'programme_id' AND (max_enrolments IS NULL OR enrolments < max_enrolments);
  IF NOT FOUND THEN RAISE EXCEPTION 'programme-full' USING ERRCODE = 'EFLIM'; END IF;
  INSERT INTO financing_contracts (id, certificate_id, period, programme_id, module_id, group_id,
      provider_id, direction, status, requested_on, document)
    VALUES (k ->> 'id', k ->> 'certificate_id', k ->> 'period', k ->> 'programme_id',
      k ->> 'module_id', k ->> 'group_id', k ->> 'provider_id', k ->> 'direction', k ->> 'status',
      (k ->> 'requested_on')::date, k -> 'document');
  PERFORM financing_post_entries(coalesce(p_request -> 'entries', '[]'::jsonb));
  IF coalesce((p_request ->> 'funded')::boolean, false) THEN
    UPDATE financing_direction_limits SET enrolments = enrolments + 1
      WHERE direction = k ->> 'direction' AND enrolments < max_enrolments;
    IF NOT FOUND AND EXISTS (
      SELECT 1 FROM financing_direction_limits WHERE direction = k ->> 'direction'
    ) THEN
      RAISE EXCEPTION 'direction-limit' USING ERRCODE = 'EFLIM';
    END IF;
  END IF;
  IF v_converted THEN
    UPDATE certificate_groups SET funded_count = funded_count + 1
      WHERE id = p_request ->> 'certificate_group_id' AND funded_count < funded_places;
    IF NOT FOUND THEN RAISE EXCEPTION 'funded-places-exhausted' USING ERRCODE = 'EFLIM'; END IF;
  END IF;
END;
$$;

-- `financing_check_certificate(...)` is the certificate check of an application in one
-- statement, as the server did it in three (0008's attempt counter, then the lookup, then
-- the counter taken back): one hit on the number's bucket is counted first (holding its row
-- until the statement ends, so concurrent guesses are counted one after another); over
-- `p_max` nothing is looked up; a right pair takes its hit back (only wrong pairs use up the
-- limit). Returns {hits, window_end} and, for a right pair under the limit, the certificate,
-- its group and its balance in the group's period (null when it has none).
CREATE FUNCTION financing_check_certificate(p_bucket text, p_window_ms integer,
  p_now timestamptz, p_max integer, p_number text, p_birth_date date)
RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  v_hits integer;
  v_end timestamptz;
  r record;
BEGIN
  SELECT h.hits, h.window_end INTO v_hits, v_end FROM eduset_hit(p_bucket, p_window_ms, p_now) AS h;
  IF v_hits > p_max THEN
    RETURN jsonb_build_object('hits', v_hits, 'window_end', v_end);
  END IF;
  SELECT c.document, g.document AS group_document, b.issued, b.lapsed, b.available, b.reserved,
         b.spent
    INTO r
    FROM certificates c
    JOIN certificate_groups g ON g.id = c.group_id
    LEFT JOIN certificate_balances b ON b.certificate_id = c.id AND b.period = g.period
   WHERE c.number = p_number AND c.birth_date = p_birth_date;
  IF NOT FOUND THEN
    RETURN jsonb_build_object('hits', v_hits, 'window_end', v_end);
  END IF;
  UPDATE attempt_counters SET hits = hits - 1
   WHERE bucket = p_bucket AND window_end > p_now AND hits > 0;
  RETURN jsonb_build_object(
    'hits', v_hits - 1, 'window_end', v_end,
    'certificate', r.document, 'group', r.group_document,
    'balance', CASE WHEN r.issued IS NULL THEN NULL ELSE jsonb_build_object(
      'issued', r.issued::text, 'lapsed', r.lapsed::text, 'available', r.available::text,
      'reserved', r.reserved::text, 'spent', r.spent::text) END);
END;
$$;
