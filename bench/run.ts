// `npm run bench` — measures every performance target of docs/quality.md, prints a table
// (figure, target, baseline) and writes bench/results/latest.json (exactly the keys of
// FIGURE_KEYS) plus bench/results/details.json (every run, baselines, notes).
//
// Options: --only=name,name (measurement names below), --runs=N (default 3), --quick
// (small data sets, to check the harness), --markdown (also print the table in Markdown),
// --readme (then write the figures table of README.md and bench/README.md: bench/readme.ts),
// KARIOLE_DIST=<dir> to use another build, BENCH_PG_URL for another PostgreSQL server.
import fs from 'node:fs';
import path from 'node:path';
import { FIGURE_KEYS, type Figures } from './lib/figures.ts';
import { ensureBuilt, ROOT, type BenchContext, type Measurement } from './lib/context.ts';
import { markdownTable, printTable } from './lib/table.ts';
import { MEASUREMENTS } from './measurements.ts';
import { writeReadmeFigures } from './readme.ts';

function arg(name: string): string | undefined {
  const hit = process.argv.slice(2).find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (!hit) return undefined;
  return hit.includes('=') ? hit.slice(hit.indexOf('=') + 1) : 'true';
}

async function main() {
  const started = Date.now();
  const only = arg('only')?.split(',').map((s) => s.trim());
  const unknown = only?.filter((n) => !MEASUREMENTS.some((m) => m.name === n));
  if (unknown?.length) throw new Error(`Unknown measurement(s): ${unknown.join(', ')}. Known: ${MEASUREMENTS.map((m) => m.name).join(', ')}`);
  const ctx: BenchContext = {
    dist: path.resolve(ROOT, process.env.KARIOLE_DIST ?? 'dist'),
    runs: Math.max(1, Number(arg('runs') ?? 3)),
    quick: arg('quick') === 'true',
    log: (m) => console.log(`  ${m}`),
  };
  const chosen: Measurement[] = MEASUREMENTS.filter((m) => !only || only.includes(m.name));
  // Light measurements first, the CPU-heavy ones last (the machine may be shared).
  chosen.sort((a, b) => Number(!!a.heavy) - Number(!!b.heavy));
  if (chosen.some((m) => !m.needsNoAppBuild)) ensureBuilt(ctx.dist, ctx.log);

  const figures: Figures = {};
  const details: Record<string, unknown> = {};
  const notes: string[] = [];
  const failures: Record<string, string> = {};
  for (const m of chosen) {
    console.log(`\n▶ ${m.name} (${m.keys.join(', ')})`);
    const t0 = Date.now();
    try {
      const r = await m.run(ctx);
      Object.assign(figures, r.figures);
      details[m.name] = { ...r.details, seconds: Math.round((Date.now() - t0) / 1000) };
      notes.push(...(r.notes ?? []).map((n) => `${m.name}: ${n}`));
      console.log(`  done in ${Math.round((Date.now() - t0) / 1000)} s: ${JSON.stringify(r.figures)}`);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      failures[m.name] = message;
      console.error(`  FAILED: ${message}`);
      if (process.env.BENCH_DEBUG && err instanceof Error) console.error(err.stack);
    }
  }

  const out = path.join(ROOT, 'bench', 'results');
  fs.mkdirSync(out, { recursive: true });
  // A partial run (--only) keeps the figures of the previous full run for the others.
  const previousFile = path.join(out, 'latest.json');
  const previous: Figures = only && fs.existsSync(previousFile) ? (JSON.parse(fs.readFileSync(previousFile, 'utf8')) as Figures) : {};
  const latest: Record<string, number | null> = {};
  for (const key of FIGURE_KEYS) latest[key] = figures[key] ?? previous[key] ?? null;
  fs.writeFileSync(previousFile, JSON.stringify(latest, null, 2) + '\n');
  const allDetails = { measuredAt: new Date().toISOString(), runs: ctx.runs, quick: ctx.quick, failures, notes, ...details };
  fs.writeFileSync(path.join(out, only ? `details-${only.join('+')}.json` : 'details.json'), JSON.stringify(allDetails, null, 2) + '\n');

  printTable(latest, allDetails, figures);
  if (arg('markdown')) console.log('\n' + markdownTable(latest, allDetails) + '\n');
  for (const n of notes) console.log(`note — ${n}`);
  for (const [name, message] of Object.entries(failures)) console.log(`FAILED — ${name}: ${message}`);
  console.log(`\nWritten ${path.relative(ROOT, previousFile)} in ${Math.round((Date.now() - started) / 1000)} s.`);
  if (arg('readme')) console.log(`Figures table written into ${writeReadmeFigures().join(' and ')}.`);
  if (Object.keys(failures).length) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
