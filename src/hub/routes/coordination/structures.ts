import { createHash, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { assertStructureInScope, requireStaff, structureScope } from '../../plugins/auth.ts';
import { HttpProblem, zodErrors } from '../../plugins/problem.ts';
import { createStructure, getStructure, listStructures, updateStructure, type Structure, type StructureSettings } from '../../repositories/structures.ts';
import { getVenuesByIds } from '../../repositories/venues.ts';
import { plainText } from '../../../shared/activity/record.ts';
import { TIME_ZONE_MAX_LENGTH, isTimeZone } from '../../../shared/time/zoned-date.ts';

const DEPARTEMENT = /^(\d{2}|2A|2B|97\d|98[678])$/;
const Departements = z.array(z.string().toUpperCase().regex(DEPARTEMENT, 'Code de département invalide (ex. 13, 2A, 974).')).max(20);
const Name = z.string().trim().min(2, 'Le nom est trop court.').max(120, 'Le nom est trop long.');

const TimeZone = z.string().max(TIME_ZONE_MAX_LENGTH, 'Fuseau horaire trop long.').refine(isTimeZone, 'Fuseau horaire inconnu (ex. Europe/Paris, Indian/Reunion).');
const CreateBody = z.strictObject({ name: Name, departements: Departements.default([]), timeZone: TimeZone.optional() });
const PatchBody = z.strictObject({
  name: Name.optional(),
  departements: Departements.optional(),
  /** IANA zone; without it the zone follows the départements (Europe/Paris unless overseas) */
  timeZone: TimeZone.optional(),
  placesOfActivity: z.array(z.string().min(1).max(200)).max(50).optional(),
  tags: z.array(z.strictObject({ id: plainText("Identifiant d'étiquette").min(1).max(60).optional(), label: z.string().trim().min(1, 'Étiquette vide.').max(60) })).max(50).optional(),
  kioskIdleSeconds: z.number().int().min(30, 'Au moins 30 secondes.').max(3600, 'Au plus une heure.').optional(),
  /** 4 to 8 digits; null removes the PIN */
  kioskPin: z.string().regex(/^\d{4,8}$/, 'Le code doit compter 4 à 8 chiffres.').nullable().optional(),
});

const notFound = () => new HttpProblem(404, 'Introuvable', "Cette structure n'existe pas ou ne fait pas partie de vos structures.");

/** contracts.md: the kiosk exit PIN is stored as sha256 hex of "kariole-kiosk:" + PIN. */
export function kioskPinHash(pin: string): string {
  return createHash('sha256').update(`kariole-kiosk:${pin}`).digest('hex');
}

/** A structure as the admin screens see it: the PIN hash never leaves the hub this way. */
function view(s: Structure) {
  const { kioskPinHash: hash, ...settings } = s.settings;
  return { id: s.id, name: s.name, departements: s.departements, timeZone: s.timeZone, settings: { ...settings, kioskPinSet: hash !== null }, createdAt: s.createdAt, updatedAt: s.updatedAt };
}

export default async function structureRoutes(app: FastifyInstance) {
  const staff = requireStaff('admin', 'coordinator');

  app.get('/api/v1/admin/structures', { preHandler: staff }, async (req) => {
    return { structures: (await listStructures(app.db, structureScope(req.user!))).map(view) };
  });

  app.post('/api/v1/admin/structures', { preHandler: requireStaff('admin') }, async (req, reply) => {
    const body = CreateBody.safeParse(req.body);
    if (!body.success) throw new HttpProblem(400, 'Structure non créée', 'Vérifiez le nom et les départements.', zodErrors(body.error.issues));
    const s = await createStructure(app.db, body.data);
    return reply.code(201).send(view(s));
  });

  app.get('/api/v1/admin/structures/:id', { preHandler: staff }, async (req) => {
    const { id } = req.params as { id: string };
    assertStructureInScope(req.user!, id);
    const s = await getStructure(app.db, id);
    if (!s) throw notFound();
    const places = await getVenuesByIds(app.db, s.settings.placesOfActivity);
    return { ...view(s), places };
  });

  app.patch('/api/v1/admin/structures/:id', { preHandler: staff }, async (req) => {
    const { id } = req.params as { id: string };
    assertStructureInScope(req.user!, id);
    const current = await getStructure(app.db, id);
    if (!current) throw notFound();
    const body = PatchBody.safeParse(req.body);
    if (!body.success) throw new HttpProblem(400, 'Modifications non enregistrées', 'Vérifiez les champs signalés.', zodErrors(body.error.issues));
    const { name, departements, timeZone, placesOfActivity, tags, kioskIdleSeconds, kioskPin } = body.data;
    // The territory decides which places a coordinator may write: only an admin changes it.
    if (departements && req.user!.role !== 'admin' && [...new Set(departements)].sort().join(',') !== [...current.departements].sort().join(',')) {
      throw new HttpProblem(403, 'Accès refusé', "Seul un administrateur peut changer les départements d'une structure.", [
        { path: 'departements', message: 'Départements : modifiables par un administrateur seulement.' },
      ]);
    }
    const settings: Partial<StructureSettings> = {};
    if (placesOfActivity) {
      const unique = [...new Set(placesOfActivity)];
      const known = new Set((await getVenuesByIds(app.db, unique)).map((v) => v.id));
      const missing = unique.filter((v) => !known.has(v));
      if (missing.length) {
        throw new HttpProblem(400, 'Lieu inconnu', "Un lieu d'activité choisi n'est pas dans l'annuaire.", missing.map((m) => ({ path: 'placesOfActivity', message: `Lieu inconnu : ${m}` })));
      }
      settings.placesOfActivity = unique;
    }
    if (tags) settings.tags = tags.map((t) => ({ id: t.id ?? randomUUID().slice(0, 8), label: t.label }));
    if (kioskIdleSeconds !== undefined) settings.kioskIdleSeconds = kioskIdleSeconds;
    if (kioskPin !== undefined) settings.kioskPinHash = kioskPin === null ? null : kioskPinHash(kioskPin);
    const updated = await updateStructure(app.db, id, { name, departements, settings, timeZone });
    return view(updated!);
  });
}
