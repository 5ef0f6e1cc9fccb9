-- 0004: a booking in one round trip (issue 3, booking load).
--
-- Booking used to take six statements (BEGIN, find the session, create it, take the seats,
-- insert the booking, COMMIT): six round trips to the server per booking, which bounded the
-- throughput more than the work itself. `eduset_take_booking` does the same steps inside
-- PostgreSQL, as one statement and so one transaction; the rules are unchanged and still
-- the database's own (the seats CHECK, the exclusion constraint of migration 0002):
-- * the session of the exact slot is found or created (a concurrent creator is waited for
--   by ON CONFLICT DO NOTHING, then read back: every statement of a READ COMMITTED function
--   takes a new snapshot);
-- * seats are taken by one conditional UPDATE; when none are left the function raises
--   SQLSTATE 'EDNOS' (no seats in a group) or 'EDBSY' (an individual consultation already
--   taken), and the whole statement is rolled back;
-- * an overlap with another session of the specialist raises the exclusion violation
--   (23P01) from the same UPDATE.
--
-- `schedules.revision` grows with every save, so a process can keep the validated schedule
-- and ask only whether it is still current, instead of reading the whole document each time.

ALTER TABLE schedules ADD COLUMN revision bigint NOT NULL DEFAULT 1;

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
  IF NOT FOUND THEN
    INSERT INTO booking_sessions
      (network_id, specialist_id, site_id, service_id, starts_at, ends_at, capacity)
    VALUES (p_network_id, p_specialist_id, p_site_id, p_service_id, p_starts_at, p_ends_at,
      p_capacity)
    ON CONFLICT ON CONSTRAINT booking_sessions_slot DO NOTHING
    RETURNING id, capacity INTO v_session_id, v_capacity;
    IF NOT FOUND THEN
      SELECT id, capacity INTO STRICT v_session_id, v_capacity FROM booking_sessions
      WHERE network_id = p_network_id AND specialist_id = p_specialist_id
        AND site_id = p_site_id AND service_id = p_service_id
        AND starts_at = p_starts_at AND ends_at = p_ends_at;
    END IF;
  END IF;

  UPDATE booking_sessions SET seats_taken = seats_taken + p_seats
  WHERE id = v_session_id AND seats_taken + p_seats <= capacity;
  IF NOT FOUND THEN
    IF v_capacity = 1 THEN
      RAISE EXCEPTION 'the specialist is busy at this time' USING ERRCODE = 'EDBSY';
    END IF;
    RAISE EXCEPTION 'no seats left in this session' USING ERRCODE = 'EDNOS';
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

-- Several bookings in one statement (one transaction, one commit): the server gathers the
-- bookings that arrive together and sends them at once. Each is taken in its own
-- subtransaction, so one refused does not undo the others; the answer lists, in order, NULL
-- for a booking stored or the SQLSTATE that refused it ('EDNOS', 'EDBSY', '23P01', …).
CREATE FUNCTION eduset_take_bookings(p_items jsonb) RETURNS text[]
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
        (v_item ->> 'createdAt')::timestamptz, (v_item ->> 'updatedAt')::timestamptz);
      v_outcomes := v_outcomes || NULL::text;
    EXCEPTION WHEN OTHERS THEN
      v_outcomes := v_outcomes || SQLSTATE;
    END;
  END LOOP;
  RETURN v_outcomes;
END;
$$;
