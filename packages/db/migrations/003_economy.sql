-- Economy (issue 4): operating accounts, investments, frame lists, deviation comments, reorganisations.
-- Amounts are integer öre (bigint) in the ledger's sign: costs and investment expenditure positive,
-- income negative; the allocation (kommunbidrag) positive when received. Display sign, unit and
-- rounding are the municipality's settings and are applied only when an amount is shown.

-- SCB's räkenskapssammandrag activity codes (municipality_id NULL) and municipalities' own codes.
CREATE TABLE activity_codes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid REFERENCES municipalities (id) ON DELETE CASCADE,
  code text NOT NULL CHECK (code ~ '^[0-9]{3}$'),
  label text NOT NULL,
  kind text NOT NULL DEFAULT 'verksamhet' CHECK (kind IN ('verksamhet', 'summa')),
  total_code text,
  UNIQUE NULLS NOT DISTINCT (municipality_id, code)
);

INSERT INTO activity_codes (code, label, kind, total_code) VALUES
  ('190', 'POLITISK VERKSAMHET, TOTALT', 'summa', '790'),
  ('100', 'Nämnd- och styrelseverksamhet', 'verksamhet', '190'),
  ('110', 'Stöd till politiska partier', 'verksamhet', '190'),
  ('120', 'Revision', 'verksamhet', '190'),
  ('130', 'Övrig politisk verksamhet', 'verksamhet', '190'),
  ('290', 'INFRASTRUKTUR, SKYDD m.m., TOTALT', 'summa', '790'),
  ('215', 'Fysisk och teknisk planering, bostadsförbättring', 'verksamhet', '290'),
  ('220', 'Näringslivsfrämjande åtgärder', 'verksamhet', '290'),
  ('225', 'Konsument- och energirådgivning', 'verksamhet', '290'),
  ('230', 'Turistverksamhet', 'verksamhet', '290'),
  ('249', 'Väg- och järnvägsnät, parkering', 'verksamhet', '290'),
  ('250', 'Parker', 'verksamhet', '290'),
  ('261', 'Miljö- och hälsoskydd, myndighetsutövning', 'verksamhet', '290'),
  ('263', 'Miljö- hälsa och hållbar utveckling', 'verksamhet', '290'),
  ('267', 'Alkoholtillstånd m.m.', 'verksamhet', '290'),
  ('270', 'Räddningstjänst', 'verksamhet', '290'),
  ('275', 'Totalförsvar och samhällsskydd', 'verksamhet', '290'),
  ('390', 'KULTUR OCH FRITID, TOTALT', 'summa', '790'),
  ('310', 'Stöd till studieorganisationer', 'verksamhet', '390'),
  ('315', 'Allmän kulturverksamhet, övrigt', 'verksamhet', '390'),
  ('320', 'Bibliotek', 'verksamhet', '390'),
  ('330', 'Musikskola / kulturskola', 'verksamhet', '390'),
  ('300', 'Allmän fritidsverksamhet', 'verksamhet', '390'),
  ('340', 'Idrotts- och fritidsanläggningar', 'verksamhet', '390'),
  ('350', 'Fritidsgårdar', 'verksamhet', '390'),
  ('490', 'PEDAGOGISK VERKSAMHET, TOTALT', 'summa', '790'),
  ('400', 'Öppen förskola', 'verksamhet', '490'),
  ('407', 'Förskola', 'verksamhet', '490'),
  ('412', 'Pedagogisk omsorg', 'verksamhet', '490'),
  ('415', 'Öppen fritidsverksamhet', 'verksamhet', '490'),
  ('425', 'Fritidshem', 'verksamhet', '490'),
  ('435', 'Förskoleklass', 'verksamhet', '490'),
  ('440', 'Grundskola', 'verksamhet', '490'),
  ('443', 'Anpassad grundskola', 'verksamhet', '490'),
  ('450', 'Gymnasieskola', 'verksamhet', '490'),
  ('453', 'Anpassad gymnasieskola', 'verksamhet', '490'),
  ('470', 'Grundläggande vuxenutbildning', 'verksamhet', '490'),
  ('472', 'Gymnasial vuxen- och påbyggnadsutbildning', 'verksamhet', '490'),
  ('476', 'Svenska för invandrare', 'verksamhet', '490'),
  ('474', 'Komvux anpassad utbildning', 'verksamhet', '490'),
  ('475', 'Högskoleutbildning m.m.', 'verksamhet', '490'),
  ('478', 'Uppdragsutbildning m.m.', 'verksamhet', '490'),
  ('590', 'VÅRD OCH OMSORG, TOTALT', 'summa', '790'),
  ('500', 'Primärvård', 'verksamhet', '590'),
  ('505', 'Hälso- och sjukvård, övrigt exkl. hemsjukvård', 'verksamhet', '590'),
  ('510', 'Vård och omsorg om äldre', 'verksamhet', '590'),
  ('520', 'Insatser till personer med funktionsnedsättning (ej LSS/SFB)', 'verksamhet', '590'),
  ('513', 'Insatser enligt LSS/SFB', 'verksamhet', '590'),
  ('530', 'Färdtjänst/riksfärdtjänst', 'verksamhet', '590'),
  ('559', 'Vård för vuxna med missbruksproblem', 'verksamhet', '590'),
  ('569', 'Barn och ungdomsvård', 'verksamhet', '590'),
  ('571', 'Övriga insatser till vuxna', 'verksamhet', '590'),
  ('575', 'Ekonomiskt bistånd', 'verksamhet', '590'),
  ('585', 'Familjerätt och familjerådgivning', 'verksamhet', '590'),
  ('690', 'SÄRSKILT RIKTADE INSATSER, TOTALT', 'summa', '790'),
  ('600', 'Flyktingmottagande', 'verksamhet', '690'),
  ('610', 'Arbetsmarknadsåtgärder', 'verksamhet', '690'),
  ('790', 'SUMMA EGENTLIG VERKSAMHET', 'summa', '900'),
  ('890', 'AFFÄRSVERKSAMHET, TOTALT', 'summa', '900'),
  ('800', 'Arbetsområden och lokaler', 'verksamhet', '890'),
  ('805', 'Hamnverksamhet', 'verksamhet', '890'),
  ('810', 'Kommersiell verksamhet', 'verksamhet', '890'),
  ('815', 'Bostadsverksamhet', 'verksamhet', '890'),
  ('830', 'Flygtrafik', 'verksamhet', '890'),
  ('832', 'Buss, bil och spårbundna persontransporter', 'verksamhet', '890'),
  ('834', 'Sjötrafik', 'verksamhet', '890'),
  ('855', 'Elförsörjning och gasförsörjning', 'verksamhet', '890'),
  ('860', 'Fjärrvärmeförsörjning', 'verksamhet', '890'),
  ('865', 'Vattenförsörjning och avloppshantering', 'verksamhet', '890'),
  ('870', 'Avfallshantering', 'verksamhet', '890'),
  ('900', 'SUMMA DRIFTVERKSAMHET', 'summa', NULL);

