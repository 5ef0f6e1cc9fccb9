-- 0014: every booking rule that involves other bookings, kept by the database under
-- concurrency (issue 14 §3), an idempotency key per booking request, and a cap on the bookings
-- one parent holds (slot hoarding, issue 14 §2).
--
-- Until now only the overlap was the database's (the exclusion constraint of 0002); a
-- specialist's limits per day and per week, the buffers around sessions and the travel time
-- between sites were checked by the server over busy time it had read before — two requests
-- at once both passed (10 bookings accepted where 6 were allowed; two sessions at two sites
-- with less than the travel time between them, in 20 rounds of 20). Now:
--
-- * Serialised per specialist and week. Every booking first takes transaction-level advisory
--   locks: one per (network, specialist, week) for each week its rules can look at — its own
--   time widened by the buffers and the longest travel time on both sides, and its civil day
--   and ISO week in the site's zone when the service limits sessions per day or week — and
--   one per (network, service, phone) and (network, service, e-mail) of its contact. The weeks
--   are fixed spans of 7 × 24 hours from Monday 00:00 in Moscow (1970-01-04 21:00 UTC), so a
--   Moscow week is one lock and another zone's at most two. Two bookings whose rules can see
--   each other share a lock (the later one's window holds the earlier one's start, or overlaps
--   its time, and so a week the earlier one locked), so the later one waits for the earlier to
--   commit and then sees it; bookings of one specialist in different weeks do not wait for
--   each other. A transaction takes all its locks first, in ascending order of key, before it
--   touches a row, so two transactions never wait for each other in a cycle.
-- * Checked in SQL against the specialist's sessions that hold seats, with the rules the
--   caller resolved from the published schedule (core's `bookingGuardFor`): the day and week
--   as instants in the site's zone, `perDay`, `perWeek`, the buffers, the travel minutes to
--   and from each other site, and the cap per parent. The same meaning as core's `freeSlots`:
--   * a session that starts the same day (week) counts, at any site, for any service; joining
--   a group session that already holds seats adds none: 'EDLDY' / 'EDLWK';
--   * the slot with the service's buffers and the travel time to (from) the other session's
--   site may not overlap another session with the same buffers: 'EDGAP';
--   * one phone or e-mail holds at most `perContact` active bookings (requested or confirmed,
--   starting after the booking is made) of the service: 'EDCAP'.
--   A booking without rules (a caller that passes none) is still locked, so it waits for and
--   is seen by the bookings that check them.
-- * The schedule's revision the caller checked the slot against may be passed: when
--   `schedules.revision` has moved on, the booking is refused with 'EDREV' (the caller reads
--   the schedule again and retries), so a server need not read anything before a booking.
-- * An idempotency key (≤ 100 characters, unique per network) with the fingerprint of the
--   request: a second booking with a used key is refused with 'EDKEY', and the caller answers
--   the booking stored with it (same request) or refuses the request (another one). Both are
--   cleared with the contact when it is erased (the fingerprint is made of the request).
--
-- A booking is handed over as JSON: `row` (the bookings row, without `session_id`), the
-- session's `capacity`, and the rules (`guarded`, `dayFrom`, `dayTo`, `weekFrom`, `weekTo`,
-- `perDay`, `perWeek`, `bufferBefore`, `bufferAfter`, `reach` — the buffers plus the longest
-- travel, in minutes —, `travel` — `{ siteId: [minutes to, minutes from] }` —, `perContact`),
-- `revision` and `careful` (see 0005). The row is stored with `jsonb_populate_record`, so a
-- column added to `bookings` later needs no change here: the caller puts it in `row`.
--
-- The functions of 0004, 0005, 0007 and 0011 are replaced: `eduset_take_booking_item` (one
-- booking), `eduset_take_bookings` (one by one, each in a subtransaction) and
-- `eduset_take_bookings_together` (the set-based fast path of 0005, whose new sessions are
-- checked in the same statement against the stored sessions and the bookings before them in
-- the batch — a booking that may be refused is left to the one-by-one way, which tells why).
-- The old 23-argument `eduset_take_booking` is dropped: it took no locks.

