-- Internal control and personnel in the follow-up cycle: each control of the year, the overall
-- assessment of internal control and the personnel comment become parts someone reports, reviewed
-- and approved like goals; on approval they are written to the official tables.

ALTER TABLE report_parts DROP CONSTRAINT report_parts_kind_check;
ALTER TABLE report_parts ADD CONSTRAINT report_parts_kind_check
  CHECK (kind IN ('goal', 'indicator', 'activity', 'assignment', 'control', 'control-summary', 'personnel'));

-- The unit that follows a control up (its part is that unit's to report); none = the administration.
ALTER TABLE controls ADD COLUMN unit_id uuid REFERENCES org_units (id) ON DELETE SET NULL;

-- The board's comment on its personnel figures in a follow-up.
CREATE TABLE personnel_comments (
  follow_up_id uuid PRIMARY KEY REFERENCES follow_ups (id) ON DELETE CASCADE,
  municipality_id uuid NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
  text text NOT NULL,
  updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER personnel_comments_guard_decided BEFORE INSERT OR UPDATE OR DELETE ON personnel_comments
  FOR EACH ROW EXECUTE FUNCTION arshjul_guard_decided_child();
