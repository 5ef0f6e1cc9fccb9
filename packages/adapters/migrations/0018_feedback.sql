-- 0018: parents' feedback after a consultation, and the figures counted from stored rows
-- (issue 14 §4).
--
-- After a consultation is marked attended the parent may answer a short survey once:
-- satisfied or not, a score from 1 to 5, an optional comment. Two tables keep it apart from
-- the parent:
-- * `survey_receipts` — only that a booking's survey has been answered: its booking id, the
--   database's guarantee of one answer per consultation (PRIMARY KEY), and nothing else;
-- * `survey_answers` — the answers, with only what the figures need: the network, the site,
--   the service and the school year of the consultation. No booking id, no contact, no
--   specialist, no date or time of the consultation or of the answer, and a random key
--   (not a sequence): nothing in a row points back to the booking, and a group of answers
--   (one site, one service, one school year) is usually far larger than one parent.
-- The link between the two exists only while one transaction writes both: a reader with
-- direct access to the database files could pair a receipt and an answer by their system
-- columns (xmin) or their order in the files, as docs/*/parent-service.md says; the
-- application never reads them together, and the bookings' contacts are erased after
-- --erase-after-days anyway.
--
-- The figures «consultations held» (bookings with status `attended`) are counted per site,
-- service and month; the partial index keeps that count to the attended bookings.

CREATE TABLE survey_receipts (
  booking_id text PRIMARY KEY REFERENCES bookings (id) ON DELETE CASCADE
);

CREATE TABLE survey_answers (
  id uuid PRIMARY KEY,
  network_id text NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  site_id text NOT NULL CHECK (length(site_id) > 0),
  service_id text NOT NULL CHECK (length(service_id) > 0),
  school_year text NOT NULL CHECK (
    school_year ~ '^[0-9]{4}-[0-9]{4}$'
    AND substr(school_year, 6, 4)::integer = substr(school_year, 1, 4)::integer + 1
  ),
  satisfied boolean NOT NULL,
  score smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
  comment text CHECK (comment IS NULL OR length(comment) BETWEEN 1 AND 1000)
);

CREATE INDEX survey_answers_figures ON survey_answers (network_id, school_year, site_id, service_id);

CREATE INDEX bookings_attended ON bookings (network_id, site_id, service_id, starts_at)
  WHERE (status = 'attended');
