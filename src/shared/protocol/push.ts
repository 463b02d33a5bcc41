import { z } from 'zod';

/** Limits of `POST /api/v1/sync/activities` (protocol.md). */
export const PUSH_MAX_RECORDS = 500;
export const PUSH_MAX_BYTES = 2 * 1024 * 1024;

export const PUSH_STATUSES = ['created', 'updated', 'unchanged', 'conflict', 'rejected'] as const;
export type PushStatus = (typeof PUSH_STATUSES)[number];

export const FieldErrorSchema = z.object({ path: z.string(), message: z.string() });
export type FieldError = z.infer<typeof FieldErrorSchema>;

/**
 * One result per pushed record, in the order sent. `revision` is the revision this result is
 * about: the one sent for created / updated / unchanged, the one the hub holds for a conflict.
 */
export const PushResultSchema = z.object({
  id: z.string(),
  status: z.enum(PUSH_STATUSES),
  revision: z.number().int().optional(),
  errors: z.array(FieldErrorSchema).optional(),
});
export type PushResult = z.infer<typeof PushResultSchema>;

export const PushResponseSchema = z.object({ results: z.array(PushResultSchema) });
export type PushResponse = z.infer<typeof PushResponseSchema>;

/** The envelope of a push; each record is validated on its own (ActivityRecordSchema / ActivityDeletionSchema). */
export const PushRequestSchema = z
  .object({
    records: z
      .array(z.unknown(), { error: 'records doit être une liste d’accompagnements.' })
      .min(1, 'Envoyez au moins un accompagnement.'),
  })
  .strict();

/**
 * Only a well-formed answer counts: the JSON shape of the contract with one result per sent
 * id, in the same order. Anything else (a captive portal's page, a proxy's error) is a failure.
 */
export function parsePushResponse(body: unknown, sentIds: readonly string[]): PushResponse | undefined {
  const parsed = PushResponseSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const { results } = parsed.data;
  if (results.length !== sentIds.length) return undefined;
  for (let i = 0; i < results.length; i++) if (results[i]!.id !== sentIds[i]) return undefined;
  return parsed.data;
}
