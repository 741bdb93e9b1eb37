-- Responses, each version of them, and the audit log (issue 20). The same SQL runs on PGlite and
-- on a PostgreSQL server.

-- The head of each response: what it is now. Its versions and audit rows never change.
CREATE TABLE responses (
  response_id      text PRIMARY KEY,
  form_id          text NOT NULL,
  form_version     text NOT NULL,
  form_sha256      text NOT NULL,
  status           text NOT NULL CHECK (status IN ('in-progress', 'completed')),
  current_version  integer NOT NULL CHECK (current_version >= 1),
  -- sha256 of the canonical JSON of the first submission: a retry of it is recognised, another
  -- body under the same responseId is a conflict.
  submitted_sha256 text NOT NULL,
  started_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  completed_at     timestamptz,
  stored_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX responses_by_form ON responses (form_id, form_version, status, response_id);

-- Every version of every response: the response envelope with sensitive answers taken out of
-- `answers`, and those answers sealed (AES-256-GCM) in `sealed`.
CREATE TABLE response_versions (
  response_id text NOT NULL REFERENCES responses (response_id),
  version     integer NOT NULL CHECK (version >= 1),
  status      text NOT NULL CHECK (status IN ('in-progress', 'completed')),
  envelope    jsonb NOT NULL,
  sealed      text,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (response_id, version)
);

-- Who did what, when and why: create, correct, status, export. Append-only.
CREATE TABLE audit (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT now(),
  actor       text NOT NULL,
  action      text NOT NULL CHECK (action IN ('create', 'correct', 'status', 'export')),
  response_id text REFERENCES responses (response_id),
  version     integer,
  reason      text,
  -- RFC 6902 JSON Patch from the previous version; values of sensitive answers sealed.
  patch       jsonb,
  detail      jsonb
);
CREATE INDEX audit_by_response ON audit (response_id, id);

-- History is never rewritten: UPDATE, DELETE and TRUNCATE of the audit and of stored versions
-- are refused by the database itself, whatever client asks.
CREATE FUNCTION refuse_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'append-only: % on % refused', TG_OP, TG_TABLE_NAME USING ERRCODE = 'AS001';
END
$$;
CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit
  FOR EACH ROW EXECUTE FUNCTION refuse_rewrite();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_rewrite();
CREATE TRIGGER versions_append_only BEFORE UPDATE OR DELETE ON response_versions
  FOR EACH ROW EXECUTE FUNCTION refuse_rewrite();
CREATE TRIGGER versions_no_truncate BEFORE TRUNCATE ON response_versions
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_rewrite();
