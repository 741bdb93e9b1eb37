-- A session also ends after a time with no request (issue 20: an idle timeout besides the 8 hours):
-- a browser left signed in on a shared office computer does not stay open all day.
ALTER TABLE sessions ADD COLUMN last_seen_at timestamptz NOT NULL DEFAULT now();
