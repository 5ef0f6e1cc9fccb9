-- 0005: bookings taken together as sets (issue 3, booking load on PostgreSQL).
--
-- Measured on a server with eight concurrent writers (bench/booking-load.bench.ts and the
-- backends' CPU time): most of a booking's cost in PostgreSQL was not the work but its
-- statements — each statement of a plpgsql function starts an executor, re-reads the CHECK
-- constraints and the generated column, and queues its own foreign-key checks — and a new
-- session was written twice (inserted empty, then updated to hold its seats: a second heap
-- tuple and a second entry in each of its four indexes, two of them GiST).
--
-- * `eduset_take_booking` creates a session already holding the booking's seats; an
--   existing session (a group, a slot booked before and cancelled) still takes them with
--   the conditional UPDATE. The rules are unchanged and still the database's: the seats
--   CHECK, and the exclusion constraint, now checked by the INSERT as well as the UPDATE.
-- * `eduset_take_bookings_together` (new) first takes, in two set-based statements, every
--   booking of the batch that opens a new session (one per slot; a slot that already has a
--   session, or a time the specialist has already taken, is left to the one-by-one way).
--   If any of them is still refused — an overlap with a session being taken by another
--   transaction (23P01), a deadlock, an unknown network — that attempt is rolled back as a
--   whole and every booking of the batch goes the one-by-one way (`eduset_take_bookings`
--   of migration 0004), each in its own subtransaction, which tells each one's outcome. A
--   booking marked `careful` (another booking of the same specialist at an overlapping
--   time is in flight, so a refusal is likely) goes the one-by-one way at once.

CREATE OR REPLACE FUNCTION eduset_take_booking(
  p_network_id text,
  p_specialist_id text,
  p_site_id text,
  p_service_id text,
  p_starts_at timestamptz,
  p_ends_at timestamptz,
  p_capacity integer,
  p_booking_id text,
  p_seats integer,
  p_status text,
  p_child_age integer,
  p_contact_name text,
  p_contact_phone text,
  p_contact_email text,
  p_personal_data_consent boolean,
  p_sequence integer,
  p_history jsonb,
  p_cancel_token_hash text,
  p_created_at timestamptz,
  p_updated_at timestamptz
) RETURNS bigint
LANGUAGE plpgsql
AS $$
DECLARE
  v_session_id bigint;
  v_capacity integer;
BEGIN
  SELECT id, capacity INTO v_session_id, v_capacity FROM booking_sessions
  WHERE network_id = p_network_id AND specialist_id = p_specialist_id
    AND site_id = p_site_id AND service_id = p_service_id
    AND starts_at = p_starts_at AND ends_at = p_ends_at;
  IF NOT FOUND AND p_seats <= p_capacity THEN
    -- A new session, created holding the seats (a concurrent creator of the same slot is
    -- waited for by ON CONFLICT DO NOTHING; its session is then read back below).
    INSERT INTO booking_sessions
      (network_id, specialist_id, site_id, service_id, starts_at, ends_at, capacity,
       seats_taken)
    VALUES (p_network_id, p_specialist_id, p_site_id, p_service_id, p_starts_at, p_ends_at,
      p_capacity, p_seats)
    ON CONFLICT ON CONSTRAINT booking_sessions_slot DO NOTHING
    RETURNING id INTO v_session_id;
    IF NOT FOUND THEN
      SELECT id, capacity INTO STRICT v_session_id, v_capacity FROM booking_sessions
      WHERE network_id = p_network_id AND specialist_id = p_specialist_id
        AND site_id = p_site_id AND service_id = p_service_id
        AND starts_at = p_starts_at AND ends_at = p_ends_at;
    ELSE
      v_capacity := NULL; -- the seats are taken
    END IF;
  ELSIF NOT FOUND THEN
    v_capacity := p_capacity; -- more seats asked than the session has: refused below
    v_session_id := NULL;
  END IF;

  IF v_capacity IS NOT NULL THEN
    UPDATE booking_sessions SET seats_taken = seats_taken + p_seats
    WHERE id = v_session_id AND seats_taken + p_seats <= capacity;
    IF NOT FOUND THEN
      IF v_capacity = 1 THEN
        RAISE EXCEPTION 'the specialist is busy at this time' USING ERRCODE = 'EDBSY';
      END IF;
      RAISE EXCEPTION 'no seats left in this session' USING ERRCODE = 'EDNOS';
    END IF;
  END IF;

  INSERT INTO bookings (id, network_id, session_id, specialist_id, site_id, service_id,
    starts_at, ends_at, seats, status, child_age, contact_name, contact_phone, contact_email,
    contact_erased, personal_data_consent, sequence, history, cancel_token_hash, created_at,
    updated_at)
  VALUES (p_booking_id, p_network_id, v_session_id, p_specialist_id, p_site_id, p_service_id,
    p_starts_at, p_ends_at, p_seats, p_status, p_child_age, p_contact_name, p_contact_phone,
    p_contact_email, false, p_personal_data_consent, p_sequence, p_history,
    p_cancel_token_hash, p_created_at, p_updated_at);
  RETURN v_session_id;
END;
$$;

-- Several bookings in one statement, new sessions together: the answer lists, in order, NULL
-- for a booking stored or the SQLSTATE that refused it, as `eduset_take_bookings` (0004)
-- does — which takes the bookings left over, one by one.
CREATE FUNCTION eduset_take_bookings_together(p_items jsonb) RETURNS text[]
LANGUAGE plpgsql
AS $$
DECLARE
  v_outcomes text[] := array_fill(NULL::text, ARRAY[jsonb_array_length(p_items)]);
  v_left bigint[];
  v_left_outcomes text[];
BEGIN
  BEGIN
    WITH input AS (
      SELECT x.*, e.position
      FROM jsonb_array_elements(p_items) WITH ORDINALITY AS e(item, position),
        LATERAL jsonb_to_record(e.item) AS x("networkId" text, "specialistId" text,
          "siteId" text, "serviceId" text, "start" timestamptz, "end" timestamptz,
          capacity integer, id text, seats integer, status text, "childAge" integer,
          "contactName" text, "contactPhone" text, "contactEmail" text,
          "personalDataConsent" boolean, sequence integer, history jsonb,
          "cancelTokenHash" text, "createdAt" timestamptz, "updatedAt" timestamptz,
          careful boolean)
    ),
    fresh AS (
      -- Not those that would be refused by a session committed meanwhile (one of the
      -- specialist's sessions holding seats at an overlapping time): they are left to the
      -- one-by-one way, which tells why. LATERAL … LIMIT 1 keeps this a probe of the
      -- exclusion constraint's index per booking.
      SELECT DISTINCT ON ("networkId", "specialistId", "siteId", "serviceId", "start", "end") i.*
      FROM input i
        LEFT JOIN LATERAL (
          SELECT true AS found FROM booking_sessions s
          WHERE s.network_id = i."networkId" AND s.specialist_id = i."specialistId"
            AND s.seats_taken > 0 AND s.during && tstzrange(i."start", i."end", '[)')
          LIMIT 1
        ) busy ON true
      WHERE NOT coalesce(i.careful, false) AND i.seats <= i.capacity AND busy.found IS NULL
      ORDER BY "networkId", "specialistId", "siteId", "serviceId", "start", "end", position
    ),
    sessions AS (
      INSERT INTO booking_sessions
        (network_id, specialist_id, site_id, service_id, starts_at, ends_at, capacity,
         seats_taken)
      SELECT "networkId", "specialistId", "siteId", "serviceId", "start", "end", capacity, seats
      FROM fresh
      ON CONFLICT ON CONSTRAINT booking_sessions_slot DO NOTHING
      RETURNING id, network_id, specialist_id, site_id, service_id, starts_at, ends_at
    ),
    taken AS (
      SELECT f.*, s.id AS session_id
      FROM fresh f JOIN sessions s ON s.network_id = f."networkId"
        AND s.specialist_id = f."specialistId" AND s.site_id = f."siteId"
        AND s.service_id = f."serviceId" AND s.starts_at = f."start" AND s.ends_at = f."end"
    ),
    stored AS (
      INSERT INTO bookings (id, network_id, session_id, specialist_id, site_id, service_id,
        starts_at, ends_at, seats, status, child_age, contact_name, contact_phone,
        contact_email, contact_erased, personal_data_consent, sequence, history,
        cancel_token_hash, created_at, updated_at)
      SELECT id, "networkId", session_id, "specialistId", "siteId", "serviceId", "start",
        "end", seats, status, "childAge", "contactName", "contactPhone", "contactEmail", false,
        "personalDataConsent", sequence, history, "cancelTokenHash", "createdAt", "updatedAt"
      FROM taken
    )
    SELECT array_agg(position ORDER BY position) INTO v_left
    FROM input WHERE position NOT IN (SELECT position FROM taken);
  EXCEPTION WHEN OTHERS THEN
    -- One of them was refused: none is kept, and each is taken alone below.
    v_left := ARRAY(SELECT generate_series(1, jsonb_array_length(p_items)));
  END;

  IF v_left IS NOT NULL THEN
    -- The rest one by one, each in its own subtransaction (migration 0004).
    v_left_outcomes := eduset_take_bookings(
      (SELECT jsonb_agg(p_items -> (position::integer - 1) ORDER BY ordinal)
         FROM unnest(v_left) WITH ORDINALITY AS l(position, ordinal)));
    FOR i IN 1 .. array_length(v_left, 1) LOOP
      v_outcomes[v_left[i]] := v_left_outcomes[i];
    END LOOP;
  END IF;
  RETURN v_outcomes;
END;
$$;
