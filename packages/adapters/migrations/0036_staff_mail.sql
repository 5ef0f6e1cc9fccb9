-- 0036: mail to staff (issue 16 §2 and §4): staff accounts get an optional work e-mail, and
-- the outbox (0015) takes two kinds of message that concern no booking:
--
-- * `data-entry-reminder` — to the staff of an organization late with its report for a
--   period (dedupe key `data-entry-reminder:<network>:<data set>:<period>:<organization>:<day>`);
-- * `support-overdue` — to the person responsible for overdue support-programme measures
--   (dedupe key `support-overdue:<district>:<address>:<day>`).
--
-- A booking message names its booking and is written at sending time; a staff message is
-- written when the coordinator asks for it (names, the measures, the link) and waits in
-- `payload` (recipients, subject, paragraphs). The payload is emptied when the message is
-- finished, so finished rows keep no address, as before. The booking kinds keep their rule:
-- exactly one of booking/request, no payload.

ALTER TABLE accounts ADD COLUMN email text
  CHECK (email IS NULL OR (length(email) BETWEEN 3 AND 254 AND email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'));

ALTER TABLE mail_outbox ADD COLUMN payload jsonb;

-- A staff message's network or district (Tutaev's district is no booking network): kept in
-- `scope_id`, with no reference to `networks`; a booking message keeps `network_id`.
ALTER TABLE mail_outbox ADD COLUMN scope_id text CHECK (length(scope_id) BETWEEN 1 AND 128);
ALTER TABLE mail_outbox ALTER COLUMN network_id DROP NOT NULL;

-- The unnamed checks of 0015 on the kind and on the booking/request reference, found by
-- what they say (their generated names are PostgreSQL's choice).
DO $$
DECLARE
  found record;
BEGIN
  FOR found IN
    SELECT conname FROM pg_constraint
    WHERE conrelid = 'mail_outbox'::regclass AND contype = 'c'
      AND (pg_get_constraintdef(oid) LIKE '%confirm-request%'
        OR pg_get_constraintdef(oid) LIKE '%num_nonnulls%')
  LOOP
    EXECUTE format('ALTER TABLE mail_outbox DROP CONSTRAINT %I', found.conname);
  END LOOP;
END
$$;

ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_kind_known CHECK (
  kind IN ('confirmation', 'reminder', 'change', 'survey', 'confirm-request',
    'data-entry-reminder', 'support-overdue')
);

ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_reference CHECK (
  CASE WHEN kind IN ('data-entry-reminder', 'support-overdue')
    THEN booking_id IS NULL AND request_id IS NULL AND network_id IS NULL
      AND scope_id IS NOT NULL AND (payload IS NOT NULL OR state <> 'pending')
    ELSE num_nonnulls(booking_id, request_id) = 1 AND network_id IS NOT NULL
      AND payload IS NULL AND scope_id IS NULL
  END
);
