-- 0029: one enrolment statement that keeps every rule of issue 15 (merges 0021, 0026, 0027).
-- `financing_enrol(request)` (0026) took every limit in one statement; this version also takes
-- the certificate's weekly hours (0021: `certificate_hours`, in hundredths, only while they fit
-- under the cap) and counts the payer's direction limit of the contract's own financing period
-- (0027: the period's row, else the row set without a period). `request.hours` is
-- {cap, hundredths} in hundredths of an hour, or null when the certificate does not count hours.
-- It answers the certificate's balance after the reserve (the row of `certificate_balances`
-- as JSON, or null when the certificate has none), so the application needs no extra read.
DROP FUNCTION financing_enrol(jsonb);
CREATE FUNCTION financing_enrol(p_request jsonb)
RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  k jsonb := p_request -> 'contract';
  v_converted boolean := false;
  v_hours jsonb := p_request -> 'hours';
  v_limit_period text;
  v_left integer;
  v_hours_taken boolean;
BEGIN
  IF coalesce((p_request ->> 'convert')::boolean, false) THEN
    UPDATE certificates SET kind = 'funded', document = p_request -> 'certificate'
      WHERE id = k ->> 'certificate_id' AND kind = 'record';
    v_converted := FOUND;
  END IF;
  IF v_hours IS NOT NULL AND jsonb_typeof(v_hours) = 'object' THEN
    BEGIN
      INSERT INTO certificate_hours AS h (certificate_id, period, cap_hundredths, used_hundredths)
        VALUES (k ->> 'certificate_id', k ->> 'period', (v_hours ->> 'cap')::integer,
          (v_hours ->> 'hundredths')::integer)
        ON CONFLICT (certificate_id, period) DO UPDATE SET
          cap_hundredths = excluded.cap_hundredths,
          used_hundredths = h.used_hundredths + excluded.used_hundredths
        WHERE h.used_hundredths + excluded.used_hundredths <= excluded.cap_hundredths;
      v_hours_taken := FOUND;
    EXCEPTION WHEN check_violation THEN
      v_hours_taken := false;
    END;
    IF NOT v_hours_taken THEN
      -- The family is told what is left: needed/left/cap in hundredths, as core words it.
      SELECT greatest(0, (v_hours ->> 'cap')::integer - coalesce(max(used_hundredths), 0))
        INTO v_left FROM certificate_hours
        WHERE certificate_id = k ->> 'certificate_id' AND period = k ->> 'period';
      RAISE EXCEPTION 'hours-exhausted' USING ERRCODE = 'EFLIM',
        DETAIL = (v_hours ->> 'hundredths') || '/' || v_left || '/' || (v_hours ->> 'cap');
    END IF;
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
    -- The limit of the contract's period, else the one set without a period (0027).
    SELECT l.period INTO v_limit_period FROM financing_direction_limits l
      WHERE l.direction = k ->> 'direction' AND l.period IN (k ->> 'period', '')
      ORDER BY l.period DESC LIMIT 1;
    IF FOUND THEN
      UPDATE financing_direction_limits SET enrolments = enrolments + 1
        WHERE direction = k ->> 'direction' AND period = v_limit_period
          AND (max_enrolments IS NULL OR enrolments < max_enrolments);
      IF NOT FOUND THEN RAISE EXCEPTION 'direction-limit' USING ERRCODE = 'EFLIM'; END IF;
    END IF;
  END IF;
  IF v_converted THEN
    UPDATE certificate_groups SET funded_count = funded_count + 1
      WHERE id = p_request ->> 'certificate_group_id' AND funded_count < funded_places;
    IF NOT FOUND THEN RAISE EXCEPTION 'funded-places-exhausted' USING ERRCODE = 'EFLIM'; END IF;
  END IF;
  RETURN (SELECT jsonb_build_object('certificate_id', b.certificate_id, 'period', b.period,
      'issued', b.issued::text, 'lapsed', b.lapsed::text, 'available', b.available::text,
      'reserved', b.reserved::text, 'spent', b.spent::text)
    FROM certificate_balances b
    WHERE b.certificate_id = k ->> 'certificate_id' AND b.period = k ->> 'period');
END;
$$;
