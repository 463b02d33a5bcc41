import { z } from 'zod';

// The portal catalogue as it travels between hub and devices (protocol.md, portal-catalogue.md).
// French fields are the source; `i18n` carries the other languages' texts.

// The ids and linkInCategory live in a module without zod (categories.ts): the portal's
// screens use them without loading the schemas (90 kB) on a cold start.
import { PORTAL_CATEGORY_IDS, PORTAL_LANGUAGES } from './categories.ts';
export { PORTAL_CATEGORY_IDS, PORTAL_LANGUAGES, linkInCategory, type PortalCategoryId, type PortalLanguage } from './categories.ts';

const LINK_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;
export const PortalLinkIdSchema = z.string().regex(LINK_ID, { message: 'Identifiant invalide : lettres minuscules, chiffres, « - » ou « _ » (64 au plus).' });

/** Only web pages: http(s) with a host, so no javascript: or data: link can reach a kiosk. */
export const PortalUrlSchema = z
  .string()
  .max(500, { message: "L'adresse est trop longue (500 caractères au plus)." })
  .refine(
    (u) => {
      try {
        const url = new URL(u);
        return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0 && !url.username && !url.password;
      } catch {
        return false;
      }
    },
    { message: "L'adresse doit être une adresse web complète commençant par https://" },
  );

const Text = (max: number, what: string) => z.string().trim().min(1, { message: `${what} est vide.` }).max(max, { message: `${what} est trop long (${max} caractères au plus).` });

export const PortalTextsSchema = z
  .object({
    name: Text(120, 'Le nom').optional(),
    description: Text(600, 'La description').optional(),
    checklist: z.array(Text(200, 'Un élément de la liste')).max(20).optional(),
  })
  .strict();
export type PortalTexts = z.infer<typeof PortalTextsSchema>;

const I18nSchema = z.partialRecord(z.enum(PORTAL_LANGUAGES), PortalTextsSchema);

export const PortalLinkSchema = z
  .object({
    id: PortalLinkIdSchema,
    name: Text(120, 'Le nom'),
    url: PortalUrlSchema,
    category: z.enum(PORTAL_CATEGORY_IDS, { message: 'Catégorie inconnue.' }),
    /** other categories the site obviously belongs to too (the CAF pays the housing aid: also under "Logement") */
    alsoIn: z.array(z.enum(PORTAL_CATEGORY_IDS, { message: 'Catégorie inconnue.' })).max(5).optional(),
    /** id of a bundled pictogram: /pictos/<id>.svg */
    pictogram: z.string().regex(/^[a-z0-9-]{1,40}$/, { message: 'Pictogramme invalide.' }),
    audience: z.enum(['public', 'pro']),
    description: Text(600, 'La description').optional(),
    checklist: z.array(Text(200, 'Un élément de la liste')).max(20).optional(),
    /** extra words people type to find it (e.g. "impôts", "retraite"), any language */
    keywords: z.array(z.string().max(60)).max(30).optional(),
    pinned: z.boolean().optional(),
    hidden: z.boolean().optional(),
    order: z.number().int().min(0).optional(),
    i18n: I18nSchema.optional(),
  })
  .strict();
export type PortalLink = z.infer<typeof PortalLinkSchema>;

export const PortalCategorySchema = z
  .object({
    id: z.enum(PORTAL_CATEGORY_IDS),
    /** French label (taxonomy.md verbatim for the national scopes) */
    name: z.string(),
    pictogram: z.string(),
    order: z.number().int().min(0),
    i18n: z.partialRecord(z.enum(PORTAL_LANGUAGES), z.object({ name: z.string() }).strict()).optional(),
  })
  .strict();
export type PortalCategory = z.infer<typeof PortalCategorySchema>;

/** What `GET /api/v1/sync/portal` answers: the catalogue merged with the structure's customisation. */
export const PortalCatalogueSchema = z
  .object({
    version: z.string().min(1),
    categories: z.array(PortalCategorySchema),
    links: z.array(PortalLinkSchema),
  })
  .strict();
export type PortalCatalogue = z.infer<typeof PortalCatalogueSchema>;

/**
 * A structure's customisation (`PUT /api/v1/admin/structures/{id}/portal`):
 * - `added`: its own entries (town hall, own site…); an added entry whose id is a catalogue
 *   entry's id replaces that entry (e.g. a corrected préfecture address);
 * - `hidden`: ids removed from its devices;
 * - `pinned`: ids shown first, in this order;
 * - `order`: ids placed first (after the pinned ones) in this order; the others keep the catalogue's order.
 */
export const PortalCustomisationSchema = z
  .object({
    added: z.array(PortalLinkSchema.omit({ pinned: true, hidden: true, order: true })).max(100).default([]),
    hidden: z.array(PortalLinkIdSchema).max(500).default([]),
    pinned: z.array(PortalLinkIdSchema).max(50).default([]),
    order: z.array(PortalLinkIdSchema).max(500).default([]),
  })
  .strict();
export type PortalCustomisation = z.infer<typeof PortalCustomisationSchema>;
export type PortalCustomisationInput = z.input<typeof PortalCustomisationSchema>;

export const EMPTY_CUSTOMISATION: PortalCustomisation = { added: [], hidden: [], pinned: [], order: [] };
