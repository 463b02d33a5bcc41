// Bounds of the accounts routes, without zod: the dashboard imports them without loading the
// schema library (src/shared/admin-api/accounts.ts holds the contracts).

/** Bounds of a password chosen by a person (generated ones are 16 characters). */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 1024;
/** Most structures one account may be given. */
export const ACCOUNT_STRUCTURES_MAX = 200;
