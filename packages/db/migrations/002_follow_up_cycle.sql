-- The follow-up cycle: deadlines and sections per follow-up, the parts people report, users and
-- roles, sessions, the audit trail, a job queue, and the immutability of decided follow-ups.

ALTER TABLE follow_ups
  ADD COLUMN opens_on date,
  ADD COLUMN deadlines jsonb NOT NULL DEFAULT '{}',
  ADD COLUMN sections jsonb NOT NULL DEFAULT '["goals", "indicators", "activities", "assignments"]',
  ADD COLUMN version int NOT NULL DEFAULT 1,
  ADD COLUMN supersedes_id uuid REFERENCES follow_ups (id) ON DELETE CASCADE,
  ADD COLUMN approved_by uuid,
  ADD COLUMN approved_at timestamptz,
  ADD COLUMN decided_by uuid,
  ADD COLUMN decided_at timestamptz;

-- One part of a follow-up that someone reports: a goal's assessment, an indicator's values, an
-- activity's or an assignment's status. `content` is validated by the domain schema of its kind.
CREATE TABLE report_parts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
  follow_up_id uuid NOT NULL REFERENCES follow_ups (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('goal', 'indicator', 'activity', 'assignment')),
  subject_id uuid NOT NULL,
  -- The unit responsible for the subject, copied when the part is created (history keeps its unit).
  unit_id uuid REFERENCES org_units (id) ON DELETE SET NULL,
  status text NOT NULL DEFAULT 'not-started' CHECK (status IN ('not-started', 'draft', 'ready', 'returned', 'approved')),
  version int NOT NULL DEFAULT 1,
  content jsonb NOT NULL DEFAULT '{}',
  return_comment text,
  updated_by uuid,
  updated_at timestamptz,
  ready_at timestamptz,
  reviewed_by uuid,
  reviewed_at timestamptz,
  UNIQUE (follow_up_id, kind, subject_id)
);
CREATE INDEX report_parts_unit ON report_parts (follow_up_id, unit_id);

CREATE TABLE follow_up_snapshots (
  follow_up_id uuid PRIMARY KEY REFERENCES follow_ups (id) ON DELETE CASCADE,
  taken_at timestamptz NOT NULL DEFAULT now(),
  content jsonb NOT NULL,
  sha256 text NOT NULL
);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL,
  name text NOT NULL,
  password_hash text,
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_login_at timestamptz
);
CREATE UNIQUE INDEX users_email ON users (lower(email));

-- Single sign-on identities: a user is known by issuer + subject, never by e-mail alone.
CREATE TABLE user_identities (
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  issuer text NOT NULL,
  subject text NOT NULL,
  PRIMARY KEY (issuer, subject)
);

CREATE TABLE role_grants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  municipality_id uuid NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('admin', 'controller', 'head-of-administration', 'reporter', 'reader')),
  scope_kind text NOT NULL CHECK (scope_kind IN ('municipality', 'board', 'administration', 'org-unit', 'goal')),
  scope_id uuid NOT NULL,
  UNIQUE (user_id, role, scope_kind, scope_id)
);
CREATE INDEX role_grants_user ON role_grants (user_id);

-- Server-side sessions; the cookie holds a random token, the table only its SHA-256.
CREATE TABLE sessions (
  id_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

-- The audit trail: append-only, chained per municipality by SHA-256 over the previous hash and the
-- entry. It has no foreign keys on purpose: it outlives what it describes.
CREATE TABLE audit_log (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  chain text NOT NULL,
  occurred_at timestamptz NOT NULL,
  actor_id uuid,
  actor_name text,
  action text NOT NULL,
  entity_kind text NOT NULL,
  entity_id uuid NOT NULL,
  summary text,
  before jsonb,
  after jsonb,
  prev_hash text NOT NULL,
  hash text NOT NULL UNIQUE
);
CREATE INDEX audit_log_entity ON audit_log (entity_kind, entity_id, seq);
CREATE INDEX audit_log_chain ON audit_log (chain, seq);

CREATE FUNCTION arshjul_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'Granskningsloggen kan inte ändras' USING ERRCODE = 'P0001';
END $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION arshjul_audit_append_only();

-- Background jobs (e-mail reminders first). Any server node may take one with FOR UPDATE SKIP LOCKED.
CREATE TABLE jobs (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL,
  payload jsonb NOT NULL,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  attempts int NOT NULL DEFAULT 0,
  run_after timestamptz NOT NULL DEFAULT now(),
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX jobs_queued ON jobs (run_after) WHERE status = 'queued';

-- Decided follow-ups are official records. The database itself refuses to change them: no update of
-- a decided follow-up, no insert, update or delete of its parts, assessments or snapshot. A decided
-- row disappears only with its whole municipality (a cascade, seen as trigger depth > 1).
CREATE FUNCTION arshjul_guard_decided_follow_up() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
    RETURN OLD;
  END IF;
  IF OLD.status = 'decided' THEN
    RAISE EXCEPTION 'Uppföljningen % är beslutad och kan inte ändras', OLD.key USING ERRCODE = 'P0001';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER follow_ups_guard_decided BEFORE UPDATE OR DELETE ON follow_ups
  FOR EACH ROW EXECUTE FUNCTION arshjul_guard_decided_follow_up();

CREATE FUNCTION arshjul_guard_decided_child() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  fu_id uuid;
  fu_key text;
BEGIN
  IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
    RETURN OLD;
  END IF;
  fu_id := CASE WHEN TG_OP = 'INSERT' THEN NEW.follow_up_id ELSE OLD.follow_up_id END;
  SELECT key INTO fu_key FROM follow_ups WHERE id = fu_id AND status = 'decided';
  IF FOUND THEN
    RAISE EXCEPTION 'Uppföljningen % är beslutad och kan inte ändras', fu_key USING ERRCODE = 'P0001';
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.follow_up_id <> OLD.follow_up_id THEN
    SELECT key INTO fu_key FROM follow_ups WHERE id = NEW.follow_up_id AND status = 'decided';
    IF FOUND THEN
      RAISE EXCEPTION 'Uppföljningen % är beslutad och kan inte ändras', fu_key USING ERRCODE = 'P0001';
    END IF;
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER report_parts_guard_decided BEFORE INSERT OR UPDATE OR DELETE ON report_parts
  FOR EACH ROW EXECUTE FUNCTION arshjul_guard_decided_child();
CREATE TRIGGER assessments_guard_decided BEFORE INSERT OR UPDATE OR DELETE ON assessments
  FOR EACH ROW EXECUTE FUNCTION arshjul_guard_decided_child();

CREATE FUNCTION arshjul_snapshot_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'Ett beslutat underlag kan inte ändras' USING ERRCODE = 'P0001';
END $$;
CREATE TRIGGER follow_up_snapshots_immutable BEFORE UPDATE OR DELETE ON follow_up_snapshots
  FOR EACH ROW EXECUTE FUNCTION arshjul_snapshot_immutable();

-- A new year is made from the previous one by carrying goals and open assignments over; the new
-- rows point back at the ones they came from, so history stays with the old year.
ALTER TABLE board_goals ADD COLUMN carried_from_id uuid REFERENCES board_goals (id) ON DELETE SET NULL;
ALTER TABLE assignments ADD COLUMN carried_from_id uuid REFERENCES assignments (id) ON DELETE SET NULL;
