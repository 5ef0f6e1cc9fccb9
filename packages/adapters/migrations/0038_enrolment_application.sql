-- 0038: a family's application in two statements instead of three (issue 15 §4, the opening
-- morning). `financing_apply_check` counts the attempt on the certificate's number, finds the
-- pair and reads everything the enrolment needs (the certificate, its group, balance, weekly
-- hours used, the group's funded count and the programme) in one statement; the enrolment
-- itself stays `financing_enrol` (0029).
--
-- The attempt is counted by ONE upsert of the counter instead of count-then-take-back (0026):
-- the pair is looked at first, then the counter row is locked by the upsert, adding 1 for a
-- wrong pair and 0 for a right one. The upsert waits for every concurrent attempt holding the
-- row, exactly as the count-first order did, so concurrent guesses still cannot slip under the
-- limit; a right pair is refused when the counter already holds `max` (what count-first
-- counted as max + 1 before taking it back). `hits` answers what count-first would have
-- counted at this attempt: the wrong pair's count, or the right pair's count + 1 (its own, not
-- stored). The group's and the programme's documents come back as text, so the caller may keep
-- their parsed form by content.
CREATE FUNCTION financing_apply_check(p_bucket text, p_window_ms integer, p_now timestamptz,
  p_max integer, p_number text, p_birth_date date, p_programme_id text)
RETURNS TABLE (checked jsonb, group_document text, programme_document text)
LANGUAGE plpgsql AS $$
DECLARE
  r record;
  v_found boolean;
  v_hits integer;
  v_end timestamptz;
BEGIN
  SELECT c.document, g.document::text AS group_text, g.funded_count, b.certificate_id, b.period,
         b.issued, b.lapsed, b.available, b.reserved, b.spent, h.used_hundredths
    INTO r
    FROM certificates c
    JOIN certificate_groups g ON g.id = c.group_id
    LEFT JOIN certificate_balances b ON b.certificate_id = c.id AND b.period = g.period
    LEFT JOIN certificate_hours h ON h.certificate_id = c.id AND h.period = g.period
   WHERE c.number = p_number AND c.birth_date = p_birth_date;
  v_found := FOUND;
  INSERT INTO attempt_counters AS a (bucket, window_start, window_end, hits)
    VALUES (p_bucket, p_now, p_now + make_interval(secs => p_window_ms / 1000.0),
      CASE WHEN v_found THEN 0 ELSE 1 END)
    ON CONFLICT (bucket) DO UPDATE SET
      window_start = CASE WHEN a.window_end <= p_now THEN p_now ELSE a.window_start END,
      window_end = CASE WHEN a.window_end <= p_now
        THEN p_now + make_interval(secs => p_window_ms / 1000.0) ELSE a.window_end END,
      hits = CASE WHEN a.window_end <= p_now THEN excluded.hits ELSE a.hits + excluded.hits END
    RETURNING a.hits, a.window_end INTO v_hits, v_end;
  IF NOT v_found THEN
    RETURN QUERY SELECT jsonb_build_object('hits', v_hits, 'window_end', v_end), NULL::text,
      NULL::text;
    RETURN;
  END IF;
  IF v_hits + 1 > p_max THEN
    RETURN QUERY SELECT jsonb_build_object('hits', v_hits + 1, 'window_end', v_end), NULL::text,
      NULL::text;
    RETURN;
  END IF;
  RETURN QUERY SELECT jsonb_build_object(
      'hits', v_hits, 'window_end', v_end, 'certificate', r.document,
      'funded_count', r.funded_count, 'hours_used', r.used_hundredths,
      'balance', CASE WHEN r.issued IS NULL THEN NULL ELSE jsonb_build_object(
        'certificate_id', r.certificate_id, 'period', r.period,
        'issued', r.issued::text, 'lapsed', r.lapsed::text, 'available', r.available::text,
        'reserved', r.reserved::text, 'spent', r.spent::text) END),
    r.group_text,
    (SELECT p.document::text FROM financing_programmes p WHERE p.id = p_programme_id);
END;
$$;

-- The applications that arrive together (the storage's lanes, `batch.ts`) in one statement
-- each step: under load every statement carries many applications and pays its fixed work —
-- the round trip, the call, the commit — once for all of them.
--
-- `financing_apply_check_many(items)`: each item {bucket, windowMs, now, max, number,
-- birthDate, programmeId} checked as `financing_apply_check` does, in the order of its bucket
-- (so two batches lock attempt counters in one order and never wait for each other in a
-- cycle); one row per item, `n` its index in the array.
CREATE FUNCTION financing_apply_check_many(p_items jsonb)
RETURNS TABLE (n integer, checked jsonb, group_document text, programme_document text)
LANGUAGE plpgsql AS $$
DECLARE
  it record;
BEGIN
  FOR it IN
    SELECT (a.k - 1)::integer AS k, a.item
      FROM jsonb_array_elements(p_items) WITH ORDINALITY AS a(item, k)
     ORDER BY a.item ->> 'bucket', a.k
  LOOP
    n := it.k;
    SELECT c.checked, c.group_document, c.programme_document
      INTO checked, group_document, programme_document
      FROM financing_apply_check(it.item ->> 'bucket', (it.item ->> 'windowMs')::integer,
        (it.item ->> 'now')::timestamptz, (it.item ->> 'max')::integer, it.item ->> 'number',
        (it.item ->> 'birthDate')::date, it.item ->> 'programmeId') AS c;
    RETURN NEXT;
  END LOOP;
END;
$$;

-- `financing_enrol_many(requests)`: each request enrolled by `financing_enrol` (0029) in its
-- own subtransaction, in order: a refused one (a limit, a duplicate) is rolled back alone,
-- with the locks it took, and answers its SQLSTATE, message, constraint and detail as the
-- single call raises them; an accepted one answers its balance after the reserve.
-- A request waits at most 100 ms for a lock (`lock_timeout`, this transaction only): a batch
-- holds the rows its earlier requests took until it commits, so two batches — or a batch and
-- a single enrolment — could wait for each other in a cycle, which PostgreSQL would break only
-- after `deadlock_timeout` (a second). The request that waited answers `lock_not_available`
-- and the caller enrols it again alone.
CREATE FUNCTION financing_enrol_many(p_requests jsonb)
RETURNS TABLE (n integer, balance jsonb, state text, message text, constraint_name text,
  detail text)
LANGUAGE plpgsql AS $$
DECLARE
  it record;
BEGIN
  PERFORM set_config('lock_timeout', '100ms', true);
  FOR it IN
    SELECT (a.k - 1)::integer AS k, a.item
      FROM jsonb_array_elements(p_requests) WITH ORDINALITY AS a(item, k)
     ORDER BY a.k
  LOOP
    n := it.k;
    balance := NULL;
    state := NULL;
    message := NULL;
    constraint_name := NULL;
    detail := NULL;
    BEGIN
      balance := financing_enrol(it.item);
    EXCEPTION WHEN OTHERS THEN
      GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, message = MESSAGE_TEXT,
        constraint_name = CONSTRAINT_NAME, detail = PG_EXCEPTION_DETAIL;
    END;
    RETURN NEXT;
  END LOOP;
END;
$$;
