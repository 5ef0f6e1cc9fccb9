-- 0007: a refused booking no longer sends its whole batch the one-by-one way (issue 3,
-- booking load on PostgreSQL).
--
-- Measured (bench/booking-load.bench.ts, pg_stat_statements): about one batch in four of
-- `eduset_take_bookings_together` (migration 0005) was rolled back as a whole and every
-- booking taken again one by one, because one of its new sessions overlapped a session of
-- the same specialist that another transaction was taking at that moment (the exclusion
-- violation 23P01 from the set-based INSERT). Now the INSERT of the new sessions has every
-- constraint as an arbiter (`ON CONFLICT DO NOTHING` without a target: the slot's UNIQUE
-- and the exclusion constraint, which PostgreSQL supports as arbiters of DO NOTHING): a
-- session that would overlap — committed, in a concurrent transaction (waited for, then
-- skipped only if that one commits), or earlier in the same statement — is skipped, and its
-- booking is left to the one-by-one way, which tells why it is refused, as before. The probe
-- of committed busy time before the INSERT is gone with it (the arbiter makes the same
-- check). The rules are unchanged and still the database's: the seats CHECK and the
-- exclusion constraint.

CREATE OR REPLACE FUNCTION eduset_take_bookings_together(p_items jsonb) RETURNS text[]
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
      -- One booking per slot; the careful ones and those asking more seats than the
      -- session has are left to the one-by-one way.
      SELECT DISTINCT ON ("networkId", "specialistId", "siteId", "serviceId", "start", "end") i.*
      FROM input i
      WHERE NOT coalesce(i.careful, false) AND i.seats <= i.capacity
      ORDER BY "networkId", "specialistId", "siteId", "serviceId", "start", "end", position
    ),
    sessions AS (
      INSERT INTO booking_sessions
        (network_id, specialist_id, site_id, service_id, starts_at, ends_at, capacity,
         seats_taken)
      SELECT "networkId", "specialistId", "siteId", "serviceId", "start", "end", capacity, seats
      FROM fresh
      -- Every constraint an arbiter: a slot that has a session, or a time the specialist
      -- holds (committed, taken by a concurrent transaction — waited for — or by another
      -- booking of this statement), is skipped and left to the one-by-one way.
      ON CONFLICT DO NOTHING
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
    -- Refused all the same (a deadlock, an unknown network): none is kept, and each is taken
    -- alone below.
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
