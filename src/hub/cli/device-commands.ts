import type { Command } from './context.ts';
import { UsageError, optionalFlag, requireFlag } from './args.ts';
import { createEnrolmentCode } from '../repositories/devices.ts';
import { getStructure } from '../repositories/structures.ts';

export const enrolmentCode: Command = {
  summary: 'issue a device enrolment code',
  usage: 'enrolment-code --structure ID [--mediator LABEL] [--ttl-hours H]',
  async run(ctx) {
    const structureId = requireFlag(ctx.args, 'structure', 'the structure id');
    const ttlRaw = optionalFlag(ctx.args, 'ttl-hours');
    const ttlHours = ttlRaw === undefined ? 72 : Number(ttlRaw);
    if (!Number.isFinite(ttlHours) || ttlHours <= 0 || ttlHours > 24 * 365) {
      throw new UsageError('--ttl-hours must be a number of hours between 1 and 8760.');
    }
    const { db } = await ctx.database();
    if (!(await getStructure(db, structureId))) throw new UsageError(`No structure has the id ${structureId}.`);
    const c = await createEnrolmentCode(db, { structureId, mediatorLabel: optionalFlag(ctx.args, 'mediator') ?? null, ttlHours });
    ctx.say(`Enrolment code: ${c.code} (single use, valid until ${c.expiresAt}). Type it on the tablet under "Synchronisation".`);
    return { code: c.code, expiresAt: c.expiresAt };
  },
};
