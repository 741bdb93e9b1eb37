-- Local accounts and their sessions (issue 20 point 4). The same SQL runs on PGlite and on a
-- PostgreSQL server.

-- One row per person. Never deleted: a leaver is disabled, so the audit's actor names stay
-- meaningful and a name is never handed to someone else.
CREATE TABLE accounts (
  username    text PRIMARY KEY CHECK (username ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
  roles       text[] NOT NULL CHECK (cardinality(roles) >= 1
                AND roles <@ ARRAY['policy-lead', 'practitioner', 'data-team', 'administrator']::text[]),
  -- scrypt$N$r$p$salt$hash (runtime/node/accounts/password.ts): the parameters travel with the hash.
  password    text NOT NULL CHECK (password LIKE 'scrypt$%'),
  created_at  timestamptz NOT NULL DEFAULT now(),
  disabled_at timestamptz
);

-- A session is found by the sha256 of its random id: the id itself lives only in the browser's
-- HttpOnly cookie, so a copy of this table opens no session.
CREATE TABLE sessions (
  id_sha256  text PRIMARY KEY,
  username   text NOT NULL REFERENCES accounts (username),
  -- The per-session token every write must send back (X-CSRF-Token).
  csrf       text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (username);
