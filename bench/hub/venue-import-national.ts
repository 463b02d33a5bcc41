import fs from 'node:fs';
import type { Measurement } from '../lib/context.ts';
import { createBenchDatabase } from '../lib/databases.ts';
import { NATIONAL_SOURCES, writeNationalFile } from '../generators/national-venues.ts';
import { importVenues } from '../../src/hub/repositories/venue-import.ts';

// The national directory in one import (issue 13): ≥ 18,000 places from 17 sources whose
// local ids overlap (each numbers its places 1, 2, 3…), 3 % of them published twice. Prints
// the time and the peak memory (RSS and heap above the level before the import) of the hub's
// importer on SQLite, and checks the per-source report accounts for every row.

function sampler(): { stop(): { rssMB: number; heapMB: number } } {
  const base = process.memoryUsage();
  let rss = base.rss;
  let heap = base.heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  }, 20);
  return {
    stop() {
      clearInterval(timer);
      const m = process.memoryUsage();
      rss = Math.max(rss, m.rss);
      heap = Math.max(heap, m.heapUsed);
      return { rssMB: Math.round((rss - base.rss) / 1e5) / 10, heapMB: Math.round((heap - base.heapUsed) / 1e5) / 10 };
    },
  };
}

export const venueImportNational: Measurement = {
  name: 'venue-import-national',
  keys: ['hubVenueImportNationalMs', 'hubVenueImportNationalPeakMB'],
  async run(ctx) {
    const count = ctx.quick ? 2_000 : 18_000;
    const { json, file } = writeNationalFile(count);
    ctx.log(`${file.rows.length} rows (${count} places + ${file.duplicates} published twice) from ${NATIONAL_SOURCES.length} sources, ${(fs.statSync(json).size / 1e6).toFixed(1)} MB`);
    const database = await createBenchDatabase('sqlite', 'venue-national');
    try {
      global.gc?.();
      const mem = sampler();
      const t0 = performance.now();
      const report = await importVenues(database.db, fs.createReadStream(json));
      const ms = Math.round(performance.now() - t0);
      const peak = mem.stop();
      const accounted = report.imported + report.updated + report.unchanged + report.rejected.length + report.linked.length;
      if (accounted !== file.rows.length) throw new Error(`report accounts for ${accounted} rows of ${file.rows.length}`);
      for (const [source, n] of Object.entries(file.perSource)) {
        const c = report.sources[source];
        if (!c || c.total !== n || c.imported + c.updated + c.unchanged + c.rejected + c.linked !== n) throw new Error(`per-source report wrong for ${source}: ${JSON.stringify(c)} (expected ${n} rows)`);
      }
      ctx.log(`imported ${report.imported}, linked ${report.linked.length}, rejected ${report.rejected.length}, ${report.warningCount} warnings in ${report.warnings.length} kinds`);
      ctx.log(`${ms} ms, peak memory +${peak.rssMB} MB RSS / +${peak.heapMB} MB heap`);
      return {
        figures: { hubVenueImportNationalMs: ms, hubVenueImportNationalPeakMB: peak.rssMB },
        details: { rows: file.rows.length, places: count, sources: NATIONAL_SOURCES.length, duplicates: file.duplicates, linked: report.linked.length, rejected: report.rejected.length, heapPeakMB: peak.heapMB, dialect: 'sqlite' },
      };
    } finally {
      await database.destroy();
    }
  },
};
