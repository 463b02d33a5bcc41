import type { FieldIssue } from '../../shared/venues/normalise.ts';
import type { LinkTarget } from './venue-write.ts';

// The import report (docs/venue-import-report.md): every row accounted for once — imported,
// updated, unchanged, rejected or linked — overall and per source; warnings grouped by kind
// with a count and a few examples (the full list only on request).

export const WARNING_EXAMPLES = 3;
/** Rows without a usable source are counted under this name in `sources`. */
export const NO_SOURCE = '(sans source)';

export interface RowWarning {
  row: number;
  id: string | null;
  path: string;
  message: string;
}

export interface WarningGroup {
  /** the message with its values blanked: one kind of problem */
  kind: string;
  path: string;
  count: number;
  examples: RowWarning[];
}

export interface SourceCounts {
  total: number;
  imported: number;
  updated: number;
  unchanged: number;
  rejected: number;
  linked: number;
}

export interface LinkedRow {
  row: number;
  /** the hub id of the row's place (kept on the hub, not sent to devices) */
  id: string;
  source: string;
  sourceId: string;
  linkedTo: LinkTarget;
}

export interface RejectedRow {
  row: number;
  /** the id of the row in its source (null when missing) */
  id: string | null;
  source?: string;
  errors: FieldIssue[];
}

/** What an import did (protocol.md: POST /api/v1/admin/venues/import; docs/venue-import-report.md). */
export interface ImportReport {
  format: 'csv' | 'json';
  /** data rows read (header excluded) */
  total: number;
  imported: number;
  updated: number;
  unchanged: number;
  /** `row`: the row as a spreadsheet numbers it (header = 1) for CSV, the element's position (from 1) for JSON */
  rejected: RejectedRow[];
  /** rows stored as the same place as another source's (by SIRET or name + address) */
  linked: LinkedRow[];
  sources: Record<string, SourceCounts>;
  warningCount: number;
  warnings: WarningGroup[];
  /** every warning, row by row: only when asked for (`full`) */
  warningList?: RowWarning[];
  columns: { legacy: { from: string; to: string }[]; unknown: string[]; missing: string[] };
}

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