-- The mapping from account numbers to the groups the operating statement prints; editable.
CREATE TABLE account_groups (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
  key text NOT NULL,
  label text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('income', 'cost', 'finance', 'allocation')),
  sort_order int NOT NULL,
  ranges jsonb NOT NULL DEFAULT '[]',
  UNIQUE (municipality_id, key)
);

-- Cost centres (ansvar; dimension 1 in SIE) and the unit each belongs to, once mapped.
CREATE TABLE cost_centres (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
  code text NOT NULL,
  name text NOT NULL,
  org_unit_id uuid REFERENCES org_units (id) ON DELETE SET NULL,
  -- The order the municipality lists its cost centres in (its reports' order); then by code.
  sort_order int,
  UNIQUE (municipality_id, code)
);

-- One loaded file or data set. A new import with the same scope replaces the earlier one (its
-- amounts go with it), so loading a corrected file twice never duplicates anything.
CREATE TABLE economy_imports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
  board_id uuid REFERENCES boards (id) ON DELETE CASCADE,
  year int NOT NULL CHECK (year BETWEEN 1990 AND 2100),
  scope text NOT NULL,
  source_kind text NOT NULL CHECK (source_kind IN ('sie', 'csv', 'xlsx', 'seed')),
  -- 'comparison': figures a document printed for comparison (last year's outcome in this year's
  -- report, a preliminary outcome in next year's plan). Kept to regenerate that document; the
  -- tables take each year's figures from its 'record' imports only.
  role text NOT NULL DEFAULT 'record' CHECK (role IN ('record', 'comparison')),
  file_name text NOT NULL,
  file_sha256 text,
  row_count int NOT NULL,
  summary jsonb NOT NULL DEFAULT '{}',
  imported_by uuid REFERENCES users (id) ON DELETE SET NULL,
  imported_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE NULLS NOT DISTINCT (municipality_id, board_id, year, scope)
);

CREATE TABLE economy_amounts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  import_id uuid NOT NULL REFERENCES economy_imports (id) ON DELETE CASCADE,
  municipality_id uuid NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
  board_id uuid REFERENCES boards (id) ON DELETE CASCADE,
  year int NOT NULL CHECK (year BETWEEN 1990 AND 2100),
  month int CHECK (month BETWEEN 1 AND 12),
  measure text NOT NULL CHECK (measure IN ('budget', 'revised-budget', 'period-budget', 'outcome', 'forecast', 'plan')),
  follow_up_id uuid REFERENCES follow_ups (id) ON DELETE CASCADE,
  cost_centre text,
  account text,
  account_group text,
  activity_code text,
  amount_ore bigint NOT NULL,
  CHECK ((measure IN ('period-budget', 'outcome')) = (month IS NOT NULL)),
  CHECK ((measure = 'forecast') = (follow_up_id IS NOT NULL))
);
CREATE INDEX economy_amounts_lookup ON economy_amounts (municipality_id, year, measure);
CREATE INDEX economy_amounts_import ON economy_amounts (import_id);

