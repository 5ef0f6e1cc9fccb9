-- 0011: privacy of bookings (issue 13 §5).
--
-- * A calendar token per booking, apart from the cancel (manage) token: its SHA-256 hash in
--   `calendar_token_hash`. It only reads the booking's iCalendar file, which carries no
--   contact; it cannot cancel. Bookings made before this migration have none (NULL): their
--   old calendar links, which carried the cancel token, stop working, and the parent gets a
--   new calendar link with the manage token (`issueCalendarToken`).
-- * The consent the parent gave: the version of the consent text agreed to and when
--   (`consent_version`, `consent_at`). Bookings made before this migration have NULL in both:
--   their consent (`personal_data_consent`) was given to a text that was not versioned.
-- * The contact columns keep no statistics (`SET STATISTICS 0`): ANALYZE would otherwise copy
--   phones and e-mails into `pg_statistic` (most common values, histograms), where erasing the
--   booking does not reach them.
--
-- `eduset_take_booking(s)` and `eduset_take_bookings_together` (0004, 0005, 0007) store the
-- new columns; their rules are unchanged.

ALTER TABLE bookings
  ADD COLUMN calendar_token_hash text CHECK (calendar_token_hash ~ '^[0-9a-f]{64}$'),
  ADD COLUMN consent_version text CHECK (length(consent_version) BETWEEN 1 AND 64),
  ADD COLUMN consent_at timestamptz,
  ADD CONSTRAINT bookings_consent_pair CHECK ((consent_version IS NULL) = (consent_at IS NULL));

ALTER TABLE bookings ALTER COLUMN contact_name SET STATISTICS 0;
ALTER TABLE bookings ALTER COLUMN contact_phone SET STATISTICS 0;
ALTER TABLE bookings ALTER COLUMN contact_email SET STATISTICS 0;

DROP FUNCTION eduset_take_booking(text, text, text, text, timestamptz, timestamptz, integer,
  text, integer, text, integer, text, text, text, boolean, integer, jsonb, text, timestamptz,
  timestamptz);

CREATE FUNCTION eduset_take_booking(
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
  p_updated_at timestamptz,
  p_calendar_token_hash text,
  p_consent_version text,
  p_consent_at timestamptz
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
    updated_at, calendar_token_hash, consent_version, consent_at)
  VALUES (p_booking_id, p_network_id, v_session_id, p_specialist_id, p_site_id, p_service_id,
    p_starts_at, p_ends_at, p_seats, p_status, p_child_age, p_contact_name, p_contact_phone,
    p_contact_email, false, p_personal_data_consent, p_sequence, p_history,
    p_cancel_token_hash, p_created_at, p_updated_at, p_calendar_token_hash, p_consent_version,
    p_consent_at);
  RETURN v_session_id;
END;
$$;

CREATE OR REPLACE FUNCTION eduset_take_bookings(p_items jsonb) RETURNS text[]
LANGUAGE plpgsql
AS $$
DECLARE
  v_item jsonb;
  v_outcomes text[] := '{}';
BEGIN
  FOR v_item IN SELECT value FROM jsonb_array_elements(p_items) LOOP
    BEGIN
      PERFORM eduset_take_booking(
        v_item ->> 'networkId', v_item ->> 'specialistId', v_item ->> 'siteId',
        v_item ->> 'serviceId', (v_item ->> 'start')::timestamptz,
        (v_item ->> 'end')::timestamptz, (v_item ->> 'capacity')::integer, v_item ->> 'id',
        (v_item ->> 'seats')::integer, v_item ->> 'status', (v_item ->> 'childAge')::integer,
        v_item ->> 'contactName', v_item ->> 'contactPhone', v_item ->> 'contactEmail',
        (v_item ->> 'personalDataConsent')::boolean, (v_item ->> 'sequence')::integer,
        v_item -> 'history', v_item ->> 'cancelTokenHash',
        (v_item ->> 'createdAt')::timestamptz, (v_item ->> 'updatedAt')::timestamptz,
        v_item ->> 'calendarTokenHash', v_item ->> 'consentVersion',
        (v_item ->> 'consentAt')::timestamptz);
      v_outcomes := v_outcomes || NULL::text;
    EXCEPTION WHEN OTHERS THEN
      v_outcomes := v_outcomes || SQLSTATE;
    END;
  END LOOP;
  RETURN v_outcomes;
END;
$$;

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
          careful boolean, "calendarTokenHash" text, "consentVersion" text,
          "consentAt" timestamptz)
    ),
    fresh AS (
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
        cancel_token_hash, created_at, updated_at, calendar_token_hash, consent_version,
        consent_at)
      SELECT id, "networkId", session_id, "specialistId", "siteId", "serviceId", "start",
        "end", seats, status, "childAge", "contactName", "contactPhone", "contactEmail", false,
        "personalDataConsent", sequence, history, "cancelTokenHash", "createdAt", "updatedAt",
        "calendarTokenHash", "consentVersion", "consentAt"
      FROM taken
    )
    SELECT array_agg(position ORDER BY position) INTO v_left
    FROM input WHERE position NOT IN (SELECT position FROM taken);
  EXCEPTION WHEN OTHERS THEN
    v_left := ARRAY(SELECT generate_series(1, jsonb_array_length(p_items)));
  END;

  IF v_left IS NOT NULL THEN
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
