import type { Command } from './context.ts';
import { createAdmin, createCoordinator, createStructureCmd, migrate } from './core-commands.ts';
import { enrolmentCode } from './device-commands.ts';
import { importVenuesCmd } from './venue-commands.ts';
import { createApiClientCmd, revokeApiClientCmd } from './api-client-commands.ts';
import { disableUser, enableUser, resetPassword, setStructures } from './user-commands.ts';

/** Subcommands of `npm run hub -- <command>` (protocol.md, "Command line"). */
export const COMMANDS: Record<string, Command> = {
  migrate,
  'create-admin': createAdmin,
  'create-structure': createStructureCmd,
  'create-coordinator': createCoordinator,
  'enrolment-code': enrolmentCode,
  'import-venues': importVenuesCmd,
  'create-api-client': createApiClientCmd,
  'revoke-api-client': revokeApiClientCmd,
  'disable-user': disableUser,
  'enable-user': enableUser,
  'reset-password': resetPassword,
  'set-structures': setStructures,
};
