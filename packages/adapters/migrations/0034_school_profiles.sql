-- 0034: school profiles, their yearly figures and identification runs live in the database
-- (issue 16 §1).
--
-- * A district (a municipality's schools; its id is the network id staff grants name).
-- * A school's profile of a year (social passport, exam results, ranks, staffing,
--   equipment: core's SchoolProfile) is one row per (district, year, school), written by an
--   import; an import replaces the district's profiles of its year in one transaction and
--   records who imported which file and when.
-- * An identification run keeps what it judged and how: the profiles' import it read, the
--   identification definition and well-being index (id and version), the clusters asked, and
--   its result and map as they were, so a published list of flagged schools can be shown
--   again after the definitions changed. The same inputs give one run (unique), so two
--   processes running it at once store it once.

CREATE TABLE school_districts (
  id text PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 100),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300)
);

CREATE TABLE school_profile_imports (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  district_id text NOT NULL REFERENCES school_districts (id),
  year integer NOT NULL CHECK (year BETWEEN 1900 AND 2200),
  source text NOT NULL CHECK (length(source) BETWEEN 1 AND 300),
  school_count integer NOT NULL CHECK (school_count >= 0),
  imported_by text NOT NULL CHECK (length(imported_by) BETWEEN 1 AND 200),
  imported_at timestamptz NOT NULL
);

CREATE INDEX school_profile_imports_district ON school_profile_imports (district_id, year, id);

CREATE TABLE school_profiles (
  district_id text NOT NULL REFERENCES school_districts (id),
  year integer NOT NULL,
  school_id text NOT NULL CHECK (length(school_id) BETWEEN 1 AND 200),
  position integer NOT NULL CHECK (position >= 0),
  profile jsonb NOT NULL CHECK (jsonb_typeof(profile) = 'object'),
  import_id bigint NOT NULL REFERENCES school_profile_imports (id),
  PRIMARY KEY (district_id, year, school_id)
);

CREATE TABLE identification_runs (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  district_id text NOT NULL REFERENCES school_districts (id),
  year integer NOT NULL,
  profile_import_id bigint NOT NULL REFERENCES school_profile_imports (id),
  definition_id text NOT NULL CHECK (length(definition_id) BETWEEN 1 AND 200),
  definition_version text NOT NULL CHECK (length(definition_version) BETWEEN 1 AND 100),
  index_id text NOT NULL CHECK (length(index_id) BETWEEN 1 AND 200),
  index_version text NOT NULL CHECK (length(index_version) BETWEEN 1 AND 100),
  clusters integer NOT NULL CHECK (clusters BETWEEN 0 AND 100),
  flagged integer NOT NULL CHECK (flagged >= 0),
  school_count integer NOT NULL CHECK (school_count >= 0),
  result jsonb NOT NULL,
  map jsonb NOT NULL,
  run_by text NOT NULL CHECK (length(run_by) BETWEEN 1 AND 200),
  run_at timestamptz NOT NULL,
  UNIQUE (profile_import_id, definition_id, definition_version, index_id, index_version, clusters)
);

CREATE INDEX identification_runs_district ON identification_runs (district_id, id);
