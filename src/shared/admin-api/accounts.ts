import { z } from 'zod';
import { ACCOUNT_STRUCTURES_MAX, PASSWORD_MAX, PASSWORD_MIN } from './account-bounds.ts';

// Contracts of the accounts routes (issue #12 / #16): the hub validates and serialises with
// them (fastify-type-provider-zod), the dashboard uses the same types.

export { ACCOUNT_STRUCTURES_MAX, PASSWORD_MAX, PASSWORD_MIN };

/** French messages for what the field-level messages do not cover (types, unknown fields). */
const fr = {
  error: (iss: { code?: string; keys?: string[] }) =>
    iss.code === 'unrecognized_keys' ? `Champ inconnu : ${(iss.keys ?? []).join(', ')}.` : iss.code === 'invalid_type' ? 'Valeur du mauvais type.' : undefined,
};

export const RoleSchema = z.enum(['admin', 'coordinator'], { error: 'Rôle inconnu : admin ou coordinator.' });
export type AccountRole = z.infer<typeof RoleSchema>;

const StructureId = z.string({ error: 'Identifiant de structure attendu.' }).min(1, 'Identifiant de structure vide.').max(200, 'Identifiant de structure trop long.');

export const AccountSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: RoleSchema,
  /** structures a coordinator may see; empty for admins (who see all) */
  structureIds: z.array(z.string()),
  /** when an admin disabled the account; null when active */
  disabledAt: z.string().nullable().optional(),
  /** when the account last logged in; null when unknown */
  lastLoginAt: z.string().nullable().optional(),
});
export type Account = z.infer<typeof AccountSchema>;

export const AccountListSchema = z.object({ users: z.array(AccountSchema) });
export type AccountList = z.infer<typeof AccountListSchema>;

export const AccountParamsSchema = z.object({ id: z.string().min(1, 'Identifiant de compte vide.').max(100, 'Identifiant de compte trop long.') });

export const InviteBodySchema = z.strictObject(
  {
    email: z.string({ error: "L'adresse e-mail est requise." }).trim().max(320, 'Adresse e-mail trop longue.').regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'Adresse e-mail invalide.'),
    role: RoleSchema.default('coordinator'),
    structureIds: z.array(StructureId, { error: 'Une liste de structures est attendue.' }).max(ACCOUNT_STRUCTURES_MAX, `Au plus ${ACCOUNT_STRUCTURES_MAX} structures.`).default([]),
  },
  fr,
);

/** The created account with its one-time password. */
export const InvitedAccountSchema = AccountSchema.extend({ password: z.string() });

export const StructuresBodySchema = z.strictObject(
  {
    structureIds: z.array(StructureId, { error: 'Une liste de structures est attendue.' }).max(ACCOUNT_STRUCTURES_MAX, `Au plus ${ACCOUNT_STRUCTURES_MAX} structures.`),
  },
  fr,
);

/** A generated password, shown once. */
export const ResetPasswordSchema = z.object({ password: z.string() });

export const RevokedSessionsSchema = z.object({ revoked: z.number().int().min(0) });

export const OwnPasswordBodySchema = z.strictObject(
  {
    currentPassword: z.string({ error: 'Le mot de passe actuel est requis.' }).min(1, 'Le mot de passe actuel est requis.').max(PASSWORD_MAX, `Au plus ${PASSWORD_MAX} caractères.`),
    newPassword: z
      .string({ error: 'Le nouveau mot de passe est requis.' })
      .min(PASSWORD_MIN, `Au moins ${PASSWORD_MIN} caractères.`)
      .max(PASSWORD_MAX, `Au plus ${PASSWORD_MAX} caractères.`),
  },
  fr,
);
export type OwnPasswordBody = z.infer<typeof OwnPasswordBodySchema>;
