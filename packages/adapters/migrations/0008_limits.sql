-- 0008: counters of attempts kept by the database (issue 13), shared by every server process
-- over one PostgreSQL: request rate limits per client address, sign-in throttling per account
-- and per address, wrong certificate checks per certificate. A process-local counter let
-- each process (and, behind a proxy, every citizen at once) have its own bucket.
--
-- A bucket is a text key (`rate:POST /api/bookings:203.0.113.7`, `login:account:…`,
-- `certificate:…`); a hit adds one to the bucket's current fixed window and answers the
-- count so far and when the window ends, in ONE statement (an upsert holding the row lock),
-- so concurrent hits are all counted exactly once.

CREATE TABLE attempt_counters (
  bucket text PRIMARY KEY,
  window_start timestamptz NOT NULL,
  window_end timestamptz NOT NULL,
  hits integer NOT NULL CHECK (hits >= 0)
);

CREATE INDEX attempt_counters_window_end ON attempt_counters (window_end);

-- One hit on `p_bucket` at `p_now`, in a window of `p_window_ms` milliseconds that starts at
-- the bucket's first hit (a window that ended is started anew): the hits counted in the
-- window, this one included, and the end of the window.
CREATE FUNCTION eduset_hit(p_bucket text, p_window_ms integer, p_now timestamptz)
RETURNS TABLE (hits integer, window_end timestamptz)
LANGUAGE sql AS $$
  INSERT INTO attempt_counters AS c (bucket, window_start, window_end, hits)
  VALUES (p_bucket, p_now, p_now + make_interval(secs => p_window_ms / 1000.0), 1)
  ON CONFLICT (bucket) DO UPDATE SET
    window_start = CASE WHEN c.window_end <= p_now THEN p_now ELSE c.window_start END,
    window_end = CASE WHEN c.window_end <= p_now
      THEN p_now + make_interval(secs => p_window_ms / 1000.0) ELSE c.window_end END,
    hits = CASE WHEN c.window_end <= p_now THEN 1 ELSE c.hits + 1 END
  RETURNING c.hits, c.window_end
$$;
