-- Foundation: municipalities, organisation, goals, indicators, assignments, follow-ups, assessments.
-- Every row belongs to one municipality (municipality_id), so several municipalities share one
-- installation fully separated. Runs on PostgreSQL 15 and on PGlite (PostgreSQL 18).

CREATE TABLE municipalities (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE CHECK (code ~ '^[0-9]{4}$'),
  name text NOT NULL,
  vision text,
  settings jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE data_sources (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
  file text NOT NULL,
  title text,
  notes jsonb NOT NULL DEFAULT '[]',
  loaded_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (municipality_id, file)
);

CREATE TABLE boards (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
  key text NOT NULL,
  name text NOT NULL,
  short_name text NOT NULL,
  description text,
  UNIQUE (municipality_id, key)
);

CREATE TABLE administrations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
  board_id uuid NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
  key text NOT NULL,
  name text NOT NULL,
  short_name text,
  valid_from date NOT NULL,
  valid_to date,
  UNIQUE (municipality_id, key),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

CREATE TABLE org_units (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
  administration_id uuid NOT NULL REFERENCES administrations (id) ON DELETE CASCADE,
  parent_id uuid REFERENCES org_units (id) ON DELETE CASCADE,
  key text NOT NULL,
  code text,
  name text NOT NULL,
  kind text NOT NULL,
  valid_from date NOT NULL,
  valid_to date,
  UNIQUE (municipality_id, key),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX org_units_parent ON org_units (parent_id);

CREATE TABLE plan_periods (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
  key text NOT NULL,
  name text NOT NULL,
  start_year int NOT NULL,
  end_year int NOT NULL,
  UNIQUE (municipality_id, key),
  CHECK (end_year >= start_year)
);

CREATE TABLE goal_areas (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
  key text NOT NULL,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('goal-area', 'priority-area')),
  description text,
  sort_order int NOT NULL,
  UNIQUE (municipality_id, key)
);

CREATE TABLE municipal_goals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
  goal_area_id uuid NOT NULL REFERENCES goal_areas (id) ON DELETE CASCADE,
  key text NOT NULL,
  name text NOT NULL,
  description text,
  sort_order int NOT NULL,
  UNIQUE (municipality_id, key)
);

CREATE TABLE board_goals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
  board_id uuid NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
  key text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('goal', 'initiative')),
  title text NOT NULL,
  description text,
  purpose text,
  financing_text text,
  financing_amount_kronor bigint,
  start_year int NOT NULL,
  end_year int NOT NULL,
  goal_area_id uuid REFERENCES goal_areas (id) ON DELETE SET NULL,
  responsible_unit_id uuid REFERENCES org_units (id) ON DELETE SET NULL,
  lead_responsibility text,
  agenda2030 jsonb NOT NULL DEFAULT '[]',
  sort_order int NOT NULL,
  UNIQUE (municipality_id, key),
  CHECK (end_year >= start_year)
);
CREATE INDEX board_goals_board_years ON board_goals (board_id, start_year, end_year);

CREATE TABLE board_goal_parents (
  board_goal_id uuid NOT NULL REFERENCES board_goals (id) ON DELETE CASCADE,
  municipal_goal_id uuid NOT NULL REFERENCES municipal_goals (id) ON DELETE CASCADE,
  sort_order int NOT NULL,
  PRIMARY KEY (board_goal_id, municipal_goal_id)
);

CREATE TABLE activities (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
  goal_id uuid NOT NULL REFERENCES board_goals (id) ON DELETE CASCADE,
  key text NOT NULL,
  year int NOT NULL,
  title text NOT NULL,
  description text,
  status text NOT NULL CHECK (status IN ('ej-paborjad', 'pagar', 'genomford', 'kvarstar', 'utgatt')),
  responsible_unit_id uuid REFERENCES org_units (id) ON DELETE SET NULL,
  sort_order int NOT NULL,
  UNIQUE (municipality_id, key)
);
CREATE INDEX activities_goal ON activities (goal_id);

