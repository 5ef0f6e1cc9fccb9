-- 0012: staff identity (issue 13 §2): accounts, their grants, sessions and invitations.
--
-- Secrets are never stored as they are: a password is an argon2id hash (PHC string) made by
-- the server; a session token and an invitation token are kept only as the hex SHA-256 of
-- the token, so a copy of the database signs nobody in.

CREATE TABLE accounts (
  id text PRIMARY KEY,
  -- Unique whatever the case: `Ivanova` and `ivanova` are one account.
  login text NOT NULL CHECK (length(login) BETWEEN 1 AND 100),
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  password_hash text,
  oidc_issuer text,
  oidc_subject text,
  disabled_at timestamptz,
  created_at timestamptz NOT NULL,
  CHECK ((oidc_issuer IS NULL) = (oidc_subject IS NULL))
);

CREATE UNIQUE INDEX accounts_login_unique ON accounts (lower(login));
CREATE UNIQUE INDEX accounts_oidc_unique ON accounts (oidc_issuer, oidc_subject)
  WHERE oidc_issuer IS NOT NULL;

-- Core's `Grant`: a role in a network, narrowed to an organization, site, specialist or
-- teacher. Validated with core's `grantSchema` before it is written.
CREATE TABLE account_grants (
  account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  position integer NOT NULL CHECK (position >= 0),
  role text NOT NULL,
  network_id text NOT NULL,
  organization_id text,
  site_id text,
  specialist_id text,
  teacher_id text,
  PRIMARY KEY (account_id, position)
);

CREATE TABLE sessions (
  id text PRIMARY KEY,
  token_hash text NOT NULL UNIQUE CHECK (length(token_hash) = 64),
  account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  -- The absolute timeout: the session ends then, however active.
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);

CREATE INDEX sessions_account ON sessions (account_id);
CREATE INDEX sessions_expires_at ON sessions (expires_at);

CREATE TABLE invitations (
  token_hash text PRIMARY KEY CHECK (length(token_hash) = 64),
  account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  -- Set once, by the one consumer that wins (an UPDATE … WHERE used_at IS NULL).
  used_at timestamptz
);

CREATE INDEX invitations_account ON invitations (account_id);