ALTER TABLE bookings
  ADD COLUMN idempotency_key text CHECK (length(idempotency_key) BETWEEN 1 AND 100),
  ADD COLUMN request_fingerprint text CHECK (request_fingerprint ~ '^[0-9a-f]{64}$'),
  ADD CONSTRAINT bookings_idempotency_pair
    CHECK ((idempotency_key IS NULL) = (request_fingerprint IS NULL)),
  ADD CONSTRAINT bookings_idempotency_erased
    CHECK (NOT contact_erased OR idempotency_key IS NULL);

CREATE UNIQUE INDEX bookings_idempotency ON bookings (network_id, idempotency_key)
  WHERE idempotency_key IS NOT NULL;

-- A specialist's sessions holding seats by start: the limits and the buffers and travel are
-- checked through it (a btree range; the exclusion constraint's GiST index over text keys
-- measured several times dearer per probe). A session lasts at most a day (core's longest
-- duration is 1 440 minutes), so the sessions near a time are those starting at most a day
-- before it. The ids are compared in the "C" collation here and in the checks (equality is
-- the same in every deterministic collation), so the checks can use this index only: a plan
-- cached while the table was small cannot settle on the GiST index and scan a specialist's
-- every session once it has grown.
CREATE INDEX booking_sessions_starts
  ON booking_sessions (network_id COLLATE "C", specialist_id COLLATE "C", starts_at)
  WHERE seats_taken > 0;
ALTER TABLE booking_sessions
  ADD CONSTRAINT booking_sessions_one_day CHECK (ends_at - starts_at <= interval '1 day');

-- A parent's bookings by phone or e-mail: the cap per parent, and requests under 152-ФЗ.
CREATE INDEX bookings_contact_phone ON bookings (network_id, contact_phone)
  WHERE contact_phone IS NOT NULL;
CREATE INDEX bookings_contact_email ON bookings (network_id, lower(contact_email))
  WHERE contact_email IS NOT NULL;

DROP FUNCTION eduset_take_booking(text, text, text, text, timestamptz, timestamptz, integer,
  text, integer, text, integer, text, text, text, boolean, integer, jsonb, text, timestamptz,
  timestamptz, text, text, timestamptz);

