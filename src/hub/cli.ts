import { readConfig } from './config.ts';
import { openDatabase, migrateToLatest, type HubDatabase } from './plugins/db.ts';
import { closeOnSignals, startHub } from './server.ts';
import { parseArgs, UsageError } from './cli/args.ts';
import { COMMANDS } from './cli/commands.ts';
import type { CommandContext } from './cli/context.ts';
import { adminPasswordLines } from './first-start.ts';

function help(): string {
  const rows = Object.values(COMMANDS).map((c) => `  ${c.usage.padEnd(64)} ${c.summary}`);
  return [
    'Kariole hub. Usage: npm run hub -- <command> [options] [--json]',
    '',
    '  start'.padEnd(66) + ' run the hub (same as npm start)',
    ...rows,
    '',
    'Environment: PORT (8080), HOST (0.0.0.0), DATA_DIR (./data), DATABASE_URL (postgres://…; SQLite when unset).',
  ].join('\n');
}

async function runStart(): Promise<void> {
  const config = readConfig();
  const hub = await startHub(config);
  closeOnSignals(hub);
  const where = config.databaseUrl ? 'PostgreSQL' : `SQLite (${config.dataDir}/kariole.sqlite)`;
  const out = [``, `Kariole hub is running at ${hub.url}  (database: ${where})`];
  if (hub.seeded) {
    const s = hub.seeded;
    out.push(
      ``,
      `First start: demo data created for "${s.structureName}".`,
      ...s.lines.map((l) => `  - ${l}`),
      `  Coordinator dashboard: ${hub.url}/coordination`,
      `    admin e-mail:    ${s.adminEmail}`,
      ...adminPasswordLines(s, { isTTY: process.stdout.isTTY === true, dataDir: config.dataDir }),
      `  Enrol a tablet: open ${hub.url}/synchro on it and type the code ${s.enrolmentCode}`,
      `    (valid until ${s.enrolmentExpiresAt.slice(0, 10)}; more codes: npm run hub -- enrolment-code --structure <id>)`,
    );
  }
  process.stdout.write(out.join('\n') + '\n\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(help() + '\n');
    return name ? 0 : 1;
  }
  if (name === 'start') {
    await runStart();
    return -1; // keep running
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n\n${help()}\n`);
    return 2;
  }
  const args = parseArgs(rest);
  const json = args.flags.json === true;
  delete args.flags.json;
  const config = readConfig();
  let database: HubDatabase | undefined;
  const ctx: CommandContext = {
    config,
    args,
    json,
    async database() {
      if (!database) {
        database = openDatabase(config);
        await migrateToLatest(database.db);
      }
      return database;
    },
    say(line) {
      if (!json) process.stdout.write(line + '\n');
    },
  };
  try {
    const result = await command.run(ctx);
    if (json) process.stdout.write(JSON.stringify(result) + '\n');
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`Error: ${e.message}\nUsage: npm run hub -- ${command.usage}\n`);
      return 1;
    }
    const msg = e instanceof Error ? e.message : String(e);
    process.stderr.write(`Error: ${msg}\n`);
    return 1;
  } finally {
    await database?.close();
  }
}

/**
 * Exits once everything written to stdout and stderr has been handed over: on a pipe, writes
 * are asynchronous and process.exit() would cut a large --json report (issue 13: 128 KiB of 970 KB).
 */
function exitAfterFlush(code: number): void {
  let waiting = 2;
  const done = () => {
    if (--waiting === 0) process.exit(code);
  };
  process.stdout.write('', done);
  process.stderr.write('', done);
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) exitAfterFlush(code);
  },
  (e: unknown) => {
    process.stderr.write(`Error: ${e instanceof Error ? e.message : String(e)}\n`);
    exitAfterFlush(1);
  },
);
