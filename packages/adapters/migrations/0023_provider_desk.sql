-- 0023: the provider's desk (issue 15): the reason a provider gives when it declines an
-- application or terminates a contract (shown to the family), and the attendance a provider
-- enters per contract and month, which gives the settlement's completeness.
--
-- The database keeps what core's rules say, so the store never holds what it cannot read:
-- one decision per contract, a reason from the list of its kind, a note of at most 500
-- characters; attendance planned above zero, attended not above planned, whole numbers for
-- sessions, a month YYYY-MM with a month 01–12, one row per contract and month.

CREATE TABLE financing_provider_decisions (
  contract_id text PRIMARY KEY REFERENCES financing_contracts (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('declined', 'terminated')),
  reason text NOT NULL,
  note text CHECK (note IS NULL OR (length(note) BETWEEN 1 AND 500 AND note = btrim(note))),
  decided_on date NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT financing_provider_decisions_reason CHECK (
    (kind = 'declined' AND reason IN ('no-places', 'age-mismatch', 'health', 'group-not-formed',
      'documents', 'family-request', 'other'))
    OR (kind = 'terminated' AND reason IN ('absences', 'family-request', 'moved-away', 'health',
      'group-closed', 'rules-breach', 'other'))
  ),
  CONSTRAINT financing_provider_decisions_other CHECK (reason <> 'other' OR note IS NOT NULL)
);

CREATE TABLE financing_attendance (
  contract_id text NOT NULL REFERENCES financing_contracts (id) ON DELETE CASCADE,
  month text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  unit text NOT NULL CHECK (unit IN ('sessions', 'hours')),
  planned numeric(7, 2) NOT NULL CHECK (planned > 0 AND planned <= 1000),
  attended numeric(7, 2) NOT NULL CHECK (attended >= 0),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (contract_id, month),
  CONSTRAINT financing_attendance_not_above_planned CHECK (attended <= planned),
  CONSTRAINT financing_attendance_whole_sessions
    CHECK (unit <> 'sessions' OR (planned = trunc(planned) AND attended = trunc(attended)))
);

CREATE INDEX financing_attendance_month ON financing_attendance (month);
