-- 0020: a moved booking keeps the rules a new one keeps (issue 14 §3).
--
-- `eduset_move_booking` (0016) takes the new time's seats the way a booking takes them, but the
-- rules that involve the specialist's other sessions — limits per day and week, buffers, travel
-- between sites (0014) — were checked only by the server, over busy time read before: two moves
-- (or a move and a booking) at once could both pass. `eduset_move_booking_guarded` first takes
-- the same advisory locks a booking of the new time takes (`eduset_lock_bookings`, 0014, in
-- ascending order of key), then moves the booking (0016), then checks the new time against the
-- specialist's other sessions with the rules the caller resolved from the published schedule
-- (core's `bookingGuardFor`), raising the SQLSTATEs of 0014: 'EDGAP', 'EDLDY', 'EDLWK'. The cap
-- per parent is not checked: a move holds as many bookings as before. Any refusal rolls the whole
-- statement back, the old time held again.
--
-- `p_guard` is a booking item of 0014 (`row` with the booking's network, specialist, service,
-- contact and its NEW time; `dayFrom`, `dayTo`, `weekFrom`, `weekTo`, `perDay`, `perWeek`,
-- `bufferBefore`, `bufferAfter`, `reach`, `travel`).

-- The rules of 0014 that involve the specialist's other sessions, for a session `p_session_id`
-- that held `p_before` seats before this booking joined it (0: it is a new session of the day).
CREATE FUNCTION eduset_check_session_rules(p_item jsonb, p_session_id bigint, p_before integer)
RETURNS void
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
    WHERE s.network_id = r.network_id AND s.specialist_id = r.specialist_id
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
    WHERE s.network_id = r.network_id AND s.specialist_id = r.specialist_id
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
    WHERE s.network_id = r.network_id AND s.specialist_id = r.specialist_id
      AND s.seats_taken > 0 AND s.during && tstzrange(v_from, v_to, '[)')
      AND s.starts_at >= v_from AND s.starts_at < v_to;
    IF v_count > (p_item ->> 'perWeek')::integer THEN
      RAISE EXCEPTION 'the specialist''s sessions per week are all taken' USING ERRCODE = 'EDLWK';
    END IF;
  END IF;
END;
$$;

CREATE FUNCTION eduset_move_booking_guarded(
  p_network_id text,
  p_booking_id text,
  p_expected_sequence integer,
  p_starts_at timestamptz,
  p_ends_at timestamptz,
  p_capacity integer,
  p_sequence integer,
  p_history jsonb,
  p_updated_at timestamptz,
  p_guard jsonb
) RETURNS bigint
LANGUAGE plpgsql
AS $$
DECLARE
  v_session_id bigint;
  v_before integer;
BEGIN
  PERFORM eduset_lock_bookings(jsonb_build_array(p_guard));
  v_session_id := eduset_move_booking(p_network_id, p_booking_id, p_expected_sequence,
    p_starts_at, p_ends_at, p_capacity, p_sequence, p_history, p_updated_at);
  SELECT s.seats_taken - b.seats INTO v_before
  FROM booking_sessions s, bookings b
  WHERE s.id = v_session_id AND b.id = p_booking_id;
  PERFORM eduset_check_session_rules(p_guard, v_session_id, v_before);
  RETURN v_session_id;
END;
$$;
