-- 0033: the course network, stored and run by people (issue 17 §2).
--
-- The network of profile courses (resource centres, courses, groups, study plans, students'
-- choices, teachers, rooms, home-school timetables, travel times) is stored as ONE validated
-- document per network (core's `createCourseNetwork` checks it before it is written) with a
-- revision that grows by one at every save: the network is read and replaced whole, as it is
-- imported and exported, and every timetable names the revision it was made for.
--
-- Timetables: drafts (a background solve's result, a hand move) and published ones. A
-- published timetable has a version, 1, 2, 3… per network; publishing takes the lock of the
-- network's row, so two publishes at once get consecutive versions (and one draft is
-- published once). Students' and teachers' views follow the highest version.
--
-- The network document names students and teachers: personal data, read only through the
-- audited staff routes.

CREATE TABLE course_networks (
  network_id text PRIMARY KEY CHECK (length(network_id) > 0),
  revision integer NOT NULL CHECK (revision > 0),
  document jsonb NOT NULL,
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL
);

-- Every revision's document is kept: a published timetable is shown with the network it was
-- made for, even after newer data is uploaded (until a timetable of the new data is published).
CREATE TABLE course_network_revisions (
  network_id text NOT NULL REFERENCES course_networks (network_id) ON DELETE CASCADE,
  revision integer NOT NULL CHECK (revision > 0),
  document jsonb NOT NULL,
  saved_by text NOT NULL,
  saved_at timestamptz NOT NULL,
  PRIMARY KEY (network_id, revision)
);

CREATE TABLE course_timetables (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  network_id text NOT NULL REFERENCES course_networks (network_id) ON DELETE CASCADE,
  status text NOT NULL CHECK (status IN ('draft', 'published')),
  version integer CHECK (version > 0),
  network_revision integer NOT NULL CHECK (network_revision > 0),
  origin text NOT NULL CHECK (origin IN ('solver', 'hand')),
  sessions jsonb NOT NULL,
  pins jsonb NOT NULL DEFAULT '[]',
  hard integer NOT NULL CHECK (hard >= 0),
  penalty integer NOT NULL CHECK (penalty >= 0),
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  published_by text,
  published_at timestamptz,
  CHECK ((status = 'published') = (version IS NOT NULL)),
  CHECK ((status = 'published') = (published_at IS NOT NULL AND published_by IS NOT NULL)),
  UNIQUE (network_id, version)
);

CREATE INDEX course_timetables_network ON course_timetables (network_id, id DESC);

-- Personal timetable links are derived, like the parents' links (0013): the token is
-- HMAC-SHA-256 of the network, the student and the link's serial number under the instance's
-- link secret, so the school can list the working links of its students again (only the
-- token's SHA-256 is stored, as before). Links issued before have no serial and stay random.
ALTER TABLE course_timetable_links ADD COLUMN serial integer CHECK (serial > 0);
CREATE UNIQUE INDEX course_timetable_links_serial
  ON course_timetable_links (network_id, student_id, serial);

-- The background solve of a network, shared by every server process of one database: at most
-- one runs per network (the row is claimed under its lock; a claim whose process stopped
-- reporting — no heartbeat for a while — may be taken over), its progress is written a few
-- times a second by the process that runs it and read by any process, and a stop asked of any
-- process is seen by the one that runs it.
CREATE TABLE course_solve_jobs (
  network_id text PRIMARY KEY REFERENCES course_networks (network_id) ON DELETE CASCADE,
  state text NOT NULL CHECK (state IN ('running', 'finished', 'stopped', 'failed')),
  started_by text NOT NULL,
  started_at timestamptz NOT NULL,
  progress jsonb NOT NULL,
  stop_requested boolean NOT NULL DEFAULT false,
  heartbeat_at timestamptz NOT NULL
);
