-- 0025: the family's cabinet and the families' applications for a certificate (issue 15 §2).
--
-- * `family_sessions`: the cabinet stays open after the certificate number and the child's
--   birth date were checked. A session is a random 256-bit token the family's browser sends
--   in the `Authorization: Bearer …` header (never in an address, so never in a log); only
--   its SHA-256 is stored, with the certificate it opens and when it expires (30 minutes
--   after the check). Signing out deletes the row: the token stops working at once on every
--   server process. Expired rows are deleted when a new session is opened.
-- * `certificate_applications`: a family applies for a certificate online. The child's name
--   and birth date, the address and the parent's e-mail are personal data: the columns keep
--   no statistics (ANALYZE would copy values into pg_statistic, where erasure does not reach)
--   and are set to NULL on erasure (a withdrawn application at once; a decided one on the
--   operator's request), after which the table is rewritten (VACUUM FULL). The family reads
--   its application with a random code given once; only the code's SHA-256 is stored.
--   Confirming an application issues a record certificate in the same transaction; its
--   number comes from `certificate_application_numbers`.

CREATE TABLE family_sessions (
  token_hash text PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  certificate_id text NOT NULL REFERENCES certificates (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  CONSTRAINT family_sessions_lifetime CHECK (expires_at > created_at)
);

CREATE INDEX family_sessions_expiry ON family_sessions (expires_at);
CREATE INDEX family_sessions_certificate ON family_sessions (certificate_id);

-- Numbers of certificates issued on applications (6–12 digits, like every certificate number).
CREATE SEQUENCE certificate_application_numbers
  START WITH 6800500001 MINVALUE 100000 MAXVALUE 999999999999 NO CYCLE;

CREATE TABLE certificate_applications (
  id text PRIMARY KEY CHECK (id ~ '^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$'),
  code_hash text NOT NULL CHECK (code_hash ~ '^[0-9a-f]{64}$'),
  status text NOT NULL CHECK (status IN ('submitted', 'confirmed', 'refused', 'withdrawn')),
  submitted_at timestamptz NOT NULL,
  consent_version text NOT NULL CHECK (length(consent_version) BETWEEN 1 AND 64),
  child_name text CHECK (length(child_name) BETWEEN 1 AND 200),
  birth_date date,
  address text CHECK (length(address) BETWEEN 1 AND 300),
  email text CHECK (length(email) BETWEEN 3 AND 254),
  decided_at timestamptz,
  decided_by text CHECK (length(decided_by) BETWEEN 1 AND 200),
  refusal_reason text CHECK (length(refusal_reason) BETWEEN 1 AND 500),
  certificate_id text REFERENCES certificates (id) ON DELETE SET NULL,
  certificate_number text CHECK (certificate_number ~ '^[0-9]{6,12}$'),
  erased_at timestamptz,
  -- The personal data is there in full, or (after erasure) not at all.
  CONSTRAINT certificate_applications_personal CHECK (
    (erased_at IS NULL AND child_name IS NOT NULL AND birth_date IS NOT NULL
      AND address IS NOT NULL AND email IS NOT NULL)
    OR (erased_at IS NOT NULL AND child_name IS NULL AND birth_date IS NULL
      AND address IS NULL AND email IS NULL)
  ),
  -- A waiting application has no decision; a refused one has its reason; a confirmed one its
  -- certificate's number.
  CONSTRAINT certificate_applications_decision CHECK (
    (status = 'submitted') = (decided_at IS NULL)
    AND (status <> 'refused' OR refusal_reason IS NOT NULL)
    AND (status <> 'confirmed' OR certificate_number IS NOT NULL)
  )
);

CREATE INDEX certificate_applications_queue ON certificate_applications (status, submitted_at, id);
CREATE UNIQUE INDEX certificate_applications_certificate
  ON certificate_applications (certificate_id) WHERE certificate_id IS NOT NULL;

ALTER TABLE certificate_applications ALTER COLUMN child_name SET STATISTICS 0;
ALTER TABLE certificate_applications ALTER COLUMN birth_date SET STATISTICS 0;
ALTER TABLE certificate_applications ALTER COLUMN address SET STATISTICS 0;
ALTER TABLE certificate_applications ALTER COLUMN email SET STATISTICS 0;
