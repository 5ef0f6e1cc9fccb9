-- 0015: messages to parents (issue 14 §2): a durable outbox, the bookings' mail state, and
-- booking requests waiting for the parent's e-mail confirmation.
--
-- What is sent is derived from stored state by sweeps of the server (packages/server/src/
-- features/mail): nothing is added to the booking's own path.
--
-- * `bookings.mail_sequence`: the booking's `sequence` the mail sweep has seen (NULL: never
--   seen). A booking with an e-mail whose sequence moved past it — a new booking, a change,
--   a consultation marked as held — is in the partial index `bookings_mail_pending`; the
--   sweep takes them (FOR UPDATE SKIP LOCKED, so two processes share the work), puts the
--   messages they call for into the outbox and sets `mail_sequence`. A booking without an
--   e-mail, or whose contact was erased, never enters the index.
-- * `mail_outbox`: one row per message, `dedupe_key` UNIQUE (`confirmation:<booking>`,
--   `reminder:<booking>:<start>`, `change:<booking>:<sequence>`, `survey:<booking>`,
--   `confirm-request:<request>`), so a message is enqueued once however many sweeps see its
--   cause. A sender claims due rows with FOR UPDATE SKIP LOCKED and a lease (`lease_until`,
--   `claim`), sends, and marks the row `sent` under its claim; a claim whose process died is
--   taken again once its lease has passed. The row holds no address and no text: the message
--   is written at sending time from the booking (or the request), so an erased contact gets
--   nothing and the outbox keeps no personal data.
-- * `booking_requests`: with e-mail confirmation on, a parent's booking request waits here
--   (with its contact) until she follows the link or it expires; the slot is taken only then,
--   through the usual booking path. Confirmed requests keep no contact; expired ones are
--   deleted by the sweep.

ALTER TABLE bookings ADD COLUMN mail_sequence integer;

CREATE INDEX bookings_mail_pending ON bookings (updated_at)
  WHERE contact_email IS NOT NULL AND mail_sequence IS DISTINCT FROM sequence;

CREATE TABLE booking_requests (
  id text PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 128),
  network_id text NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  -- The booking as asked (slot, seats, capacity, child's age, contact, consent version);
  -- without the contact once confirmed.
  request jsonb NOT NULL,
  contact_email text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  -- A confirmation under way holds the request until then (a second click waits its turn).
  confirming_until timestamptz,
  -- The booking made from it, once confirmed.
  booking_id text REFERENCES bookings (id) ON DELETE SET NULL,
  CHECK (created_at < expires_at)
);

CREATE INDEX booking_requests_expiry ON booking_requests (expires_at);
ALTER TABLE booking_requests ALTER COLUMN request SET STATISTICS 0;
ALTER TABLE booking_requests ALTER COLUMN contact_email SET STATISTICS 0;

CREATE TABLE mail_outbox (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  dedupe_key text NOT NULL UNIQUE CHECK (length(dedupe_key) BETWEEN 1 AND 400),
  kind text NOT NULL CHECK (
    kind IN ('confirmation', 'reminder', 'change', 'survey', 'confirm-request')
  ),
  network_id text NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  booking_id text REFERENCES bookings (id) ON DELETE CASCADE,
  request_id text REFERENCES booking_requests (id) ON DELETE CASCADE,
  -- `change`: the booking's sequence the message tells of, and the time the parent knew before.
  booking_sequence integer,
  previous_start timestamptz,
  previous_end timestamptz,
  -- `reminder`: the start it reminds of (a moved booking gets a reminder of its new time).
  consultation_start timestamptz,
  due_at timestamptz NOT NULL,
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'skipped', 'failed')),
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  lease_until timestamptz,
  claim text,
  -- Why it was skipped, or the last error (an SMTP code or an error name: no address).
  outcome text CHECK (length(outcome) <= 200),
  message_id text,
  created_at timestamptz NOT NULL,
  finished_at timestamptz,
  CHECK (num_nonnulls(booking_id, request_id) = 1),
  CHECK ((claim IS NULL) = (lease_until IS NULL))
);

CREATE INDEX mail_outbox_due ON mail_outbox (due_at, id) WHERE state = 'pending';
CREATE INDEX mail_outbox_booking ON mail_outbox (booking_id) WHERE booking_id IS NOT NULL;
CREATE INDEX mail_outbox_request ON mail_outbox (request_id) WHERE request_id IS NOT NULL;
CREATE INDEX mail_outbox_finished ON mail_outbox (finished_at) WHERE state <> 'pending';
