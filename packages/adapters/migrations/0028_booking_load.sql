-- 0028: the same booking rules (0014) for less work per booking (issues 13 and 14, the booking
-- benchmark's 1 500 bookings a second on PostgreSQL). Nothing a booking may or may not do
-- changes; measured with bench/booking-load.bench.ts and a storage-only load.
--
-- * The exclusion constraint that keeps a specialist in one place at a time (0002) now compares
--   two 64-bit keys instead of the texts: `eduset_network_key(network_id)` and
--   `eduset_specialist_key(network_id, specialist_id)` (hashtextextended, the hash PostgreSQL
--   keeps stable for hash partitioning). Every new session searched its GiST index for an
--   overlap and was inserted into it, and btree_gist's text keys were copied and compared at
--   every entry on the way: about a fifth of PostgreSQL's time per booking. Equal ids give
--   equal keys, so two overlapping sessions of one specialist are refused as before; two
--   different specialists whose keys collided (a chance of 2^-64 per pair) would be refused
--   as overlapping too — never a double booking. The index keeps the constraint's name and
--   still answers busy time (0006): by network, or by specialist, over a time range, when the
--   query names the keys (the storage's reads and `eduset_check_session_rules` below do).
-- * `eduset_take_bookings_together` (0014): a booking's idempotency key and the schedule's
--   revision are looked up through their indexes, one probe per booking. The planner turned
--   `NOT EXISTS (… bookings … idempotency_key …)` into a hashed subplan that read every
--   booking of the table once per statement (an empty table when the plan was cached, a
--   hundred thousand rows a year later); `OFFSET 0` keeps each a probe. The stored row is the
--   record read once from the item with its session id set, not the item's JSON read again.
--   Its plan and those of the one-by-one take (`eduset_take_booking_checked`) are generic from
--   the first call (`plan_cache_mode`): they were planned anew for each of the first five calls
--   on every connection, and the count per parent for every call.
-- * `eduset_lock_bookings` takes the batch's locks in one statement, still in ascending order
--   of key, and `eduset_booking_lock_keys` reads the few fields it needs from the item instead
--   of a whole `bookings` record: the same keys as before (other callers — 0020's moves —
--   lock the same way).

CREATE FUNCTION eduset_network_key(p_network_id text) RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT hashtextextended(p_network_id, 0)
$$;

CREATE FUNCTION eduset_specialist_key(p_network_id text, p_specialist_id text) RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT hashtextextended(p_network_id || E'\x1f' || p_specialist_id, 0)
$$;

ALTER TABLE booking_sessions DROP CONSTRAINT booking_sessions_no_overlap;
ALTER TABLE booking_sessions ADD CONSTRAINT booking_sessions_no_overlap
  EXCLUDE USING gist (
    eduset_network_key(network_id) WITH =,
    eduset_specialist_key(network_id, specialist_id) WITH =,
    during WITH &&
  ) WHERE (seats_taken > 0);

-- 0020's checks of a moved booking, through the exclusion constraint's index by key.
CREATE OR REPLACE FUNCTION eduset_check_session_rules(
  p_item jsonb, p_session_id bigint, p_before integer
) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  r bookings := jsonb_populate_record(NULL::bookings, p_item -> 'row');
  v_reach interval := make_interval(mins => coalesce((p_item ->> 'reach')::integer, 0));
  v_count bigint;
  v_from timestamptz;
  v_to timestamptz;
BEGIN
  IF NOT coalesce((p_item ->> 'guarded')::boolean, false) THEN
    RETURN;
  END IF;
  IF EXISTS (
    SELECT 1 FROM booking_sessions s
    WHERE eduset_network_key(s.network_id) = eduset_network_key(r.network_id)
      AND eduset_specialist_key(s.network_id, s.specialist_id)
        = eduset_specialist_key(r.network_id, r.specialist_id)
      AND s.network_id = r.network_id AND s.specialist_id = r.specialist_id
      AND s.seats_taken > 0 AND s.id <> p_session_id
      AND s.during && tstzrange(r.starts_at - v_reach, r.ends_at + v_reach, '[)')
      AND eduset_too_close(r.starts_at, r.ends_at,
        coalesce((p_item ->> 'bufferBefore')::integer, 0),
        coalesce((p_item ->> 'bufferAfter')::integer, 0), p_item -> 'travel',
        s.site_id, s.starts_at, s.ends_at)
  ) THEN
    RAISE EXCEPTION 'too close to another session of the specialist' USING ERRCODE = 'EDGAP';
  END IF;
  IF p_before = 0 AND p_item ->> 'perDay' IS NOT NULL THEN
    v_from := (p_item ->> 'dayFrom')::timestamptz;
    v_to := (p_item ->> 'dayTo')::timestamptz;
    SELECT count(*) INTO v_count FROM booking_sessions s
    WHERE eduset_network_key(s.network_id) = eduset_network_key(r.network_id)
      AND eduset_specialist_key(s.network_id, s.specialist_id)
        = eduset_specialist_key(r.network_id, r.specialist_id)
      AND s.network_id = r.network_id AND s.specialist_id = r.specialist_id
      AND s.seats_taken > 0 AND s.during && tstzrange(v_from, v_to, '[)')
      AND s.starts_at >= v_from AND s.starts_at < v_to;
    IF v_count > (p_item ->> 'perDay')::integer THEN
      RAISE EXCEPTION 'the specialist''s sessions per day are all taken' USING ERRCODE = 'EDLDY';
    END IF;
  END IF;
  IF p_before = 0 AND p_item ->> 'perWeek' IS NOT NULL THEN
    v_from := (p_item ->> 'weekFrom')::timestamptz;
    v_to := (p_item ->> 'weekTo')::timestamptz;
    SELECT count(*) INTO v_count FROM booking_sessions s
    WHERE eduset_network_key(s.network_id) = eduset_network_key(r.network_id)
      AND eduset_specialist_key(s.network_id, s.specialist_id)
        = eduset_specialist_key(r.network_id, r.specialist_id)
      AND s.network_id = r.network_id AND s.specialist_id = r.specialist_id
      AND s.seats_taken > 0 AND s.during && tstzrange(v_from, v_to, '[)')
      AND s.starts_at >= v_from AND s.starts_at < v_to;
    IF v_count > (p_item ->> 'perWeek')::integer THEN
      RAISE EXCEPTION 'the specialist''s sessions per week are all taken' USING ERRCODE = 'EDLWK';
    END IF;
  END IF;
END;
$$;

-- The advisory lock keys of one booking (0014), its fields read straight from the item.
CREATE OR REPLACE FUNCTION eduset_booking_lock_keys(p_item jsonb) RETURNS SETOF bigint
LANGUAGE sql STABLE AS $$
  WITH b AS (
    SELECT r ->> 'network_id' AS network_id, r ->> 'specialist_id' AS specialist_id,
      r ->> 'service_id' AS service_id, r ->> 'contact_phone' AS contact_phone,
      r ->> 'contact_email' AS contact_email,
      least((r ->> 'starts_at')::timestamptz
          - make_interval(mins => coalesce((p_item ->> 'reach')::integer, 0)),
        CASE WHEN p_item ->> 'perDay' IS NOT NULL THEN (p_item ->> 'dayFrom')::timestamptz END,
        CASE WHEN p_item ->> 'perWeek' IS NOT NULL THEN (p_item ->> 'weekFrom')::timestamptz END
      ) AS lock_from,
      greatest((r ->> 'ends_at')::timestamptz
          + make_interval(mins => coalesce((p_item ->> 'reach')::integer, 0)),
        CASE WHEN p_item ->> 'perDay' IS NOT NULL THEN (p_item ->> 'dayTo')::timestamptz END,
        CASE WHEN p_item ->> 'perWeek' IS NOT NULL THEN (p_item ->> 'weekTo')::timestamptz END
      ) AS lock_to
    FROM (SELECT p_item -> 'row' AS r) AS item
  )
  SELECT hashtextextended(concat_ws(E'\x1f', 's', b.network_id, b.specialist_id, week), 0)
  FROM b, generate_series(floor((extract(epoch FROM b.lock_from) - 334800) / 604800)::bigint,
    ceil((extract(epoch FROM b.lock_to) - 334800) / 604800)::bigint - 1) AS week
  UNION ALL
  SELECT hashtextextended(concat_ws(E'\x1f', c.kind, b.network_id, b.service_id, c.contact), 0)
  FROM b, LATERAL (VALUES ('p', b.contact_phone), ('e', lower(b.contact_email))) AS c(kind, contact)
  WHERE c.contact IS NOT NULL
$$;

-- Takes the advisory locks of the bookings `p_items`, in ascending order of key, in one
-- statement (a sorted subquery is not flattened: the locks are taken row by row in its order).
CREATE OR REPLACE FUNCTION eduset_lock_bookings(p_items jsonb) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM count(pg_advisory_xact_lock(keys.key))
  FROM (
    SELECT DISTINCT k.key
    FROM jsonb_array_elements(p_items) AS e(item), eduset_booking_lock_keys(e.item) AS k(key)
    ORDER BY 1
  ) AS keys;
END;
$$;

ALTER FUNCTION eduset_take_booking_checked(jsonb) SET plan_cache_mode = force_generic_plan;

-- 0014's set-based take, with the changes at the head of this file (marked "0028").
CREATE OR REPLACE FUNCTION eduset_take_bookings_together(p_items jsonb) RETURNS text[]
LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan
AS $$
DECLARE
  v_outcomes text[] := array_fill(NULL::text, ARRAY[jsonb_array_length(p_items)]);
  v_left bigint[];
  v_left_outcomes text[];
BEGIN
  PERFORM eduset_lock_bookings(p_items);
  BEGIN
    WITH input AS (
      -- 0028: the row as a record too, stored with its session id below.
      SELECT e.position, b AS booking, b.*, x.*
      FROM jsonb_array_elements(p_items) WITH ORDINALITY AS e(item, position),
        LATERAL jsonb_populate_record(NULL::bookings, e.item -> 'row') AS b,
        LATERAL jsonb_to_record(e.item) AS x(capacity integer, careful boolean,
          revision bigint, guarded boolean, "dayFrom" timestamptz, "dayTo" timestamptz,
          "weekFrom" timestamptz, "weekTo" timestamptz, "perDay" integer, "perWeek" integer,
          "bufferBefore" integer, "bufferAfter" integer, reach integer, travel jsonb,
          "perContact" integer)
    ),
    candidates AS (
      -- One booking per slot; not the careful ones, those asking more seats than the session
      -- has, those checked against another revision of the schedule or with a used key.
      -- 0028: OFFSET 0 keeps the lookups probes of their indexes (not hashed subplans).
      SELECT DISTINCT ON (network_id, specialist_id, site_id, service_id, starts_at, ends_at)
        i.*
      FROM input i
      WHERE NOT coalesce(i.careful, false) AND i.seats <= i.capacity
        AND (i.revision IS NULL OR EXISTS (
          SELECT 1 FROM schedules sc
          WHERE sc.network_id = i.network_id AND sc.revision = i.revision OFFSET 0))
        AND (i.idempotency_key IS NULL OR (
          NOT EXISTS (
            SELECT 1 FROM bookings o
            WHERE o.network_id = i.network_id AND o.idempotency_key = i.idempotency_key
            OFFSET 0)
          AND NOT EXISTS (
            SELECT 1 FROM input o
            WHERE o.network_id = i.network_id AND o.idempotency_key = i.idempotency_key
              AND o.position < i.position)))
      ORDER BY network_id, specialist_id, site_id, service_id, starts_at, ends_at, position
    ),
    checked AS (
      SELECT c.* FROM candidates c
      -- Overlaps, and with rules the buffers and travel, against the stored sessions (its own
      -- slot's included: a session that exists is joined one by one) and the candidates before
      -- it. (Without rules: no buffers, no travel — an overlap only.)
      WHERE NOT EXISTS (
          SELECT 1 FROM booking_sessions s
          WHERE s.network_id = c.network_id COLLATE "C"
            AND s.specialist_id = c.specialist_id COLLATE "C"
            AND s.seats_taken > 0
            AND s.starts_at >= c.starts_at - make_interval(mins => coalesce(c.reach, 0))
              - interval '1 day'
            AND s.starts_at < c.ends_at + make_interval(mins => coalesce(c.reach, 0))
            AND eduset_too_close(c.starts_at, c.ends_at, coalesce(c."bufferBefore", 0),
              coalesce(c."bufferAfter", 0), c.travel, s.site_id, s.starts_at, s.ends_at))
        AND NOT EXISTS (
          SELECT 1 FROM candidates o
          WHERE o.network_id = c.network_id AND o.specialist_id = c.specialist_id
            AND o.position < c.position
            AND eduset_too_close(c.starts_at, c.ends_at, coalesce(c."bufferBefore", 0),
              coalesce(c."bufferAfter", 0), c.travel, o.site_id, o.starts_at, o.ends_at))
        AND (NOT coalesce(c.guarded, false) OR (
        (c."perDay" IS NULL AND c."perWeek" IS NULL OR (
          SELECT coalesce(c."perDay", 2147483647) > count(*) FILTER (
                   WHERE t.starts_at >= c."dayFrom" AND t.starts_at < c."dayTo")
             AND coalesce(c."perWeek", 2147483647) > count(*) FILTER (
                   WHERE t.starts_at >= c."weekFrom" AND t.starts_at < c."weekTo")
          FROM (
            SELECT s.starts_at FROM booking_sessions s
            WHERE s.network_id = c.network_id COLLATE "C"
              AND s.specialist_id = c.specialist_id COLLATE "C"
              AND s.seats_taken > 0
              AND s.starts_at >= least(c."dayFrom", c."weekFrom")
              AND s.starts_at < greatest(c."dayTo", c."weekTo")
            UNION ALL
            SELECT o.starts_at FROM candidates o
            WHERE o.network_id = c.network_id AND o.specialist_id = c.specialist_id
              AND o.position < c.position) AS t))
        AND (c."perContact" IS NULL OR (
          SELECT count(*) FROM (
            SELECT b.id FROM bookings b
            WHERE b.network_id = c.network_id AND b.contact_phone IS NOT NULL
              AND b.contact_phone = c.contact_phone AND b.service_id = c.service_id
              AND b.status IN ('requested', 'confirmed') AND b.starts_at > c.created_at
            UNION
            SELECT b.id FROM bookings b
            WHERE b.network_id = c.network_id AND b.contact_email IS NOT NULL
              AND lower(b.contact_email) = lower(c.contact_email) AND b.service_id = c.service_id
              AND b.status IN ('requested', 'confirmed') AND b.starts_at > c.created_at
          ) AS held) + (
          SELECT count(*) FROM candidates o
          WHERE o.network_id = c.network_id AND o.service_id = c.service_id
            AND o.position < c.position
            AND (o.contact_phone = c.contact_phone
              OR lower(o.contact_email) = lower(c.contact_email))) < c."perContact")
      ))
    ),
    sessions AS (
      INSERT INTO booking_sessions
        (network_id, specialist_id, site_id, service_id, starts_at, ends_at, capacity,
         seats_taken)
      SELECT network_id, specialist_id, site_id, service_id, starts_at, ends_at, capacity, seats
      FROM checked
      -- A slot that has a session is skipped and left to the one-by-one way. A time the
      -- specialist holds was left out above (under the locks nobody else is taking one of
      -- this specialist's times now), so the exclusion constraint is not an arbiter: should it
      -- refuse one all the same, the statement is undone and every booking taken one by one.
      ON CONFLICT ON CONSTRAINT booking_sessions_slot DO NOTHING
      RETURNING id, network_id, specialist_id, site_id, service_id, starts_at, ends_at
    ),
    taken AS (
      SELECT c.position, c.booking, s.id AS session_id
      FROM checked c JOIN sessions s ON s.network_id = c.network_id
        AND s.specialist_id = c.specialist_id AND s.site_id = c.site_id
        AND s.service_id = c.service_id AND s.starts_at = c.starts_at AND s.ends_at = c.ends_at
    ),
    stored AS (
      INSERT INTO bookings
      SELECT p.*
      FROM taken t,
        -- 0028: the record read above, its session id set.
        LATERAL jsonb_populate_record(t.booking,
          jsonb_build_object('session_id', t.session_id)) AS p
    )
    SELECT array_agg(position ORDER BY position) INTO v_left
    FROM input WHERE position NOT IN (SELECT position FROM taken);
  EXCEPTION WHEN OTHERS THEN
    -- Refused all the same (a unique key taken meanwhile, an unknown network): none is kept,
    -- and each is taken alone below.
    v_left := ARRAY(SELECT generate_series(1, jsonb_array_length(p_items)));
  END;

  IF v_left IS NOT NULL THEN
    -- The rest one by one, each in its own subtransaction (the locks are held).
    v_left_outcomes := eduset_take_bookings_locked(
      (SELECT jsonb_agg(p_items -> (position::integer - 1) ORDER BY ordinal)
         FROM unnest(v_left) WITH ORDINALITY AS l(position, ordinal)));
    FOR i IN 1 .. array_length(v_left, 1) LOOP
      v_outcomes[v_left[i]] := v_left_outcomes[i];
    END LOOP;
  END IF;
  RETURN v_outcomes;
END;
$$;
