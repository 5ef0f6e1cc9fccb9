-- 0003: personalized financing (issue 4): programme registry, certificates, balances, the
-- ledger of every movement and enrolment contracts.
--
-- Correctness under concurrent writers is PostgreSQL's job (PGlite included):
-- * a certificate's balance per period is one row whose parts can never go negative and
--   always obey the balance law `issued − lapsed = available + reserved + spent` (CHECK);
--   money moves with conditional UPDATEs (`… WHERE available >= amount`), so two requests
--   racing for the last roubles cannot both take them;
-- * a group's places, a programme's enrolment limit, a payer's direction limit and a
--   certificate group's funded places are counters with CHECK (taken <= limit);
-- * one live contract per certificate and module (partial UNIQUE index);
-- * every movement is a row of `financing_ledger` with a deterministic id, so billing a
--   month twice posts nothing the second time, and every balance can be recomputed from it.

CREATE TABLE financing_providers (
  id text PRIMARY KEY CHECK (length(id) > 0),
  name text NOT NULL,
  kind text NOT NULL,
  district text
);

CREATE TABLE financing_programmes (
  id text PRIMARY KEY CHECK (length(id) > 0),
  provider_id text NOT NULL REFERENCES financing_providers (id),
  name text NOT NULL,
  funding_kind text NOT NULL CHECK (funding_kind IN ('budget', 'paid', 'funded')),
  direction text NOT NULL,
  age_from integer NOT NULL,
  age_to integer NOT NULL,
  max_enrolments integer CHECK (max_enrolments IS NULL OR max_enrolments >= 0),
  enrolments integer NOT NULL DEFAULT 0,
  document jsonb NOT NULL,
  CONSTRAINT financing_programmes_limit
    CHECK (enrolments >= 0 AND (max_enrolments IS NULL OR enrolments <= max_enrolments))
);

CREATE INDEX financing_programmes_kind ON financing_programmes (funding_kind, direction);

CREATE TABLE financing_groups (
  id text PRIMARY KEY CHECK (length(id) > 0),
  programme_id text NOT NULL REFERENCES financing_programmes (id) ON DELETE CASCADE,
  module_id text NOT NULL,
  capacity integer NOT NULL CHECK (capacity >= 1),
  taken integer NOT NULL DEFAULT 0,
  CONSTRAINT financing_groups_places CHECK (taken >= 0 AND taken <= capacity)
);

CREATE TABLE financing_direction_limits (
  direction text PRIMARY KEY,
  max_enrolments integer NOT NULL CHECK (max_enrolments >= 0),
  enrolments integer NOT NULL DEFAULT 0,
  CONSTRAINT financing_direction_limits_cap CHECK (enrolments >= 0 AND enrolments <= max_enrolments)
);

CREATE TABLE certificate_groups (
  id text PRIMARY KEY CHECK (length(id) > 0),
  document jsonb NOT NULL,
  period text NOT NULL,
  funded_places integer NOT NULL CHECK (funded_places >= 0),
  funded_count integer NOT NULL DEFAULT 0,
  CONSTRAINT certificate_groups_funded CHECK (funded_count >= 0 AND funded_count <= funded_places)
);

CREATE TABLE certificates (
  id text PRIMARY KEY CHECK (length(id) > 0),
  number text NOT NULL UNIQUE CHECK (number ~ '^[0-9]{6,12}$'),
  birth_date date NOT NULL,
  group_id text NOT NULL REFERENCES certificate_groups (id),
  kind text NOT NULL CHECK (kind IN ('record', 'funded')),
  status text NOT NULL CHECK (status IN ('issued', 'active', 'suspended', 'closed')),
  document jsonb NOT NULL
);

CREATE TABLE certificate_balances (
  certificate_id text NOT NULL REFERENCES certificates (id) ON DELETE CASCADE,
  period text NOT NULL,
  issued numeric(14, 2) NOT NULL DEFAULT 0,
  lapsed numeric(14, 2) NOT NULL DEFAULT 0,
  available numeric(14, 2) NOT NULL DEFAULT 0,
  reserved numeric(14, 2) NOT NULL DEFAULT 0,
  spent numeric(14, 2) NOT NULL DEFAULT 0,
  PRIMARY KEY (certificate_id, period),
  CONSTRAINT certificate_balances_not_negative
    CHECK (issued >= 0 AND lapsed >= 0 AND available >= 0 AND reserved >= 0 AND spent >= 0),
  CONSTRAINT certificate_balances_law CHECK (issued - lapsed = available + reserved + spent)
);

CREATE TABLE financing_ledger (
  seq bigint GENERATED ALWAYS AS IDENTITY,
  id text PRIMARY KEY CHECK (length(id) > 0),
  certificate_id text NOT NULL REFERENCES certificates (id) ON DELETE CASCADE,
  period text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('issue', 'reserve', 'release', 'debit', 'refund', 'lapse')),
  amount numeric(14, 2) NOT NULL CHECK (amount > 0),
  contract_id text,
  provider_id text,
  month text CHECK (month IS NULL OR month ~ '^[0-9]{4}-[0-9]{2}$'),
  posted_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX financing_ledger_balance ON financing_ledger (certificate_id, period, seq);
CREATE INDEX financing_ledger_month ON financing_ledger (month, provider_id) WHERE month IS NOT NULL;

CREATE TABLE financing_contracts (
  id text PRIMARY KEY CHECK (length(id) > 0),
  certificate_id text NOT NULL REFERENCES certificates (id),
  period text NOT NULL,
  programme_id text NOT NULL REFERENCES financing_programmes (id),
  module_id text NOT NULL,
  group_id text NOT NULL REFERENCES financing_groups (id),
  provider_id text NOT NULL,
  direction text NOT NULL,
  status text NOT NULL CHECK (
    status IN ('requested', 'accepted', 'active', 'closed', 'refused', 'lapsed')
  ),
  requested_on date NOT NULL,
  document jsonb NOT NULL
);

CREATE UNIQUE INDEX financing_contracts_one_per_module
  ON financing_contracts (certificate_id, module_id)
  WHERE status IN ('requested', 'accepted', 'active');
CREATE INDEX financing_contracts_status ON financing_contracts (status, provider_id);
