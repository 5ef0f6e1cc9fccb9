-- 0002: schedules and bookings (issue 3).
--
-- `schedules` holds each network's published schedule as one JSON document, validated by
-- core's createNetworkSchedule on save and on load.
--
-- A booking takes seats of a session: one specialist at one site for one service from
-- `starts_at` to `ends_at`. An individual consultation is a session of capacity 1; a
-- lekoteka group is a session of, say, 8 places shared by several bookings. Two rules keep
-- the data whole under concurrent writers, in PostgreSQL itself (PGlite included):
-- * seats are taken with one conditional UPDATE, and `seats_taken` can never leave
--   0 … capacity (CHECK);
-- * one specialist is never in two places at once: sessions of one specialist that hold
--   seats may not overlap in time, whatever their site or service (EXCLUDE over the
--   half-open range `during`, with btree_gist for the equality columns). A session whose
--   bookings were all cancelled holds no seats and blocks nothing.

CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE schedules (
  network_id text PRIMARY KEY REFERENCES networks (id) ON DELETE CASCADE,
  document jsonb NOT NULL,
  saved_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE booking_sessions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  network_id text NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  specialist_id text NOT NULL,
  site_id text NOT NULL,
  service_id text NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  capacity integer NOT NULL CHECK (capacity >= 1),
  seats_taken integer NOT NULL DEFAULT 0,
  during tstzrange GENERATED ALWAYS AS (tstzrange(starts_at, ends_at, '[)')) STORED,
  CHECK (starts_at < ends_at),
  CONSTRAINT booking_sessions_seats CHECK (seats_taken >= 0 AND seats_taken <= capacity),
  CONSTRAINT booking_sessions_slot
    UNIQUE (network_id, specialist_id, site_id, service_id, starts_at, ends_at),
  CONSTRAINT booking_sessions_no_overlap
    EXCLUDE USING gist (network_id WITH =, specialist_id WITH =, during WITH &&)
    WHERE (seats_taken > 0)
);

CREATE INDEX booking_sessions_busy ON booking_sessions USING gist (network_id, during)
  WHERE (seats_taken > 0);

CREATE TABLE bookings (
  id text PRIMARY KEY CHECK (length(id) > 0),
  network_id text NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  session_id bigint NOT NULL REFERENCES booking_sessions (id) ON DELETE CASCADE,
  specialist_id text NOT NULL,
  site_id text NOT NULL,
  service_id text NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  seats integer NOT NULL CHECK (seats >= 1),
  status text NOT NULL CHECK (
    status IN ('requested', 'confirmed', 'attended', 'no-show',
               'cancelled-by-parent', 'cancelled-by-site')
  ),
  child_age integer NOT NULL CHECK (child_age >= 0),
  contact_name text NOT NULL,
  contact_phone text,
  contact_email text,
  contact_erased boolean NOT NULL DEFAULT false,
  personal_data_consent boolean NOT NULL CHECK (personal_data_consent),
  sequence integer NOT NULL CHECK (sequence >= 0),
  history jsonb NOT NULL,
  cancel_token_hash text NOT NULL CHECK (cancel_token_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (starts_at < ends_at),
  CHECK (NOT contact_erased OR (contact_name = '' AND contact_phone IS NULL AND contact_email IS NULL))
);

CREATE INDEX bookings_network_start ON bookings (network_id, starts_at, id);
CREATE INDEX bookings_session ON bookings (session_id);
CREATE INDEX bookings_erasable ON bookings (ends_at) WHERE (NOT contact_erased);