-- Whether a slot `[p_start, p_end)` with the buffers `p_before`, `p_after` (minutes) is too
-- close to another session `[p_other_start, p_other_end)` at `p_other_site`: the slot widened
-- by its buffers and the travel from (to) that site overlaps the session widened by the same
-- buffers (core's `seatsTaken`). STABLE and one expression, so PostgreSQL inlines it.
CREATE FUNCTION eduset_too_close(
  p_start timestamptz, p_end timestamptz, p_before integer, p_after integer, p_travel jsonb,
  p_other_site text, p_other_start timestamptz, p_other_end timestamptz
) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT p_start - make_interval(mins => p_before
           + coalesce((p_travel -> p_other_site ->> 0)::integer, 0))
         < p_other_end + make_interval(mins => p_after)
     AND p_other_start - make_interval(mins => p_before)
         < p_end + make_interval(mins => p_after
           + coalesce((p_travel -> p_other_site ->> 1)::integer, 0))
$$;

-- The advisory lock keys of one booking (see the head of this file).
CREATE FUNCTION eduset_booking_lock_keys(p_item jsonb) RETURNS SETOF bigint
LANGUAGE sql STABLE AS $$
  WITH b AS (
    SELECT r.network_id, r.specialist_id, r.service_id, r.contact_phone, r.contact_email,
      least(r.starts_at - make_interval(mins => coalesce((p_item ->> 'reach')::integer, 0)),
        CASE WHEN p_item ->> 'perDay' IS NOT NULL THEN (p_item ->> 'dayFrom')::timestamptz END,
        CASE WHEN p_item ->> 'perWeek' IS NOT NULL THEN (p_item ->> 'weekFrom')::timestamptz END
      ) AS lock_from,
      greatest(r.ends_at + make_interval(mins => coalesce((p_item ->> 'reach')::integer, 0)),
        CASE WHEN p_item ->> 'perDay' IS NOT NULL THEN (p_item ->> 'dayTo')::timestamptz END,
        CASE WHEN p_item ->> 'perWeek' IS NOT NULL THEN (p_item ->> 'weekTo')::timestamptz END
      ) AS lock_to
    FROM jsonb_populate_record(NULL::bookings, p_item -> 'row') AS r
  )
  SELECT hashtextextended(concat_ws(E'\x1f', 's', b.network_id, b.specialist_id, week), 0)
  FROM b, generate_series(floor((extract(epoch FROM b.lock_from) - 334800) / 604800)::bigint,
    ceil((extract(epoch FROM b.lock_to) - 334800) / 604800)::bigint - 1) AS week
  UNION ALL
  SELECT hashtextextended(concat_ws(E'\x1f', c.kind, b.network_id, b.service_id, c.contact), 0)
  FROM b, LATERAL (VALUES ('p', b.contact_phone), ('e', lower(b.contact_email))) AS c(kind, contact)
  WHERE c.contact IS NOT NULL
$$;

-- Takes the advisory locks of the bookings `p_items`, in ascending order of key.
CREATE FUNCTION eduset_lock_bookings(p_items jsonb) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  v_key bigint;
BEGIN
  FOR v_key IN
    SELECT DISTINCT k.key
    FROM jsonb_array_elements(p_items) AS e(item), eduset_booking_lock_keys(e.item) AS k(key)
    ORDER BY 1
  LOOP
    PERFORM pg_advisory_xact_lock(v_key);
  END LOOP;
END;
$$;

-- Takes one booking whose locks are held: refuses it with its SQLSTATE, or stores it and
-- answers its session's id.
CREATE FUNCTION eduset_take_booking_checked(p_item jsonb) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
  r bookings;
  v_capacity integer := (p_item ->> 'capacity')::integer;
  v_session_id bigint;
  v_session_capacity integer;
  v_before integer; -- seats the session held before this booking
  v_count bigint;
  v_week_count bigint;
  v_buffer_before integer;
  v_buffer_after integer;
  v_reach interval;
  v_travel jsonb := p_item -> 'travel';
  v_from timestamptz;
  v_to timestamptz;
BEGIN
  r := jsonb_populate_record(NULL::bookings, p_item -> 'row');

  IF p_item ->> 'revision' IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM schedules
    WHERE network_id = r.network_id AND revision = (p_item ->> 'revision')::bigint
  ) THEN
    RAISE EXCEPTION 'the schedule changed since this booking was checked' USING ERRCODE = 'EDREV';
  END IF;

  IF r.idempotency_key IS NOT NULL AND EXISTS (
    SELECT 1 FROM bookings
    WHERE network_id = r.network_id AND idempotency_key = r.idempotency_key
  ) THEN
    RAISE EXCEPTION 'this idempotency key was used before' USING ERRCODE = 'EDKEY';
  END IF;

  -- The seats (0005): the session of the slot is found, or created holding them.
  SELECT id, capacity INTO v_session_id, v_session_capacity FROM booking_sessions
  WHERE network_id = r.network_id AND specialist_id = r.specialist_id
    AND site_id = r.site_id AND service_id = r.service_id
    AND starts_at = r.starts_at AND ends_at = r.ends_at;
  IF NOT FOUND AND r.seats <= v_capacity THEN
    INSERT INTO booking_sessions
      (network_id, specialist_id, site_id, service_id, starts_at, ends_at, capacity,
       seats_taken)
    VALUES (r.network_id, r.specialist_id, r.site_id, r.service_id, r.starts_at, r.ends_at,
      v_capacity, r.seats)
    ON CONFLICT ON CONSTRAINT booking_sessions_slot DO NOTHING
    RETURNING id INTO v_session_id;
    IF NOT FOUND THEN
      SELECT id, capacity INTO STRICT v_session_id, v_session_capacity FROM booking_sessions
      WHERE network_id = r.network_id AND specialist_id = r.specialist_id
        AND site_id = r.site_id AND service_id = r.service_id
        AND starts_at = r.starts_at AND ends_at = r.ends_at;
    ELSE
      v_session_capacity := NULL; -- the seats are taken
      v_before := 0;
    END IF;
  ELSIF NOT FOUND THEN
    v_session_capacity := v_capacity; -- more seats asked than the session has: refused below
    v_session_id := NULL;
  END IF;

  IF v_session_capacity IS NOT NULL THEN
    UPDATE booking_sessions SET seats_taken = seats_taken + r.seats
    WHERE id = v_session_id AND seats_taken + r.seats <= capacity
    RETURNING seats_taken - r.seats INTO v_before;
    IF NOT FOUND THEN
      IF v_session_capacity = 1 THEN
        RAISE EXCEPTION 'the specialist is busy at this time' USING ERRCODE = 'EDBSY';
      END IF;
      RAISE EXCEPTION 'no seats left in this session' USING ERRCODE = 'EDNOS';
    END IF;
  END IF;

  IF coalesce((p_item ->> 'guarded')::boolean, false) THEN
    v_buffer_before := coalesce((p_item ->> 'bufferBefore')::integer, 0);
    v_buffer_after := coalesce((p_item ->> 'bufferAfter')::integer, 0);
    v_reach := make_interval(mins => coalesce((p_item ->> 'reach')::integer, 0));
    -- Buffers and travel: no other session of the specialist too close.
    IF EXISTS (
      SELECT 1 FROM booking_sessions s
      WHERE s.network_id = r.network_id COLLATE "C"
        AND s.specialist_id = r.specialist_id COLLATE "C"
        AND s.seats_taken > 0 AND s.id <> v_session_id
        AND s.starts_at >= r.starts_at - v_reach - interval '1 day'
        AND s.starts_at < r.ends_at + v_reach
        AND eduset_too_close(r.starts_at, r.ends_at, v_buffer_before, v_buffer_after, v_travel,
          s.site_id, s.starts_at, s.ends_at)
    ) THEN
      RAISE EXCEPTION 'too close to another session of the specialist' USING ERRCODE = 'EDGAP';
    END IF;
    -- Limits: only a session that holds its first seats now is a new one. The day lies in
    -- the week: one range read for both.
    IF v_before = 0 AND (p_item ->> 'perDay' IS NOT NULL OR p_item ->> 'perWeek' IS NOT NULL)
    THEN
      v_from := least((p_item ->> 'dayFrom')::timestamptz, (p_item ->> 'weekFrom')::timestamptz);
      v_to := greatest((p_item ->> 'dayTo')::timestamptz, (p_item ->> 'weekTo')::timestamptz);
      SELECT
        count(*) FILTER (WHERE s.starts_at >= (p_item ->> 'dayFrom')::timestamptz
          AND s.starts_at < (p_item ->> 'dayTo')::timestamptz),
        count(*) FILTER (WHERE s.starts_at >= (p_item ->> 'weekFrom')::timestamptz
          AND s.starts_at < (p_item ->> 'weekTo')::timestamptz)
      INTO v_count, v_week_count
      FROM booking_sessions s
      WHERE s.network_id = r.network_id COLLATE "C"
        AND s.specialist_id = r.specialist_id COLLATE "C"
        AND s.seats_taken > 0 AND s.starts_at >= v_from AND s.starts_at < v_to;
      IF v_count > (p_item ->> 'perDay')::integer THEN
        RAISE EXCEPTION 'the specialist''s sessions per day are all taken' USING ERRCODE = 'EDLDY';
      END IF;
      IF v_week_count > (p_item ->> 'perWeek')::integer THEN
        RAISE EXCEPTION 'the specialist''s sessions per week are all taken' USING ERRCODE = 'EDLWK';
      END IF;
    END IF;
    -- The cap per parent.
    IF p_item ->> 'perContact' IS NOT NULL THEN
      -- By phone, then by e-mail (one index each; a booking held with both counts once).
      SELECT count(*) INTO v_count FROM (
        SELECT b.id FROM bookings b
        WHERE b.network_id = r.network_id AND b.contact_phone IS NOT NULL
          AND b.contact_phone = r.contact_phone AND b.service_id = r.service_id
          AND b.status IN ('requested', 'confirmed') AND b.starts_at > r.created_at
        UNION
        SELECT b.id FROM bookings b
        WHERE b.network_id = r.network_id AND b.contact_email IS NOT NULL
          AND lower(b.contact_email) = lower(r.contact_email) AND b.service_id = r.service_id
          AND b.status IN ('requested', 'confirmed') AND b.starts_at > r.created_at
      ) AS held;
      IF v_count >= (p_item ->> 'perContact')::integer THEN
        RAISE EXCEPTION 'this contact holds as many bookings of the service as allowed'
          USING ERRCODE = 'EDCAP';
      END IF;
    END IF;
  END IF;

  r.session_id := v_session_id;
  INSERT INTO bookings SELECT r.*;
  RETURN v_session_id;
