import type { Command } from './context.ts';
import { UsageError, optionalFlag, requireFlag } from './args.ts';
import { migrateToLatest } from '../plugins/db.ts';
import { generatePassword } from '../lib/crypto.ts';
import { DuplicateEmailError, createUser } from '../repositories/users.ts';
import { createStructure, getStructure } from '../repositories/structures.ts';

const EMAIL = /^[^\s@]+@[^\s@]+$/;

function checkEmail(email: string): string {
  if (!EMAIL.test(email)) throw new UsageError(`"${email}" is not an e-mail address.`);
  return email;
}

function checkPassword(pw: string | undefined): string | undefined {
  if (pw !== undefined && pw.length < 10) throw new UsageError('The password must be at least 10 characters long.');
  return pw;
}

export const migrate: Command = {
  summary: 'bring the database to the current schema',
  usage: 'migrate',
  async run(ctx) {
    const { db } = await ctx.database();
    const version = await migrateToLatest(db);
    ctx.say(`Database is up to date (${version}).`);
    return { version };
  },
};

export const createAdmin: Command = {
  summary: 'create an admin account',
  usage: 'create-admin --email E [--password P]',
  async run(ctx) {
    const email = checkEmail(requireFlag(ctx.args, 'email', 'the admin\'s e-mail address'));
    const given = checkPassword(optionalFlag(ctx.args, 'password'));
    const password = given ?? generatePassword();
    const { db } = await ctx.database();
    try {
      await createUser(db, { email, password, role: 'admin' });
    } catch (e) {
      if (e instanceof DuplicateEmailError) throw new UsageError(`An account already exists for ${email}.`);
      throw e;
    }
    ctx.say(`Admin ${email} created.${given ? '' : ` Password: ${password} (shown once; keep it safe).`}`);
    return given ? { email } : { email, password };
  },
};

export const createStructureCmd: Command = {
  summary: 'create a structure and its territory',
  usage: 'create-structure --name N [--departements 59,62]',
  async run(ctx) {
    const name = requireFlag(ctx.args, 'name', 'the structure\'s name');
    const deps = (optionalFlag(ctx.args, 'departements') ?? '').split(',').map((d) => d.trim()).filter(Boolean);
    for (const d of deps) {
      if (!/^(\d{2}|2A|2B|97\d|98[678])$/i.test(d)) throw new UsageError(`"${d}" is not a département code (e.g. 59, 2A, 974).`);
    }
    const { db } = await ctx.database();
    const s = await createStructure(db, { name, departements: deps.map((d) => d.toUpperCase()) });
    ctx.say(`Structure "${s.name}" created with id ${s.id}. Kiosk exit PIN: ${s.kioskPin} (shown once; the coordinator can change it).`);
    return { id: s.id, name: s.name, kioskPin: s.kioskPin };
  },
};

export const createCoordinator: Command = {
  summary: 'create a coordinator scoped to structures',
  usage: 'create-coordinator --email E --structures ID,ID [--password P]',
  async run(ctx) {
    const email = checkEmail(requireFlag(ctx.args, 'email', "the coordinator's e-mail address"));
    const ids = requireFlag(ctx.args, 'structures', 'comma-separated structure ids').split(',').map((s) => s.trim()).filter(Boolean);
    const given = checkPassword(optionalFlag(ctx.args, 'password'));
    const { db } = await ctx.database();
    for (const id of ids) {
      if (!(await getStructure(db, id))) throw new UsageError(`No structure has the id ${id}.`);
    }
    const password = given ?? generatePassword();
    try {
      await createUser(db, { email, password, role: 'coordinator', structureIds: ids });
    } catch (e) {
      if (e instanceof DuplicateEmailError) throw new UsageError(`An account already exists for ${email}.`);
      throw e;
    }
    ctx.say(`Coordinator ${email} created for ${ids.length} structure(s).${given ? '' : ` Password: ${password} (shown once).`}`);
    return given ? { email } : { email, password };
  },
};
