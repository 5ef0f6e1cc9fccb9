-- 0035: support programmes of flagged schools followed through (issue 16 §4).
--
-- * A programme per (district, school, year): the school's risk profile taken from the
--   identification run that flagged it, the monitoring indicators chosen, and the input and
--   final monitoring rounds.
-- * Its road map: measures (what, who is responsible, deadline, expected effect on which
--   indicator), each with its status, the coordinator's review and a revision that every
--   change raises; a change names the revision it read, so two changes at once cannot both
--   apply to the same revision.
-- * Every change of a measure is an event (status with evidence, review with comment) with the
--   measure's revision after it: one event per revision (unique), so the history has no gaps
--   and no doubles.

CREATE TABLE support_programmes (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  district_id text NOT NULL REFERENCES school_districts (id),
  school_id text NOT NULL CHECK (length(school_id) BETWEEN 1 AND 200),
  school_name text NOT NULL CHECK (length(school_name) BETWEEN 1 AND 500),
  year integer NOT NULL CHECK (year BETWEEN 1900 AND 2200),
  run_id bigint NOT NULL REFERENCES identification_runs (id),
  risks jsonb NOT NULL CHECK (jsonb_typeof(risks) = 'object'),
  indicators jsonb NOT NULL CHECK (jsonb_typeof(indicators) = 'array'),
  input_monitoring jsonb,
  final_monitoring jsonb,
  created_by text NOT NULL CHECK (length(created_by) BETWEEN 1 AND 200),
  created_at timestamptz NOT NULL,
  UNIQUE (district_id, school_id, year)
);

CREATE TABLE support_measures (
  programme_id bigint NOT NULL REFERENCES support_programmes (id),
  id text NOT NULL CHECK (length(id) BETWEEN 1 AND 50),
  position integer NOT NULL CHECK (position >= 0),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
  responsible text NOT NULL CHECK (length(responsible) BETWEEN 1 AND 200),
  responsible_email text CHECK (length(responsible_email) <= 200),
  deadline date NOT NULL,
  indicator_id text,
  expected_effect text,
  factor text,
  status text NOT NULL CHECK (status IN ('planned', 'inProgress', 'done', 'cancelled')),
  review text NOT NULL CHECK (review IN ('none', 'pending', 'accepted', 'returned')),
  review_comment text,
  evidence text,
  evidence_url text,
  revision integer NOT NULL CHECK (revision >= 1),
  PRIMARY KEY (programme_id, id)
);

CREATE TABLE support_measure_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  programme_id bigint NOT NULL,
  measure_id text NOT NULL,
  revision integer NOT NULL CHECK (revision >= 1),
  kind text NOT NULL CHECK (kind IN ('created', 'edited', 'status', 'review')),
  status text,
  review text,
  evidence text,
  evidence_url text,
  comment text,
  by_name text NOT NULL CHECK (length(by_name) BETWEEN 1 AND 200),
  at timestamptz NOT NULL,
  FOREIGN KEY (programme_id, measure_id) REFERENCES support_measures (programme_id, id),
  UNIQUE (programme_id, measure_id, revision)
);
