import { createHash, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { assertStructureInScope, requireStaff, structureScope } from '../../plugins/auth.ts';
import { HttpProblem } from '../../plugins/problem.ts';
import { createStructure, getStructure, listStructures, updateStructure, type Structure, type StructureSettings } from '../../repositories/structures.ts';
import { getVenuesByIds } from '../../repositories/venues.ts';
import {
  CreateStructureSchema,
  PatchStructureSchema,
  StructureDetailSchema,
  StructureListSchema,
  StructureViewSchema,
} from '../../../shared/admin-api/structures.ts';
import { StructureParamsSchema } from '../../../shared/admin-api/portal.ts';
import { problems } from '../../../shared/admin-api/problem.ts';

const NOT_FOUND = { status: 404, title: 'Introuvable', detail: "Cette structure n'existe pas ou ne fait pas partie de vos structures." };
const tags = ['Administration : structures'];

const notFound = () => new HttpProblem(NOT_FOUND.status, NOT_FOUND.title, NOT_FOUND.detail);

/** contracts.md: the kiosk exit PIN is stored as sha256 hex of "kariole-kiosk:" + PIN. */
export function kioskPinHash(pin: string): string {
  return createHash('sha256').update(`kariole-kiosk:${pin}`).digest('hex');
}

/** A structure as the admin screens see it: the PIN hash never leaves the hub this way. */
function view(s: Structure) {
  const { kioskPinHash: hash, ...settings } = s.settings;
  return { id: s.id, name: s.name, departements: s.departements, timeZone: s.timeZone, settings: { ...settings, kioskPinSet: hash !== null }, createdAt: s.createdAt, updatedAt: s.updatedAt };
}

export default async function structureRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const staff = requireStaff('admin', 'coordinator');

  app.get(
    '/api/v1/admin/structures',
    { onRequest: staff, schema: { tags, summary: 'vos structures (toutes pour un administrateur)', response: { 200: StructureListSchema, ...problems(401, 403) } } },
    async (req) => ({ structures: (await listStructures(app.db, structureScope(req.user!))).map(view) }),
  );

  app.post(
    '/api/v1/admin/structures',
    {
      onRequest: requireStaff('admin'),
      config: { invalid: { title: 'Structure non créée', detail: 'Vérifiez le nom et les départements.' } },
      schema: { tags, summary: 'crée une structure (administrateurs)', body: CreateStructureSchema, response: { 201: StructureViewSchema, ...problems(400, 401, 403) } },
    },
    async (req, reply) => reply.code(201).send(view(await createStructure(app.db, req.body))),
  );

  app.get(
    '/api/v1/admin/structures/:id',
    {
      onRequest: staff,
      config: { invalidParams: NOT_FOUND },
      schema: { tags, summary: "une structure et ses lieux d'activité nommés", params: StructureParamsSchema, response: { 200: StructureDetailSchema, ...problems(401, 403, 404) } },
    },
    async (req) => {
      const { id } = req.params;
      assertStructureInScope(req.user!, id);
      const s = await getStructure(app.db, id);
      if (!s) throw notFound();
      const places = await getVenuesByIds(app.db, s.settings.placesOfActivity);
      return { ...view(s), places };
    },
  );

  app.patch(
    '/api/v1/admin/structures/:id',
    {
      onRequest: staff,
      config: { invalidParams: NOT_FOUND, invalid: { title: 'Modifications non enregistrées', detail: 'Vérifiez les champs signalés.' } },
      schema: {
        tags,
        summary: "modifie une structure (les départements : administrateurs seulement)",
        params: StructureParamsSchema,
        body: PatchStructureSchema,
        response: { 200: StructureViewSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const { id } = req.params;
      assertStructureInScope(req.user!, id);
      const current = await getStructure(app.db, id);
      if (!current) throw notFound();
      const { name, departements, timeZone, placesOfActivity, tags, kioskIdleSeconds, kioskPin } = req.body;
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
    },
  );
}