CREATE TABLE assignments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
  board_id uuid NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
  key text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('investigation', 'additional', 'strategic-common', 'strategic-board', 'board')),
  year int NOT NULL,
  title text NOT NULL,
  description text,
  given_by text,
  decision_ref text,
  due_text text,
  due_date date,
  goal_area_id uuid REFERENCES goal_areas (id) ON DELETE SET NULL,
  goal_id uuid REFERENCES board_goals (id) ON DELETE SET NULL,
  responsible_unit_id uuid REFERENCES org_units (id) ON DELETE SET NULL,
  carried_over_from_year int,
  sort_order int NOT NULL,
  UNIQUE (municipality_id, key)
);
CREATE INDEX assignments_board_year ON assignments (board_id, year);

CREATE TABLE assignment_updates (
  assignment_id uuid NOT NULL REFERENCES assignments (id) ON DELETE CASCADE,
  seq int NOT NULL,
  date date NOT NULL,
  status text NOT NULL CHECK (status IN ('ej-paborjad', 'paborjad', 'pagar', 'genomford', 'kvarstar', 'inte-aktuellt', 'overfors')),
  comment text,
  transferred_to_year int,
  PRIMARY KEY (assignment_id, seq)
);

CREATE TABLE indicators (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
  board_id uuid NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
  key text NOT NULL,
  name text NOT NULL,
  description text,
  unit text NOT NULL,
  unit_label text,
  direction text CHECK (direction IN ('increase', 'decrease', 'maintain', 'at-least', 'at-most')),
  source jsonb NOT NULL,
  kolada_kpi_id text,
  decimals int NOT NULL CHECK (decimals BETWEEN 0 AND 4),
  scope text,
  publication_lag_years int NOT NULL DEFAULT 0,
  lag_note text,
  breakdowns jsonb NOT NULL DEFAULT '[]',
  sort_order int NOT NULL,
  UNIQUE (municipality_id, key)
);
CREATE INDEX indicators_kolada ON indicators (kolada_kpi_id) WHERE kolada_kpi_id IS NOT NULL;

CREATE TABLE indicator_goals (
  indicator_id uuid NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
  goal_id uuid NOT NULL REFERENCES board_goals (id) ON DELETE CASCADE,
  PRIMARY KEY (indicator_id, goal_id)
);
CREATE INDEX indicator_goals_goal ON indicator_goals (goal_id);

-- Values are stored as numeric: exact decimals as published ("5,58"), never binary fractions.
CREATE TABLE indicator_values (
  indicator_id uuid NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
  year int NOT NULL,
  breakdown text NOT NULL DEFAULT 'total',
  value numeric,
  status text NOT NULL CHECK (status IN ('final', 'preliminary', 'missing')),
  reference_year int,
  note text,
  PRIMARY KEY (indicator_id, year, breakdown),
  CHECK ((status = 'missing') = (value IS NULL))
);

CREATE TABLE indicator_targets (
  indicator_id uuid NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
  year int NOT NULL,
  breakdown text NOT NULL DEFAULT 'total',
  value numeric,
  text text,
  PRIMARY KEY (indicator_id, year, breakdown),
  CHECK (value IS NOT NULL OR text IS NOT NULL)
);

CREATE TABLE follow_ups (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
  board_id uuid NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
  administration_id uuid REFERENCES administrations (id) ON DELETE SET NULL,
  key text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('business-plan', 'monthly', 'tertial', 'interim', 'annual')),
  year int NOT NULL,
  period_end date NOT NULL,
  title text NOT NULL,
  status text NOT NULL CHECK (status IN ('planned', 'open', 'in-review', 'approved', 'decided')),
  decision_ref text,
  decided_on date,
  source_document text,
  UNIQUE (municipality_id, key)
);
CREATE INDEX follow_ups_board_year ON follow_ups (board_id, year);

CREATE TABLE assessments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
  goal_id uuid NOT NULL REFERENCES board_goals (id) ON DELETE CASCADE,
  follow_up_id uuid NOT NULL REFERENCES follow_ups (id) ON DELETE CASCADE,
  level text,
  trend text CHECK (trend IN ('improving', 'unchanged', 'worsening')),
  forecast_level text,
  forecast_text text,
  analysis text,
  deviations jsonb NOT NULL DEFAULT '[]',
  examples jsonb NOT NULL DEFAULT '[]',
  UNIQUE (goal_id, follow_up_id)
);
CREATE INDEX assessments_follow_up ON assessments (follow_up_id);
