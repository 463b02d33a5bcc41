import { FIGURE_KEYS, TARGETS, type Figures } from './figures.ts';

function format(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined) return '—';
  const n = Math.abs(value) >= 100 ? Math.round(value).toLocaleString('en-US') : String(Math.round(value * 10) / 10);
  return unit ? `${n} ${unit}` : n;
}

/** The figures as a readable table: figure, target, met or not, baseline. Stale figures (from a previous run) are marked. */
export function printTable(latest: Record<string, number | null>, details: Record<string, unknown>, fresh: Figures): void {
  const all = Object.fromEntries(Object.entries(latest).filter(([, v]) => v !== null)) as Figures;
  const flat: Record<string, unknown> = {};
  for (const v of Object.values(details)) if (v && typeof v === 'object') Object.assign(flat, v);
  const rows = FIGURE_KEYS.map((key) => {
    const t = TARGETS[key];
    const v = latest[key];
    const status = v === null || v === undefined ? 'not measured' : t.check ? (t.check(v, all) ? 'met' : 'NOT MET') : '';
    return [t.label, format(v, t.unit) + (v !== null && fresh[key] === undefined ? ' (previous run)' : ''), t.target ?? '', status, t.baseline?.(all, flat) ?? ''];
  });
  const head = ['figure', 'median', 'target', '', 'baseline'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' │ ');
  console.log('\n' + line(head));
  console.log(widths.map((w) => '─'.repeat(w)).join('─┼─'));
  for (const r of rows) console.log(line(r));
}

/** The same table in Markdown (for bench/README.md and the project README). */
export function markdownTable(latest: Record<string, number | null>, details: Record<string, unknown>): string {
  const all = Object.fromEntries(Object.entries(latest).filter(([, v]) => v !== null)) as Figures;
  const flat: Record<string, unknown> = {};
  for (const v of Object.values(details)) if (v && typeof v === 'object') Object.assign(flat, v);
  const lines = ['| figure | median | target | met | baseline |', '|---|---|---|---|---|'];
  for (const key of FIGURE_KEYS) {
    const t = TARGETS[key];
    const v = latest[key];
    const met = v === null || v === undefined || !t.check ? '' : t.check(v, all) ? 'yes' : '**no**';
    lines.push(`| ${t.label.trim()} (\`${key}\`) | ${format(v, t.unit)} | ${t.target ?? ''} | ${met} | ${t.baseline?.(all, flat) ?? ''} |`);
  }
  return lines.join('\n');
}
