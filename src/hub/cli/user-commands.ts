import type { Command } from './context.ts';
import { UsageError, requireFlag } from './args.ts';
import { generatePassword } from '../lib/crypto.ts';
import { getStructure } from '../repositories/structures.ts';
import { getUser } from '../repositories/users.ts';
import { findUserIdByEmail, setUserDisabled, setUserPassword, setUserStructures } from '../repositories/user-lifecycle.ts';
import type { DB } from '../db/schema.ts';

async function userIdOf(db: DB, email: string): Promise<string> {
  const id = await findUserIdByEmail(db, email);
  if (!id) throw new UsageError(`No account has the e-mail address ${email}.`);
  return id;
}

export const disableUser: Command = {
  summary: 'disable an account (its sessions end at once)',
  usage: 'disable-user --email E',
  async run(ctx) {
    const email = requireFlag(ctx.args, 'email', 'the account e-mail address');
    const { db } = await ctx.database();
    await setUserDisabled(db, await userIdOf(db, email), true);
    ctx.say(`Account ${email} disabled; its sessions are closed.`);
    return { email, disabled: true };
  },
};

export const enableUser: Command = {
  summary: 're-enable a disabled account',
  usage: 'enable-user --email E',
  async run(ctx) {
    const email = requireFlag(ctx.args, 'email', 'the account e-mail address');
    const { db } = await ctx.database();
    await setUserDisabled(db, await userIdOf(db, email), false);
    ctx.say(`Account ${email} enabled.`);
    return { email, disabled: false };
  },
};

export const resetPassword: Command = {
  summary: 'give an account a new generated password (its sessions end)',
  usage: 'reset-password --email E',
  async run(ctx) {
    const email = requireFlag(ctx.args, 'email', 'the account e-mail address');
    const { db } = await ctx.database();
    const password = generatePassword();
    await setUserPassword(db, await userIdOf(db, email), password);
    ctx.say(`New password for ${email}: ${password} (shown once; every session of the account is closed).`);
    return { password };
  },
};

export const setStructures: Command = {
  summary: "replace a coordinator's structures",
  usage: 'set-structures --email E --structures ID,ID',
  async run(ctx) {
    const email = requireFlag(ctx.args, 'email', 'the account e-mail address');
    const ids = requireFlag(ctx.args, 'structures', 'comma-separated structure ids').split(',').map((s) => s.trim()).filter(Boolean);
    const { db } = await ctx.database();
    const id = await userIdOf(db, email);
    const user = await getUser(db, id);
    if (user?.role === 'admin') throw new UsageError(`${email} is an admin: admins see every structure.`);
    if (ids.length === 0) throw new UsageError('--structures needs at least one structure id.');
    for (const sid of ids) if (!(await getStructure(db, sid))) throw new UsageError(`No structure has the id ${sid}.`);
    await setUserStructures(db, id, ids);
    ctx.say(`${email} now covers ${ids.length} structure(s).`);
    return { email, structureIds: ids };
  },
};
