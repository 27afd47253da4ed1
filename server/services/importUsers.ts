import { hashPassword } from '../auth/passwords';
import type { UsersTable } from '../db/schema';
import { REQUIRED_USER_COLUMNS, USER_COLUMNS, UserImportRow } from '../import/userRows';
import type { CsvRow } from '../import/csv';
import { generatePassword } from './accounts';
import { nowIso, type ServiceContext } from './context';
import { describeIssue, report, type ImportOptions, type ImportReport } from './importReport';

/**
 * Accounts from a file (username, role, optional password), in one transaction. A user who exists
 * keeps their password (importing the file again must not sign everybody out); only a different
 * role is changed. New users without a password get a generated one, reported once.
 */
export async function importUsers(ctx: ServiceContext, columns: string[], rows: CsvRow[], options: ImportOptions = {}): Promise<ImportReport> {
  const missing = REQUIRED_USER_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length) return report({ errors: [`The file has no column ${missing.join(', ')}. User columns: ${USER_COLUMNS.join(', ')}.`] });
  const errors: string[] = [];
  const valid: UserImportRow[] = [];
  const seen = new Map<string, number>();
  for (const { line, values } of rows) {
    const present = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''));
    const parsed = UserImportRow.safeParse(present);
    if (!parsed.success) {
      errors.push(describeIssue(line, parsed.error, present));
      continue;
    }
    const earlier = seen.get(parsed.data.username);
    if (earlier) {
      errors.push(`line ${line}, username: '${parsed.data.username}' is already on line ${earlier}.`);
      continue;
    }
    seen.set(parsed.data.username, line);
    valid.push(parsed.data);
  }
  return ctx.database.db.transaction().execute(async (tx) => {
    const existing = new Map(
      valid.length ? (await tx.selectFrom('users').selectAll().where('username', 'in', valid.map((u) => u.username)).execute()).map((u) => [u.username, u]) : [],
    );
    const creates = valid.filter((u) => !existing.has(u.username));
    const roleChanges = valid.filter((u) => existing.has(u.username) && existing.get(u.username)!.role !== u.role);
    const counts = { created: creates.length, updated: roleChanges.length, unchanged: valid.length - creates.length - roleChanges.length, skipped: rows.length - valid.length };
    if (options.dryRun || (errors.length && !options.skipInvalid)) return report({ ...counts, errors });
    const generatedPasswords: Record<string, string> = {};
    const now = nowIso(ctx);
    for (const user of creates) {
      const password = user.password ?? (generatedPasswords[user.username] = generatePassword());
      const row: UsersTable = { id: user.username, username: user.username, role: user.role, password_hash: await hashPassword(password), created_at: now, disabled_at: null };
      await tx.insertInto('users').values(row).execute();
    }
    for (const user of roleChanges) await tx.updateTable('users').set({ role: user.role }).where('username', '=', user.username).execute();
    return report({ ...counts, errors, written: true, ...(Object.keys(generatedPasswords).length ? { generatedPasswords } : {}) });
  });
}
