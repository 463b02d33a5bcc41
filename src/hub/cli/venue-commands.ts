import fs from 'node:fs';
import fsp from 'node:fs/promises';
import type { Command } from './context.ts';
import { UsageError, optionalFlag } from './args.ts';
import { getStructure } from '../repositories/structures.ts';
import { ImportFileError, importVenues } from '../repositories/venue-import.ts';
import { summariseImport } from '../routes/venues/report-words.ts';

export const importVenuesCmd: Command = {
  summary: 'import places in the national standard (CSV or JSON)',
  usage: 'import-venues FILE [--source NAME] [--structure ID] [--full] [--report OUT.json]',
  async run(ctx) {
    const file = ctx.args.positional[0];
    if (!file) throw new UsageError('Give the file to import: import-venues FILE [--structure ID]');
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new UsageError(`No file at ${file}.`);
    const structureId = optionalFlag(ctx.args, 'structure');
    const source = optionalFlag(ctx.args, 'source');
    const reportFile = optionalFlag(ctx.args, 'report');
    const full = ctx.args.flags.full === true;
    const { db } = await ctx.database();
    let departements: string[] | undefined;
    if (structureId) {
      const s = await getStructure(db, structureId);
      if (!s) throw new UsageError(`No structure has the id ${structureId}.`);
      departements = s.departements;
    }
    try {
      const report = await importVenues(db, fs.createReadStream(file), { departements, source, full, actor: { action: 'import', userId: null, userEmail: null } });
      if (reportFile) {
        await fsp.writeFile(reportFile, JSON.stringify(report, null, 1) + '\n');
        ctx.say(`Full JSON report written to ${reportFile}.`);
      }
      for (const line of summariseImport(report)) ctx.say(line);
      return report;
    } catch (e) {
      if (e instanceof ImportFileError) throw new UsageError(`Cannot import ${file}: ${e.message}`);
      throw e;
    }
  },
};