CREATE TABLE investment_projects (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
  board_id uuid NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
  key text NOT NULL,
  name text NOT NULL,
  category text NOT NULL CHECK (category IN ('expansion', 'reinvestment', 'adaptation', 'image',
    'exploitation-housing', 'exploitation-business', 'land-purchase', 'land-sale', 'other')),
  status text NOT NULL CHECK (status IN ('planned', 'ongoing', 'completed')),
  cost_centre text,
  decided_total_ore bigint,
  note text,
  UNIQUE (municipality_id, key)
);

CREATE TABLE investment_amounts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  import_id uuid NOT NULL REFERENCES economy_imports (id) ON DELETE CASCADE,
  project_id uuid NOT NULL REFERENCES investment_projects (id) ON DELETE CASCADE,
  year int NOT NULL CHECK (year BETWEEN 1990 AND 2100),
  measure text NOT NULL CHECK (measure IN ('budget', 'revised-budget', 'outcome', 'forecast', 'plan')),
  follow_up_id uuid REFERENCES follow_ups (id) ON DELETE CASCADE,
  amount_ore bigint NOT NULL,
  CHECK ((measure = 'forecast') = (follow_up_id IS NOT NULL))
);
CREATE INDEX investment_amounts_project ON investment_amounts (project_id, year);

-- What the tables read: amounts of 'record' imports (comparison figures are kept but not counted).
CREATE VIEW economy_amounts_of_record AS
  SELECT a.*, i.year AS import_year FROM economy_amounts a JOIN economy_imports i ON i.id = a.import_id WHERE i.role = 'record';
CREATE VIEW investment_amounts_of_record AS
  SELECT a.* FROM investment_amounts a JOIN economy_imports i ON i.id = a.import_id WHERE i.role = 'record';

