import { z } from 'zod';

/**
 * Accounts, as the admin API (docs/sync-protocol.md, "Accounts") and the
 * server's `user` commands take and show them: one set of rules for both.
 */
export const ROLES = ['technician', 'supervisor', 'admin'] as const;
export const Role = z.enum(ROLES, { error: `The role must be one of ${ROLES.join(', ')}.` });
export type Role = z.infer<typeof Role>;

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'A user name is 1 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit.');

export const PASSWORD_MIN_LENGTH = 8;
export const NewPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `A password needs at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(256, 'A password can have at most 256 characters.');

export const Account = z.object({
  id: z.string(),
  username: z.string(),
  role: Role,
  disabled: z.boolean(),
  createdAt: z.string(),
});
export type Account = z.infer<typeof Account>;

/** Without `password` the server generates one and returns it once as `generatedPassword`. */
export const CreateAccountRequest = z.strictObject({ username: Username, role: Role, password: NewPassword.optional() });
export type CreateAccountRequest = z.infer<typeof CreateAccountRequest>;

export const UpdateAccountRequest = z
  .strictObject({ role: Role.optional(), disabled: z.boolean().optional(), password: NewPassword.optional() })
  .refine((u) => Object.keys(u).length > 0, 'Say what to change: role, disabled or password.');
export type UpdateAccountRequest = z.infer<typeof UpdateAccountRequest>;

export const AccountResponse = z.object({ user: Account, generatedPassword: z.string().optional() });
export type AccountResponse = z.infer<typeof AccountResponse>;
