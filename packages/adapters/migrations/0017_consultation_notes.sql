-- 0017: the staff agenda (issue 14 §1): the parent's note with a booking, and the specialist's
-- private notes on consultations.
--
-- * `bookings.parent_note` — what the parent wrote for the specialist when booking
--   («Комментарий для специалиста»), plain text of at most 500 characters. It is the parent's
--   own words about her child: personal data, shown only to staff who may read the parent's
--   contact, and erased with the contact.
-- * `consultation_notes` — one private note per consultation, written by the specialist of the
--   consultation (or the coordinator) and read only by them; the access policy decides who
--   (`consultation.note.read` / `.write`), the server records every read and write in the
--   audit log. No public route reads this table. Who wrote the note last is kept by account id
--   and display name (a staff member, never a parent).
-- * Erasing a booking's contact (152-ФЗ: on request, or after the retention period) sets
--   `contact_erased`; a trigger then clears the parent's note and deletes the consultation's
--   private note in the same statement, whichever code path erased it. The CHECK keeps an
--   erased booking from holding a parent's note. Neither text keeps statistics (ANALYZE would
--   copy values into `pg_statistic`, where erasure does not reach).

ALTER TABLE bookings
  ADD COLUMN parent_note text CHECK (length(parent_note) BETWEEN 1 AND 500),
  ADD CONSTRAINT bookings_parent_note_erased CHECK (NOT contact_erased OR parent_note IS NULL);

ALTER TABLE bookings ALTER COLUMN parent_note SET STATISTICS 0;

CREATE TABLE consultation_notes (
  booking_id text PRIMARY KEY REFERENCES bookings (id) ON DELETE CASCADE,
  network_id text NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  text text NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
  author_account_id text NOT NULL CHECK (length(author_account_id) > 0),
  author_name text NOT NULL CHECK (length(author_name) > 0),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (updated_at >= created_at)
);

ALTER TABLE consultation_notes ALTER COLUMN text SET STATISTICS 0;

CREATE FUNCTION eduset_erase_consultation_texts() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  NEW.parent_note := NULL;
  DELETE FROM consultation_notes WHERE booking_id = NEW.id;
  RETURN NEW;
END;
$$;

CREATE TRIGGER bookings_erase_consultation_texts
  BEFORE UPDATE OF contact_erased ON bookings
  FOR EACH ROW
  WHEN (NEW.contact_erased AND NOT OLD.contact_erased)
  EXECUTE FUNCTION eduset_erase_consultation_texts();
