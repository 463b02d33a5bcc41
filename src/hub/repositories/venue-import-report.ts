import type { ImportReport, LinkedRow, RejectedRow, RowWarning, SourceCounts, WarningGroup } from '../../shared/admin-api/venue-import.ts';

// The import report (docs/venue-import-report.md): every row accounted for once — imported,
// updated, unchanged, rejected or linked — overall and per source; warnings grouped by kind
// with a count and a few examples (the full list only on request).

export const WARNING_EXAMPLES = 3;
/** Rows without a usable source are counted under this name in `sources`. */
export const NO_SOURCE = '(sans source)';

// The report's shapes are its contract (src/shared/admin-api/venue-import.ts).
export type { ImportReport, LinkedRow, RejectedRow, RowWarning, SourceCounts, WarningGroup } from '../../shared/admin-api/venue-import.ts';

/** The kind of a warning: its message with quoted values, numbers and dates blanked. */
export function warningKind(message: string): string {
  return message.replace(/«[^»]*»/g, '«…»').replace(/\d[\d\-:/.,]*/g, '#');
}

export class ReportBuilder {
  readonly report: ImportReport;
  private groups = new Map<string, WarningGroup>();

  constructor(format: 'csv' | 'json', private readonly full: boolean) {
    this.report = { format, total: 0, imported: 0, updated: 0, unchanged: 0, rejected: [], linked: [], sources: {}, warningCount: 0, warnings: [], columns: { legacy: [], unknown: [], missing: [] } };
    if (full) this.report.warningList = [];
  }

  private counts(source: string | undefined): SourceCounts {
    const key = source ?? NO_SOURCE;
    return (this.report.sources[key] ??= { total: 0, imported: 0, updated: 0, unchanged: 0, rejected: 0, linked: 0 });
  }

  read(source: string | undefined): void {
    this.report.total++;
    this.counts(source).total++;
  }

  warn(w: RowWarning): void {
    this.report.warningCount++;
    this.report.warningList?.push(w);
    const kind = warningKind(w.message);
    const key = `${w.path}\0${kind}`;
    let g = this.groups.get(key);
    if (!g) {
      g = { kind, path: w.path, count: 0, examples: [] };
      this.groups.set(key, g);
      this.report.warnings.push(g);
    }
    g.count++;
    if (g.examples.length < WARNING_EXAMPLES) g.examples.push(w);
  }

  reject(r: RejectedRow): void {
    this.report.rejected.push(r);
    this.counts(r.source).rejected++;
  }

  stored(source: string, status: 'created' | 'updated' | 'unchanged', link?: LinkedRow): void {
    const c = this.counts(source);
    if (link) {
      this.report.linked.push(link);
      c.linked++;
    } else if (status === 'created') {
      this.report.imported++;
      c.imported++;
    } else if (status === 'updated') {
      this.report.updated++;
      c.updated++;
    } else {
      this.report.unchanged++;
      c.unchanged++;
    }
  }

  finish(): ImportReport {
    this.report.warnings.sort((a, b) => b.count - a.count || a.path.localeCompare(b.path));
    if (!this.full) delete this.report.warningList;
    return this.report;
  }
}
