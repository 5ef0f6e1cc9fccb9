-- 0039: rooms of the inventory booked by groups of financing programmes (issue 17 §1: a
-- provider's group needs a room).
--
-- A programme holds the rooms its groups name while it is submitted or approved (the working
-- version), and while it is a draft or returned after an approval (the approved version,
-- which families see and whose groups run); a draft never approved holds nothing. One row per
-- group that names a room, with the booking's document (core's `roomBookingSchema`).
--
-- "No two groups in one room at once" involves several programmes, so the database keeps it
-- under concurrency without an exclusion constraint (btree_gist is not in PGlite): a step
-- that changes a programme's bookings first locks each room it names through its row in
-- `programme_room_locks` (INSERT … ON CONFLICT DO UPDATE, rooms in id order, so two steps never
-- deadlock), then reads the other programmes' bookings of those rooms, judges them (core's
-- `judgeProgrammeRooms`) and writes its own, all in one transaction. A second step into the
-- same room waits for the first to commit and then sees its booking.
--
-- The network is the instance's financing network (that of the inventory): no foreign key to
-- `inventory_rooms`, as an import replaces the rooms while bookings stay.

CREATE TABLE programme_room_locks (
  network_id text NOT NULL CHECK (length(network_id) > 0),
  room_id text NOT NULL CHECK (length(room_id) > 0),
  locked_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (network_id, room_id)
);

CREATE TABLE programme_room_bookings (
  network_id text NOT NULL CHECK (length(network_id) > 0),
  room_id text NOT NULL CHECK (length(room_id) > 0),
  programme_id text NOT NULL
    REFERENCES financing_programme_reviews (programme_id) ON DELETE CASCADE,
  group_id text NOT NULL,
  document jsonb NOT NULL,
  PRIMARY KEY (programme_id, group_id)
);

CREATE INDEX programme_room_bookings_room ON programme_room_bookings (network_id, room_id);