END;
$$;

-- One booking: its locks, then the booking (a statement of its own: one transaction).
CREATE FUNCTION eduset_take_booking_item(p_item jsonb) RETURNS bigint
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM eduset_lock_bookings(jsonb_build_array(p_item));
  RETURN eduset_take_booking_checked(p_item);
END;
$$;

-- Several bookings whose locks are held, one by one, each in its own subtransaction: in
-- order, NULL for a booking stored or the SQLSTATE that refused it.
CREATE FUNCTION eduset_take_bookings_locked(p_items jsonb) RETURNS text[]
LANGUAGE plpgsql AS $$
DECLARE
  v_item jsonb;
  v_outcomes text[] := '{}';
BEGIN
  FOR v_item IN SELECT value FROM jsonb_array_elements(p_items) LOOP
    BEGIN
      PERFORM eduset_take_booking_checked(v_item);
      v_outcomes := v_outcomes || NULL::text;
    EXCEPTION WHEN OTHERS THEN
      v_outcomes := v_outcomes || SQLSTATE;
    END;
  END LOOP;
  RETURN v_outcomes;
END;
$$;

-- The same, their locks taken first.
CREATE OR REPLACE FUNCTION eduset_take_bookings(p_items jsonb) RETURNS text[]
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM eduset_lock_bookings(p_items);
  RETURN eduset_take_bookings_locked(p_items);
