import type { HubConfig } from '../config.ts';
import type { HubDatabase } from '../plugins/db.ts';
import type { ParsedArgs } from './args.ts';

export interface CommandContext {
  config: HubConfig;
  args: ParsedArgs;
  json: boolean;
  /** opens and migrates the database (closed by the CLI afterwards) */
  database(): Promise<HubDatabase>;
  /** plain-words output (suppressed with --json) */
  say(line: string): void;
}

export interface Command {
  summary: string;
  usage: string;
  /** returns the object printed with --json */
  run(ctx: CommandContext): Promise<unknown>;
}
