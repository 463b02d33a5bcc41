import type { ImportReport } from '../../repositories/venue-import.ts';

/** The import report in a few plain-words lines (CLI and seed output). */
export function summariseImport(r: ImportReport): string[] {
  const lines = [
    `${r.total} rows read (${r.format.toUpperCase()}): ${r.imported} new, ${r.updated} updated, ${r.unchanged} unchanged, ${r.rejected.length} rejected, ${r.linked.length} linked to another source's place, ${r.warningCount} warnings.`,
  ];
  const sources = Object.entries(r.sources);
  if (sources.length > 1) {
    for (const [name, c] of sources) {
      lines.push(`  ${name}: ${c.total} rows, ${c.imported} new, ${c.updated} updated, ${c.unchanged} unchanged, ${c.rejected} rejected, ${c.linked} linked.`);
    }
  }
  if (r.columns.legacy.length) lines.push(`Legacy columns mapped: ${r.columns.legacy.map((c) => `${c.from} → ${c.to}`).join('; ')}.`);
  if (r.columns.unknown.length) lines.push(`Unknown columns ignored: ${r.columns.unknown.join(', ')}.`);
  for (const rej of r.rejected.slice(0, 10)) {
    lines.push(`Row ${rej.row}${rej.id ? ` (${rej.id})` : ''} rejected: ${rej.errors.map((e) => e.message).join('; ')}`);
  }
  if (r.rejected.length > 10) lines.push(`… and ${r.rejected.length - 10} more rejected rows (use --json for the full report).`);
  for (const l of r.linked.slice(0, 10)) {
    lines.push(`Row ${l.row} (${l.source} ${l.sourceId}) is the same place as ${l.linkedTo.source} ${l.linkedTo.sourceId} (by ${l.linkedTo.by}): both kept, devices show the latter.`);
  }
  if (r.linked.length > 10) lines.push(`… and ${r.linked.length - 10} more linked rows (use --json or --report FILE).`);
  for (const g of r.warnings.slice(0, 20)) lines.push(`Warning ×${g.count}: ${g.kind} (e.g. row ${g.examples[0]?.row})`);
  if (r.warnings.length > 20) lines.push(`… and ${r.warnings.length - 20} more kinds of warning.`);
  return lines;
}