END;
$$;

-- Several bookings in one statement, new sessions together (0005, 0007): the batch's locks,
-- then, in one statement, every booking that opens a new session and passes its rules against
-- the stored sessions and bookings AND against the bookings before it in the batch taken as if
-- all were stored (so none of those taken together can break a rule for another); the rest
-- one by one, after it, each in its own subtransaction, which tells why one is refused.
CREATE OR REPLACE FUNCTION eduset_take_bookings_together(p_items jsonb) RETURNS text[]
LANGUAGE plpgsql AS $$
DECLARE
  v_outcomes text[] := array_fill(NULL::text, ARRAY[jsonb_array_length(p_items)]);
  v_left bigint[];
  v_left_outcomes text[];
BEGIN
  PERFORM eduset_lock_bookings(p_items);
  BEGIN
    WITH input AS (
      SELECT e.position, e.item -> 'row' AS row_json, b.*, x.*
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
      SELECT DISTINCT ON (network_id, specialist_id, site_id, service_id, starts_at, ends_at)
        i.*
      FROM input i
      WHERE NOT coalesce(i.careful, false) AND i.seats <= i.capacity
        AND (i.revision IS NULL OR EXISTS (
          SELECT 1 FROM schedules sc
          WHERE sc.network_id = i.network_id AND sc.revision = i.revision))
        AND (i.idempotency_key IS NULL OR (
          NOT EXISTS (
            SELECT 1 FROM bookings o
            WHERE o.network_id = i.network_id AND o.idempotency_key = i.idempotency_key)
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
      -- this specialist's times now), so the exclusion constraint is not an arbiter as in 0007:
      -- as an arbiter it cost a second GiST probe for every new session. Should it refuse
      -- one all the same, the statement is undone and every booking taken one by one below.
      ON CONFLICT ON CONSTRAINT booking_sessions_slot DO NOTHING
      RETURNING id, network_id, specialist_id, site_id, service_id, starts_at, ends_at
    ),
    taken AS (
      SELECT c.position, c.row_json, s.id AS session_id
      FROM checked c JOIN sessions s ON s.network_id = c.network_id
        AND s.specialist_id = c.specialist_id AND s.site_id = c.site_id
        AND s.service_id = c.service_id AND s.starts_at = c.starts_at AND s.ends_at = c.ends_at
    ),
    stored AS (
      INSERT INTO bookings
      SELECT p.*
      FROM taken t,
        LATERAL jsonb_populate_record(NULL::bookings,
          t.row_json || jsonb_build_object('session_id', t.session_id)) AS p
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
