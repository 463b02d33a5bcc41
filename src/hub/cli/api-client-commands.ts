import type { Command } from './context.ts';
import { hasControlChars } from '../../shared/text.ts';
import { UsageError, requireFlag } from './args.ts';
import { createApiClient, revokeApiClient } from '../repositories/api-clients.ts';
import { API_CLIENT_NAME_MAX, API_SCOPES, parseScopes } from '../../shared/coop-api/scopes.ts';

export const createApiClientCmd: Command = {
  summary: 'create a client of the Coop-compatible API (prints its secret once)',
  usage: `create-api-client --name NAME --scopes ${API_SCOPES.join(',')}`,
  async run(ctx) {
    const name = requireFlag(ctx.args, 'name', 'a name that tells who uses this client');
    if (name.length > API_CLIENT_NAME_MAX || hasControlChars(name)) {
      throw new UsageError(`--name must be 1 to ${API_CLIENT_NAME_MAX} characters, without control characters.`);
    }
    const { scopes, unknown } = parseScopes(requireFlag(ctx.args, 'scopes', `one or more of ${API_SCOPES.join(', ')}, separated by commas`));
    if (unknown.length) throw new UsageError(`Unknown scope(s): ${unknown.join(', ')}. Known scopes: ${API_SCOPES.join(', ')}.`);
    if (!scopes.length) throw new UsageError(`--scopes needs at least one of ${API_SCOPES.join(', ')}.`);
    const { db } = await ctx.database();
    const { client, secret } = await createApiClient(db, { name, scopes, createdBy: null });
    ctx.say(`API client "${client.name}" created with scopes ${client.scopes.join(', ')}.`);
    ctx.say(`  id:     ${client.id}`);
    ctx.say(`  secret: ${secret}   (shown only now; the hub keeps only its hash)`);
    ctx.say(`Requests send: Authorization: Bearer ${client.id}:<secret>`);
    return { id: client.id, secret };
  },
};

export const revokeApiClientCmd: Command = {
  summary: 'revoke a client of the Coop-compatible API',
  usage: 'revoke-api-client --id ID',
  async run(ctx) {
    const id = requireFlag(ctx.args, 'id', 'the client id printed by create-api-client');
    const { db } = await ctx.database();
    if (!(await revokeApiClient(db, id))) throw new UsageError(`No active API client has the id ${id}.`);
    ctx.say(`API client ${id} revoked: its requests are refused from now on.`);
    return { id, revoked: true };
  },
};
