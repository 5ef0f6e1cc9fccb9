-- 0021: financing rules (issue 15): the weekly-hours nominal, guarded by the database, and
-- contract documents the store can always read back.
--
-- * A certificate whose group counts weekly hours (`unit: 'weekly-hours'`) has one row per
--   period with the hours a week its live funded contracts take, in whole hundredths of an
--   hour (1.5 h = 150, so sums stay exact). An enrolment takes its hours with a conditional
--   upsert (`… WHERE used + hours <= cap`) and a CHECK keeps `0 <= used <= cap`, so two
--   requests racing for the last hours cannot both take them. Refusal, lapse, termination
--   and closing give the hours back.
-- * The record → funded conversion needs no table: the store converts with
--   `UPDATE certificates … WHERE kind = 'record'`, and only the transaction whose UPDATE
--   changed the row takes a funded place, so a conversion is counted once.
-- * A contract's status column and its document agree, and `closedBy` is one the schema
--   knows. NOT VALID: enforced on every new write, without refusing to migrate a database
--   that already holds such a row.

CREATE TABLE certificate_hours (
  certificate_id text NOT NULL REFERENCES certificates (id) ON DELETE CASCADE,
  period text NOT NULL,
  cap_hundredths integer NOT NULL CHECK (cap_hundredths > 0),
  used_hundredths integer NOT NULL DEFAULT 0,
  PRIMARY KEY (certificate_id, period),
  CONSTRAINT certificate_hours_cap CHECK (used_hundredths >= 0 AND used_hundredths <= cap_hundredths)
);

ALTER TABLE financing_contracts
  ADD CONSTRAINT financing_contracts_document_status
    CHECK (document ->> 'status' = status) NOT VALID,
  ADD CONSTRAINT financing_contracts_closed_by
    CHECK (document ->> 'closedBy' IS NULL OR document ->> 'closedBy' IN ('family', 'provider', 'end')) NOT VALID;
