-- 0016: moving a booking to another time (issue 14 §2: the manage link; staff on the parent's
-- behalf).
--
-- A booking keeps its id, its contact and its history when it moves; only its time and session
-- change. `eduset_move_booking` does it as one statement, and so in one transaction, inside
-- PostgreSQL (PGlite included), with the same rules as taking a new booking
-- (`eduset_take_booking`, migrations 0004 and 0011):
-- * the booking row is locked (FOR UPDATE), and it must still be the version the caller read
--   (`p_expected_sequence`), else SQLSTATE 'EDCHG' — a concurrent change is never overwritten;
--   and it must be active (requested or confirmed), else 'EDNAC';
-- * the seats of its old session are given back first, so the new time may overlap the old one
--   (a session holding no seats blocks nothing: the exclusion constraint of 0002 is partial);
-- * the session of the new slot is found or created (a concurrent creator is waited for by
--   ON CONFLICT DO NOTHING, then read back), and the seats are taken by one conditional
--   UPDATE: 'EDBSY' when an individual consultation is taken, 'EDNOS' when a group is full;
--   an overlap with another session of the specialist raises the exclusion violation (23P01);
-- * the booking row then points at the new session with its new time, sequence and history.
-- Any refusal rolls the whole statement back: the old seats are held again, nothing moved.
--
-- Every rule that involves other bookings and is kept by the database when a booking is taken
-- must be kept here too, for the new time: this function takes seats the way
-- `eduset_take_booking` does, in one place, so such a guard is added to both.

CREATE FUNCTION eduset_move_booking(
  p_network_id text,
  p_booking_id text,
  p_expected_sequence integer,
  p_starts_at timestamptz,
  p_ends_at timestamptz,
  p_capacity integer,
  p_sequence integer,
  p_history jsonb,
  p_updated_at timestamptz
) RETURNS bigint
LANGUAGE plpgsql
AS $$
DECLARE
  v_booking bookings%ROWTYPE;
  v_session_id bigint;
  v_capacity integer;
BEGIN
  SELECT * INTO v_booking FROM bookings
  WHERE network_id = p_network_id AND id = p_booking_id
  FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no such booking' USING ERRCODE = 'P0002';
  END IF;
  IF v_booking.sequence <> p_expected_sequence THEN
    RAISE EXCEPTION 'the booking changed meanwhile' USING ERRCODE = 'EDCHG';
  END IF;
  IF v_booking.status NOT IN ('requested', 'confirmed') THEN
    RAISE EXCEPTION 'only an active booking moves' USING ERRCODE = 'EDNAC';
  END IF;

  -- The old time is free again (within this transaction).
  UPDATE booking_sessions SET seats_taken = seats_taken - v_booking.seats
  WHERE id = v_booking.session_id;

  -- The new time: its session found or created, its seats taken (as eduset_take_booking).
  SELECT id, capacity INTO v_session_id, v_capacity FROM booking_sessions
  WHERE network_id = p_network_id AND specialist_id = v_booking.specialist_id
    AND site_id = v_booking.site_id AND service_id = v_booking.service_id
    AND starts_at = p_starts_at AND ends_at = p_ends_at;
  IF NOT FOUND AND v_booking.seats <= p_capacity THEN
    INSERT INTO booking_sessions
      (network_id, specialist_id, site_id, service_id, starts_at, ends_at, capacity,
       seats_taken)
    VALUES (p_network_id, v_booking.specialist_id, v_booking.site_id, v_booking.service_id,
      p_starts_at, p_ends_at, p_capacity, v_booking.seats)
    ON CONFLICT ON CONSTRAINT booking_sessions_slot DO NOTHING
    RETURNING id INTO v_session_id;
    IF NOT FOUND THEN
      SELECT id, capacity INTO STRICT v_session_id, v_capacity FROM booking_sessions
      WHERE network_id = p_network_id AND specialist_id = v_booking.specialist_id
        AND site_id = v_booking.site_id AND service_id = v_booking.service_id
        AND starts_at = p_starts_at AND ends_at = p_ends_at;
    ELSE
      v_capacity := NULL; -- the seats are taken
    END IF;
  ELSIF NOT FOUND THEN
    v_capacity := p_capacity; -- more seats than the session has: refused below
    v_session_id := NULL;
  END IF;

  IF v_capacity IS NOT NULL THEN
    UPDATE booking_sessions SET seats_taken = seats_taken + v_booking.seats
    WHERE id = v_session_id AND seats_taken + v_booking.seats <= capacity;
    IF NOT FOUND THEN
      IF v_capacity = 1 THEN
        RAISE EXCEPTION 'the specialist is busy at this time' USING ERRCODE = 'EDBSY';
      END IF;
      RAISE EXCEPTION 'no seats left in this session' USING ERRCODE = 'EDNOS';
    END IF;
  END IF;

  UPDATE bookings SET session_id = v_session_id, starts_at = p_starts_at, ends_at = p_ends_at,
    sequence = p_sequence, history = p_history, updated_at = p_updated_at
  WHERE id = p_booking_id;
  RETURN v_session_id;
END;
$$;