-- Lists that explain a budget frame, or split an appropriation over areas.
CREATE TABLE frame_lists (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
  board_id uuid NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
  key text NOT NULL,
  year int NOT NULL,
  kind text NOT NULL CHECK (kind IN ('frame-changes', 'appropriation-split')),
  title text NOT NULL,
  UNIQUE (municipality_id, key)
);
CREATE TABLE frame_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  list_id uuid NOT NULL REFERENCES frame_lists (id) ON DELETE CASCADE,
  sort_order int NOT NULL,
  label text NOT NULL,
  amount_ore bigint NOT NULL,
  cost_centre text
);

-- A responsible person's explanation of deviations, per follow-up and subject. Versioned so that a
-- stale save is refused (409), never overwrites.
CREATE TABLE economy_comments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
  follow_up_id uuid NOT NULL REFERENCES follow_ups (id) ON DELETE CASCADE,
  subject_kind text NOT NULL CHECK (subject_kind IN ('board', 'cost-centre', 'investment', 'investments')),
  subject_key text NOT NULL DEFAULT '',
  text text NOT NULL,
  version int NOT NULL DEFAULT 1,
  updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (follow_up_id, subject_kind, subject_key)
);
CREATE TRIGGER economy_comments_guard_decided BEFORE INSERT OR UPDATE OR DELETE ON economy_comments
  FOR EACH ROW EXECUTE FUNCTION arshjul_guard_decided_child();
-- Only amounts that belong to a follow-up (forecasts) can be part of a decided record; the WHEN
-- clauses keep the check off the ledger's many other rows (a SIE import writes hundreds of thousands).
CREATE TRIGGER economy_amounts_guard_decided BEFORE INSERT ON economy_amounts
  FOR EACH ROW WHEN (NEW.follow_up_id IS NOT NULL) EXECUTE FUNCTION arshjul_guard_decided_child();
CREATE TRIGGER economy_amounts_guard_decided_update BEFORE UPDATE ON economy_amounts
  FOR EACH ROW WHEN (OLD.follow_up_id IS NOT NULL OR NEW.follow_up_id IS NOT NULL)
  EXECUTE FUNCTION arshjul_guard_decided_child();
CREATE TRIGGER economy_amounts_guard_decided_delete BEFORE DELETE ON economy_amounts
  FOR EACH ROW WHEN (OLD.follow_up_id IS NOT NULL) EXECUTE FUNCTION arshjul_guard_decided_child();
CREATE TRIGGER investment_amounts_guard_decided BEFORE INSERT ON investment_amounts
  FOR EACH ROW WHEN (NEW.follow_up_id IS NOT NULL) EXECUTE FUNCTION arshjul_guard_decided_child();
CREATE TRIGGER investment_amounts_guard_decided_update BEFORE UPDATE ON investment_amounts
  FOR EACH ROW WHEN (OLD.follow_up_id IS NOT NULL OR NEW.follow_up_id IS NOT NULL)
  EXECUTE FUNCTION arshjul_guard_decided_child();
CREATE TRIGGER investment_amounts_guard_decided_delete BEFORE DELETE ON investment_amounts
  FOR EACH ROW WHEN (OLD.follow_up_id IS NOT NULL) EXECUTE FUNCTION arshjul_guard_decided_child();

-- Units A and B became C (with shares where one was split): tables can then be restated in today's
-- structure. Moves are between cost centres; shares are parts per million (exact).
CREATE TABLE reorganisations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
  key text NOT NULL,
  effective_from date NOT NULL,
  description text NOT NULL,
  UNIQUE (municipality_id, key)
);
CREATE TABLE reorganisation_moves (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reorganisation_id uuid NOT NULL REFERENCES reorganisations (id) ON DELETE CASCADE,
  from_code text NOT NULL,
  to_code text NOT NULL,
  share_ppm int NOT NULL CHECK (share_ppm BETWEEN 1 AND 1000000),
  CHECK (from_code <> to_code)
);
