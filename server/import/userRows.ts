import { z } from 'zod';
import { NewPassword, Role, Username } from '../../shared/sync/accounts';

/** docs/import.md: the columns of a user file. Without a password the server generates one, shown once. */
export const USER_COLUMNS = ['username', 'role', 'password'] as const;
export const REQUIRED_USER_COLUMNS = ['username', 'role'] as const;

export const UserImportRow = z.object({ username: Username, role: Role, password: NewPassword.optional() });
export type UserImportRow = z.infer<typeof UserImportRow>;
