-- 0022: programme review (сертификация программ, issue 15). A provider keeps its own
-- programmes and groups and submits them; the operator approves a programme or returns it
-- with remarks.
--
-- `financing_programmes` (0003) stays what families see: the navigator and enrolment read
-- only it, and a programme is written there only when the operator approves it (or when the
-- operator's registry import puts it there, which counts as approved). So a programme that
-- is not approved can never be found or enrolled in, and an edit of an approved programme is
-- reviewed while the approved version stays public.
--
-- * `financing_programme_reviews` — one row per programme in review: its state, its
--   revision (every step makes a new one: two people acting on one revision cannot both
--   win, the second gets `revision-moved`) and the working version (`draft`). A programme
--   of the public registry that was never reviewed has no row until its provider first
--   edits it;
-- * `financing_programme_review_events` — the history: who did which step, when, and the
--   operator's remarks; one row per revision (PRIMARY KEY), append-only by the application.
--
-- A group's places are never below the places taken: `financing_groups_places`
-- (`taken <= capacity`, 0003) refuses a publication that would lower them, whatever
-- enrolments run at the same moment, and the publication locks the programme's groups
-- before it checks them, so the refusal names the group.

CREATE TABLE financing_programme_reviews (
  programme_id text PRIMARY KEY CHECK (length(programme_id) > 0),
  provider_id text NOT NULL REFERENCES financing_providers (id),
  state text NOT NULL CHECK (state IN ('draft', 'submitted', 'approved', 'returned')),
  revision integer NOT NULL CHECK (revision >= 1),
  draft jsonb NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE INDEX financing_programme_reviews_state
  ON financing_programme_reviews (state, updated_at);
CREATE INDEX financing_programme_reviews_provider
  ON financing_programme_reviews (provider_id, state);

CREATE TABLE financing_programme_review_events (
  programme_id text NOT NULL
    REFERENCES financing_programme_reviews (programme_id) ON DELETE CASCADE,
  revision integer NOT NULL CHECK (revision >= 1),
  action text NOT NULL
    CHECK (action IN ('create', 'edit', 'submit', 'withdraw', 'approve', 'return')),
  from_state text CHECK (from_state IN ('draft', 'submitted', 'approved', 'returned')),
  to_state text NOT NULL CHECK (to_state IN ('draft', 'submitted', 'approved', 'returned')),
  actor_account_id text,
  actor_name text NOT NULL CHECK (length(actor_name) > 0),
  at timestamptz NOT NULL,
  remarks text CHECK (remarks IS NULL OR length(remarks) BETWEEN 1 AND 4000),
  PRIMARY KEY (programme_id, revision),
  CONSTRAINT financing_programme_review_events_remarks
    CHECK ((action = 'return') = (remarks IS NOT NULL))
);

-- A programme's groups, locked and checked on publication and shown in the desks.
CREATE INDEX financing_groups_programme ON financing_groups (programme_id);
