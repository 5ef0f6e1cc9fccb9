-- 0013: the instance's secret for the links sent to parents (issue 14).
--
-- A parent's links — manage a booking, answer the survey after it — must work from an e-mail
-- sent later by any server process, and a retried booking request (the idempotency key) must
-- answer the same link again. The links' tokens are therefore derived, not drawn: HMAC-SHA-256
-- of the purpose and the booking's id under this secret (packages/adapters/src/storage/
-- link-tokens.ts). Only the token's SHA-256 is stored with the booking, as before.
--
-- The secret is made by the first process that needs it (32 random bytes from Node's crypto,
-- inserted ON CONFLICT DO NOTHING, then read back), so every process of one database holds
-- the same one. Replacing it invalidates every link already sent.

CREATE TABLE instance_secrets (
  name text PRIMARY KEY CHECK (length(name) > 0),
  value bytea NOT NULL CHECK (length(value) >= 32),
  created_at timestamptz NOT NULL DEFAULT now()
);

REVOKE UPDATE, DELETE ON instance_secrets FROM PUBLIC;
