-- Personnel figures and internal control (issue 5).

-- One loaded HR file or seeded data set; a new import of the same scope replaces it, like economy imports.
CREATE TABLE personnel_imports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
  scope text NOT NULL,
  source_kind text NOT NULL CHECK (source_kind IN ('csv', 'xlsx', 'seed')),
  file_name text NOT NULL,
  file_sha256 text,
  row_count int NOT NULL,
  imported_by uuid REFERENCES users (id) ON DELETE SET NULL,
  imported_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (municipality_id, scope)
);

-- A figure for a unit, an administration or the whole municipality: the underlying quantities
-- (numerator, denominator) where an HR export gives them, else the printed value.
CREATE TABLE personnel_figures (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  import_id uuid NOT NULL REFERENCES personnel_imports (id) ON DELETE CASCADE,
  municipality_id uuid NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
  scope_kind text NOT NULL CHECK (scope_kind IN ('org-unit', 'administration', 'municipality')),
  scope_id uuid NOT NULL,
  measure text NOT NULL,
  year int NOT NULL CHECK (year BETWEEN 1990 AND 2100),
  period text CHECK (period ~ '^[0-9]{4}-[0-9]{2}$'),
  breakdown text NOT NULL DEFAULT '',
  numerator numeric CHECK (numerator >= 0),
  denominator numeric CHECK (denominator >= 0),
  value numeric,
  CHECK (numerator IS NOT NULL OR value IS NOT NULL),
  UNIQUE NULLS NOT DISTINCT (import_id, scope_kind, scope_id, measure, year, period, breakdown)
);
CREATE INDEX personnel_figures_scope ON personnel_figures (municipality_id, scope_kind, scope_id, year);

-- The risk register of a board.
CREATE TABLE risks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
  board_id uuid NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
  key text NOT NULL,
  title text NOT NULL,
  description text,
  probability int NOT NULL CHECK (probability >= 1),
  consequence int NOT NULL CHECK (consequence >= 1),
  owner text,
  identified_year int NOT NULL,
  version int NOT NULL DEFAULT 1,
  UNIQUE (municipality_id, key)
);

-- The year's control plan: each control (kontrollmoment), optionally for a risk; carried over
-- between years like assignments.
CREATE TABLE controls (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
  board_id uuid NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
  key text NOT NULL,
  year int NOT NULL,
  risk_id uuid REFERENCES risks (id) ON DELETE SET NULL,
  title text NOT NULL,
  method text,
  responsible text,
  frequency text,
  mandatory boolean NOT NULL DEFAULT false,
  carried_from_id uuid REFERENCES controls (id) ON DELETE SET NULL,
  version int NOT NULL DEFAULT 1,
  UNIQUE (municipality_id, key)
);
CREATE INDEX controls_board_year ON controls (board_id, year);

-- A control's follow-up in an interim or annual follow-up, assessed on the goals' signal scale.
CREATE TABLE control_follow_ups (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
  control_id uuid NOT NULL REFERENCES controls (id) ON DELETE CASCADE,
  follow_up_id uuid NOT NULL REFERENCES follow_ups (id) ON DELETE CASCADE,
  result text,
  level text,
  action text,
  returns_next_year boolean NOT NULL DEFAULT false,
  version int NOT NULL DEFAULT 1,
  updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (control_id, follow_up_id)
);
CREATE TRIGGER control_follow_ups_guard_decided BEFORE INSERT OR UPDATE OR DELETE ON control_follow_ups
  FOR EACH ROW EXECUTE FUNCTION arshjul_guard_decided_child();

-- The overall assessment of internal control in a follow-up.
CREATE TABLE internal_control_assessments (
  follow_up_id uuid PRIMARY KEY REFERENCES follow_ups (id) ON DELETE CASCADE,
  municipality_id uuid NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
  text text NOT NULL,
  version int NOT NULL DEFAULT 1,
  updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER internal_control_assessments_guard_decided BEFORE INSERT OR UPDATE OR DELETE ON internal_control_assessments
  FOR EACH ROW EXECUTE FUNCTION arshjul_guard_decided_child();
