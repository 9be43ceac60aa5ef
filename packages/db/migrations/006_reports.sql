-- The document's texts are written in the follow-up's workflow, a part per text.
ALTER TABLE report_parts DROP CONSTRAINT report_parts_kind_check;
ALTER TABLE report_parts ADD CONSTRAINT report_parts_kind_check
  CHECK (kind IN ('goal', 'indicator', 'activity', 'assignment', 'control', 'control-summary', 'personnel', 'narrative'));

-- Reports: the narrative texts a board writes for a follow-up's document (foreword, the year, the
-- future …), and the documents issued from it, kept as the exact bytes that went out.

CREATE TABLE report_texts (
  follow_up_id uuid NOT NULL REFERENCES follow_ups (id) ON DELETE CASCADE,
  municipality_id uuid NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
  -- The narrative section of the template: foreword, mission, year, events, future …
  section text NOT NULL,
  text text NOT NULL,
  -- The figures the text cites, with the values it used (a summary started from the draft).
  cites jsonb NOT NULL DEFAULT '[]',
  version int NOT NULL DEFAULT 1,
  updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (follow_up_id, section)
);
CREATE TRIGGER report_texts_guard_decided BEFORE INSERT OR UPDATE OR DELETE ON report_texts
  FOR EACH ROW EXECUTE FUNCTION arshjul_guard_decided_child();

-- A figure as a source document printed it, where the document's own figures disagree (rounding
-- printed differently in two tables, a total that is not the sum of its rows). The generated document
-- shows the computed value; the validator notes the printed one.
CREATE TABLE source_figures (
  follow_up_id uuid NOT NULL REFERENCES follow_ups (id) ON DELETE CASCADE,
  municipality_id uuid NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
  figure text NOT NULL,
  printed text NOT NULL,
  location text NOT NULL,
  PRIMARY KEY (follow_up_id, figure, location)
);

-- An issued document: the bytes as they went out, their hash, what they were made from, what the
-- validator found and, when a finding was an error, the controller's signed exception.
CREATE TABLE report_issues (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
  follow_up_id uuid NOT NULL REFERENCES follow_ups (id) ON DELETE CASCADE,
  format text NOT NULL CHECK (format IN ('pdf', 'docx', 'xlsx', 'html')),
  sha256 text NOT NULL,
  bytes bytea NOT NULL,
  -- The snapshot's hash when made from a decided follow-up's frozen data; null when live.
  basis_sha256 text,
  findings jsonb NOT NULL DEFAULT '[]',
  exception_reason text,
  issued_by uuid REFERENCES users (id) ON DELETE SET NULL,
  issued_by_name text NOT NULL,
  issued_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX report_issues_follow_up ON report_issues (follow_up_id, issued_at);

CREATE FUNCTION arshjul_report_issue_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'Ett utfärdat dokument kan inte ändras eller tas bort' USING ERRCODE = 'P0001';
END $$;
CREATE TRIGGER report_issues_immutable BEFORE UPDATE OR DELETE ON report_issues
  FOR EACH ROW EXECUTE FUNCTION arshjul_report_issue_immutable();
