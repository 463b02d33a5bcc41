import type { ImportReport } from '../../repositories/venue-import.ts';

/** The import report in a few plain-words lines (CLI and seed output). */
export function summariseImport(r: ImportReport): string[] {
  const lines = [
    `${r.total} rows read (${r.format.toUpperCase()}): ${r.imported} new, ${r.updated} updated, ${r.unchanged} unchanged, ${r.rejected.length} rejected, ${r.warnings.length} warnings.`,
  ];
  if (r.columns.legacy.length) lines.push(`Legacy columns mapped: ${r.columns.legacy.map((c) => `${c.from} → ${c.to}`).join('; ')}.`);
  if (r.columns.unknown.length) lines.push(`Unknown columns ignored: ${r.columns.unknown.join(', ')}.`);
  for (const rej of r.rejected.slice(0, 10)) {
    lines.push(`Row ${rej.row}${rej.id ? ` (${rej.id})` : ''} rejected: ${rej.errors.map((e) => e.message).join('; ')}`);
  }
  if (r.rejected.length > 10) lines.push(`… and ${r.rejected.length - 10} more rejected rows (use --json for the full report).`);
  const byField = new Map<string, number>();
  for (const w of r.warnings) byField.set(w.path, (byField.get(w.path) ?? 0) + 1);
  if (byField.size) lines.push(`Warnings by field: ${[...byField].map(([f, n]) => `${f} ${n}`).join(', ')}.`);
  return lines;
}
