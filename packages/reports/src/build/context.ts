/**
 * What the section builders share while a document is built: the data, the figures with their
 * sources, the cross-document checks and the notes. A figure is registered once by key; every
 * cell and sentence that uses it refers to the key, so the validator can check they agree.
 */

import type { ReportData } from '../data.ts'
import type { DocumentCheck, FigureEntry, FigureSource, Finding } from '../model.ts'

export class BuildContext {
  readonly figures: Record<string, FigureEntry> = {}
  readonly checks: DocumentCheck[] = []
  readonly notes: Finding[] = []
  private tableIds = new Set<string>()

  constructor(readonly data: ReportData) {}

  get settings() {
    return this.data.board.municipality.settings
  }

  get year() {
    return this.data.followUp.year
  }

  get kind() {
    return this.data.followUp.kind
  }

  /** Register a figure (its exact value and source) and return its key. */
  figure(key: string, label: string, exact: number | string, source: FigureSource, unit?: 'öre'): string {
    this.figures[key] = { label, exact: String(exact), source, unit }
    return key
  }

  /** A table id unique in the document. */
  tableId(base: string): string {
    let id = base
    for (let n = 2; this.tableIds.has(id); n++) id = `${base}-${n}`
    this.tableIds.add(id)
    return id
  }

  /**
   * Where the year's account figures come from: the imports (file, who, when) they were loaded
   * from, or the demo data. `what` says how the figure is made from them.
   */
  economySource(what: string): FigureSource {
    const imports = this.data.content.document.economyImports ?? []
    if (imports.length === 0) return computed(what)
    const files = [
      ...new Set(imports.map((i) => (i.importedBy ? `${i.fileName} (${i.importedBy})` : i.fileName))),
    ].join(', ')
    const latest = imports
      .flatMap((i) => (i.importedAt ? [i.importedAt] : []))
      .sort()
      .at(-1)
    const seeded = imports.every((i) => i.kind === 'seed')
    return { kind: seeded ? 'seed' : 'import', label: `${what}; underlag: ${files}`, at: latest }
  }

  note(severity: Finding['severity'], where: string, message: string): void {
    this.notes.push({ severity, where, message })
  }
}

export const computed = (label: string): FigureSource => ({ kind: 'computed', label })
