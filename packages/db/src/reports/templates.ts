/**
 * A municipality's document templates: which sections each kind of document has, in which order
 * and under which headings. Stored in the municipality's settings; none means the default.
 */
import { type ReportKind, type ReportTemplate, reportKindLabels } from '@arshjul/domain'
import { type Actor, appendAudit } from '../cycle/audit.ts'
import type { Queryable } from '../database.ts'
import type { MunicipalityContext } from '../read/context.ts'

/** Replace the template of a kind (null: go back to the default). The caller has validated it. */
export async function saveReportTemplate(
  tx: Queryable,
  municipality: MunicipalityContext,
  kind: ReportKind,
  template: ReportTemplate | null,
  actor: Actor,
): Promise<void> {
  await tx.query(
    `UPDATE municipalities
        SET settings = CASE WHEN $3::text IS NULL
                            THEN jsonb_set(settings, '{reportTemplates}', COALESCE(settings->'reportTemplates', '{}') - $2)
                            ELSE jsonb_set(settings, '{reportTemplates}',
                                           COALESCE(settings->'reportTemplates', '{}') || jsonb_build_object($2, $3::text::jsonb))
                       END
      WHERE id = $1`,
    [municipality.id, kind, template === null ? null : JSON.stringify(template)],
  )
  await appendAudit(tx, {
    chain: municipality.id,
    actor,
    action: 'report.template',
    entityKind: 'municipality',
    entityId: municipality.id,
    summary:
      template === null
        ? `Återställde standardmallen för ${reportKindLabels[kind].toLowerCase()}`
        : `Ändrade dokumentmallen för ${reportKindLabels[kind].toLowerCase()} (${template.sections.length} avsnitt på översta nivån)`,
    before: null,
    after: template,
  })
}
